import { parseWithZod } from '@conform-to/zod/v4'
import type { LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { BarChart, type Bar } from '~/components/follow-up/bar-chart'
import { TableSection } from '~/components/follow-up/table-section'
import { TrendChart } from '~/components/follow-up/trend-chart'
import { Button } from '~/components/ui/button'
import { ErrorSummary } from '~/components/ui/error-summary'
import { Field } from '~/components/ui/field'
import { SelectField } from '~/components/ui/select-field'
import type { AppLocale } from '~/i18n'
import { getLocale, i18nServer, pageTitle } from '~/i18n.server'
import { nameIn } from '~/modules/applications/labels'
import { followUpDashboard, type Dashboard } from '~/modules/follow-up/dashboard.server'
import { referenceData, resolveFilters } from '~/modules/follow-up/filters.server'
import { monthLabel, previousMonth } from '~/modules/follow-up/periods'
import { clientLanguages, filterNames, filterSchema, sectors, type TableName } from '~/modules/follow-up/schema'
import { dashboardTables, ratio, relativeChange } from '~/modules/follow-up/tables'
import { capitalised, languageName } from '~/modules/offers/languages'
import { municipalityName, municipalityOptions } from '~/modules/organisations/municipality-name'
import { formatCents, formatNumber, formatPercent } from '~/utils/format'
import { titleFromLoader } from '~/utils/meta'
import { can } from '~/utils/permissions'
import { requirePermission } from '~/utils/session.server'

export const meta = titleFromLoader

/** The query string of the filters in the address (what the exports and the provider links carry on). */
function filterQuery(params: URLSearchParams, changes: Record<string, string> = {}): string {
  const query = new URLSearchParams()
  for (const name of filterNames) {
    const value = changes[name] ?? params.get(name)?.trim()
    if (value) query.set(name, value)
  }
  return query.toString()
}

/** A chart's summary: its title and the largest values, for the picture's accessible name. */
function topList(bars: Bar[], count = 5): string {
  return [...bars]
    .sort((a, b) => b.value - a.value)
    .slice(0, count)
    .map((bar) => `${bar.label} ${bar.valueText}`)
    .join(', ')
}

function charts(dashboard: Dashboard, locale: AppLocale, t: (key: string, options?: Record<string, unknown>) => string, names: {
  category: (id: string) => string
  municipality: (code: string) => string
}) {
  const trend = dashboard.trend
  const last = trend.at(-1)!
  const highest = trend.reduce((best, point) => (point.shareCents > best.shareCents ? point : best), trend[0]!)
  const lowest = trend.reduce((best, point) => (point.shareCents < best.shareCents ? point : best), trend[0]!)
  const changePrevious = relativeChange(last.shareCents, trend.at(-2)?.shareCents ?? 0)
  const money = (cents: number) => formatCents(cents, locale)
  const bars = (rows: { key: string; month: { shareCents: number } }[], name: (key: string) => string): Bar[] =>
    rows
      .filter((row) => row.month.shareCents !== 0)
      .map((row) => ({ label: name(row.key), value: row.month.shareCents, valueText: money(row.month.shareCents) }))
      .sort((a, b) => b.value - a.value)
  const categoryBars = bars(dashboard.categories, names.category)
  const municipalityBars = bars(dashboard.municipalities, names.municipality)
  const sectorBars = bars(dashboard.sectors, (key) => t(`sectors.${key}`))
  const languageBars: Bar[] = clientLanguages.map((code) => {
    const row = dashboard.vouchers.languages.find((candidate) => candidate.language === code)
    const clients = row?.clients.month ?? 0
    const served = ratio(row?.servedInLanguage.month ?? 0, clients)
    return {
      label: capitalised(languageName(code, locale)),
      value: clients,
      valueText: t('charts.languageValue', { clients: formatNumber(clients, locale), served: served === null ? '–' : formatPercent(served, locale) }),
    }
  })
  return {
    trend: {
      bars: trend.map((point) => ({ label: monthLabel(point.month, locale, 'short'), value: point.shareCents, stacked: point.copaymentCents })),
      summary: t('charts.trendSummary', {
        from: monthLabel(trend[0]!.month, locale),
        to: monthLabel(last.month, locale),
        last: money(last.shareCents),
        change: changePrevious === null ? '–' : formatPercent(changePrevious, locale, { signed: true }),
        highest: money(highest.shareCents),
        highestMonth: monthLabel(highest.month, locale),
        lowest: money(lowest.shareCents),
        lowestMonth: monthLabel(lowest.month, locale),
      }),
    },
    categories: { bars: categoryBars, summary: t('charts.distribution', { title: t('sections.categories'), list: topList(categoryBars) || t('table.empty') }) },
    municipalities: { bars: municipalityBars, summary: t('charts.distribution', { title: t('sections.municipalities'), list: topList(municipalityBars) || t('table.empty') }) },
    sectors: { bars: sectorBars, summary: t('charts.distribution', { title: t('sections.sectors'), list: topList(sectorBars) || t('table.empty') }) },
    languages: { bars: languageBars, summary: t('charts.distribution', { title: t('sections.languages'), list: topList(languageBars, 3) }) },
  }
}

/**
 * The follow-up of voucher use (reviewers and admins): a month and the year to date, filtered by category, the
 * client's municipality and language, the provider and its sector, all in the address. Figures come from SQL
 * aggregations (app/modules/follow-up); every table has a CSV and an XLSX download with the same filters.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'report:view')
  const url = new URL(request.url)
  const submission = parseWithZod(url.searchParams, { schema: filterSchema })
  const [locale, reference, t] = await Promise.all([getLocale(request), referenceData(), i18nServer.getFixedT(request, 'followup')])
  const now = new Date()
  const values = Object.fromEntries(filterNames.map((name) => [name, url.searchParams.get(name)?.trim() ?? ''])) as Record<
    (typeof filterNames)[number],
    string
  >
  let errors: Record<string, string[]> = {}
  let view = null
  if (submission.status !== 'success') {
    errors = Object.fromEntries(Object.entries(submission.error ?? {}).map(([field, messages]) => [`filter-${field}`, messages ?? []]))
  } else {
    const resolved = await resolveFilters(submission.value, now)
    if (!resolved.ok) {
      errors = Object.fromEntries(resolved.problems.map((problem) => [`filter-${problem.field}`, [problem.message]]))
    } else {
      const dashboard = await followUpDashboard(resolved.filters, reference, { now })
      const month = resolved.filters.period.month
      const query = filterQuery(url.searchParams, { month })
      const categoryName = (id: string) => {
        const category = reference.categories.find((candidate) => candidate.id === id)
        return category ? nameIn(locale, category) : id
      }
      const municipality = (code: string) => {
        const found = reference.municipalities.find((candidate) => candidate.code === code)
        return found ? municipalityName(found, locale) : code
      }
      const chosen = [
        submission.value.category ? categoryName(resolved.filters.categoryId ?? '') : null,
        submission.value.municipality ? municipality(submission.value.municipality) : null,
        resolved.provider ? resolved.provider.name : null,
        submission.value.sector ? t(`sectors.${submission.value.sector}`) : null,
        submission.value.language ? t('filters.clientsIn', { language: languageName(submission.value.language, locale) }) : null,
      ].filter((part): part is string => part !== null)
      view = {
        month,
        monthName: monthLabel(month, locale),
        year: month.slice(0, 4),
        chosen,
        query,
        tables: dashboardTables(dashboard, {
          locale,
          t,
          reference,
          now,
          providerHref: (businessId) => `/staff/follow-up?${filterQuery(url.searchParams, { month, provider: businessId })}`,
        }),
        charts: charts(dashboard, locale, t, { category: categoryName, municipality }),
        providers: { shown: dashboard.providers.length, total: dashboard.providerCount.yearToDate },
        waiting: { shown: dashboard.waiting.rows.length, total: dashboard.waiting.total },
        anyOverBudget: dashboard.budgets.some((row) => row.status === 'over'),
      }
    }
  }
  return {
    title: await pageTitle(request, 'followup:title'),
    locale,
    values: { ...values, month: values.month || previousMonth(now) },
    errors,
    canManageBudgets: can(user.role, 'catalogue:manage'),
    options: {
      categories: reference.categories.map((category) => ({ value: category.code, label: nameIn(locale, category) })),
      municipalities: municipalityOptions(reference.municipalities, locale),
    },
    view,
  }
}

function Filters() {
  const { t } = useTranslation('followup')
  const { values, errors, options } = useLoaderData<typeof loader>()
  const meta = (name: (typeof filterNames)[number]) => ({ id: `filter-${name}`, name, initialValue: values[name], errors: errors[`filter-${name}`] })
  const filtered = filterNames.some((name) => name !== 'month' && values[name])
  return (
    <section aria-labelledby="filters-heading" className="mt-6 rounded border-2 border-slate-300 p-4">
      <h2 id="filters-heading" className="text-xl">
        {t('filters.heading')}
      </h2>
      <ErrorSummary errors={errors} />
      <Form method="get" action="/staff/follow-up" className="mt-3">
        <div className="grid gap-x-6 md:grid-cols-2 lg:grid-cols-3">
          <Field meta={meta('month')} type="month" label={t('filters.month')} hint={t('filters.monthHint')} />
          <SelectField meta={meta('category')} label={t('filters.category')} placeholder={t('filters.allCategories')} options={options.categories} />
          <SelectField
            meta={meta('municipality')}
            label={t('filters.municipality')}
            hint={t('filters.municipalityHint')}
            placeholder={t('filters.allMunicipalities')}
            options={options.municipalities}
          />
          <Field meta={meta('provider')} label={t('filters.provider')} hint={t('filters.providerHint')} autoComplete="off" spellCheck={false} />
          <SelectField
            meta={meta('sector')}
            label={t('filters.sector')}
            placeholder={t('filters.allSectors')}
            options={sectors.map((sector) => ({ value: sector, label: t(`sectors.${sector}`) }))}
          />
          <SelectField
            meta={meta('language')}
            label={t('filters.language')}
            hint={t('filters.languageHint')}
            placeholder={t('filters.allLanguages')}
            options={clientLanguages.map((code) => ({ value: code, label: t(`languages.${code}`) }))}
          />
        </div>
        <div className="flex flex-wrap items-center gap-6">
          <Button>{t('filters.show')}</Button>
          {filtered ? <Link to={`/staff/follow-up?month=${values.month}`}>{t('filters.clear')}</Link> : null}
        </div>
      </Form>
    </section>
  )
}

export default function FollowUp() {
  const { t } = useTranslation('followup')
  const { view, locale, canManageBudgets } = useLoaderData<typeof loader>()
  return (
    <div className="[contain:inline-size]">
      <h1>{t('title')}</h1>
      <p className="mt-2 max-w-3xl">{t('intro')}</p>
      <Filters />
      {view ? <Figures view={view} locale={locale} canManageBudgets={canManageBudgets} /> : null}
    </div>
  )
}

type View = NonNullable<ReturnType<typeof useLoaderData<typeof loader>>['view']>

function Figures({ view, locale, canManageBudgets }: { view: View; locale: AppLocale; canManageBudgets: boolean }) {
  const { t } = useTranslation('followup')
  const exportHref = (table: TableName) => (format: 'csv' | 'xlsx') => `/staff/follow-up/export?${view.query}&table=${table}&format=${format}`
  const section = (table: TableName, id: string, title: string, extra: { intro?: string; chart?: ReactNode; after?: ReactNode } = {}) => (
    <TableSection id={id} title={title} intro={extra.intro} model={view.tables[table]} locale={locale} exportHref={exportHref(table)} after={extra.after}>
      {extra.chart}
    </TableSection>
  )
  return (
    <div className="mt-8">
      <p className="text-lg font-semibold" role="status">
        {t('showing', { month: view.monthName, year: view.year })}
        {view.chosen.length > 0 ? ` · ${view.chosen.join(' · ')}` : ` · ${t('filters.wholeArea')}`}
      </p>
      <nav aria-label={t('contents')} className="mt-4">
        <ul className="flex flex-wrap gap-x-6 gap-y-1">
          {(['summary', 'trend', 'vouchers', 'utilisation', 'categories', 'municipalities', 'providers', 'languages', 'sectors', 'budget', 'production'] as const).map((id) => (
            <li key={id}>
              <a href={`#${id}-heading`}>{t(`sections.${id}`)}</a>
            </li>
          ))}
        </ul>
      </nav>

      {section('summary', 'summary', t('sections.summary'), { intro: t('intros.summary') })}
      {section('spend-month', 'trend', t('sections.trend'), {
        intro: t('intros.trend'),
        chart: (
          <TrendChart
            bars={view.charts.trend.bars}
            summary={view.charts.trend.summary}
            legend={{ value: t('figures.share'), stacked: t('figures.copayment') }}
            locale={locale}
          />
        ),
      })}
      {section('vouchers', 'vouchers', t('sections.vouchers'), { intro: t('intros.vouchers') })}
      {section('waiting', 'waiting', t('headings.waiting', { count: view.waiting.total }), {
        intro: t('intros.waiting'),
        after:
          view.waiting.total > view.waiting.shown ? <p className="mt-2">{t('waitingMore', { shown: view.waiting.shown, total: view.waiting.total })}</p> : null,
      })}
      {section('utilisation-category', 'utilisation', t('sections.utilisation'), { intro: t('intros.utilisation') })}
      {section('utilisation-provider', 'utilisation-provider', t('sections.utilisationProvider'))}
      {section('spend-category', 'categories', t('sections.categories'), {
        intro: t('intros.spend'),
        chart: <BarChart bars={view.charts.categories.bars} summary={view.charts.categories.summary} />,
      })}
      {section('spend-municipality', 'municipalities', t('sections.municipalities'), {
        intro: t('intros.municipalities'),
        chart: <BarChart bars={view.charts.municipalities.bars} summary={view.charts.municipalities.summary} />,
      })}
      {section('spend-provider', 'providers', t('sections.providers'), {
        intro: t('intros.providers'),
        after:
          view.providers.total > view.providers.shown ? <p className="mt-2">{t('providersMore', { shown: view.providers.shown, total: view.providers.total })}</p> : null,
      })}
      {section('languages', 'languages', t('sections.languages'), {
        intro: t('intros.languages'),
        chart: <BarChart bars={view.charts.languages.bars} summary={view.charts.languages.summary} />,
      })}
      {section('sectors', 'sectors', t('sections.sectors'), {
        chart: <BarChart bars={view.charts.sectors.bars} summary={view.charts.sectors.summary} />,
      })}
      {section('budget', 'budget', t('headings.budget', { year: view.year }), {
        intro: t('intros.budget'),
        after: (
          <>
            {view.anyOverBudget ? <p className="mt-2 font-semibold">{t('budget.overNote')}</p> : null}
            {canManageBudgets ? (
              <p className="mt-2">
                <Link to={`/staff/follow-up/budgets?year=${view.year}`}>{t('budget.manage', { year: view.year })}</Link>
              </p>
            ) : null}
          </>
        ),
      })}
      {section('production', 'production', t('headings.production', { year: view.year }), { intro: t('intros.production') })}
    </div>
  )
}
