// first: zod must know it may not use eval before any module builds a schema
import '~/http/zod-jitless'
import { data, type HeadersFunction, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node'
import {
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLocation,
  useRouteError,
  useRouteLoaderData,
} from '@remix-run/react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { SiteFooter } from '~/components/site-footer'
import { SiteHeader } from '~/components/site-header'
import { ToastMessage } from '~/components/toast-message'
import { useNonce } from '~/http/nonce-context'
import { TooManyRequests } from '~/components/too-many-requests'
import { getLocale } from '~/i18n.server'
import { getUser } from '~/utils/session.server'
import { readToast } from '~/utils/toast.server'
import '~/utils/zod-messages'
import stylesheet from '~/styles/app.css?url'

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: stylesheet },
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
]

export async function loader({ request }: LoaderFunctionArgs) {
  const [locale, sessionUser, { toast, headers }] = await Promise.all([
    getLocale(request),
    getUser(request),
    readToast(request),
  ])
  const user = sessionUser ? { name: sessionUser.name, staffRole: sessionUser.staffRole } : null
  return data({ locale, user, toast }, { headers })
}

export const handle = { i18n: ['common'] }

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce()
  const rootData = useRouteLoaderData<typeof loader>('root')
  const { i18n } = useTranslation()
  const locale = rootData?.locale ?? i18n.language
  return (
    <html lang={locale} dir="ltr">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <ErrorTitle />
        <Links />
      </head>
      <body className="flex min-h-screen flex-col">
        <SiteHeader user={rootData?.user ?? null} />
        <main id="main" tabIndex={-1} className="mx-auto w-full max-w-6xl flex-1 px-4 py-8 focus:outline-none">
          <ToastMessage toast={rootData?.toast ?? null} />
          {children}
        </main>
        <SiteFooter />
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  )
}

export default function App() {
  return <Outlet />
}

function errorKind(error: unknown) {
  const status = isRouteErrorResponse(error) ? error.status : 500
  return status === 404 ? 'notFound' : status === 403 ? 'forbidden' : status === 429 ? 'tooMany' : status === 503 ? 'unavailable' : 'serverError'
}

/** Error pages have no route meta: their title comes from here. */
function ErrorTitle() {
  const error = useRouteError()
  const { t } = useTranslation()
  if (!error) return null
  return <title>{`${t(`errorPage.${errorKind(error)}.title`)} – ${t('app.name')}`}</title>
}

/** A refused request's Retry-After reaches the 429 page's response (other headers of a thrown Response do not). */
export const headers: HeadersFunction = ({ errorHeaders }) => {
  const retryAfter = errorHeaders?.get('Retry-After')
  return new Headers(retryAfter ? { 'Retry-After': retryAfter } : undefined)
}

/** The seconds a 429 asks to wait (its JSON body, see tooManyRequests in rate-limit.server.ts), when it says. */
function retryAfterSeconds(error: unknown): number | null {
  const body: unknown = isRouteErrorResponse(error) ? error.data : null
  return typeof body === 'object' && body !== null && 'retryAfterSeconds' in body && typeof body.retryAfterSeconds === 'number'
    ? body.retryAfterSeconds
    : null
}

export function ErrorBoundary() {
  const { t } = useTranslation()
  const error = useRouteError()
  const location = useLocation()
  const kind = errorKind(error)
  if (kind === 'tooMany') return <TooManyRequests retryAfterSeconds={retryAfterSeconds(error)} backTo={location.pathname + location.search} />
  return (
    <>
      <h1>{t(`errorPage.${kind}.title`)}</h1>
      <p className="mt-4">{t(`errorPage.${kind}.body`)}</p>
      <p className="mt-4">
        <a href="/">{t('errorPage.backHome')}</a>
      </p>
    </>
  )
}
