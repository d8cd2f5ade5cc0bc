import type { LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Button } from '~/components/ui/button'
import { CheckboxField } from '~/components/ui/checkbox-field'
import { Pagination } from '~/components/ui/pagination'
import { SelectField } from '~/components/ui/select-field'
import { Table } from '~/components/ui/table'
import { isLocale, type AppLocale } from '~/i18n'
import { pageTitle } from '~/i18n.server'
import { nameIn } from '~/modules/applications/labels'
import { municipalityName, municipalityOptions } from '~/modules/organisations/municipality-name'
import { ageOptions, parseQueueFilters, queueStates, stateFilters, type QueueFilters } from '~/modules/review/schema'
import { listQueue, queueFilterOptions } from '~/modules/review/service.server'
import { formatDate } from '~/utils/format'
import { titleFromLoader } from '~/utils/meta'
import { requirePermission } from '~/utils/session.server'

export const meta = titleFromLoader

/** The review queue: filters in the address (a GET form that works without JavaScript), counts per state, pages. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'application:review')
  const filters = parseQueueFilters(new URL(request.url).searchParams)
  const [queue, options] = await Promise.all([listQueue({ actor: user, filters }), queueFilterOptions()])
  return { title: await pageTitle(request, 'review:queue.title'), filters, queue, options }
}

/** The address of the queue with `changes` applied to the current filters (always from the first page). */
function queueHref(filters: QueueFilters, changes: Partial<Record<'state', string>>): string {
  const params = new URLSearchParams()
  const values: Record<string, string | undefined> = {
    state: changes.state ?? filters.state,
    category: filters.category,
    municipality: filters.municipality,
    age: filters.age ? String(filters.age) : undefined,
    mine: filters.mine ? 'on' : undefined,
    proposed: filters.proposed ? 'on' : undefined,
  }
  for (const [key, value] of Object.entries(values)) if (value && !(key === 'state' && value === 'open')) params.set(key, value)
  const query = params.toString()
  return query ? `/staff/applications?${query}` : '/staff/applications'
}

export default function ReviewQueue() {
  const { t, i18n } = useTranslation('review')
  const locale: AppLocale = isLocale(i18n.language) ? i18n.language : 'sv'
  const { filters, queue, options } = useLoaderData<typeof loader>()
  const filtered = Boolean(filters.category || filters.municipality || filters.age || filters.mine || filters.proposed || filters.state !== 'open')

  return (
    <div className="[contain:inline-size]">
      <h1>{t('queue.title')}</h1>
      <p className="mt-2 mb-6 max-w-3xl">{t('queue.intro')}</p>

      <section aria-labelledby="filters-heading" className="mb-8 rounded border-2 border-slate-300 p-4">
        <h2 id="filters-heading" className="mb-4 text-xl">
          {t('queue.filtersHeading')}
        </h2>
        <Form method="get" action="/staff/applications" className="grid gap-x-6 md:grid-cols-2">
          <SelectField
            meta={{ id: 'filter-state', name: 'state', initialValue: filters.state }}
            label={t('queue.state')}
            options={stateFilters.map((state) => ({
              value: state,
              label: state === 'open' || state === 'all' ? t(`queue.states.${state}`) : t(`applications:status.${state}`),
            }))}
          />
          <SelectField
            meta={{ id: 'filter-category', name: 'category', initialValue: filters.category ?? '' }}
            label={t('queue.category')}
            placeholder={t('queue.anyCategory')}
            options={options.categories.map((category) => ({
              value: category.id,
              label: category.active ? nameIn(locale, category) : t('queue.categoryClosed', { name: nameIn(locale, category) }),
            }))}
          />
          <SelectField
            meta={{ id: 'filter-municipality', name: 'municipality', initialValue: filters.municipality ?? '' }}
            label={t('queue.municipality')}
            placeholder={t('queue.anyMunicipality')}
            options={municipalityOptions(options.municipalities, locale)}
          />
          <SelectField
            meta={{ id: 'filter-age', name: 'age', initialValue: filters.age ? String(filters.age) : '' }}
            label={t('queue.age')}
            hint={t('queue.ageHint')}
            placeholder={t('queue.anyAge')}
            options={ageOptions.map((days) => ({ value: String(days), label: t('queue.olderThan', { days }) }))}
          />
          <CheckboxField meta={{ id: 'filter-mine', name: 'mine', initialValue: filters.mine ? 'on' : undefined }} label={t('queue.mine')} />
          <CheckboxField
            meta={{ id: 'filter-proposed', name: 'proposed', initialValue: filters.proposed ? 'on' : undefined }}
            label={t('queue.proposed')}
          />
          <div className="flex flex-wrap items-center gap-4 md:col-span-2">
            <Button>{t('queue.apply')}</Button>
            {filtered ? <Link to="/staff/applications">{t('queue.clear')}</Link> : null}
          </div>
        </Form>
      </section>

      <section aria-labelledby="counts-heading" className="mb-8">
        <h2 id="counts-heading" className="text-xl">
          {t('queue.countsHeading')}
        </h2>
        <p className="text-sm text-slate-700">{t('queue.countsHint')}</p>
        <ul className="mt-3 flex flex-wrap gap-3">
          {queueStates.map((state) => {
            const current = filters.state === state
            return (
              <li key={state}>
                <Link
                  to={queueHref(filters, { state })}
                  aria-current={current ? 'true' : undefined}
                  className={`inline-block rounded border-2 px-3 py-2 no-underline ${current ? 'border-brand-700 bg-brand-700 font-bold text-white' : 'border-slate-400'}`}
                >
                  {t(`applications:status.${state}`)}: <span className="font-bold">{queue.counts[state]}</span>
                </Link>
              </li>
            )
          })}
        </ul>
      </section>

      {queue.rows.length === 0 ? (
        <p role="status">{t('queue.empty')}</p>
      ) : (
        <Table caption={t('queue.caption', { total: queue.total })}>
          <thead>
            <tr>
              <th scope="col">{t('queue.columns.organisation')}</th>
              <th scope="col">{t('queue.columns.businessId')}</th>
              <th scope="col">{t('queue.columns.categories')}</th>
              <th scope="col">{t('queue.columns.municipality')}</th>
              <th scope="col">{t('queue.columns.state')}</th>
              <th scope="col">{t('queue.columns.submitted')}</th>
              <th scope="col">{t('queue.columns.age')}</th>
              <th scope="col">{t('queue.columns.assignedTo')}</th>
            </tr>
          </thead>
          <tbody>
            {queue.rows.map((row) => (
              <tr key={row.id}>
                <td>
                  <Link to={`/staff/applications/${row.id}`}>{row.organisation.name}</Link>
                </td>
                <td className="whitespace-nowrap">{row.organisation.businessId}</td>
                <td>
                  <ul>
                    {row.categories.map((category) => (
                      <li key={category.id}>
                        {nameIn(locale, category)}
                        {category.decision === 'PROPOSED_APPROVE' || category.decision === 'PROPOSED_REJECT' ? (
                          <span className="block text-sm text-slate-700">{t(`decision.${category.decision}`)}</span>
                        ) : null}
                      </li>
                    ))}
                  </ul>
                </td>
                <td>{municipalityName(row.organisation.municipality, locale)}</td>
                <td>{t(`applications:status.${row.status}`)}</td>
                <td>
                  {formatDate(row.submittedAt, locale)}
                  {formatDate(row.firstSubmittedAt, locale) !== formatDate(row.submittedAt, locale) ? (
                    <span className="block text-sm text-slate-700">{t('queue.firstSubmitted', { date: formatDate(row.firstSubmittedAt, locale) })}</span>
                  ) : null}
                </td>
                <td>{t('queue.days', { count: row.ageDays })}</td>
                <td>{row.assignedTo ? row.assignedTo.name : <span className="text-slate-700">{t('queue.unassigned')}</span>}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <Pagination page={queue.page} pageCount={queue.pageCount} />
    </div>
  )
}
