export type IncomeRule = {
  incomeLimitCentsByHousehold: Record<string, number>
  extraPerAdditionalPersonCents: number
  reductionRateBasisPoints: number
}

export type ValueRange = { minValueCents: number; maxValueCents: number }

/** The income limit of a household; above the largest listed size each further person adds the extra amount. */
export function incomeLimitCents(rule: IncomeRule, householdSize: number): number {
  const sizes = Object.keys(rule.incomeLimitCentsByHousehold).map(Number)
  const largest = Math.max(...sizes)
  if (householdSize <= largest) {
    const limit = rule.incomeLimitCentsByHousehold[String(householdSize)]
    if (limit === undefined) throw new Error(`No income limit for a household of ${householdSize}`)
    return limit
  }
  return rule.incomeLimitCentsByHousehold[String(largest)]! + (householdSize - largest) * rule.extraPerAdditionalPersonCents
}

/**
 * value = max − (income − limit) × rate, clamped to [min, max], in whole cents rounded half up.
 * All integer arithmetic: the rate is in basis points (0.02 = 200).
 */
export function incomeRelatedValueCents(
  rule: IncomeRule,
  range: ValueRange,
  householdSize: number,
  grossMonthlyIncomeCents: number,
): number {
  const excess = grossMonthlyIncomeCents - incomeLimitCents(rule, householdSize)
  const scaled = range.maxValueCents * 10_000 - excess * rule.reductionRateBasisPoints
  const rounded = Math.floor((scaled + 5_000) / 10_000)
  return Math.min(range.maxValueCents, Math.max(range.minValueCents, rounded))
}

/** The client's co-payment per unit (Act 569/2009): the producer's price minus the voucher value, never below zero. */
export function copaymentCents(priceCents: number, voucherValueCents: number): number {
  return Math.max(0, priceCents - voucherValueCents)
}
