import type { RouteAccess } from '../../support/route-access'
import { staff } from '../../support/route-access'

/**
 * Choosing a producer (issue 6, part 2). The voucher form is public. The client's pages open with a client session
 * only (voucher code and date of birth), never with a provider's or staff member's login, so no persona is allowed:
 * everyone without a client session goes to /voucher. Every persona on every loader and action, a client session
 * of another voucher (its producers, its choice) and offers the voucher cannot choose (404) are covered in
 * app/modules/choices/client-pages.integration.test.ts ("the client's pages") and
 * app/modules/choices/choose.integration.test.ts ("the choosing pages"); the form in
 * app/modules/client-access/client-login.integration.test.ts.
 */
export const routes: Record<string, RouteAccess> = {
  'voucher.tsx': { path: '/voucher', loader: 'public', action: 'public' },
  'my-voucher.tsx': { path: '/my-voucher', loader: [], custom: true },
  'my-voucher._index.tsx': { path: '/my-voucher', loader: [], custom: true },
  'my-voucher.producers._index.tsx': { path: '/my-voucher/producers', loader: [], action: [], custom: true },
  'my-voucher.producers.$offerId.tsx': { path: '/my-voucher/producers/:offerId', loader: [], action: [], custom: true },
  'my-voucher.feedback.tsx': { path: '/my-voucher/feedback', loader: [], action: [], custom: true },
  // the action closes whatever client session there is and goes back to the form, so it is public
  'my-voucher.logout.tsx': { path: '/my-voucher/logout', loader: [], action: 'public', custom: true },
  // moderation of feedback texts (feedback:moderate); decisions are covered in app/modules/choices/feedback.integration.test.ts
  'staff.feedback.tsx': { path: '/staff/feedback', loader: staff, action: staff },
}
