import type { RequestHandler, Response as ExpressResponse } from 'express'

/**
 * A short-lived in-process cache of the public catalogue pages for people who are not signed in (ADR 0015). Under
 * load the same search is rendered again and again; each render costs tens of milliseconds of CPU, a cached copy
 * well under one. Only these are cached:
 *
 * - GET requests for `paths` (the search, comparison, producer profiles, the register), documents only (not the
 *   `.data` requests of client-side navigation);
 * - from browsers that send no cookie but the language one (no session, voucher session or toast: nothing personal
 *   can be on the page), keyed by that cookie, Accept-Language and the whole address;
 * - answers 200 without Set-Cookie.
 *
 * Each copy is served for `ttlSeconds`. When it is older, the next request renders the page again while the others
 * still get the old copy until the new one is ready (one render per page and period, however many readers). The
 * page's script nonce is replaced with the response's own, so the Content-Security-Policy holds as on any page.
 */
export type PublicPageCacheOptions = {
  ttlSeconds: number
  paths: RegExp
  /** the oldest copies go first past this many */
  maxEntries?: number
  now?: () => number
}

type Entry = { html: string; nonce: string; headers: Record<string, string>; storedAt: number; refreshing: boolean }

/** The response headers a copy keeps; the security headers are made fresh for every response. */
const keptHeaders = ['content-type', 'cache-control', 'content-language', 'link']

/** The language cookie (app/i18n.server.ts) is the only cookie a cached page may be shown for. */
const languageCookie = 'lang'

function onlyLanguageCookie(cookieHeader: string | undefined): boolean {
  if (!cookieHeader) return true
  return cookieHeader.split(';').every((pair) => pair.trim() === '' || pair.trim().split('=')[0] === languageCookie)
}

function captureBody(res: ExpressResponse): () => string {
  const chunks: Buffer[] = []
  const keep = (chunk: unknown, encoding: unknown) => {
    if (chunk === undefined || chunk === null || typeof chunk === 'function') return
    if (chunk instanceof Uint8Array) chunks.push(Buffer.from(chunk))
    else chunks.push(Buffer.from(String(chunk), typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8'))
  }
  const write = res.write.bind(res) as (...args: unknown[]) => boolean
  const end = res.end.bind(res) as (...args: unknown[]) => ExpressResponse
  res.write = ((chunk: unknown, ...rest: unknown[]) => {
    keep(chunk, rest[0])
    return write(chunk, ...rest)
  }) as typeof res.write
  res.end = ((chunk?: unknown, ...rest: unknown[]) => {
    keep(chunk, rest[0])
    return end(chunk, ...rest)
  }) as typeof res.end
  return () => Buffer.concat(chunks).toString('utf8')
}

function replay(res: ExpressResponse, entry: Entry): void {
  const nonce = String(res.locals.cspNonce ?? '')
  for (const [name, value] of Object.entries(entry.headers)) res.setHeader(name, value)
  res.setHeader('X-Cache', 'hit')
  res.status(200).end(entry.nonce ? entry.html.replaceAll(entry.nonce, nonce) : entry.html)
}

export function publicPageCacheMiddleware({ ttlSeconds, paths, maxEntries = 1000, now = Date.now }: PublicPageCacheOptions): RequestHandler {
  const entries = new Map<string, Entry>()
  const store = (key: string, entry: Entry) => {
    entries.delete(key)
    entries.set(key, entry)
    while (entries.size > maxEntries) entries.delete(entries.keys().next().value!)
  }
  return (req, res, next) => {
    if (ttlSeconds <= 0 || req.method !== 'GET' || !paths.test(req.path) || !onlyLanguageCookie(req.headers.cookie)) return next()
    const key = `${req.headers.cookie ?? ''}\n${req.get('Accept-Language') ?? ''}\n${req.originalUrl}`
    const entry = entries.get(key)
    if (entry && (entry.refreshing || now() - entry.storedAt < ttlSeconds * 1000)) return replay(res, entry)
    if (entry) entry.refreshing = true
    res.setHeader('X-Cache', 'miss')
    const body = captureBody(res)
    res.once('close', () => {
      const cacheable = res.writableFinished && res.statusCode === 200 && !res.getHeader('Set-Cookie') && String(res.getHeader('Content-Type') ?? '').startsWith('text/html')
      if (!cacheable) {
        entries.delete(key)
        return
      }
      const headers: Record<string, string> = {}
      for (const name of keptHeaders) {
        const value = res.getHeader(name)
        if (value !== undefined) headers[name] = String(value)
      }
      store(key, { html: body(), nonce: String(res.locals.cspNonce ?? ''), headers, storedAt: now(), refreshing: false })
    })
    next()
  }
}
