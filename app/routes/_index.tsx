import type { LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Button } from '~/components/ui/button'
import { SelectField } from '~/components/ui/select-field'
import { isLocale } from '~/i18n'
import { pageTitle } from '~/i18n.server'
import { nameIn } from '~/modules/applications/labels'
import { municipalityOptions } from '~/modules/organisations/municipality-name'
import { categoryAndMunicipalityOptions } from '~/modules/public-catalogue/search.server'
import { titleFromLoader } from '~/utils/meta'

export const meta = titleFromLoader

export async function loader({ request }: LoaderFunctionArgs) {
  const [title, options] = await Promise.all([pageTitle(request, 'home.title'), categoryAndMunicipalityOptions()])
  return { title, categories: options.categories, municipalities: options.municipalities }
}

export default function Home() {
  const { t, i18n } = useTranslation()
  const locale = isLocale(i18n.language) ? i18n.language : 'sv'
  const { categories, municipalities } = useLoaderData<typeof loader>()
  return (
    <>
      <h1>{t('home.title')}</h1>
      <p className="mt-4 max-w-3xl text-lg">{t('home.lead')}</p>
      <section aria-labelledby="home-search" className="mt-8 rounded border-2 border-brand-700 bg-brand-50 p-6">
        <h2 id="home-search">{t('home.search.title')}</h2>
        <p className="mt-2 max-w-3xl">{t('home.search.body')}</p>
        <Form method="get" action="/services" className="mt-4 grid items-end gap-x-6 md:grid-cols-[1fr_1fr_auto]">
          <SelectField
            meta={{ id: 'home-category', name: 'category' }}
            label={t('home.search.category')}
            placeholder={t('home.search.anyCategory')}
            options={categories.map((category) => ({ value: category.code, label: nameIn(locale, category) }))}
          />
          <SelectField
            meta={{ id: 'home-municipality', name: 'municipality' }}
            label={t('home.search.municipality')}
            placeholder={t('home.search.anyMunicipality')}
            options={municipalityOptions(municipalities, locale)}
          />
          <div className="mb-5">
            <Button>{t('home.search.submit')}</Button>
          </div>
        </Form>
        <p>
          <Link to="/services/what-would-i-pay">{t('home.search.calculator')}</Link>
        </p>
      </section>
      <div className="mt-10 grid gap-8 md:grid-cols-2">
        <section aria-labelledby="home-clients" className="rounded border border-slate-300 p-6">
          <h2 id="home-clients">{t('home.clients.title')}</h2>
          <p className="mt-3">{t('home.clients.body')}</p>
          <p className="mt-4">
            <Link to="/voucher">{t('home.clients.action')}</Link>
          </p>
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
