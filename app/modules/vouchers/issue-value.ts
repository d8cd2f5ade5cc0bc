import { explainIncomeRelatedValue, type IncomeExplanation, type ValueRow } from '~/modules/public-catalogue/voucher'
import type { IncomeRule } from './voucher-value'

/**
 * The value per unit a voucher decision grants, and on what basis (pure):
 * - FIXED categories: the category's value in force on the decision date;
 * - INCOME_RELATED categories: computed from household size and gross monthly income with the income rule and the
 *   value range in force on the decision date (the calculation is kept to show it);
 * - MANUAL_OVERRIDE: a value staff set themselves, with a reason (any category). For an income-related category the
 *   calculation is kept beside it when household and income were given.
 */
export type ValueDecision =
  | { basis: 'FIXED'; valueCents: number }
  | { basis: 'INCOME_RELATED'; valueCents: number; householdSize: number; incomeCents: number; explanation: IncomeExplanation }
  | {
      basis: 'MANUAL_OVERRIDE'
      valueCents: number
      reason: string
      householdSize: number | null
      incomeCents: number | null
      explanation: IncomeExplanation | null
    }

export type ValueProblem = 'noValue' | 'noIncomeRule' | 'householdRequired' | 'incomeRequired' | 'overrideReasonRequired' | 'overrideValueInvalid'

export type ValueRequest = {
  voucherType: 'FIXED' | 'INCOME_RELATED'
  /** the category's value row in force on the decision date */
  valueRow: ValueRow | null
  /** the income rule in force on the decision date */
  rule: IncomeRule | null
  householdSize?: number | null
  incomeCents?: number | null
  override?: { valueCents: number; reason: string } | null
}

export type ValueResult = { ok: true; value: ValueDecision } | { ok: false; error: ValueProblem }

function explanationFor(request: ValueRequest): IncomeExplanation | ValueProblem {
  const { valueRow, rule, householdSize, incomeCents } = request
  if (!valueRow || valueRow.minValueCents === null || valueRow.maxValueCents === null) return 'noValue'
  if (!rule) return 'noIncomeRule'
  if (householdSize === undefined || householdSize === null) return 'householdRequired'
  if (incomeCents === undefined || incomeCents === null) return 'incomeRequired'
  return explainIncomeRelatedValue(rule, { minValueCents: valueRow.minValueCents, maxValueCents: valueRow.maxValueCents }, householdSize, incomeCents)
}

export function decideVoucherValue(request: ValueRequest): ValueResult {
  const { override } = request
  if (override) {
    const reason = override.reason.trim()
    if (!reason) return { ok: false, error: 'overrideReasonRequired' }
    if (!Number.isSafeInteger(override.valueCents) || override.valueCents <= 0) return { ok: false, error: 'overrideValueInvalid' }
    const computed = request.voucherType === 'INCOME_RELATED' ? explanationFor(request) : null
    const explanation = typeof computed === 'object' ? computed : null
    return {
      ok: true,
      value: {
        basis: 'MANUAL_OVERRIDE',
        valueCents: override.valueCents,
        reason,
        householdSize: explanation ? explanation.householdSize : null,
        incomeCents: explanation ? explanation.incomeCents : null,
        explanation,
      },
    }
  }
  if (request.voucherType === 'FIXED') {
    const valueCents = request.valueRow?.valueCents
    if (valueCents === undefined || valueCents === null) return { ok: false, error: 'noValue' }
    return { ok: true, value: { basis: 'FIXED', valueCents } }
  }
  const explanation = explanationFor(request)
  if (typeof explanation === 'string') return { ok: false, error: explanation }
  return {
    ok: true,
    value: {
      basis: 'INCOME_RELATED',
      valueCents: explanation.valueCents,
      householdSize: explanation.householdSize,
      incomeCents: explanation.incomeCents,
      explanation,
    },
  }
}
