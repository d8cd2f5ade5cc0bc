import { describe, expect, it } from 'vitest'
import { budgetStatus, budgetUsed, yearEndForecast } from './forecast'

describe('the year-end forecast', () => {
  it('is the run rate of the year to date while fewer than three months have passed', () => {
    expect(yearEndForecast({ yearToDateCents: 10_000, recentCents: 10_000, monthsElapsed: 1 })).toBe(120_000)
    expect(yearEndForecast({ yearToDateCents: 30_000, recentCents: 30_000, monthsElapsed: 2 })).toBe(180_000)
  })

  it('follows the last three months later in the year', () => {
    // 443,16 € to date; August–October together 443,16 € → two more months of 147,72 €
    expect(yearEndForecast({ yearToDateCents: 44_316, recentCents: 44_316, monthsElapsed: 10 })).toBe(73_860)
    // growing use: the forecast is above the plain year-to-date run rate (600 000)
    expect(yearEndForecast({ yearToDateCents: 300_000, recentCents: 150_000, monthsElapsed: 6 })).toBe(600_000)
    expect(yearEndForecast({ yearToDateCents: 300_000, recentCents: 210_000, monthsElapsed: 6 })).toBe(720_000)
    expect(yearEndForecast({ yearToDateCents: 120_000, recentCents: 30_000, monthsElapsed: 12 })).toBe(120_000)
  })

  it('refuses months outside the year', () => {
    expect(() => yearEndForecast({ yearToDateCents: 0, recentCents: 0, monthsElapsed: 0 })).toThrow(RangeError)
  })

  it('flags a forecast over the budget, and does not judge a category without one', () => {
    expect(budgetStatus(73_860, 50_000)).toBe('over')
    expect(budgetStatus(50_000, 50_000)).toBe('within')
    expect(budgetStatus(1, null)).toBe('noBudget')
    expect(budgetUsed(25_000, 100_000)).toBe(0.25)
    expect(budgetUsed(25_000, null)).toBeNull()
  })
})
