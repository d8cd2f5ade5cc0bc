import type { AppLocale } from '~/i18n'
import { calculatorListSize, parseSearchParams, type CalculatorParams } from './schema'
import { searchOffers } from './search.server'
import { incomeRuleInForce } from './values.server'
import { explainIncomeRelatedValue, type IncomeExplanation } from './voucher'

/**
 * "What would I pay" (anonymous; nothing is stored): the reader's voucher value for a category (their estimate
 * for an income-related one when they gave household size and income), how it was calculated, and the
 * co-payment per unit at each public producer of the category, lowest first (the search's co-payment order).
 */
export async function whatWouldIPay(params: CalculatorParams, locale: AppLocale, now = new Date()) {
  const valid = !params.errors.household && !params.errors.income
  const filters = {
    ...parseSearchParams(new URLSearchParams()),
    category: params.category,
    household: valid ? params.household : undefined,
    incomeCents: valid ? params.incomeCents : undefined,
  }
  const result = await searchOffers(filters, locale, { now, pageSize: calculatorListSize })
  if (result.kind !== 'results') return { ...result, explanation: null }
  let explanation: IncomeExplanation | null = null
  if (result.value.kind === 'estimate') {
    const rule = await incomeRuleInForce(now)
    if (rule) explanation = explainIncomeRelatedValue(rule, result.value, result.value.householdSize, result.value.incomeCents)
  }
  return { ...result, explanation }
}
