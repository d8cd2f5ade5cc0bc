import { describe, expect, it } from 'vitest'
import { addMonths, isMonth, monthLabel, periodOf, previousMonth } from './periods'

describe('the follow-up calendar', () => {
  it('accepts YYYY-MM months only', () => {
    expect(isMonth('2026-10')).toBe(true)
    expect(isMonth('2026-13')).toBe(false)
    expect(isMonth('2026-1')).toBe(false)
    expect(isMonth('1999-12')).toBe(false)
  })

  it('steps months across years', () => {
    expect(addMonths('2026-01', -1)).toBe('2025-12')
    expect(addMonths('2026-10', -12)).toBe('2025-10')
    expect(addMonths('2026-12', 1)).toBe('2027-01')
  })

  it('defaults to the month before the current one in Helsinki', () => {
    expect(previousMonth(new Date('2026-11-20T10:00:00Z'))).toBe('2026-10')
    // 1 December 00:30 in Helsinki is still 30 November in UTC
    expect(previousMonth(new Date('2026-11-30T22:30:00Z'))).toBe('2026-11')
    expect(previousMonth(new Date('2026-01-10T10:00:00Z'))).toBe('2025-12')
  })

  it('gives the month, the month before, a year earlier, the year to date and the 13-month trend', () => {
    const period = periodOf('2026-01')
    expect(period.previousMonth).toBe('2025-12')
    expect(period.lastYearMonth).toBe('2025-01')
    expect(period.monthsElapsed).toBe(1)
    expect(period.yearStart.toISOString()).toBe('2026-01-01T00:00:00.000Z')
    expect(period.monthEnd.toISOString()).toBe('2026-02-01T00:00:00.000Z')
    expect(period.trendMonths).toHaveLength(13)
    expect(period.trendMonths[0]).toBe('2025-01')
    expect(period.trendMonths.at(-1)).toBe('2026-01')
  })

  it('names months in the reader’s language', () => {
    expect(monthLabel('2026-10', 'fi')).toBe('lokakuu 2026')
    expect(monthLabel('2026-10', 'sv')).toBe('oktober 2026')
    expect(monthLabel('2026-10', 'en')).toBe('October 2026')
  })
})
