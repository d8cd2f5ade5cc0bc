import { describe, expect, it } from 'vitest'
import { helsinkiDay, isScheduled, nextScheduledValue, selectValueInForce } from './values'

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`)
// Stored rows in any order: 2025 value, raised from 2026-01-01, and a change scheduled for 2026-07-01.
const values = [
  { id: 'raised', effectiveFrom: day('2026-01-01'), valueCents: 2700 },
  { id: 'first', effectiveFrom: day('2025-01-01'), valueCents: 2600 },
  { id: 'summer', effectiveFrom: '2026-07-01T00:00:00.000Z', valueCents: 2800 },
]

describe('selectValueInForce', () => {
  it('takes the latest row that has started, so past months keep their value after a change', () => {
    expect(selectValueInForce(values, new Date('2024-12-31T12:00:00Z'))).toBeNull()
    expect(selectValueInForce(values, day('2025-01-01'))?.id).toBe('first')
    expect(selectValueInForce(values, new Date('2025-11-15T09:00:00Z'))?.id).toBe('first')
    expect(selectValueInForce(values, day('2026-01-01'))?.id).toBe('raised')
    expect(selectValueInForce(values, new Date('2026-06-30T12:00:00Z'))?.id).toBe('raised')
    expect(selectValueInForce(values, day('2026-07-01'))?.id).toBe('summer')
    expect(selectValueInForce(values, new Date('2030-01-01T00:00:00Z'))?.id).toBe('summer')
    expect(selectValueInForce([], new Date())).toBeNull()
  })

  it('changes at midnight Helsinki time, not at midnight UTC', () => {
    // 2025-12-31 23:59 in Helsinki (UTC+2) is still the old value; 00:30 on New Year's Day is the new one.
    expect(selectValueInForce(values, new Date('2025-12-31T21:59:00Z'))?.id).toBe('first')
    expect(selectValueInForce(values, new Date('2025-12-31T22:30:00Z'))?.id).toBe('raised')
    // summer time (UTC+3): 2026-07-01 00:10 in Helsinki is 2026-06-30 21:10 UTC
    expect(selectValueInForce(values, new Date('2026-06-30T20:59:00Z'))?.id).toBe('raised')
    expect(selectValueInForce(values, new Date('2026-06-30T21:10:00Z'))?.id).toBe('summer')
  })
})

describe('nextScheduledValue and isScheduled', () => {
  it('finds the next change and tells scheduled rows from rows in force', () => {
    const now = new Date('2026-03-10T10:00:00Z')
    expect(nextScheduledValue(values, now)?.id).toBe('summer')
    expect(nextScheduledValue(values, new Date('2026-07-01T10:00:00Z'))).toBeNull()
    expect(isScheduled(values[2]!, now)).toBe(true)
    expect(isScheduled(values[0]!, now)).toBe(false)
    // a row starting today is in force, no longer scheduled
    expect(isScheduled({ effectiveFrom: day('2026-03-10') }, now)).toBe(false)
    expect(isScheduled({ effectiveFrom: day('2026-03-11') }, now)).toBe(true)
  })

  it('helsinkiDay gives the Finnish calendar day as UTC midnight', () => {
    expect(helsinkiDay(new Date('2026-03-10T22:30:00Z')).toISOString()).toBe('2026-03-11T00:00:00.000Z')
    expect(helsinkiDay(new Date('2026-03-10T21:30:00Z')).toISOString()).toBe('2026-03-10T00:00:00.000Z')
  })
})
