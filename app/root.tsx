import { data, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node'
import {
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteError,
  useRouteLoaderData,
} from '@remix-run/react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { SiteFooter } from '~/components/site-footer'
import { SiteHeader } from '~/components/site-header'
import { ToastMessage } from '~/components/toast-message'
import { getLocale } from '~/i18n.server'
import { getUser } from '~/utils/session.server'
import { readToast } from '~/utils/toast.server'
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
        <ScrollRestoration />
        <Scripts />
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

export function ErrorBoundary() {
  const { t } = useTranslation()
  const kind = errorKind(useRouteError())
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
