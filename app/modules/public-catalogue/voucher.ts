import { copaymentCents, incomeLimitCents, incomeRelatedValueCents, type IncomeRule } from '~/modules/vouchers/voucher-value'

/**
 * What the reader's voucher is worth per unit, and what they would pay, as the public catalogue shows it. Pure.
 *
 * A FIXED category has one value. An INCOME_RELATED one has a range; when the reader has entered their household
 * size and gross monthly income (on "What would I pay", carried in the URL), their own estimate replaces it.
 */
export type ValueRow = { valueCents: number | null; minValueCents: number | null; maxValueCents: number | null }

export type ReaderValue =
  | { kind: 'fixed'; valueCents: number }
  | { kind: 'range'; minValueCents: number; maxValueCents: number }
  | { kind: 'estimate'; valueCents: number; minValueCents: number; maxValueCents: number; householdSize: number; incomeCents: number }
  /** no value in force today (or the row does not fit the category's type): nothing can be said */
  | { kind: 'missing' }

export function readerValue(
  voucherType: 'FIXED' | 'INCOME_RELATED',
  row: ValueRow | null,
  rule: IncomeRule | null,
  estimate: { household?: number; incomeCents?: number } = {},
): ReaderValue {
  if (!row) return { kind: 'missing' }
  if (voucherType === 'FIXED') return row.valueCents === null ? { kind: 'missing' } : { kind: 'fixed', valueCents: row.valueCents }
  if (row.minValueCents === null || row.maxValueCents === null) return { kind: 'missing' }
  const range = { minValueCents: row.minValueCents, maxValueCents: row.maxValueCents }
  if (rule && estimate.household !== undefined && estimate.incomeCents !== undefined) {
    return {
      kind: 'estimate',
      ...range,
      valueCents: incomeRelatedValueCents(rule, range, estimate.household, estimate.incomeCents),
      householdSize: estimate.household,
      incomeCents: estimate.incomeCents,
    }
  }
  return { kind: 'range', ...range }
}

/**
 * The value the "no co-payment" filter and the co-payment sort use: the reader's own value, or for a range the
 * largest value (the best case: "you may pay nothing here"). Null when there is no value.
 */
export function bestValueCents(value: ReaderValue): number | null {
  switch (value.kind) {
    case 'fixed':
    case 'estimate':
      return value.valueCents
    case 'range':
      return value.maxValueCents
    case 'missing':
      return null
  }
}

/** The co-payment per unit at a price: one amount, or from–to for a range of values; null without a value. */
export function copaymentRange(priceCents: number, value: ReaderValue): { min: number; max: number } | null {
  switch (value.kind) {
    case 'fixed':
    case 'estimate': {
      const amount = copaymentCents(priceCents, value.valueCents)
      return { min: amount, max: amount }
    }
    case 'range':
      return { min: copaymentCents(priceCents, value.maxValueCents), max: copaymentCents(priceCents, value.minValueCents) }
    case 'missing':
      return null
  }
}

export type IncomeExplanation = {
  householdSize: number
  incomeCents: number
  limitCents: number
  /** the listed household size whose limit is the base, and the extra persons above it (0 when listed) */
  largestListedSize: number
  extraPersons: number
  extraPerPersonCents: number
  reductionRateBasisPoints: number
  /** (income − limit) × rate, rounded to whole cents; negative when the income is below the limit */
  reductionCents: number
  maxValueCents: number
  minValueCents: number
  /** max − reduction, before the range limits apply */
  unclampedCents: number
  /** the estimate: the unclamped value held inside [min, max] */
  valueCents: number
  clamped: 'max' | 'min' | null
}

/**
 * The numbers of the income-related calculation, for telling the reader how their estimate came about:
 * "36,00 € − (1 850,00 € − 675,00 €) × 2 % = 12,50 €". Rounds exactly as `incomeRelatedValueCents` does (half up,
 * whole cents), so `valueCents` is always the value the voucher decision would use.
 */
export function explainIncomeRelatedValue(
  rule: IncomeRule,
  range: { minValueCents: number; maxValueCents: number },
  householdSize: number,
  incomeCents: number,
): IncomeExplanation {
  const limitCents = incomeLimitCents(rule, householdSize)
  const largestListedSize = Math.max(...Object.keys(rule.incomeLimitCentsByHousehold).map(Number))
  const excess = incomeCents - limitCents
  const unclampedCents = Math.floor((range.maxValueCents * 10_000 - excess * rule.reductionRateBasisPoints + 5_000) / 10_000)
  const valueCents = incomeRelatedValueCents(rule, range, householdSize, incomeCents)
  return {
    householdSize,
    incomeCents,
    limitCents,
    largestListedSize,
    extraPersons: Math.max(0, householdSize - largestListedSize),
    extraPerPersonCents: rule.extraPerAdditionalPersonCents,
    reductionRateBasisPoints: rule.reductionRateBasisPoints,
    reductionCents: range.maxValueCents - unclampedCents,
    maxValueCents: range.maxValueCents,
    minValueCents: range.minValueCents,
    unclampedCents,
    valueCents,
    clamped: unclampedCents > range.maxValueCents ? 'max' : unclampedCents < range.minValueCents ? 'min' : null,
  }
}
