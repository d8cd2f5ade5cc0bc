import { stripeSettings } from '~/modules/payments/config.server'
import { env } from './env.server'

/**
 * Where forms may send the browser: this site, and Stripe Checkout when online payment is on. "Pay online" posts to
 * the payments page, which answers with a redirect to the Checkout Session; browsers apply form-action to that
 * redirect too. The local stand-in (STRIPE_API_BASE, docs/stripe.md) serves its checkout page from its own origin.
 */
function formAction(): string {
  const stripe = stripeSettings()
  if (!stripe) return "'self'"
  return `'self' ${stripe.apiBase ? stripe.apiBase.origin : 'https://checkout.stripe.com'}`
}

/** Headers for every HTML response. Issue 8 tightens the CSP with a per-request script nonce. */
export function securityHeaders(): Record<string, string> {
  const headers: Record<string, string> = {
    'Content-Security-Policy': `frame-ancestors 'none'; base-uri 'self'; form-action ${formAction()}; object-src 'none'`,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'X-Frame-Options': 'DENY',
  }
  if (env().NODE_ENV === 'production' && env().APP_ORIGIN.startsWith('https://')) {
    headers['Strict-Transport-Security'] = 'max-age=31536000; includeSubDomains'
  }
  return headers
}
