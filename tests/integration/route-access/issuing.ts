import type { RouteAccess } from '../../support/route-access'
import { staff } from '../../support/route-access'

/**
 * Issuing vouchers (issue 6, part 1): staff only (client:view, voucher:issue); providers get 403, anonymous users the
 * login page. The issue page without `?clientId=` sends staff to the client search; an empty form answers 400.
 * The pages of one client, one voucher and its decision letter need ids: every persona, unknown ids (404) and their
 * actions are covered in app/modules/vouchers/issuing-routes.integration.test.ts ("the issuing pages").
 */
export const routes: Record<string, RouteAccess> = {
  'staff.clients._index.tsx': { path: '/staff/clients', loader: staff, action: staff },
  'staff.clients.new.tsx': { path: '/staff/clients/new', loader: staff, action: staff },
  'staff.clients.$clientId.tsx': { path: '/staff/clients/:clientId', loader: staff, action: staff, custom: true },
  'staff.vouchers._index.tsx': { path: '/staff/vouchers', loader: staff },
  'staff.vouchers.new.tsx': { path: '/staff/vouchers/new', loader: staff, action: staff },
  'staff.vouchers.$voucherId.tsx': { path: '/staff/vouchers/:voucherId', loader: staff, action: staff, custom: true },
  'staff.vouchers.$voucherId_.letter.tsx': { path: '/staff/vouchers/:voucherId/letter', loader: staff, custom: true },
}
