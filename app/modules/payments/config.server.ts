import { env } from '~/utils/env.server'

/**
 * Online payment of co-payments is on when the welfare area has configured both Stripe keys: the secret key creates
 * Checkout Sessions and the webhook secret verifies Stripe's events (without it no payment could be marked paid).
 * Without them the feature is hidden and the producer bills the co-payment.
 */
export type StripeSettings = {
  secretKey: string
  webhookSecret: string
  /** a local stand-in for Stripe's API (tests, the demo); null for Stripe's own */
  apiBase: URL | null
}

export function stripeSettings(): StripeSettings | null {
  const { STRIPE_SECRET_KEY, STRIPE_WEBHOOK_SECRET, STRIPE_API_BASE } = env()
  if (!STRIPE_SECRET_KEY || !STRIPE_WEBHOOK_SECRET) return null
  return { secretKey: STRIPE_SECRET_KEY, webhookSecret: STRIPE_WEBHOOK_SECRET, apiBase: STRIPE_API_BASE ? new URL(STRIPE_API_BASE) : null }
}

export function isOnlinePaymentEnabled(): boolean {
  return stripeSettings() !== null
}
