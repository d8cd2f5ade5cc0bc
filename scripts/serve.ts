/**
 * The production server (ADR 0011): `npm start` serves ./build (or the build directory given as the argument) with
 * express, the security headers, the origin check and Remix. PORT (default 3000), HOST (default: all interfaces) and
 * APP_ORIGIN come from the environment. Run with `node --import tsx` so signals reach this process directly.
 */
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { ServerBuild } from '@remix-run/node'

// Like remix-serve: production unless told otherwise. Set before any module reads them.
process.env.NODE_ENV ??= 'production'
const port = Number(process.env.PORT || 3000)
const host = process.env.HOST || undefined
// Forms are accepted only from APP_ORIGIN: without one (a local run), it is this server's own address.
process.env.APP_ORIGIN ??= `http://localhost:${port}`

const { installGlobals } = await import('@remix-run/node')
const { createApp } = await import('~/http/app.server')
const { env } = await import('~/utils/env.server')
const { log } = await import('~/utils/logger.server')
const { securityHeaders } = await import('~/utils/security-headers.server')

const buildDirectory = resolve(process.argv[2] ?? 'build')
const build = (await import(pathToFileURL(resolve(buildDirectory, 'server/index.js')).href)) as ServerBuild
installGlobals({ nativeFetch: build.future.v3_singleFetch })

const { APP_ORIGIN, NODE_ENV, PUBLIC_PAGE_CACHE_SECONDS } = env()
const app = createApp({
  build,
  clientDirectory: resolve(buildDirectory, 'client'),
  appOrigin: APP_ORIGIN,
  headersFor: securityHeaders,
  mode: NODE_ENV,
  publicPageCacheSeconds: PUBLIC_PAGE_CACHE_SECONDS,
})

const onListening = () => log.info('server listening', { url: `http://${host ?? 'localhost'}:${port}`, appOrigin: APP_ORIGIN })
const server = host ? app.listen(port, host, onListening) : app.listen(port, onListening)
server.on('error', (error) => {
  log.error('server could not listen', { error, port, host })
  process.exit(1)
})

/**
 * As under remix-serve: stop taking connections; the database's own SIGTERM/SIGINT hook (app/utils/db.server.ts,
 * installed when the database opens) closes it and exits. Without an open database the process ends when the last
 * connection closes, and at the latest after 10 seconds.
 */
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    log.info('server stopping', { signal })
    server.close((error) => {
      if (error) log.error('server close failed', { error })
    })
    server.closeIdleConnections()
    setTimeout(() => process.exit(0), 10_000).unref()
  })
}
