import { Form, Link, NavLink } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { can, staffRole, type StaffRoleName } from '~/utils/permissions'
import { LanguageSwitcher } from './language-switcher'

export type HeaderUser = { name: string; staffRole: StaffRoleName | null }

const navLink = ({ isActive }: { isActive: boolean }) =>
  `rounded px-2 py-1 text-white ${isActive ? 'bg-brand-800 font-bold' : 'underline hover:bg-brand-800'}`

/** Site header: skip link, name, navigation for the user's role, language switcher. */
export function SiteHeader({ user }: { user: HeaderUser | null }) {
  const { t } = useTranslation()
  const role = user ? staffRole(user.staffRole) : null
  return (
    <header className="bg-brand-700 text-white">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-4 focus:py-2 focus:text-brand-800"
      >
        {t('layout.skipToContent')}
      </a>
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <Link to="/" className="text-xl font-bold text-white no-underline">
          {t('app.name')}
          <span className="block text-sm font-normal">{t('app.organiser')}</span>
        </Link>
        <LanguageSwitcher />
      </div>
      <nav aria-label={t('layout.mainNavigation')} className="mx-auto max-w-6xl px-4 pb-3">
        <ul className="flex flex-wrap items-center gap-2">
          <li>
            <NavLink to="/" end className={navLink}>
              {t('nav.home')}
            </NavLink>
          </li>
          <li>
            <NavLink to="/services" className={navLink}>
              {t('nav.services')}
            </NavLink>
          </li>
          <li>
            <NavLink to="/voucher" className={navLink}>
              {t('nav.voucher')}
            </NavLink>
          </li>
          {role && can(role, 'staff:access') ? (
            <li>
              <NavLink to="/staff" className={navLink}>
                {t('nav.staff')}
              </NavLink>
            </li>
          ) : null}
          {user && !role ? (
            <li>
              <NavLink to="/provider" className={navLink}>
                {t('nav.provider')}
              </NavLink>
            </li>
          ) : null}
          {user ? (
            <>
              <li>
                <NavLink to="/account" className={navLink}>
                  {t('nav.account')}
                </NavLink>
              </li>
              <li>
                <Form method="post" action="/logout">
                  <button type="submit" className="rounded px-2 py-1 text-white underline hover:bg-brand-800">
                    {t('nav.logout')}
                  </button>
                </Form>
              </li>
            </>
          ) : (
            <>
              <li>
                <NavLink to="/login" className={navLink}>
                  {t('nav.login')}
                </NavLink>
              </li>
              <li>
                <NavLink to="/signup" className={navLink}>
                  {t('nav.signup')}
                </NavLink>
              </li>
            </>
          )}
        </ul>
      </nav>
    </header>
  )
}
