import { join } from 'node:path'
import { createRequestHandler } from '@remix-run/express'
import type { ServerBuild } from '@remix-run/node'
import compression from 'compression'
import express, { type Express } from 'express'
import { loadContextFor } from './load-context.server'
import { publicPageCacheMiddleware } from './public-page-cache.server'
import {
  clientAddressMiddleware,
  errorPageHandler,
  originCheckMiddleware,
  privateResponsesMiddleware,
  requestLogMiddleware,
  securityHeadersMiddleware,
} from './middleware.server'

export type AppOptions = {
  build: ServerBuild
  /** the build's browser files (`build/client`) */
  clientDirectory: string
  /** the public origin (APP_ORIGIN): the only origin state-changing requests may come from */
  appOrigin: string
  headersFor: (nonce: string) => Record<string, string>
  mode?: string
  /** how long an anonymous reader's copy of a public catalogue page is served (0: never cached; ADR 0015) */
  publicPageCacheSeconds?: number
}

/** The public catalogue pages an anonymous reader may get from the cache: search, comparison, profiles, the register. */
const cachedPublicPages = /^\/(services|services\/compare|producers\/[^/]+|register)\/?$/

/**
 * The production HTTP server (ADR 0011): security headers on everything, hashed assets cached for a year, other
 * public files for an hour, then the client's address for rate limits, the origin check, `no-store` for personal
 * responses, the anonymous readers' copies of the public catalogue pages, and Remix.
 */
export function createApp({ build, clientDirectory, appOrigin, headersFor, mode = 'production', publicPageCacheSeconds = 0 }: AppOptions): Express {
  const app = express()
  app.disable('x-powered-by')
  app.use(securityHeadersMiddleware(headersFor))
  app.use(compression())
  app.use('/assets', express.static(join(clientDirectory, 'assets'), { immutable: true, maxAge: '1y', index: false }))
  app.use(express.static(clientDirectory, { maxAge: '1h', index: false }))
  app.use(requestLogMiddleware())
  app.use(clientAddressMiddleware())
  app.use(originCheckMiddleware(appOrigin))
  app.use(privateResponsesMiddleware())
  app.use(publicPageCacheMiddleware({ ttlSeconds: publicPageCacheSeconds, paths: cachedPublicPages }))
  app.use(createRequestHandler({ build, mode, getLoadContext: (_req, res) => loadContextFor(res) }))
  app.use(errorPageHandler(appOrigin))
  return app
}
