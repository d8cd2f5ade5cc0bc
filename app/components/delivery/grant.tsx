import { useTranslation } from 'react-i18next'
import type { UnitOfMeasure } from '~/modules/delivery/units'
import { useUnitText } from './use-unit-text'

type GrantProps = {
  unit: UnitOfMeasure
  unitsPerMonth: number | null
  unitsTotal: number | null
  usedHundredths: number
  leftHundredths: number
}

/** "10 hours a month" or "14 days in total". */
export function GrantText({ unit, unitsPerMonth, unitsTotal }: Pick<GrantProps, 'unit' | 'unitsPerMonth' | 'unitsTotal'>) {
  const { t } = useTranslation('delivery')
  const unitText = useUnitText()
  if (unitsPerMonth !== null) return <>{t('grant.perMonth', { units: unitText(unitsPerMonth * 100, unit) })}</>
  return <>{t('grant.total', { units: unitText((unitsTotal ?? 0) * 100, unit) })}</>
}

/** "Used 4,5 hours, 5,5 hours left this month" (or of the whole grant). */
export function UsageText({ unit, unitsPerMonth, usedHundredths, leftHundredths }: GrantProps) {
  const { t } = useTranslation('delivery')
  const unitText = useUnitText()
  const values = { used: unitText(usedHundredths, unit), left: unitText(leftHundredths, unit) }
  return <>{unitsPerMonth !== null ? t('grant.usageMonth', values) : t('grant.usageTotal', values)}</>
}
