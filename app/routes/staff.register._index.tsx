import type { LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Button } from '~/components/ui/button'
import { Field } from '~/components/ui/field'
import { Pagination } from '~/components/ui/pagination'
import { SelectField } from '~/components/ui/select-field'
import { Table } from '~/components/ui/table'
import { isLocale } from '~/i18n'
import { pageTitle } from '~/i18n.server'
import { nameIn } from '~/modules/applications/labels'
import { municipalityName, municipalityOptions } from '~/modules/organisations/municipality-name'
import { registerFilterOptions } from '~/modules/register/options.server'
import { isEntryInForce } from '~/modules/register/public-offers'
import { parseStaffRegisterFilters, registerStatuses } from '~/modules/register/schema'
import { listStaffRegister } from '~/modules/register/staff.server'
import { formatDate } from '~/utils/format'
import { titleFromLoader } from '~/utils/meta'
import { requirePermission } from '~/utils/session.server'

export const meta = titleFromLoader

/** Every organisation in the producer register with its entries; GET filters kept in the address. Staff only. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'register:manage')
  const filters = parseStaffRegisterFilters(new URL(request.url).searchParams)
  const now = new Date()
  const [list, options] = await Promise.all([listStaffRegister(filters), registerFilterOptions()])
  return {
    title: await pageTitle(request, 'register:staff.title'),
    filters,
    options,
    ...list,
    organisations: list.organisations.map((organisation) => ({
      ...organisation,
      registerEntries: organisation.registerEntries.map((entry) => ({
        ...entry,
        /** suspended from a later day: still in force until then */
        scheduled: entry.status === 'SUSPENDED' && isEntryInForce(entry, now),
      })),
    })),
  }
}

const statusStyles = {
  ACTIVE: 'text-green-800',
  SUSPENDED: 'text-red-700',
  REMOVED: 'text-slate-700',
} as const

export default function StaffRegister() {
  const { t, i18n } = useTranslation('register')
  const locale = isLocale(i18n.language) ? i18n.language : 'sv'
  const { filters, options, counts, organisations, page, pageCount } = useLoaderData<typeof loader>()
  const filtered = Boolean(filters.category || filters.municipality || filters.status || filters.lapsed || filters.q)
  return (
    <>
      <h1>{t('staff.title')}</h1>
      <p className="mt-2 mb-6 max-w-2xl">{t('staff.intro')}</p>

      <section aria-labelledby="register-filters" className="mb-6 rounded border border-slate-300 p-4">
        <h2 id="register-filters" className="text-lg font-semibold">
          {t('filters.title')}
        </h2>
        <Form method="get" className="mt-3 grid gap-x-6 md:grid-cols-2">
          <SelectField
            meta={{ id: 'filter-category', name: 'category', initialValue: filters.category ?? '' }}
            label={t('filters.category')}
            placeholder={t('filters.allCategories')}
            options={options.categories.map((category) => ({ value: category.code, label: nameIn(locale, category) }))}
          />
          <SelectField
            meta={{ id: 'filter-municipality', name: 'municipality', initialValue: filters.municipality ?? '' }}
            label={t('filters.municipality')}
            placeholder={t('filters.allMunicipalities')}
            options={municipalityOptions(options.municipalities, locale)}
          />
          <SelectField
            meta={{ id: 'filter-status', name: 'status', initialValue: filters.status ?? '' }}
            label={t('filters.status')}
            placeholder={t('filters.allStatuses')}
            options={registerStatuses.map((status) => ({ value: status, label: t(`status.${status}`) }))}
          />
          <Field meta={{ id: 'filter-q', name: 'q', initialValue: filters.q ?? '' }} type="search" label={t('filters.q')} />
          <div className="mb-5 flex items-start gap-3 md:col-span-2">
            <input
              id="filter-lapsed"
              type="checkbox"
              name="lapsed"
              value="on"
              defaultChecked={filters.lapsed}
              className="mt-1 h-5 w-5 shrink-0 accent-brand-700"
            />
            <label htmlFor="filter-lapsed">{t('filters.lapsed')}</label>
          </div>
          <div className="flex flex-wrap items-center gap-4 md:col-span-2">
            <Button>{t('filters.submit')}</Button>
            {filtered ? <Link to="/staff/register">{t('filters.clear')}</Link> : null}
          </div>
        </Form>
      </section>

      <section aria-labelledby="register-counts" className="mb-6">
        <h2 id="register-counts" className="sr-only">
          {t('staff.counts.title')}
        </h2>
        <dl className="flex flex-wrap gap-x-8 gap-y-2">
          {(
            [
              ['organisations', counts.organisations],
              ['active', counts.ACTIVE],
              ['suspended', counts.SUSPENDED],
              ['removed', counts.REMOVED],
              ['lapsed', counts.lapsed],
            ] as const
          ).map(([key, value]) => (
            <div key={key}>
              <dt className="text-sm text-slate-700">{t(`staff.counts.${key}`)}</dt>
              <dd className="text-xl font-bold">{value}</dd>
            </div>
          ))}
        </dl>
      </section>

      {organisations.length === 0 ? (
        <p>{t('staff.empty')}</p>
      ) : (
        <Table caption={t('staff.caption')}>
          <thead>
            <tr>
              <th scope="col">{t('staff.columns.organisation')}</th>
              <th scope="col">{t('staff.columns.municipality')}</th>
              <th scope="col">{t('staff.columns.entries')}</th>
            </tr>
          </thead>
          <tbody>
            {organisations.map((organisation) => (
              <tr key={organisation.id} className="align-top">
                <td>
                  <Link to={`/staff/register/${organisation.id}`} className="font-semibold">
                    {organisation.name}
                  </Link>
                  <p className="text-sm">{t('staff.businessId', { businessId: organisation.businessId })}</p>
                </td>
                <td>{municipalityName(organisation.municipality, locale)}</td>
                <td>
                  <ul className="space-y-2">
                    {organisation.registerEntries.map((entry) => (
                      <li key={entry.id}>
                        <span className="font-semibold">{nameIn(locale, entry.category)}</span>
                        {': '}
                        <span className={`font-semibold ${entry.scheduled ? statusStyles.ACTIVE : statusStyles[entry.status]}`}>
                          {entry.scheduled
                            ? t('scheduled', { date: formatDate(entry.statusChangedAt, locale) })
                            : t(`status.${entry.status}`)}
                        </span>
                        {entry.status !== 'ACTIVE' && !entry.scheduled ? (
                          <> {t('staff.statusSince', { date: formatDate(entry.statusChangedAt, locale) })}</>
                        ) : null}
                        <span className="block text-sm">{t('staff.validFrom', { date: formatDate(entry.validFrom, locale) })}</span>
                        {entry.statusReason && entry.status !== 'ACTIVE' ? (
                          <span className="block text-sm">{t('staff.reason', { reason: entry.statusReason })}</span>
                        ) : null}
                        {entry.lapsedAt ? (
                          <span className="mt-1 block font-semibold text-red-700">
                            <span aria-hidden="true">⚠ </span>
                            {t('lapsed.flagSince', { date: formatDate(entry.lapsedAt, locale) })}
                          </span>
                        ) : null}
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <Pagination page={page} pageCount={pageCount} />
    </>
  )
}
