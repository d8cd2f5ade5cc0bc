import { Form, Link, useLocation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Button } from '~/components/ui/button'
import { Table } from '~/components/ui/table'
import type { AppLocale } from '~/i18n'
import { formatMonth } from '~/modules/delivery/months'
import { capitalised } from '~/modules/offers/languages'
import type { RecordMonthView } from '~/modules/delivery/views'
import type { UnitOfMeasure } from '~/modules/delivery/units'
import { formatCents, formatDate } from '~/utils/format'
import { useUnitText } from './use-unit-text'

type RecordMonthsProps = { months: RecordMonthView[]; unit: UnitOfMeasure; canRecord: boolean; locale: AppLocale }

/**
 * The client's records by settlement month, newest first: the first month open, earlier ones folded. Each month has
 * its totals as the settlement counts them; a record of an open month can be deleted, one of an approved month
 * corrected.
 */
export function RecordMonths({ months, unit, canRecord, locale }: RecordMonthsProps) {
  const { t } = useTranslation('delivery')
  const unitText = useUnitText()
  return (
    <div className="mt-8 space-y-4">
      {months.map((month, index) => (
        <details key={month.month} open={index === 0} className="rounded border-2 border-slate-300 p-3">
          <summary className="cursor-pointer font-semibold">
            {capitalised(formatMonth(month.month, locale))} · {unitText(month.totals.unitsHundredths, unit)} ·{' '}
            {formatCents(month.totals.totalCents, locale)}
            {month.approved ? ` · ${t('records.approved')}` : ''}
          </summary>
          {month.approved ? <p className="mt-2 max-w-prose text-sm">{t('records.approvedHint')}</p> : null}
          {month.records.length === 0 ? (
            <p className="mt-2">{t('records.none')}</p>
          ) : (
            <MonthTable month={month} unit={unit} canRecord={canRecord} locale={locale} />
          )}
        </details>
      ))}
    </div>
  )
}

function MonthTable({ month, unit, canRecord, locale }: { month: RecordMonthView; unit: UnitOfMeasure; canRecord: boolean; locale: AppLocale }) {
  const { t } = useTranslation('delivery')
  const unitText = useUnitText()
  const location = useLocation()
  const correctHref = (recordId: string) => {
    const params = new URLSearchParams(location.search)
    params.set('correct', recordId)
    return `${location.pathname}?${params}#correct`
  }
  const money = (cents: number) => formatCents(cents, locale)
  return (
    <div className="mt-3">
      <Table caption={t('records.caption', { month: formatMonth(month.month, locale) })} captionHidden>
        <thead>
          <tr>
            <th scope="col">{t('records.columns.date')}</th>
            <th scope="col">{t('records.columns.units')}</th>
            <th scope="col">{t('records.columns.price')}</th>
            <th scope="col">{t('records.columns.total')}</th>
            <th scope="col">{t('records.columns.voucherShare')}</th>
            <th scope="col">{t('records.columns.copayment')}</th>
            <th scope="col">{t('records.columns.extras')}</th>
            <th scope="col">{t('records.columns.note')}</th>
            {canRecord ? <th scope="col">{t('records.columns.actions')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {month.records.map((record) => {
            const date = formatDate(record.serviceDate, locale)
            return (
              <tr key={record.id} className="align-top">
                <td className="whitespace-nowrap">{record.kind === 'ADJUSTMENT' ? t('records.correctionOf', { date }) : date}</td>
                <td className="whitespace-nowrap">
                  {unitText(record.unitsHundredths, unit)}
                  {record.correctedUnits !== null ? (
                    <span className="block text-sm text-slate-700">
                      {t('records.afterCorrections', { units: unitText(record.correctedUnits, unit) })}
                    </span>
                  ) : null}
                </td>
                <td className="whitespace-nowrap">{money(record.unitPriceCents)}</td>
                <td className="whitespace-nowrap">{money(record.figures.totalCents)}</td>
                <td className="whitespace-nowrap">{money(record.figures.voucherShareCents)}</td>
                <td className="whitespace-nowrap">{money(record.figures.copaymentCents)}</td>
                <td className="whitespace-nowrap">{record.figures.extrasCents ? money(record.figures.extrasCents) : ''}</td>
                <td className="max-w-xs break-words">{record.note}</td>
                {canRecord ? (
                  <td>
                    {record.deletable ? (
                      <Form method="post">
                        <input type="hidden" name="intent" value="delete" />
                        <input type="hidden" name="recordId" value={record.id} />
                        <Button variant="secondary" className="px-3 py-1 text-sm">
                          {t('records.delete')}
                          <span className="sr-only">: {date}</span>
                        </Button>
                      </Form>
                    ) : null}
                    {record.correctable ? (
                      <Link to={correctHref(record.id)}>
                        {t('records.correct')}
                        <span className="sr-only">: {date}</span>
                      </Link>
                    ) : null}
                  </td>
                ) : null}
              </tr>
            )
          })}
        </tbody>
        <tfoot>
          <tr className="font-semibold">
            <th scope="row">{t('records.totals')}</th>
            <td className="whitespace-nowrap">{unitText(month.totals.unitsHundredths, unit)}</td>
            <td />
            <td className="whitespace-nowrap">{money(month.totals.totalCents)}</td>
            <td className="whitespace-nowrap">{money(month.totals.voucherShareCents)}</td>
            <td className="whitespace-nowrap">{money(month.totals.copaymentCents)}</td>
            <td className="whitespace-nowrap">{month.totals.extrasCents ? money(month.totals.extrasCents) : ''}</td>
            <td />
            {canRecord ? <td /> : null}
          </tr>
        </tfoot>
      </Table>
    </div>
  )
}
