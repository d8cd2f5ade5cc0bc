import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { decideVoucherValue } from './issue-value'
import { incomeRelatedValueCents } from './voucher-value'

const rule = {
  incomeLimitCentsByHousehold: { '1': 67500, '2': 124000, '3': 193000, '4': 238000, '5': 290000, '6': 335000 },
  extraPerAdditionalPersonCents: 42000,
  reductionRateBasisPoints: 200,
}
const range = { valueCents: null, minValueCents: 1200, maxValueCents: 3600 }
const fixedRow = { valueCents: 2600, minValueCents: null, maxValueCents: null }

describe('the value of a voucher decision', () => {
  it('takes the fixed value in force for a FIXED category, ignoring household and income', () => {
    expect(decideVoucherValue({ voucherType: 'FIXED', valueRow: fixedRow, rule, householdSize: 2, incomeCents: 500000 })).toEqual({
      ok: true,
      value: { basis: 'FIXED', valueCents: 2600 },
    })
    expect(decideVoucherValue({ voucherType: 'FIXED', valueRow: null, rule })).toEqual({ ok: false, error: 'noValue' })
    expect(decideVoucherValue({ voucherType: 'FIXED', valueRow: range, rule })).toEqual({ ok: false, error: 'noValue' })
  })

  it('computes an INCOME_RELATED value with its calculation: 36,00 € − (1 850,00 € − 675,00 €) × 2 % = 12,50 €', () => {
    const result = decideVoucherValue({ voucherType: 'INCOME_RELATED', valueRow: range, rule, householdSize: 1, incomeCents: 185000 })
    expect(result).toMatchObject({
      ok: true,
      value: {
        basis: 'INCOME_RELATED',
        valueCents: 1250,
        householdSize: 1,
        incomeCents: 185000,
        explanation: { limitCents: 67500, reductionCents: 2350, unclampedCents: 1250, valueCents: 1250, clamped: null },
      },
    })
  })

  it('agrees with incomeRelatedValueCents for every household and income', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 0, max: 2_000_000 }), (householdSize, incomeCents) => {
        const result = decideVoucherValue({ voucherType: 'INCOME_RELATED', valueRow: range, rule, householdSize, incomeCents })
        if (!result.ok) throw new Error(result.error)
        expect(result.value.valueCents).toBe(incomeRelatedValueCents(rule, range, householdSize, incomeCents))
        expect(result.value.valueCents).toBeGreaterThanOrEqual(range.minValueCents)
        expect(result.value.valueCents).toBeLessThanOrEqual(range.maxValueCents)
      }),
    )
  })

  it('says what an INCOME_RELATED value is missing', () => {
    const base = { voucherType: 'INCOME_RELATED' as const, valueRow: range, rule, householdSize: 2, incomeCents: 100000 }
    expect(decideVoucherValue({ ...base, valueRow: null })).toEqual({ ok: false, error: 'noValue' })
    expect(decideVoucherValue({ ...base, valueRow: fixedRow })).toEqual({ ok: false, error: 'noValue' })
    expect(decideVoucherValue({ ...base, rule: null })).toEqual({ ok: false, error: 'noIncomeRule' })
    expect(decideVoucherValue({ ...base, householdSize: null })).toEqual({ ok: false, error: 'householdRequired' })
    expect(decideVoucherValue({ ...base, incomeCents: undefined })).toEqual({ ok: false, error: 'incomeRequired' })
  })

  it('takes a value staff set only with a reason, and keeps the calculation beside it when it can be made', () => {
    const base = { voucherType: 'INCOME_RELATED' as const, valueRow: range, rule, householdSize: 1, incomeCents: 185000 }
    expect(decideVoucherValue({ ...base, override: { valueCents: 3000, reason: '  ' } })).toEqual({ ok: false, error: 'overrideReasonRequired' })
    expect(decideVoucherValue({ ...base, override: { valueCents: 0, reason: 'Special needs' } })).toEqual({ ok: false, error: 'overrideValueInvalid' })
    expect(decideVoucherValue({ ...base, override: { valueCents: 3000, reason: ' Special needs ' } })).toMatchObject({
      ok: true,
      value: { basis: 'MANUAL_OVERRIDE', valueCents: 3000, reason: 'Special needs', householdSize: 1, incomeCents: 185000, explanation: { valueCents: 1250 } },
    })
    // without household and income, or without a value in force, the override still stands on its own
    expect(decideVoucherValue({ ...base, householdSize: null, valueRow: null, override: { valueCents: 3000, reason: 'Special needs' } })).toEqual({
      ok: true,
      value: { basis: 'MANUAL_OVERRIDE', valueCents: 3000, reason: 'Special needs', householdSize: null, incomeCents: null, explanation: null },
    })
    expect(decideVoucherValue({ voucherType: 'FIXED', valueRow: fixedRow, rule, override: { valueCents: 4000, reason: 'Two carers needed' } })).toEqual({
      ok: true,
      value: { basis: 'MANUAL_OVERRIDE', valueCents: 4000, reason: 'Two carers needed', householdSize: null, incomeCents: null, explanation: null },
    })
  })
})
