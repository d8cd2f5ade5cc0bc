import { client, type RouteAccess } from '../../support/route-access'

/**
 * Paying the co-payment (issue 6, part 5): the client's pages, with a client session only; everyone else goes to
 * /voucher. Paying online (Stripe stand-in) is covered in app/modules/payments/payments.integration.test.ts; without
 * Stripe keys in app/modules/payments/disabled.integration.test.ts.
 */
export const routes: Record<string, RouteAccess> = {
  // without Stripe keys (as here) the action answers 404 to everyone, the client included
  'my-voucher.payments._index.tsx': {
    path: '/my-voucher/payments',
    loader: client,
    action: client,
    scope: 'client',
    probe: { paymentId: ':paymentId' },
    allowedStatuses: [404],
  },
  'my-voucher.payments.$paymentId.tsx': { path: '/my-voucher/payments/:paymentId', loader: client, scope: 'client' },
  // no loader; the action is public and guarded by Stripe's signature on the raw body instead of a session
  // (app/modules/payments/payments.integration.test.ts, "the Stripe webhook")
  'api.stripe-webhook.tsx': { path: '/api/stripe-webhook', action: 'public' },
}
