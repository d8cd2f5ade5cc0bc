import { staff, type RouteAccess } from '../../support/route-access'

/** The follow-up of voucher use (issue 7): reviewers and admins read it and download its tables; admins set budgets. */
export const routes: Record<string, RouteAccess> = {
  'staff.follow-up._index.tsx': { path: '/staff/follow-up', loader: staff },
  'staff.follow-up.export.tsx': { path: '/staff/follow-up/export?table=summary&format=csv', loader: staff },
  'staff.follow-up.budgets.tsx': { path: '/staff/follow-up/budgets', loader: ['admin'], action: ['admin'] },
}
