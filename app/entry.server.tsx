import { createReadableStreamFromReadable, type AppLoadContext, type EntryContext } from '@remix-run/node'
import { RemixServer } from '@remix-run/react'
import { createInstance, type i18n } from 'i18next'
import { isbot } from 'isbot'
import { renderToPipeableStream } from 'react-dom/server'
import { I18nextProvider, initReactI18next } from 'react-i18next'
import { NonceContext } from '~/http/nonce-context'
import { loggablePath } from '~/http/request-log.server'
import { i18nConfig, namespaces, type AppLocale } from '~/i18n'
import { getLocale } from '~/i18n.server'
import { resources } from '~/locales/resources'
import { startBackgroundWorkers } from '~/modules/jobs/workers.server'
import { log } from '~/utils/logger.server'
import { stripNulBytes } from '~/utils/strip-nul-bytes.server'

export const streamTimeout = 5_000

startBackgroundWorkers()

/**
 * One i18next instance per language, made on first use and shared by every render in that language: an instance is
 * only read while rendering (nobody changes its language), and making one per request cost a few milliseconds.
 */
const renderInstances = new Map<AppLocale, Promise<i18n>>()

function renderInstance(lng: AppLocale): Promise<i18n> {
  let instance = renderInstances.get(lng)
  if (!instance) {
    const created = createInstance()
    instance = created.use(initReactI18next).init({ ...i18nConfig, lng, ns: [...namespaces], resources }).then(() => created)
    renderInstances.set(lng, instance)
  }
  return instance
}

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  // The production server's per-response CSP nonce (app/http): every inline script Remix writes carries it.
  const nonce = loadContext.cspNonce
  const instance = await renderInstance(await getLocale(request))
  const readyEvent = isbot(request.headers.get('user-agent')) || remixContext.isSpaMode ? 'onAllReady' : 'onShellReady'

  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false
    const { pipe, abort } = renderToPipeableStream(
      <NonceContext.Provider value={nonce}>
        <I18nextProvider i18n={instance}>
          <RemixServer context={remixContext} url={request.url} nonce={nonce} />
        </I18nextProvider>
      </NonceContext.Provider>,
      {
        nonce,
        [readyEvent]() {
          shellRendered = true
          const body = stripNulBytes()
          responseHeaders.set('Content-Type', 'text/html; charset=utf-8')
          resolve(
            new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }),
          )
          pipe(body)
        },
        onShellError(error: unknown) {
          reject(error)
        },
        onError(error: unknown) {
          responseStatusCode = 500
          if (shellRendered) log.error('render failed', { error, url: loggablePath(new URL(request.url).pathname) })
        },
      },
    )
    setTimeout(abort, streamTimeout + 1_000)
  })
}

export function handleError(error: unknown, { request }: { request: Request }) {
  if (request.signal.aborted) return
  log.error('request failed', { error, method: request.method, url: loggablePath(new URL(request.url).pathname) })
}
