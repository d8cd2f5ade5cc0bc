import { useTranslation } from 'react-i18next'
import { Table } from '~/components/ui/table'
import { nameIn, type Names } from '~/modules/applications/labels'
import { formatUnits } from '~/modules/settlements/format'
import type { Figures, StatementLine } from '~/modules/settlements/statement'
import { formatCents, formatDate } from '~/utils/format'
import { useLocale } from './use-locale'

/** One voucher of a statement as the page shows it. */
export type VoucherLinesView = {
  voucherId: string
  code: string
  clientName: string
  category: Names & { unit: 'HOUR' | 'DAY' | 'VISIT' | 'MONTH' }
  lines: StatementLine[]
  figures: Figures
}

const numeric = 'text-right tabular-nums whitespace-nowrap'

function AmountCells({ figures }: { figures: Figures }) {
  const locale = useLocale()
  return (
    <>
      <td className={numeric}>{formatCents(figures.totalCents, locale)}</td>
      <td className={numeric}>{formatCents(figures.voucherShareCents, locale)}</td>
      <td className={numeric}>{formatCents(figures.copaymentCents, locale)}</td>
      <td className={numeric}>{formatCents(figures.extrasCents, locale)}</td>
    </>
  )
}

/**
 * Per voucher (client, voucher code, service): its deliveries at each price and value, each adjustment on its own
 * line, the voucher's sum when it has several lines, and the statement's total at the foot.
 */
export function StatementTable({ vouchers, figures, caption }: { vouchers: VoucherLinesView[]; figures: Figures; caption: string }) {
  const { t } = useTranslation('settlement')
  const locale = useLocale()
  return (
    <Table caption={caption}>
      <thead>
        <tr>
          <th scope="col">{t('table.client')}</th>
          <th scope="col">{t('table.line')}</th>
          <th scope="col" className="text-right">
            {t('table.units')}
          </th>
          <th scope="col" className="text-right">
            {t('table.unitPrice')}
          </th>
          <th scope="col" className="text-right">
            {t('table.voucherValue')}
          </th>
          <th scope="col" className="text-right">
            {t('table.total')}
          </th>
          <th scope="col" className="text-right">
            {t('table.voucherShare')}
          </th>
          <th scope="col" className="text-right">
            {t('table.copayment')}
          </th>
          <th scope="col" className="text-right">
            {t('table.extras')}
          </th>
        </tr>
      </thead>
      {vouchers.map((voucher) => {
        const subtotal = voucher.lines.length > 1
        return (
          <tbody key={voucher.voucherId}>
            {voucher.lines.map((line, index) => (
              <tr key={`${line.kind}-${index}`} className="align-top">
                {index === 0 ? (
                  <th scope="rowgroup" rowSpan={voucher.lines.length + (subtotal ? 1 : 0)} className="text-left font-normal">
                    <span className="block font-semibold">{voucher.clientName}</span>
                    <span className="block font-mono text-sm">{voucher.code}</span>
                    <span className="block text-sm">
                      {nameIn(locale, voucher.category)} ({t(`unitNames.${voucher.category.unit}`)})
                    </span>
                  </th>
                ) : null}
                <td>
                  {line.kind === 'DELIVERY' ? (
                    t('table.delivery')
                  ) : (
                    <>
                      <span className="block font-semibold">
                        {t('table.adjustment', { date: line.serviceDate ? formatDate(line.serviceDate, locale) : '' })}
                      </span>
                      {line.note ? <span className="block text-sm">{line.note}</span> : null}
                    </>
                  )}
                </td>
                <td className={numeric}>{formatUnits(line.figures.unitsHundredths, locale)}</td>
                <td className={numeric}>{formatCents(line.unitPriceCents, locale)}</td>
                <td className={numeric}>{formatCents(line.voucherValueCents, locale)}</td>
                <AmountCells figures={line.figures} />
              </tr>
            ))}
            {subtotal ? (
              <tr className="font-semibold">
                <td>{t('table.voucherTotal')}</td>
                <td className={numeric}>{formatUnits(voucher.figures.unitsHundredths, locale)}</td>
                <td />
                <td />
                <AmountCells figures={voucher.figures} />
              </tr>
            ) : null}
          </tbody>
        )
      })}
      <tfoot>
        <tr className="font-bold">
          <th scope="row" colSpan={2} className="text-left">
            {t('table.grandTotal')}
          </th>
          <td className={numeric}>{formatUnits(figures.unitsHundredths, locale)}</td>
          <td />
          <td />
          <AmountCells figures={figures} />
        </tr>
      </tfoot>
    </Table>
  )
}
