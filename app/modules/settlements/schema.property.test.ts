import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { anyHostileString, checkHostileForms, parseForm } from '../../../tests/support/hostile-input'
import { monthKey, parseMonth } from './month'
import { approveSchema } from './schema'

describe('settlement input against hostile values', { timeout: 30_000 }, () => {
  it('never throws on a hostile approval form; its version is a whole number up to nine digits', () => {
    checkHostileForms(approveSchema, { fields: ['version'], valid: { version: ['0', '12'] } })
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999_999 }), (version) => {
        const submission = parseForm(approveSchema, { version: String(version) })
        expect(submission.status === 'success' && submission.value.version).toBe(version)
      }),
    )
  })

  it('reads a month from an address only as YYYY-MM of this century, and round-trips it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2099 }), fc.integer({ min: 1, max: 12 }), (year, month) => {
        const key = `${year}-${String(month).padStart(2, '0')}`
        expect(monthKey(parseMonth(key)!)).toBe(key)
      }),
    )
    fc.assert(
      fc.property(anyHostileString, (text) => {
        const month = parseMonth(text)
        if (month) expect(monthKey(month)).toBe(text)
      }),
    )
  })
})
