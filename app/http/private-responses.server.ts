/** Cookies that mean "this response is about one person": the account session and the client's voucher session. */
const personalCookies = ['__session', '__voucher']

function cookieNames(cookieHeader: string): string[] {
  return cookieHeader.split(';').map((pair) => pair.split('=')[0]?.trim() ?? '')
}

type HeaderValue = string | string[] | number | undefined

function values(header: HeaderValue): string[] {
  if (header === undefined) return []
  return Array.isArray(header) ? header : [String(header)]
}

/**
 * Whether a response must not be kept by any cache (browser, proxy, back-forward): it answers a logged-in user or
 * client, logs one in or out, or hands over a file (document downloads and exports are attachments). Pure.
 */
export function mustNotStore(response: { requestCookie: string | undefined; setCookie: HeaderValue; contentDisposition: HeaderValue }): boolean {
  if (response.requestCookie && cookieNames(response.requestCookie).some((name) => personalCookies.includes(name))) return true
  if (values(response.setCookie).some((cookie) => personalCookies.includes(cookieNames(cookie)[0] ?? ''))) return true
  return values(response.contentDisposition).some((disposition) => /^\s*attachment/i.test(disposition))
}
