import { client, staff, type RouteAccess } from '../../support/route-access'

/**
 * Choosing a producer (issue 6, part 2). The voucher form is public. The client's pages open with a client session
 * only (voucher code and date of birth), never with a provider's or staff member's login: everyone without a client
 * session goes to /voucher. Choosing itself (a client session of another voucher, offers the voucher cannot choose)
 * is covered in app/modules/choices/client-pages.integration.test.ts and app/modules/choices/choose.integration.test.ts;
 * the form in app/modules/client-access/client-login.integration.test.ts.
 */
export const routes: Record<string, RouteAccess> = {
  'voucher.tsx': { path: '/voucher', loader: 'public', action: 'public' },
  'my-voucher.tsx': { path: '/my-voucher', loader: client, scope: 'client' },
  'my-voucher._index.tsx': { path: '/my-voucher', loader: client, scope: 'client' },
  'my-voucher.producers._index.tsx': { path: '/my-voucher/producers', loader: client, action: client, scope: 'client' },
  // B's published offer: one the client's voucher may choose
  'my-voucher.producers.$offerId.tsx': { path: '/my-voucher/producers/:otherOfferId', loader: client, action: client, scope: 'client' },
  'my-voucher.feedback.tsx': { path: '/my-voucher/feedback', loader: client, action: client, scope: 'client' },
  // the action closes whatever client session there is and goes back to the form, so it is public
  'my-voucher.logout.tsx': { path: '/my-voucher/logout', loader: client, action: 'public', scope: 'client' },
  // moderation of feedback texts (feedback:moderate); decisions are covered in app/modules/choices/feedback.integration.test.ts
  'staff.feedback.tsx': { path: '/staff/feedback', loader: staff, action: staff },
}
