import { createHash } from 'node:crypto'
import type { AppLocale } from '~/i18n'

/**
 * HTTP of the open-data API: JSON bodies, caching validators, CORS and the error bodies.
 *
 * - Every answer is `application/json; charset=utf-8` and open to any origin (`Access-Control-Allow-Origin: *`; no
 *   cookies are read, so no credentials are involved). OPTIONS answers a CORS preflight.
 * - 200 answers carry a weak ETag (a hash of the body: the same body, the same tag), Last-Modified when the
 *   endpoint knows when its data last changed, and `Cache-Control: public, max-age=300`. If-None-Match (which wins
 *   when both are sent) and If-Modified-Since answer 304 without a body.
 * - Texts depend on the language: `Vary: Accept-Language`, `Content-Language`, and `Link` headers to the same
 *   address in the other languages (`rel="alternate"; hreflang=…`).
 * - Errors are `{ "error": code, "detail": text }` (plus `parameter` for a bad parameter), never cached.
 * - Past the per-address limit (rateLimits.openDataPerIp): 429 `too_many_requests` with `Retry-After` (seconds).
 */
export const allowedMethods = 'GET, HEAD, OPTIONS'
const exposedHeaders = 'ETag, Last-Modified, Link, Content-Language, Retry-After'
const maxAgeSeconds = 300

function baseHeaders(): Headers {
  return new Headers({
    'Content-Type': 'application/json; charset=utf-8',
    'Access-Control-Allow-Origin': '*',
    'Access-Control-Expose-Headers': exposedHeaders,
    'X-Content-Type-Options': 'nosniff',
  })
}

export type ErrorCode = 'invalid_parameter' | 'not_found' | 'method_not_allowed' | 'too_many_requests' | 'internal_error'

export function jsonError(status: number, error: ErrorCode, detail: string, extra: Record<string, string> = {}): Response {
  const headers = baseHeaders()
  headers.set('Cache-Control', 'no-store')
  if (status === 405) headers.set('Allow', allowedMethods)
  return new Response(JSON.stringify({ error, detail, ...extra }), { status, headers })
}

/** The answer to a CORS preflight (OPTIONS): which methods and headers a browser may use, for a day. */
export function preflight(): Response {
  const headers = baseHeaders()
  headers.delete('Content-Type')
  headers.set('Access-Control-Allow-Methods', allowedMethods)
  headers.set('Access-Control-Allow-Headers', 'Accept, Accept-Language, If-None-Match, If-Modified-Since')
  headers.set('Access-Control-Max-Age', '86400')
  headers.set('Allow', allowedMethods)
  return new Response(null, { status: 204, headers })
}

export function methodNotAllowed(method: string): Response {
  return jsonError(405, 'method_not_allowed', `${method} is not allowed: this API is read-only (${allowedMethods})`)
}

/** A weak validator from the body: equal bodies have equal tags, whatever produced them. */
export function weakEtag(body: string): string {
  return `W/"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`
}

/** Entity tags listed in If-None-Match, compared weakly (RFC 9110 §13.1.2). */
function etagMatches(ifNoneMatch: string, etag: string): boolean {
  if (ifNoneMatch.trim() === '*') return true
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '')
  return ifNoneMatch.split(',').some((tag) => opaque(tag) === opaque(etag))
}

/** HTTP dates have whole seconds: a Last-Modified is compared at that precision. */
function wholeSeconds(date: Date): number {
  return Math.floor(date.getTime() / 1000) * 1000
}

export function isNotModified(request: Request, etag: string, lastModified: Date | null): boolean {
  const ifNoneMatch = request.headers.get('If-None-Match')
  if (ifNoneMatch !== null) return etagMatches(ifNoneMatch, etag)
  const ifModifiedSince = request.headers.get('If-Modified-Since')
  if (ifModifiedSince === null || lastModified === null) return false
  const since = Date.parse(ifModifiedSince)
  return !Number.isNaN(since) && wholeSeconds(lastModified) <= since
}

export type JsonOptions = {
  lastModified?: Date | null
  /** the texts' language; unset for bodies that are the same in every language */
  locale?: AppLocale
  /** absolute addresses of this resource in the other languages */
  alternates?: { locale: AppLocale; href: string }[]
}

/** A 200 JSON answer with its validators, or 304 when the client's copy is current. */
export function jsonResponse(request: Request, body: unknown, options: JsonOptions = {}): Response {
  const text = JSON.stringify(body)
  const etag = weakEtag(text)
  const headers = baseHeaders()
  headers.set('ETag', etag)
  headers.set('Cache-Control', `public, max-age=${maxAgeSeconds}`)
  const lastModified = options.lastModified ?? null
  if (lastModified) headers.set('Last-Modified', new Date(wholeSeconds(lastModified)).toUTCString())
  if (options.locale) {
    headers.set('Vary', 'Accept-Language')
    headers.set('Content-Language', options.locale)
  }
  if (options.alternates?.length) {
    headers.set('Link', options.alternates.map(({ locale, href }) => `<${href}>; rel="alternate"; hreflang="${locale}"`).join(', '))
  }
  if (isNotModified(request, etag, lastModified)) {
    headers.delete('Content-Type')
    return new Response(null, { status: 304, headers })
  }
  return new Response(text, { status: 200, headers })
}
