import { stripeSettings } from '~/modules/payments/config.server'
import { env } from './env.server'

export type SecurityHeaderOptions = {
  /** this request's script nonce (app/http/nonce.server.ts); without one, only this site's script files may run */
  nonce?: string
  /** origins besides this site that forms may post to */
  formActionOrigins: string[]
  /** Strict-Transport-Security: only in production over https */
  hsts: boolean
}

/**
 * The policy for every response. Scripts run only with this request's nonce; 'strict-dynamic' lets them load the
 * route modules they import ('self' is the fallback for browsers without it, which ignore the nonce rule's reach).
 * Everything else comes from this site; no plugins, no framing, no <base> elsewhere.
 */
export function contentSecurityPolicy({ nonce, formActionOrigins }: Omit<SecurityHeaderOptions, 'hsts'>): string {
  return [
    "default-src 'self'",
    nonce ? `script-src 'nonce-${nonce}' 'strict-dynamic' 'self'` : "script-src 'self'",
    "style-src 'self'",
    "img-src 'self'",
    "connect-src 'self'",
    `form-action ${["'self'", ...formActionOrigins].join(' ')}`,
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "object-src 'none'",
  ].join('; ')
}

/** The headers every response carries (app/http/security-middleware.server.ts sets them). Pure. */
export function buildSecurityHeaders(options: SecurityHeaderOptions): Record<string, string> {
  const headers: Record<string, string> = {
    'Content-Security-Policy': contentSecurityPolicy(options),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
  }
  if (options.hsts) headers['Strict-Transport-Security'] = 'max-age=31536000; includeSubDomains'
  return headers
}

/**
 * Where forms may send the browser besides this site: Stripe Checkout when online payment is on. "Pay online" posts
 * to the payments page, which answers with a redirect to the Checkout Session; browsers apply form-action to that
 * redirect too. The local stand-in (STRIPE_API_BASE, docs/stripe.md) serves its checkout page from its own origin.
 */
function formActionOrigins(): string[] {
  const stripe = stripeSettings()
  if (!stripe) return []
  return [stripe.apiBase ? stripe.apiBase.origin : 'https://checkout.stripe.com']
}

/** The security headers for this deployment (settings from env), with the request's script nonce. */
export function securityHeaders(nonce?: string): Record<string, string> {
  const hsts = env().NODE_ENV === 'production' && env().APP_ORIGIN.startsWith('https://')
  return buildSecurityHeaders({ nonce, formActionOrigins: formActionOrigins(), hsts })
}
