import type { LoaderFunctionArgs } from '@remix-run/node'
import { Form, NavLink, Outlet } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { requireClientVoucher } from '~/modules/client-access/session.server'

/**
 * The frame of the client's voucher pages: a short menu and "Log out". Only a client session (code and date of
 * birth) opens these pages; a staff or provider login does not. Each page checks the session itself too.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireClientVoucher(request)
  return null
}

const items = [
  { to: '/my-voucher', label: 'voucher:menu.voucher', end: true },
  { to: '/my-voucher/producers', label: 'voucher:menu.producers' },
  { to: '/my-voucher/payments', label: 'voucher:menu.payments' },
  { to: '/my-voucher/feedback', label: 'voucher:menu.feedback' },
  { to: '/my-voucher/data', label: 'privacy:menu.data' },
] as const

const tab = ({ isActive }: { isActive: boolean }) =>
  `block rounded px-3 py-2 text-lg ${isActive ? 'bg-brand-700 font-bold text-white no-underline' : ''}`

export default function MyVoucherFrame() {
  const { t } = useTranslation(['voucher', 'privacy'])
  return (
    <div className="grid gap-8 md:grid-cols-[15rem_1fr]">
      <nav aria-label={t('menu.label')}>
        <ul className="space-y-1">
          {items.map((item) => (
            <li key={item.to}>
              <NavLink to={item.to} end={'end' in item ? item.end : undefined} className={tab}>
                {t(item.label)}
              </NavLink>
            </li>
          ))}
        </ul>
        <Form method="post" action="/my-voucher/logout" className="mt-6">
          <button type="submit" className="rounded border-2 border-brand-700 px-3 py-2 text-lg font-semibold text-brand-800 hover:bg-brand-50">
            {t('menu.logout')}
          </button>
        </Form>
      </nav>
      <div className="text-lg">
        <Outlet />
      </div>
    </div>
  )
}
