import { useTranslation } from 'react-i18next'
import type { Figures } from '~/modules/settlements/statement'
import { formatUnits } from '~/modules/settlements/format'
import { formatCents } from '~/utils/format'
import { useLocale } from './use-locale'

/** A provider's (or a month's) totals as a definition list. */
export function FiguresSummary({ figures }: { figures: Figures }) {
  const { t } = useTranslation('settlement')
  const locale = useLocale()
  const items: [string, string][] = [
    [t('figures.records'), String(figures.records)],
    [t('figures.units'), formatUnits(figures.unitsHundredths, locale)],
    [t('figures.total'), formatCents(figures.totalCents, locale)],
    [t('figures.voucherShare'), formatCents(figures.voucherShareCents, locale)],
    [t('figures.copayment'), formatCents(figures.copaymentCents, locale)],
    [t('figures.extras'), formatCents(figures.extrasCents, locale)],
  ]
  return (
    <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[minmax(12rem,22rem)_1fr]">
      {items.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="font-semibold">{label}</dt>
          <dd className="tabular-nums">{value}</dd>
        </div>
      ))}
    </dl>
  )
}
