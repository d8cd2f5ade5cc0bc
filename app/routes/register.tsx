import type { LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Button } from '~/components/ui/button'
import { Pagination } from '~/components/ui/pagination'
import { SelectField } from '~/components/ui/select-field'
import { Table } from '~/components/ui/table'
import { isLocale, type AppLocale } from '~/i18n'
import { pageTitle } from '~/i18n.server'
import { nameIn } from '~/modules/applications/labels'
import { municipalityName, municipalityOptions } from '~/modules/organisations/municipality-name'
import { registerFilterOptions } from '~/modules/register/options.server'
import { publicRegister } from '~/modules/register/public-register.server'
import { parsePublicRegisterFilters } from '~/modules/register/schema'
import { formatCents, formatDate } from '~/utils/format'
import { titleFromLoader } from '~/utils/meta'
import { limitPublicPage } from '~/utils/rate-limit.server'

export const meta = titleFromLoader

/**
 * The public producer register (no login): the providers approved for service vouchers whose entry is in force,
 * by service, with municipality, since when and price per unit. GET filters for service and municipality.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  await limitPublicPage(request)
  const filters = parsePublicRegisterFilters(new URL(request.url).searchParams)
  const [register, options] = await Promise.all([publicRegister(filters), registerFilterOptions()])
  return { title: await pageTitle(request, 'register:title'), filters, options, ...register }
}

type Loaded = ReturnType<typeof useLoaderData<typeof loader>>
type Entry = Loaded['entries'][number]

/** Consecutive entries of one category (the list is ordered by category). */
function groupByCategory(entries: readonly Entry[]): { category: Entry['category']; entries: Entry[] }[] {
  const groups: { category: Entry['category']; entries: Entry[] }[] = []
  for (const entry of entries) {
    const last = groups.at(-1)
    if (last && last.category.id === entry.category.id) last.entries.push(entry)
    else groups.push({ category: entry.category, entries: [entry] })
  }
  return groups
}

function price(entry: Entry, locale: AppLocale, t: (key: string, options?: Record<string, unknown>) => string): string {
  const [lowest] = entry.pricesCents
  if (lowest === undefined) return t('public.noPrice')
  const text = formatCents(lowest, locale)
  return entry.pricesCents.length > 1 ? t('public.priceFrom', { price: text }) : text
}

export default function PublicRegister() {
  const { t, i18n } = useTranslation('register')
  const locale = isLocale(i18n.language) ? i18n.language : 'sv'
  const { filters, options, entries, total, page, pageCount } = useLoaderData<typeof loader>()
  const filtered = Boolean(filters.category || filters.municipality)
  return (
    <>
      <h1>{t('title')}</h1>
      <p className="mt-2 mb-6 max-w-3xl">{t('public.intro')}</p>

      <section aria-labelledby="public-register-filters" className="mb-6 rounded border border-slate-300 p-4">
        <h2 id="public-register-filters" className="text-lg font-semibold">
          {t('public.filtersTitle')}
        </h2>
        <Form method="get" className="mt-3 grid gap-x-6 md:grid-cols-2">
          <SelectField
            meta={{ id: 'register-category', name: 'category', initialValue: filters.category ?? '' }}
            label={t('filters.category')}
            placeholder={t('filters.allCategories')}
            options={options.categories.map((category) => ({ value: category.code, label: nameIn(locale, category) }))}
          />
          <SelectField
            meta={{ id: 'register-municipality', name: 'municipality', initialValue: filters.municipality ?? '' }}
            label={t('filters.municipality')}
            placeholder={t('filters.allMunicipalities')}
            options={municipalityOptions(options.municipalities, locale)}
          />
          <div className="flex flex-wrap items-center gap-4 md:col-span-2">
            <Button>{t('filters.submit')}</Button>
            {filtered ? <Link to="/register">{t('filters.clear')}</Link> : null}
          </div>
        </Form>
      </section>

      <p className="mb-6 text-lg font-semibold">{t('public.count', { count: total })}</p>

      {entries.length === 0 ? (
        <p>{t('public.empty')}</p>
      ) : (
        groupByCategory(entries).map(({ category, entries: group }) => {
          const categoryName = nameIn(locale, category)
          const unit = t(`units.${category.unit}`)
          return (
            <section key={category.id} aria-labelledby={`category-${category.code}`} className="mb-10">
              <h2 id={`category-${category.code}`}>{categoryName}</h2>
              <div className="mt-3">
                <Table caption={t('public.caption', { category: categoryName })} captionHidden>
                  <thead>
                    <tr>
                      <th scope="col">{t('public.columns.provider')}</th>
                      <th scope="col">{t('public.columns.municipality')}</th>
                      <th scope="col">{t('public.columns.since')}</th>
                      <th scope="col">{t('public.columns.price', { unit })}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {group.map((entry) => (
                      <tr key={entry.id}>
                        <td>{entry.organisation.name}</td>
                        <td>{municipalityName(entry.organisation.municipality, locale)}</td>
                        <td>{formatDate(entry.validFrom, locale)}</td>
                        <td>{price(entry, locale, t)}</td>
                      </tr>
                    ))}
                  </tbody>
                </Table>
              </div>
            </section>
          )
        })
      )}
      <Pagination page={page} pageCount={pageCount} />
    </>
  )
}
