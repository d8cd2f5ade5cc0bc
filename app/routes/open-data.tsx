import type { LoaderFunctionArgs } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Table } from '~/components/ui/table'
import { pageTitle } from '~/i18n.server'
import { env } from '~/utils/env.server'
import { titleFromLoader } from '~/utils/meta'

export const meta = titleFromLoader

/** The open-data page (no login): what the HSDS API gives, its licence, endpoints, parameters and examples. */
export async function loader({ request }: LoaderFunctionArgs) {
  return { title: await pageTitle(request, 'opendata:page.title'), api: `${env().APP_ORIGIN.replace(/\/+$/, '')}/api/hsds` }
}

const endpoints = [
  ['/', 'root'],
  ['/services', 'services'],
  ['/services/{id}', 'service'],
  ['/organizations', 'organizations'],
  ['/organizations/{id}', 'organization'],
  ['/service_at_locations', 'serviceAtLocations'],
  ['/service_at_locations/{id}', 'serviceAtLocation'],
  ['/taxonomies', 'taxonomies'],
  ['/taxonomy_terms', 'taxonomyTerms'],
  ['/openapi.json', 'openapi'],
] as const

const parameters = [
  ['search', 'search'],
  ['page', 'page'],
  ['per_page', 'perPage'],
  ['taxonomy_term_id', 'taxonomyTermId'],
  ['organization_id', 'organizationId'],
  ['modified_after', 'modifiedAfter'],
  ['municipality', 'municipality'],
  ['language', 'language'],
  ['lang', 'lang'],
  ['full', 'full'],
] as const

const scope = ['organization', 'service', 'location', 'taxonomy'] as const

export default function OpenData() {
  const { t } = useTranslation('opendata')
  const { api } = useLoaderData<typeof loader>()
  const examples = [
    ['services', `${api}/services?municipality=545&language=sv&lang=sv`],
    ['changed', `${api}/services?modified_after=2026-11-01T00:00:00Z&per_page=100`],
    ['categories', `${api}/taxonomy_terms?lang=fi`],
    ['curl', `curl -H 'Accept-Language: en' -H 'If-None-Match: W/"…"' '${api}/services?page=1'`],
  ] as const
  return (
    <>
      <h1>{t('page.title')}</h1>
      <p className="mt-4 max-w-3xl text-lg">{t('page.lead')}</p>
      <p className="mt-3">
        <a href={`${api}/`}>{`${api}/`}</a>
      </p>

      <Section id="open-data-licence" title={t('page.licence.title')}>
        <p className="mt-3">{t('page.licence.body')}</p>
        <p className="mt-3">
          <a href="https://creativecommons.org/licenses/by/4.0/">{t('page.licence.link')}</a>
        </p>
      </Section>

      <Section id="open-data-scope" title={t('page.scope.title')}>
        <p className="mt-3">{t('page.scope.body')}</p>
        <ul className="mt-3 list-disc space-y-1 pl-6">
          {scope.map((key) => (
            <li key={key}>{t(`page.scope.${key}`)}</li>
          ))}
        </ul>
      </Section>

      <Section id="open-data-endpoints" title={t('page.endpoints.title')}>
        <div className="mt-3">
          <Table caption={t('page.endpoints.caption')} captionHidden>
            <thead>
              <tr>
                <th scope="col">{t('page.endpoints.path')}</th>
                <th scope="col">{t('page.endpoints.what')}</th>
              </tr>
            </thead>
            <tbody>
              {endpoints.map(([path, key]) => (
                <tr key={path}>
                  <td>
                    <code>{`/api/hsds${path}`}</code>
                  </td>
                  <td>{t(`page.endpoints.${key}`)}</td>
                </tr>
              ))}
            </tbody>
          </Table>
        </div>
      </Section>

      <Section id="open-data-parameters" title={t('page.parameters.title')}>
        <div className="mt-3">
          <Table caption={t('page.parameters.caption')} captionHidden>
            <thead>
              <tr>
                <th scope="col">{t('page.parameters.name')}</th>
                <th scope="col">{t('page.parameters.what')}</th>
              </tr>
            </thead>
            <tbody>
              {parameters.map(([name, key]) => (
                <tr key={name}>
                  <td>
                    <code>{name}</code>
                  </td>
                  <td>{t(`page.parameters.${key}`)}</td>
                </tr>
              ))}
            </tbody>
          </Table>
        </div>
      </Section>

      <Section id="open-data-language" title={t('page.language.title')}>
        <p className="mt-3">{t('page.language.body')}</p>
      </Section>

      <Section id="open-data-technical" title={t('page.technical.title')}>
        <ul className="mt-3 list-disc space-y-1 pl-6">
          <li>{t('page.technical.ids')}</li>
          <li>{t('page.technical.caching')}</li>
          <li>{t('page.technical.cors')}</li>
          <li>{t('page.technical.errors')}</li>
        </ul>
      </Section>

      <Section id="open-data-examples" title={t('page.examples.title')}>
        {examples.map(([key, example]) => (
          <div key={key} className="mt-4">
            <p>{t(`page.examples.${key}`)}</p>
            <pre tabIndex={0} className="mt-1 overflow-x-auto rounded bg-slate-100 p-3 text-sm">
              <code>{example}</code>
            </pre>
          </div>
        ))}
      </Section>

      <Section id="open-data-more" title={t('page.more.title')}>
        <ul className="mt-3 list-disc space-y-1 pl-6">
          <li>
            <a href={`${api}/openapi.json`}>{t('page.more.openapi')}</a>
          </li>
          <li>
            <a href="https://docs.openreferral.org/en/latest/hsds/overview.html" hrefLang="en">
              {t('page.more.hsds')}
            </a>
          </li>
        </ul>
      </Section>
    </>
  )
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="mt-10 max-w-4xl">
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  )
}
