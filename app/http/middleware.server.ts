import type { ErrorRequestHandler, Request as ExpressRequest, RequestHandler, Response as ExpressResponse } from 'express'
import { getLocale } from '~/i18n.server'
import { log } from '~/utils/logger.server'
import { beforeHeaders } from './before-headers.server'
import { newNonce } from './nonce.server'
import { checkRequestOrigin } from './origin-check.server'
import { mustNotStore } from './private-responses.server'
import { loggablePath } from './request-log.server'
import { statusPageHtml, type StatusPageKind } from './status-page.server'

/**
 * Every response gets the security headers with a fresh script nonce (kept in res.locals for the Remix render), set
 * just before the headers go out so nothing later can drop them. A route's own CSP (document downloads sandbox
 * themselves) is kept beside ours: browsers enforce both.
 */
export function securityHeadersMiddleware(headersFor: (nonce: string) => Record<string, string>): RequestHandler {
  return (_req, res, next) => {
    const nonce = newNonce()
    res.locals.cspNonce = nonce
    beforeHeaders(res, () => {
      for (const [name, value] of Object.entries(headersFor(nonce))) {
        const own = name === 'Content-Security-Policy' ? res.getHeader(name) : undefined
        res.setHeader(name, own === undefined ? value : [...[own].flat().map(String), value])
      }
      res.removeHeader('X-Powered-By')
    })
    next()
  }
}

/**
 * The address of the connection's other end, for per-address rate limits (clientIp in app/utils/rate-limit.server.ts
 * reads it as `clientAddressHeader`), replacing whatever a client sent under that name.
 */
export const clientAddressHeader = 'x-client-address'

export function clientAddressMiddleware(): RequestHandler {
  return (req, _res, next) => {
    req.headers[clientAddressHeader] = req.socket.remoteAddress ?? ''
    next()
  }
}

/** `Cache-Control: no-store` on every response for a logged-in user or client, and on every file handed over. */
export function privateResponsesMiddleware(): RequestHandler {
  return (req, res, next) => {
    beforeHeaders(res, () => {
      const response = { requestCookie: req.headers.cookie, setCookie: res.getHeader('Set-Cookie'), contentDisposition: res.getHeader('Content-Disposition') }
      if (mustNotStore(response)) res.setHeader('Cache-Control', 'no-store')
    })
    next()
  }
}

async function sendStatusPage(req: ExpressRequest, res: ExpressResponse, status: number, kind: StatusPageKind, appOrigin: string) {
  const headers = new Headers()
  for (const name of ['Cookie', 'Accept-Language']) {
    const value = req.get(name)
    if (value) headers.set(name, value)
  }
  const locale = await getLocale(new Request(new URL(req.originalUrl, appOrigin), { headers }))
  res.status(status).type('html').setHeader('Cache-Control', 'no-store')
  res.send(await statusPageHtml(kind, locale))
}

/** Cross-site request forgery: refuses (403) a state-changing request that did not come from this site's pages. */
export function originCheckMiddleware(appOrigin: string): RequestHandler {
  return (req, res, next) => {
    const verdict = checkRequestOrigin(
      { method: req.method, path: req.path, origin: req.get('Origin'), secFetchSite: req.get('Sec-Fetch-Site') },
      appOrigin,
    )
    if (verdict.allowed) return next()
    log.warn('cross-site request refused', { method: req.method, route: loggablePath(req.originalUrl), reason: verdict.reason, origin: req.get('Origin') })
    sendStatusPage(req, res, 403, 'crossSite', appOrigin).catch(next)
  }
}

/** One line per request handled by the app (static files are not logged), without tokens or query strings. */
export function requestLogMiddleware(): RequestHandler {
  return (req, res, next) => {
    const started = performance.now()
    res.on('finish', () => {
      const fields = { method: req.method, route: loggablePath(req.originalUrl), status: res.statusCode, ms: Math.round(performance.now() - started) }
      log.info('request', fields)
    })
    next()
  }
}

/** Errors Remix could not turn into a page itself: logged, and a translated 500 page when nothing was sent yet. */
export function errorPageHandler(appOrigin: string): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    log.error('request failed outside the app', { error, method: req.method, route: loggablePath(req.originalUrl) })
    if (res.headersSent) return next(error)
    sendStatusPage(req, res, 500, 'serverError', appOrigin).catch(() => res.status(500).end())
  }
}
