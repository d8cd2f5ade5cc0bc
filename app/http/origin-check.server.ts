/**
 * Cross-site request forgery: a request that may change state must come from a page of this site. Browsers send
 * `Origin` with every POST (and every other non-GET fetch) and `Sec-Fetch-Site` with every request; a request with
 * neither did not come from a current browser, so it is refused too (fail closed: scripts and tests send `Origin`).
 */
export type OriginVerdict = { allowed: true } | { allowed: false; reason: 'foreign-origin' | 'cross-site' | 'no-origin' }

const safeMethods = new Set(['GET', 'HEAD'])

/** Server-to-server endpoints that prove who is calling in another way: Stripe signs its webhook events. */
export const originCheckExemptPaths: ReadonlySet<string> = new Set(['/api/stripe-webhook'])

export type OriginCheckInput = {
  method: string
  path: string
  origin: string | undefined
  secFetchSite: string | undefined
}

export function checkRequestOrigin({ method, path, origin, secFetchSite }: OriginCheckInput, appOrigin: string): OriginVerdict {
  if (safeMethods.has(method.toUpperCase()) || originCheckExemptPaths.has(path)) return { allowed: true }
  if (origin) return origin.toLowerCase() === new URL(appOrigin).origin ? { allowed: true } : { allowed: false, reason: 'foreign-origin' }
  if (secFetchSite) return secFetchSite === 'same-origin' ? { allowed: true } : { allowed: false, reason: 'cross-site' }
  return { allowed: false, reason: 'no-origin' }
}
