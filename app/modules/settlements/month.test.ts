import { describe, expect, it } from 'vitest'
import { addMonths, currentMonth, hasMonthEnded, lastDayOfMonth, monthKey, monthsBetween, parseMonth, previousMonth } from './month'

describe('settlement months', () => {
  it('reads YYYY-MM and nothing else', () => {
    expect(parseMonth('2026-10')).toEqual(new Date('2026-10-01T00:00:00Z'))
    expect(parseMonth('2027-01')).toEqual(new Date('2027-01-01T00:00:00Z'))
    for (const bad of ['2026-13', '2026-00', '2026-1', '26-10', '2026-10-01', ' 2026-10', '1999-12', '', null, undefined]) {
      expect(parseMonth(bad), String(bad)).toBeNull()
    }
    expect(monthKey(new Date('2026-10-01T00:00:00Z'))).toBe('2026-10')
    expect(monthKey('2026-10-01T00:00:00.000Z')).toBe('2026-10')
  })

  it('steps over year ends and finds the last day, leap years included', () => {
    expect(addMonths(new Date('2026-12-01'), 1)).toEqual(new Date('2027-01-01'))
    expect(addMonths(new Date('2026-01-01'), -1)).toEqual(new Date('2025-12-01'))
    expect(lastDayOfMonth(new Date('2026-10-01'))).toEqual(new Date('2026-10-31'))
    expect(lastDayOfMonth(new Date('2028-02-01'))).toEqual(new Date('2028-02-29'))
    expect(monthsBetween(new Date('2026-11-01'), new Date('2027-01-01')).map(monthKey)).toEqual(['2027-01', '2026-12', '2026-11'])
  })

  it('reads the current month in Helsinki: 31 October 23:30 UTC is already November there', () => {
    expect(monthKey(currentMonth(new Date('2026-10-31T21:59:59Z')))).toBe('2026-10')
    expect(monthKey(currentMonth(new Date('2026-10-31T22:00:00Z')))).toBe('2026-11')
    expect(monthKey(previousMonth(new Date('2026-11-23T12:00:00Z')))).toBe('2026-10')
    expect(monthKey(previousMonth(new Date('2027-01-05T12:00:00Z')))).toBe('2026-12')
  })

  it('lets a month be approved only after it has ended in Finland', () => {
    const october = new Date('2026-10-01')
    expect(hasMonthEnded(october, new Date('2026-10-31T21:59:59Z'))).toBe(false)
    expect(hasMonthEnded(october, new Date('2026-10-31T22:00:00Z'))).toBe(true)
    expect(hasMonthEnded(new Date('2026-11-01'), new Date('2026-11-23T12:00:00Z'))).toBe(false)
    expect(hasMonthEnded(new Date('2026-12-01'), new Date('2026-11-23T12:00:00Z'))).toBe(false)
  })
})
