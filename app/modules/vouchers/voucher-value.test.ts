import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { copaymentCents, incomeLimitCents, incomeRelatedValueCents, type IncomeRule } from './voucher-value'

const rule: IncomeRule = {
  incomeLimitCentsByHousehold: { 1: 67500, 2: 124000, 3: 193000, 4: 238000, 5: 290000, 6: 335000 },
  extraPerAdditionalPersonCents: 42000,
  reductionRateBasisPoints: 200,
}
const range = { minValueCents: 1200, maxValueCents: 3600 }

describe('income-related voucher value', () => {
  it('takes the limit of the household size, and adds the extra per person above six', () => {
    expect(incomeLimitCents(rule, 2)).toBe(124000)
    expect(incomeLimitCents(rule, 6)).toBe(335000)
    expect(incomeLimitCents(rule, 8)).toBe(335000 + 2 * 42000)
  })

  it('reduces the maximum by the rate of the income above the limit', () => {
    // 3600 − (185000 − 67500) × 0.02 = 3600 − 2350 = 1250
    expect(incomeRelatedValueCents(rule, range, 1, 185000)).toBe(1250)
  })

  it('rounds half a cent up', () => {
    // 3600 − 25 × 0.02 = 3599.5 → 3600; 3600 − 75 × 0.02 = 3598.5 → 3599
    expect(incomeRelatedValueCents(rule, range, 1, 67525)).toBe(3600)
    expect(incomeRelatedValueCents(rule, range, 1, 67575)).toBe(3599)
  })

  it('stays within the range', () => {
    expect(incomeRelatedValueCents(rule, range, 1, 40000)).toBe(3600)
    expect(incomeRelatedValueCents(rule, range, 1, 900000)).toBe(1200)
  })
})

describe('properties', () => {
  const household = fc.integer({ min: 1, max: 12 })
  const income = fc.integer({ min: 0, max: 2_000_000 })

  it('keeps the income-related value within its range and never higher for a higher income', () => {
    fc.assert(
      fc.property(household, income, income, (size, a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a]
        const atLow = incomeRelatedValueCents(rule, range, size, low)
        const atHigh = incomeRelatedValueCents(rule, range, size, high)
        expect(atLow).toBeGreaterThanOrEqual(range.minValueCents)
        expect(atLow).toBeLessThanOrEqual(range.maxValueCents)
        expect(atHigh).toBeLessThanOrEqual(atLow)
      }),
    )
  })

  it('gives a larger household at least the value of a smaller one with the same income', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 11 }), income, (size, gross) => {
        expect(incomeRelatedValueCents(rule, range, size + 1, gross)).toBeGreaterThanOrEqual(
          incomeRelatedValueCents(rule, range, size, gross),
        )
      }),
    )
  })

  it('makes the co-payment never negative, never above the price, and zero when the voucher covers the price', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 0, max: 1_000_000 }), (price, value) => {
        const copayment = copaymentCents(price, value)
        expect(copayment).toBeGreaterThanOrEqual(0)
        expect(copayment).toBeLessThanOrEqual(price)
        expect(copayment === 0).toBe(price <= value)
        expect(copayment + Math.min(price, value)).toBe(price)
      }),
    )
  })
})
