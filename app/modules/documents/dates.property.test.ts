import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { helsinkiStartOfDay } from '~/modules/audit/dates'
import { formatDate, formatDateTime } from '~/utils/format'
import { anyHostileString } from '../../../tests/support/hostile-input'
import { helsinkiToday, isIsoDate, isoDate, utcDate } from './dates'

const dayMs = 86_400_000
/** Every day from 0001-01-01 to 9999-12-31, as the date input writes it. */
const anyDay = fc.integer({ min: Date.UTC(1, 0, 1) / dayMs, max: Date.UTC(9999, 11, 31) / dayMs }).map((days) => {
  const date = new Date(days * dayMs)
  return `${String(date.getUTCFullYear()).padStart(4, '0')}-${String(date.getUTCMonth() + 1).padStart(2, '0')}-${String(date.getUTCDate()).padStart(2, '0')}`
})
const recentDay = fc.integer({ min: Date.UTC(1900, 0, 1) / dayMs, max: Date.UTC(2100, 11, 31) / dayMs }).map((days) => new Date(days * dayMs).toISOString().slice(0, 10))
const instant = fc.integer({ min: Date.UTC(1970, 0, 1), max: Date.UTC(2100, 0, 1) }).map((ms) => new Date(ms))
const locales = ['fi', 'sv', 'en'] as const

/** The day, month and year numbers a formatted date shows, in any order and with any separators. */
function numbersIn(text: string): number[] {
  return (text.match(/\d+/g) ?? []).map(Number)
}

describe('calendar dates (UTC midnight in the database, Helsinki on screen)', () => {
  it('accepts every real day from year 1 to 9999 and round-trips it through the database form', () => {
    fc.assert(
      fc.property(anyDay, (day) => {
        expect(isIsoDate(day)).toBe(true)
        expect(isoDate(utcDate(day))).toBe(day)
      }),
    )
  })

  it('refuses days that are not on the calendar, year 0000 (PostgreSQL has none) and other shapes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 29, max: 99 }), (year, month, day) => {
        const text = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
        const real = new Date(Date.UTC(year, month - 1, 1))
        real.setUTCFullYear(year)
        real.setUTCMonth(month, 0) // the last day of the month
        expect(isIsoDate(text)).toBe(day <= real.getUTCDate())
      }),
    )
    for (const text of ['0000-01-01', '2026-13-01', '2026-00-10', '2026-1-1', '26-01-01', '+02026-01-01', '2026-01-01T00:00:00Z', '2026/01/01', '１２３４-01-01', ' 2026-01-01']) {
      expect(isIsoDate(text), text).toBe(false)
    }
  })

  it('never throws on any text', () => {
    fc.assert(
      fc.property(fc.oneof(anyHostileString, fc.string({ unit: 'binary' })), (text) => {
        expect(typeof isIsoDate(text)).toBe('boolean')
      }),
    )
  })

  it('shows a stored day as the same day in Finnish, Swedish and English', () => {
    fc.assert(
      fc.property(recentDay, fc.constantFrom(...locales), (day, locale) => {
        const [year, month, date] = day.split('-').map(Number) as [number, number, number]
        const shown = numbersIn(formatDate(utcDate(day), locale))
        expect(shown).toContain(year)
        expect(shown).toContain(date)
        // Finnish writes the month as a number (14.3.1941); Swedish and English write its name
        if (locale === 'fi') expect(shown).toContain(month)
      }),
    )
  })

  it('shows an instant on the Helsinki day it happened, which is today in Helsinki even when UTC is still yesterday', () => {
    fc.assert(
      fc.property(instant, fc.constantFrom(...locales), (moment, locale) => {
        const day = helsinkiToday(moment)
        expect(helsinkiStartOfDay(day).getTime()).toBeLessThanOrEqual(moment.getTime())
        expect(moment.getTime() - helsinkiStartOfDay(day).getTime()).toBeLessThan(25 * 3_600_000)
        const [year, , date] = day.split('-').map(Number) as [number, number, number]
        const shown = numbersIn(formatDateTime(moment, locale))
        expect(shown).toContain(year)
        expect(shown).toContain(date)
      }),
    )
    // 22:30 UTC on New Year's Eve is already 00:30 on 1 January in Helsinki
    expect(helsinkiToday(new Date('2026-12-31T22:30:00Z'))).toBe('2027-01-01')
    expect(helsinkiToday(new Date('2026-06-30T21:30:00Z'))).toBe('2026-07-01')
    expect(helsinkiToday(new Date('2026-06-30T20:30:00Z'))).toBe('2026-06-30')
  })
})
