import type { TFunction } from 'i18next'
import { intlLocale, type AppLocale } from '~/i18n'
import type { IncomeExplanation } from '~/modules/public-catalogue/voucher'
import { formatCents } from '~/utils/format'
import { numberFormat } from '~/utils/intl'

/**
 * Sentences about a voucher built from the issuing namespace, for the staff pages (useTranslation's t) and for the
 * decision letter (a translator in the client's language). Pure.
 */
export type Unit = 'HOUR' | 'DAY' | 'VISIT' | 'MONTH'

/** "30,00 € / hour" */
export function perUnitText(t: TFunction, cents: number, unit: Unit, locale: AppLocale): string {
  return t(`perUnit.${unit}`, { amount: formatCents(cents, locale) })
}

/** "10 hours a month", "40 visits in total" */
export function grantText(t: TFunction, grant: { unitsPerMonth: number | null; unitsTotal: number | null }, unit: Unit): string {
  if (grant.unitsPerMonth !== null) return t('grant.perMonth', { units: t(`unitCount.${unit}`, { count: grant.unitsPerMonth }) })
  return t('grant.total', { units: t(`unitCount.${unit}`, { count: grant.unitsTotal ?? 0 }) })
}

/** "2 %" */
export function rateText(basisPoints: number, locale: AppLocale): string {
  return numberFormat(intlLocale[locale], { style: 'percent', maximumFractionDigits: 2 }).format(basisPoints / 10_000)
}

/**
 * The income-related calculation step by step: the range, the household's income limit, the reduction (or none,
 * below the limit) with its formula, and the result.
 */
export function calculationSteps(t: TFunction, explanation: IncomeExplanation, unit: Unit, locale: AppLocale): string[] {
  const money = (cents: number) => formatCents(cents, locale)
  const rate = rateText(explanation.reductionRateBasisPoints, locale)
  const steps = [
    t('calculation.range', {
      max: perUnitText(t, explanation.maxValueCents, unit, locale),
      min: perUnitText(t, explanation.minValueCents, unit, locale),
    }),
    explanation.extraPersons > 0
      ? t('calculation.limitExtra', {
          count: explanation.householdSize,
          limit: money(explanation.limitCents),
          base: money(explanation.limitCents - explanation.extraPersons * explanation.extraPerPersonCents),
          largest: explanation.largestListedSize,
          extra: money(explanation.extraPerPersonCents),
        })
      : t('calculation.limit', { count: explanation.householdSize, limit: money(explanation.limitCents) }),
  ]
  if (explanation.incomeCents <= explanation.limitCents) {
    steps.push(t('calculation.belowLimit', { income: money(explanation.incomeCents), max: money(explanation.maxValueCents) }))
    return steps
  }
  steps.push(
    t('calculation.reduction', {
      rate,
      income: money(explanation.incomeCents),
      formula: `${money(explanation.maxValueCents)} − (${money(explanation.incomeCents)} − ${money(explanation.limitCents)}) × ${rate} = ${money(explanation.unclampedCents)}`,
    }),
    explanation.clamped === 'min'
      ? t('calculation.clampedMin', { value: money(explanation.unclampedCents), min: money(explanation.minValueCents) })
      : t('calculation.result', { value: money(explanation.valueCents) }),
  )
  return steps
}
