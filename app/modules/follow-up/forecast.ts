/**
 * The year-end forecast of a category's spend and its budget check. Pure.
 *
 * Run rate of the last three months: what is spent by the end of the chosen month, plus the average of the last
 * three months (fewer in January and February) for each month left in the year. While the level is steady this is
 * the plain "year to date ÷ months elapsed × 12"; when voucher use grows or shrinks during the year (the welfare
 * area's strategy is to use vouchers more), it follows the current level instead of the year's average, so a growing
 * category is flagged months earlier. With one or two months elapsed the two methods give the same figure.
 */
export const runRateMonths = 3

export type ForecastInput = {
  /** voucher shares of January … the chosen month, in cents */
  yearToDateCents: number
  /** voucher shares of the last `min(3, monthsElapsed)` months up to the chosen month, in cents */
  recentCents: number
  /** 1 (January) … 12 (December) */
  monthsElapsed: number
}

export function yearEndForecast({ yearToDateCents, recentCents, monthsElapsed }: ForecastInput): number {
  if (monthsElapsed < 1 || monthsElapsed > 12) throw new RangeError(`monthsElapsed must be 1–12, not ${monthsElapsed}`)
  const recentMonths = Math.min(runRateMonths, monthsElapsed)
  return yearToDateCents + Math.round(((12 - monthsElapsed) * recentCents) / recentMonths)
}

export type BudgetStatus = 'noBudget' | 'within' | 'over'

/** Over budget when the forecast exceeds the budget; a category without a budget is not judged. */
export function budgetStatus(forecastCents: number, budgetCents: number | null): BudgetStatus {
  if (budgetCents === null) return 'noBudget'
  return forecastCents > budgetCents ? 'over' : 'within'
}

/** Share of the budget used so far (0.5 = half), or null without a budget. */
export function budgetUsed(yearToDateCents: number, budgetCents: number | null): number | null {
  return budgetCents === null || budgetCents <= 0 ? null : yearToDateCents / budgetCents
}
