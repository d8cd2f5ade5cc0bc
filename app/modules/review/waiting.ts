import { helsinkiToday } from '~/modules/documents/dates'

/**
 * How long an application has waited, in whole Helsinki calendar days (pure). The queue counts from the latest
 * submission (`RegisterApplication.submittedAt`, moved forward on every resubmission): that is when the application
 * last came back to the reviewers' desk. The first submission is shown beside it when they differ.
 */
const dayMs = 24 * 60 * 60 * 1000

function dayNumber(isoDay: string): number {
  return Date.parse(`${isoDay}T00:00:00Z`) / dayMs
}

/** Calendar days from `from` to `now` in Helsinki: 0 on the same day, 1 on the next, … */
export function ageInDays(from: Date | string, now: Date): number {
  return dayNumber(helsinkiToday(now)) - dayNumber(helsinkiToday(new Date(from)))
}

/** `YYYY-MM-DD` moved by `days` calendar days. */
export function shiftDay(isoDay: string, days: number): string {
  return new Date(Date.parse(`${isoDay}T00:00:00Z`) + days * dayMs).toISOString().slice(0, 10)
}

/** The instant a Helsinki calendar day begins (22:00 or 21:00 UTC the day before, by daylight saving time). */
export function helsinkiStartOfDay(isoDay: string): Date {
  const utcMidnight = Date.parse(`${isoDay}T00:00:00Z`)
  for (const offsetHours of [3, 2]) {
    const candidate = new Date(utcMidnight - offsetHours * 60 * 60 * 1000)
    if (helsinkiToday(candidate) === isoDay && helsinkiToday(new Date(candidate.getTime() - 1)) !== isoDay) return candidate
  }
  throw new Error(`no start of day found for ${isoDay}`)
}

/**
 * The moment before which an application has waited more than `days` days: ageInDays(submittedAt, now) > days
 * exactly when submittedAt < waitingCutoff(days, now). Lets the database filter by age.
 */
export function waitingCutoff(days: number, now: Date): Date {
  return helsinkiStartOfDay(shiftDay(helsinkiToday(now), -days))
}
