import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { pageTitle } from '~/i18n.server'
import { titleFromLoader } from '~/utils/meta'

export const meta = titleFromLoader

export async function loader({ request }: LoaderFunctionArgs) {
  return { title: await pageTitle(request, 'home.title') }
}

export default function Home() {
  const { t } = useTranslation()
  return (
    <>
      <h1>{t('home.title')}</h1>
      <p className="mt-4 max-w-3xl text-lg">{t('home.lead')}</p>
      <div className="mt-10 grid gap-8 md:grid-cols-2">
        <section aria-labelledby="home-clients" className="rounded border border-slate-300 p-6">
          <h2 id="home-clients">{t('home.clients.title')}</h2>
          <p className="mt-3">{t('home.clients.body')}</p>
        </section>
        <section aria-labelledby="home-providers" className="rounded border border-slate-300 p-6">
          <h2 id="home-providers">{t('home.providers.title')}</h2>
          <p className="mt-3">{t('home.providers.body')}</p>
          <p className="mt-4">
            <Link to="/signup">{t('home.providers.action')}</Link>
          </p>
        </section>
      </div>
    </>
  )
}
