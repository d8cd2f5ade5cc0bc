import { describe, expect, it } from 'vitest'
import { ageInDays, helsinkiStartOfDay, shiftDay, waitingCutoff } from './waiting'

describe('waiting time', () => {
  it('counts Helsinki calendar days', () => {
    const now = new Date('2026-01-15T10:00:00Z') // 12:00 in Helsinki
    expect(ageInDays(new Date('2026-01-15T00:30:00Z'), now)).toBe(0)
    // 23:30 UTC on the 14th is already the 15th in Helsinki
    expect(ageInDays(new Date('2026-01-14T23:30:00Z'), now)).toBe(0)
    expect(ageInDays(new Date('2026-01-14T21:59:59Z'), now)).toBe(1)
    expect(ageInDays(new Date('2026-01-08T12:00:00Z'), now)).toBe(7)
    expect(ageInDays('2025-12-16T12:00:00Z', now)).toBe(30)
  })

  it('finds the start of a Helsinki day in winter and in summer time, and on the days the clocks change', () => {
    expect(helsinkiStartOfDay('2026-01-15').toISOString()).toBe('2026-01-14T22:00:00.000Z')
    expect(helsinkiStartOfDay('2026-07-01').toISOString()).toBe('2026-06-30T21:00:00.000Z')
    expect(helsinkiStartOfDay('2026-03-29').toISOString()).toBe('2026-03-28T22:00:00.000Z')
    expect(helsinkiStartOfDay('2026-03-30').toISOString()).toBe('2026-03-29T21:00:00.000Z')
    expect(helsinkiStartOfDay('2026-10-25').toISOString()).toBe('2026-10-24T21:00:00.000Z')
    expect(helsinkiStartOfDay('2026-10-26').toISOString()).toBe('2026-10-25T22:00:00.000Z')
  })

  it('shifts calendar days across months and years', () => {
    expect(shiftDay('2026-01-01', -1)).toBe('2025-12-31')
    expect(shiftDay('2024-02-28', 1)).toBe('2024-02-29')
    expect(shiftDay('2026-03-01', -30)).toBe('2026-01-30')
  })

  it('has a cutoff that agrees with the age in days, hour by hour across daylight saving changes', () => {
    for (const nowText of ['2026-01-15T10:00:00Z', '2026-04-02T21:30:00Z', '2026-10-30T22:15:00Z']) {
      const now = new Date(nowText)
      for (const days of [7, 14, 30]) {
        const cutoff = waitingCutoff(days, now)
        // every hour across the two days around the cutoff
        for (let hours = (days - 1) * 24; hours < (days + 2) * 24; hours += 1) {
          const submittedAt = new Date(now.getTime() - hours * 60 * 60 * 1000 - 60_000)
          expect(submittedAt < cutoff, `${nowText} ${days} ${submittedAt.toISOString()}`).toBe(ageInDays(submittedAt, now) > days)
        }
      }
    }
  })
})
