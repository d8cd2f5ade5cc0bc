import type { LoaderFunctionArgs } from '@remix-run/node'
import { NavLink, Outlet, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { can, type Permission } from '~/utils/permissions'
import { requirePermission } from '~/utils/session.server'

/** The frame of every staff page: the staff menu, filtered by the user's permissions. Staff only (403 otherwise). */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'staff:access')
  return { role: user.role }
}

const items: { to: string; key: string; permission: Permission; end?: boolean }[] = [
  { to: '/staff', key: 'overview', permission: 'staff:access', end: true },
  { to: '/staff/applications', key: 'applications', permission: 'application:review' },
  { to: '/staff/register', key: 'register', permission: 'register:manage' },
  { to: '/staff/attention', key: 'attention', permission: 'register:manage' },
  { to: '/staff/clients', key: 'clients', permission: 'client:view' },
  { to: '/staff/vouchers', key: 'vouchers', permission: 'voucher:issue' },
  { to: '/staff/settlements', key: 'settlements', permission: 'settlement:approve' },
  { to: '/staff/feedback', key: 'feedback', permission: 'feedback:moderate' },
  { to: '/staff/follow-up', key: 'followUp', permission: 'report:view' },
  { to: '/staff/catalogue', key: 'catalogue', permission: 'catalogue:manage' },
  { to: '/staff/rulebook', key: 'rulebook', permission: 'rulebook:manage' },
  { to: '/staff/users', key: 'users', permission: 'staff-user:manage' },
  { to: '/staff/audit', key: 'audit', permission: 'audit:view' },
]

const tab = ({ isActive }: { isActive: boolean }) =>
  `block rounded px-3 py-2 ${isActive ? 'bg-brand-700 font-bold text-white no-underline' : ''}`

export default function StaffFrame() {
  const { t } = useTranslation('staff')
  const { role } = useLoaderData<typeof loader>()
  return (
    <div className="grid gap-8 md:grid-cols-[14rem_1fr]">
      <nav aria-label={t('menu.label')}>
        <ul className="space-y-1">
          {items
            .filter((item) => can(role, item.permission))
            .map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} end={item.end} className={tab}>
                  {t(`menu.${item.key}`)}
                </NavLink>
              </li>
            ))}
        </ul>
      </nav>
      <div>
        <Outlet />
      </div>
    </div>
  )
}
