import { staff, type RouteAccess } from '../../support/route-access'

/**
 * Issuing vouchers (issue 6, part 1): staff only (client:view, voucher:issue). The issue page without `?clientId=`
 * sends staff to the client search; empty forms answer 400. Unknown ids and the actions' forms are covered in
 * app/modules/vouchers/issuing-routes.integration.test.ts.
 */
export const routes: Record<string, RouteAccess> = {
  'staff.clients._index.tsx': { path: '/staff/clients', loader: staff, action: staff },
  'staff.clients.new.tsx': { path: '/staff/clients/new', loader: staff, action: staff },
  'staff.clients.$clientId.tsx': { path: '/staff/clients/:clientId', loader: staff, action: staff },
  'staff.vouchers._index.tsx': { path: '/staff/vouchers', loader: staff },
  'staff.vouchers.new.tsx': { path: '/staff/vouchers/new', loader: staff, action: staff },
  'staff.vouchers.$voucherId.tsx': { path: '/staff/vouchers/:voucherId', loader: staff, action: staff },
  'staff.vouchers.$voucherId_.letter.tsx': { path: '/staff/vouchers/:voucherId/letter', loader: staff },
}
