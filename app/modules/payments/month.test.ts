import { describe, expect, it } from 'vitest'
import { monthKey, monthName, monthNumeric } from './month'

describe('settlement months', () => {
  it('reads the stored first day in UTC, whatever the time zone', () => {
    const october = new Date('2026-10-01T00:00:00.000Z')
    expect(monthKey(october)).toBe('2026-10')
    expect(monthNumeric(october)).toBe('10/2026')
    expect(monthNumeric('2026-03-01T00:00:00.000Z')).toBe('3/2026')
  })

  it('names the month in the reader’s language', () => {
    const month = '2026-10-01T00:00:00.000Z'
    expect(monthName(month, 'fi')).toBe('lokakuu 2026')
    expect(monthName(month, 'sv')).toBe('oktober 2026')
    expect(monthName(month, 'en')).toBe('October 2026')
  })
})
