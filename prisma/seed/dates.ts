/** Every seeded date is relative to this day, so the seed gives the same rows whenever it runs. */
export const REFERENCE_DATE = new Date('2026-11-23T00:00:00Z')

const DAY_MS = 86_400_000

/** A calendar day (UTC midnight) from 'YYYY-MM-DD'. */
export function day(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`)
}

/** The calendar day of a moment (UTC midnight). */
export function startOfDay(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()))
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS)
}

export function daysBeforeReference(days: number): Date {
  return addDays(REFERENCE_DATE, -days)
}

/** A moment on a day: the given hour and minute, UTC. */
export function at(date: Date, hour: number, minute = 0): Date {
  return new Date(date.getTime() + (hour * 60 + minute) * 60_000)
}

export function monthStart(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1))
}

export function addMonths(date: Date, months: number): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, date.getUTCDate()))
}

export function daysInMonth(month: Date): number {
  return new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth() + 1, 0)).getUTCDate()
}

export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10)
}

export function laterOf(a: Date, b: Date): Date {
  return a > b ? a : b
}

export function earlierOf(a: Date, b: Date): Date {
  return a < b ? a : b
}
