import type { LoaderFunctionArgs } from '@remix-run/node'
import { NavLink, Outlet, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { organisationHeader } from '~/modules/organisations/membership.server'
import { can } from '~/utils/permissions'
import { requireOrganisationPermission } from '~/utils/session.server'

/** The frame of one organisation's pages: its name and its menu. Members only; other ids give 404. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireOrganisationPermission(request, params.orgId ?? '', 'organisation:view')
  return { organisation: await organisationHeader(member.organisationId), role: member.role }
}

const tab = ({ isActive }: { isActive: boolean }) =>
  `block rounded px-3 py-2 ${isActive ? 'bg-brand-700 font-bold text-white no-underline' : ''}`

export default function OrganisationFrame() {
  const { t } = useTranslation('organisation')
  const { organisation, role } = useLoaderData<typeof loader>()
  const base = `/provider/${organisation.id}`
  return (
    <div className="grid gap-8 md:grid-cols-[14rem_1fr]">
      <nav aria-label={t('menu.label', { organisation: organisation.name })}>
        <p className="mb-2 font-semibold">{organisation.name}</p>
        <ul className="space-y-1">
          <li>
            <NavLink to={base} end className={tab}>
              {t('menu.overview')}
            </NavLink>
          </li>
          <li>
            <NavLink to={`${base}/documents`} className={tab}>
              {t('menu.documents')}
            </NavLink>
          </li>
          <li>
            <NavLink to={`${base}/applications`} className={tab}>
              {t('menu.applications')}
            </NavLink>
          </li>
          <li>
            <NavLink to={`${base}/units`} className={tab}>
              {t('menu.units')}
            </NavLink>
          </li>
          <li>
            <NavLink to={`${base}/offers`} className={tab}>
              {t('menu.offers')}
            </NavLink>
          </li>
          <li>
            <NavLink to={`${base}/clients`} className={tab}>
              {t('menu.clients')}
            </NavLink>
          </li>
          <li>
            <NavLink to={`${base}/settlements`} className={tab}>
              {t('menu.settlements')}
            </NavLink>
          </li>
          <li>
            <NavLink to={`${base}/register`} className={tab}>
              {t('menu.register')}
            </NavLink>
          </li>
          {can(role, 'organisation:manage-members') ? (
            <li>
              <NavLink to={`${base}/members`} className={tab}>
                {t('menu.members')}
              </NavLink>
            </li>
          ) : null}
        </ul>
      </nav>
      <div>
        <Outlet />
      </div>
    </div>
  )
}
