import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addDays, helsinkiDayRange, helsinkiOffsetMinutes, helsinkiStartOfDay } from './dates'

describe('Helsinki days as UTC bounds', () => {
  it('starts a winter day at 22:00 UTC the day before and a summer day at 21:00 UTC', () => {
    expect(helsinkiStartOfDay('2026-01-15').toISOString()).toBe('2026-01-14T22:00:00.000Z')
    expect(helsinkiStartOfDay('2026-07-15').toISOString()).toBe('2026-07-14T21:00:00.000Z')
  })

  it('handles the days the clocks change (last Sundays of March and October)', () => {
    expect(helsinkiStartOfDay('2026-03-29').toISOString()).toBe('2026-03-28T22:00:00.000Z')
    expect(helsinkiStartOfDay('2026-03-30').toISOString()).toBe('2026-03-29T21:00:00.000Z')
    expect(helsinkiStartOfDay('2026-10-25').toISOString()).toBe('2026-10-24T21:00:00.000Z')
    expect(helsinkiStartOfDay('2026-10-26').toISOString()).toBe('2026-10-25T22:00:00.000Z')
  })

  it('makes an inclusive range of days: from the start of the first to the start of the day after the last', () => {
    expect(helsinkiDayRange('2026-11-01', '2026-11-30')).toEqual({
      gte: new Date('2026-10-31T22:00:00.000Z'),
      lt: new Date('2026-11-30T22:00:00.000Z'),
    })
    expect(helsinkiDayRange(undefined, '2026-06-30')).toEqual({ lt: new Date('2026-06-30T21:00:00.000Z') })
    expect(helsinkiDayRange()).toEqual({})
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01')
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29')
  })

  it('is always local midnight: the instant read back in Helsinki is 00:00 of the same day', () => {
    const format = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Helsinki', dateStyle: 'short', timeStyle: 'short' })
    fc.assert(
      fc.property(fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2060-12-31T00:00:00Z'), noInvalidDate: true }), (date) => {
        const day = date.toISOString().slice(0, 10)
        expect(format.format(helsinkiStartOfDay(day))).toBe(`${day} 00:00`)
        expect([120, 180]).toContain(helsinkiOffsetMinutes(date))
      }),
    )
  })
})
