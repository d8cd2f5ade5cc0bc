import Stripe from 'stripe'
import type { StripeSettings } from './config.server'

const clients = new Map<string, Stripe>()

/**
 * The Stripe client for the configured key (one per process). With STRIPE_API_BASE set, its requests go to that
 * address instead of api.stripe.com: the local stand-in of tests and the demo (tests/support/stripe-stand-in.ts).
 */
export function stripeClient(settings: StripeSettings): Stripe {
  const base = settings.apiBase
  const key = `${settings.secretKey} ${base?.href ?? ''}`
  let client = clients.get(key)
  if (!client) {
    const https = !base || base.protocol === 'https:'
    client = new Stripe(settings.secretKey, {
      maxNetworkRetries: 2,
      timeout: 20_000,
      ...(base ? { host: base.hostname, port: base.port || (https ? 443 : 80), protocol: https ? 'https' : 'http', telemetry: false } : {}),
    })
    clients.set(key, client)
  }
  return client
}

/** Verifies Stripe's signature on the raw body and parses the event; throws when the signature does not match. */
export function verifiedEvent(rawBody: string, signature: string, webhookSecret: string): Stripe.Event {
  return Stripe.webhooks.constructEvent(rawBody, signature, webhookSecret)
}
