import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { anyHostileString, checkHostileForms } from '../../../tests/support/hostile-input'
import { helsinkiDayRange } from './dates'
import { auditFilterSchema, parseCursor } from './schema'

const values = { actor: ['nina'], entityType: ['Organisation'], entityId: ['org-1'], action: ['category.'], from: ['2026-01-01'], to: ['2026-11-23'] }

describe('the audit filters against hostile input', { timeout: 30_000 }, () => {
  it('never throws on hostile filters, and names each problem with a translated message', () => {
    checkHostileForms(auditFilterSchema, { fields: Object.keys(values), valid: values })
  })

  it('turns every accepted day, from year 1 on, into the instant Helsinki’s day begins', () => {
    fc.assert(
      fc.property(fc.constantFrom(...values.from, '0001-01-01', '9999-12-31', '0000-01-01', '2026-02-30'), fc.constantFrom(...values.to, '9999-12-31'), (from, to) => {
        const parsed = auditFilterSchema.safeParse({ from, to })
        if (!parsed.success) return
        const range = helsinkiDayRange(parsed.data.from, parsed.data.to)
        // Helsinki midnight is at most a few hours before UTC midnight (+1:40 local mean time before 1921, +2 or +3 since)
        const hoursBefore = (day: string, bound?: Date) => (Date.parse(`${day}T00:00:00Z`) - (bound?.getTime() ?? 0)) / 3_600_000
        expect(hoursBefore(from, range.gte)).toBeGreaterThan(0)
        expect(hoursBefore(from, range.gte)).toBeLessThanOrEqual(3)
      }),
    )
  })

  it('reads a page cursor only as a positive whole number of up to 19 digits', () => {
    fc.assert(
      fc.property(fc.oneof(anyHostileString, fc.bigInt({ min: 0n, max: 10n ** 19n - 1n }).map(String)), (value) => {
        const cursor = parseCursor(value)
        if (cursor !== undefined) expect(String(cursor)).toBe(value.replace(/^0+(?=\d)/, ''))
      }),
    )
  })
})
