import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { supportedLocales } from '~/i18n'
import { textIn } from '~/modules/offers/texts'
import { incomeRelatedValueCents, type IncomeRule } from '~/modules/vouchers/voucher-value'
import { textOrder } from './text-order'
import { bestValueCents, copaymentRange, explainIncomeRelatedValue, readerValue } from './voucher'

const rule: IncomeRule = {
  incomeLimitCentsByHousehold: { '1': 67500, '2': 124000, '3': 193000, '4': 238000, '5': 290000, '6': 335000 },
  extraPerAdditionalPersonCents: 42000,
  reductionRateBasisPoints: 200,
}
const range = { minValueCents: 1200, maxValueCents: 3600 }

describe('the explanation of an income-related estimate', () => {
  it('has the reader’s numbers: 36,00 € − (1 850,00 € − 675,00 €) × 2 % = 12,50 €', () => {
    expect(explainIncomeRelatedValue(rule, range, 1, 185000)).toEqual({
      householdSize: 1,
      incomeCents: 185000,
      limitCents: 67500,
      largestListedSize: 6,
      extraPersons: 0,
      extraPerPersonCents: 42000,
      reductionRateBasisPoints: 200,
      reductionCents: 2350,
      maxValueCents: 3600,
      minValueCents: 1200,
      unclampedCents: 1250,
      valueCents: 1250,
      clamped: null,
    })
  })

  it('holds a value above the maximum at the maximum (income below the limit)', () => {
    expect(explainIncomeRelatedValue(rule, range, 2, 90000)).toMatchObject({
      limitCents: 124000,
      reductionCents: -680,
      unclampedCents: 4280,
      valueCents: 3600,
      clamped: 'max',
    })
  })

  it('holds a value below the minimum at the minimum', () => {
    expect(explainIncomeRelatedValue(rule, range, 1, 500000)).toMatchObject({ reductionCents: 8650, unclampedCents: -5050, valueCents: 1200, clamped: 'min' })
  })

  it('adds the extra amount per person above the largest listed household', () => {
    expect(explainIncomeRelatedValue(rule, range, 8, 500000)).toMatchObject({
      limitCents: 335000 + 2 * 42000,
      largestListedSize: 6,
      extraPersons: 2,
      reductionCents: 1620,
      valueCents: 1980,
    })
  })

  it('rounds half a cent up, as the voucher decision does', () => {
    // excess 0,25 € × 2 % = 0,5 cents
    expect(explainIncomeRelatedValue(rule, range, 1, 67525)).toMatchObject({ reductionCents: 0, unclampedCents: 3600, valueCents: 3600 })
    // excess 0,75 € × 2 % = 1,5 cents → 36,00 − 0,015 = 35,985 → 35,99
    expect(explainIncomeRelatedValue(rule, range, 1, 67575)).toMatchObject({ reductionCents: 1, unclampedCents: 3599, valueCents: 3599 })
  })

  it('always ends at the value the voucher would have, and its numbers add up', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 2_000_000 }), (household, income) => {
        const explanation = explainIncomeRelatedValue(rule, range, household, income)
        expect(explanation.valueCents).toBe(incomeRelatedValueCents(rule, range, household, income))
        expect(explanation.maxValueCents - explanation.reductionCents).toBe(explanation.unclampedCents)
        expect(Math.min(range.maxValueCents, Math.max(range.minValueCents, explanation.unclampedCents))).toBe(explanation.valueCents)
      }),
    )
  })
})

describe('the reader’s voucher value and co-payment', () => {
  it('is the value of a fixed category', () => {
    const value = readerValue('FIXED', { valueCents: 2600, minValueCents: null, maxValueCents: null }, null)
    expect(value).toEqual({ kind: 'fixed', valueCents: 2600 })
    expect(bestValueCents(value)).toBe(2600)
    expect(copaymentRange(3000, value)).toEqual({ min: 400, max: 400 })
    expect(copaymentRange(2000, value)).toEqual({ min: 0, max: 0 })
  })

  it('is a range for an income-related category, or the reader’s estimate', () => {
    const row = { valueCents: null, ...range }
    const value = readerValue('INCOME_RELATED', row, rule)
    expect(value).toEqual({ kind: 'range', ...range })
    expect(bestValueCents(value)).toBe(3600)
    expect(copaymentRange(4000, value)).toEqual({ min: 400, max: 2800 })
    const estimate = readerValue('INCOME_RELATED', row, rule, { household: 1, incomeCents: 185000 })
    expect(estimate).toMatchObject({ kind: 'estimate', valueCents: 1250 })
    expect(copaymentRange(4000, estimate)).toEqual({ min: 2750, max: 2750 })
    // without a rule the range stays
    expect(readerValue('INCOME_RELATED', row, null, { household: 1, incomeCents: 185000 })).toEqual({ kind: 'range', ...range })
  })

  it('is missing without a value in force, or with a row that does not fit the type', () => {
    expect(readerValue('FIXED', null, null)).toEqual({ kind: 'missing' })
    expect(readerValue('FIXED', { valueCents: null, ...range }, null)).toEqual({ kind: 'missing' })
    expect(readerValue('INCOME_RELATED', { valueCents: 2600, minValueCents: null, maxValueCents: null }, rule)).toEqual({ kind: 'missing' })
    expect(bestValueCents({ kind: 'missing' })).toBeNull()
    expect(copaymentRange(3000, { kind: 'missing' })).toBeNull()
  })
})

describe('the text search’s language order', () => {
  it('follows the fallback the pages show (textIn)', () => {
    for (const locale of supportedLocales) {
      const [first, second, third] = textOrder[locale]
      expect(textIn({ [first]: 'a', [second]: 'b', [third]: 'c' }, locale)?.lang).toBe(first)
      expect(textIn({ [second]: 'b', [third]: 'c' }, locale)?.lang).toBe(second)
      expect(textIn({ [third]: 'c' }, locale)?.lang).toBe(third)
    }
  })
})
