import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { anyHostileString, hostileSearchParams } from '../../../tests/support/hostile-input'
import {
  householdMax,
  maxCompared,
  maxLanguages,
  parseCalculatorParams,
  parseCompareParams,
  parseIncome,
  parseSearchParams,
  queryMaxLength,
  searchQuery,
  sortKeys,
  unitsMax,
} from './schema'

const names = ['category', 'municipality', 'elsewhere', 'lang', 'free', 'nocopay', 'type', 'q', 'sort', 'page', 'units', 'household', 'income', 'offer']

describe('the public catalogue’s addresses against hostile input', () => {
  it('reads any search address without throwing, keeping every value within its bounds', () => {
    fc.assert(
      fc.property(hostileSearchParams(names), (params) => {
        const filters = parseSearchParams(params)
        expect(sortKeys).toContain(filters.sort)
        expect(filters.languages.length).toBeLessThanOrEqual(maxLanguages)
        expect((filters.q ?? '').length).toBeLessThanOrEqual(queryMaxLength)
        expect(Number.isSafeInteger(filters.page) && filters.page >= 1).toBe(true)
        if (filters.units !== undefined) expect(filters.units >= 1 && filters.units <= unitsMax).toBe(true)
        if (filters.household !== undefined) expect(filters.household >= 1 && filters.household <= householdMax).toBe(true)
        // the filters written back into an address read the same
        expect(parseSearchParams(new URLSearchParams(searchQuery(filters)))).toEqual(filters)
      }),
    )
  })

  it('reads any compare and calculator address without throwing', () => {
    fc.assert(
      fc.property(hostileSearchParams(names), (params) => {
        expect(parseCompareParams(params).offerIds.length).toBeLessThanOrEqual(maxCompared)
        const calculator = parseCalculatorParams(params)
        for (const error of Object.values(calculator.errors)) expect(['householdInvalid', 'incomeInvalid', 'householdRequired', 'incomeRequired']).toContain(error)
      }),
    )
  })

  it('reads income as people type it, or not at all', () => {
    fc.assert(
      fc.property(fc.oneof(anyHostileString, fc.constant(null)), (value) => {
        const cents = parseIncome(value)
        if (cents !== undefined) expect(Number.isSafeInteger(cents) && cents >= 0).toBe(true)
      }),
    )
  })
})
