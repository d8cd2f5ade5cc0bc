import type { RouteAccess } from '../../support/route-access'

/**
 * Paying the co-payment (issue 6, part 5). The client's pages open with a client session only (code and date of
 * birth), never with a provider's or staff member's login, so no persona is allowed: everyone without a client
 * session goes to /voucher. Every persona, a client session, and another voucher's payment id (404) are covered in
 * app/modules/payments/payments.integration.test.ts ("who may use the payment pages", "paying online", "the return
 * page"); without Stripe keys, app/modules/payments/disabled.integration.test.ts.
 */
export const routes: Record<string, RouteAccess> = {
  'my-voucher.payments._index.tsx': { path: '/my-voucher/payments', loader: [], action: [], custom: true },
  'my-voucher.payments.$paymentId.tsx': { path: '/my-voucher/payments/:paymentId', loader: [], custom: true },
  // no loader (a GET answers 400); the action is public and guarded by Stripe's signature on the raw body instead
  // of a session: covered in app/modules/payments/payments.integration.test.ts ("the Stripe webhook",
  // "keeps the webhook public")
  'api.stripe-webhook.tsx': { path: '/api/stripe-webhook', loader: [], action: 'public', custom: true },
}
