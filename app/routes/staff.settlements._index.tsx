import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { FiguresSummary } from '~/components/settlements/figures-summary'
import { MonthPicker } from '~/components/settlements/month-picker'
import { SettlementStatusBadge } from '~/components/settlements/status'
import { useLocale } from '~/components/settlements/use-locale'
import { Alert } from '~/components/ui/alert'
import { Table } from '~/components/ui/table'
import { getLocale, pageTitle } from '~/i18n.server'
import { formatMonth, formatUnits } from '~/modules/settlements/format'
import { monthKey, parseMonth, previousMonth } from '~/modules/settlements/month'
import type { Figures } from '~/modules/settlements/statement'
import { settlementMonths, settlementOverview } from '~/modules/settlements/statement.server'
import { formatCents, formatDate } from '~/utils/format'
import { titleFromLoader } from '~/utils/meta'
import { requirePermission } from '~/utils/session.server'

export const meta = titleFromLoader

/**
 * One month of every provider's statement: status, record count, units and amounts, with the month's totals and
 * the accounts-payable file of its approved statements. The month comes from the address (`?month=2026-10`),
 * by default the previous month. Staff with settlement:approve only.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'settlement:approve')
  const asked = new URL(request.url).searchParams.get('month')
  const parsed = parseMonth(asked)
  const month = parsed ?? previousMonth()
  const [locale, overview, months] = await Promise.all([getLocale(request), settlementOverview(month), settlementMonths()])
  const key = monthKey(month)
  return {
    title: await pageTitle(request, 'settlement:staff.title'),
    month: key,
    monthName: formatMonth(month, locale),
    invalidMonth: asked !== null && asked !== '' && parsed === null,
    months: months.includes(key) ? months : [key, ...months],
    figures: overview.figures,
    providers: overview.providers.map(({ organisation, settlement, figures }) => ({
      organisation,
      status: settlement?.status ?? 'OPEN',
      approvedAt: settlement?.approvedAt ?? null,
      figures,
    })),
  }
}

const numeric = 'text-right tabular-nums whitespace-nowrap'

function FigureCells({ figures }: { figures: Figures }) {
  const locale = useLocale()
  return (
    <>
      <td className={numeric}>{figures.records}</td>
      <td className={numeric}>{formatUnits(figures.unitsHundredths, locale)}</td>
      <td className={numeric}>{formatCents(figures.totalCents, locale)}</td>
      <td className={numeric}>{formatCents(figures.voucherShareCents, locale)}</td>
      <td className={numeric}>{formatCents(figures.copaymentCents, locale)}</td>
      <td className={numeric}>{formatCents(figures.extrasCents, locale)}</td>
    </>
  )
}

export default function StaffSettlements() {
  const { t } = useTranslation('settlement')
  const locale = useLocale()
  const { month, monthName, invalidMonth, months, figures, providers } = useLoaderData<typeof loader>()
  const approved = providers.filter((provider) => provider.status === 'APPROVED').length
  return (
    <>
      <h1>{t('staff.title')}</h1>
      <p className="mt-2 mb-6 max-w-3xl">{t('staff.intro')}</p>
      {invalidMonth ? <Alert kind="info">{t('staff.invalidMonth', { month: monthName })}</Alert> : null}

      <section aria-labelledby="settlement-month-title" className="mb-8 rounded border border-slate-300 p-4">
        <h2 id="settlement-month-title" className="text-lg font-semibold">
          {t('picker.title')}
        </h2>
        <div className="mt-3">
          <MonthPicker months={months} selected={month} />
        </div>
      </section>

      <section aria-labelledby="settlement-totals" className="mb-8">
        <h2 id="settlement-totals">{t('staff.totalsTitle', { month: monthName })}</h2>
        <p className="mt-1 mb-3">{t('staff.approvedCount', { approved, providers: providers.length })}</p>
        <FiguresSummary figures={figures} />
      </section>

      <section aria-labelledby="settlement-providers" className="mb-8">
        <h2 id="settlement-providers">{t('staff.providersTitle')}</h2>
        {providers.length === 0 ? (
          <p className="mt-2">{t('staff.empty', { month: monthName })}</p>
        ) : (
          <div className="mt-3">
            <Table caption={t('staff.caption', { month: monthName })} captionHidden>
              <thead>
                <tr>
                  <th scope="col">{t('staff.columns.provider')}</th>
                  <th scope="col">{t('staff.columns.status')}</th>
                  <th scope="col" className="text-right">
                    {t('staff.columns.records')}
                  </th>
                  <th scope="col" className="text-right">
                    {t('staff.columns.units')}
                  </th>
                  <th scope="col" className="text-right">
                    {t('staff.columns.total')}
                  </th>
                  <th scope="col" className="text-right">
                    {t('staff.columns.voucherShare')}
                  </th>
                  <th scope="col" className="text-right">
                    {t('staff.columns.copayment')}
                  </th>
                  <th scope="col" className="text-right">
                    {t('staff.columns.extras')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {providers.map(({ organisation, status, approvedAt, figures: own }) => (
                  <tr key={organisation.id} className="align-top">
                    <th scope="row" className="text-left font-normal">
                      <Link to={`/staff/settlements/${organisation.id}/${month}`} className="font-semibold">
                        {organisation.name}
                      </Link>
                      <span className="block text-sm">{t('staff.businessId', { businessId: organisation.businessId })}</span>
                    </th>
                    <td>
                      <SettlementStatusBadge status={status} />
                      {approvedAt ? <span className="block text-sm">{formatDate(approvedAt, locale)}</span> : null}
                    </td>
                    <FigureCells figures={own} />
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr className="font-bold">
                  <th scope="row" colSpan={2} className="text-left">
                    {t('staff.totalRow')}
                  </th>
                  <FigureCells figures={figures} />
                </tr>
              </tfoot>
            </Table>
          </div>
        )}
      </section>

      <section aria-labelledby="settlement-export">
        <h2 id="settlement-export">{t('staff.export.title')}</h2>
        <p className="mt-2 max-w-3xl">{t('staff.export.intro')}</p>
        {approved === 0 ? <p className="mt-2">{t('staff.export.none', { month: monthName })}</p> : null}
        <p className="mt-3">
          <a href={`/staff/settlements/export?month=${month}`} className="font-semibold" download>
            {t('staff.export.link', { month: monthName })}
          </a>
        </p>
      </section>
    </>
  )
}
