import { helsinkiToday, isoDate, utcDate } from '~/modules/documents/dates'

/**
 * Dated voucher values (pure). A value row is in force from its effectiveFrom (a calendar day, stored as UTC
 * midnight) until the next row's; the row in force on a day is the latest one whose effectiveFrom is on or before
 * that day. Days are Finnish calendar days: an instant is first turned into its day in Europe/Helsinki.
 */
export type Dated = { effectiveFrom: Date | string }

/** The calendar day in Helsinki of an instant, as a UTC midnight (how @db.Date columns read). */
export function helsinkiDay(instant: Date = new Date()): Date {
  return utcDate(helsinkiToday(instant))
}

function time(value: Dated): number {
  return new Date(value.effectiveFrom).getTime()
}

/** The row in force on `date` (its Helsinki day), or null before the first one. The rows may come in any order. */
export function selectValueInForce<T extends Dated>(values: readonly T[], date: Date): T | null {
  const day = helsinkiDay(date).getTime()
  let best: T | null = null
  for (const value of values) {
    if (time(value) <= day && (!best || time(value) > time(best))) best = value
  }
  return best
}

/** The next row that starts after `date` (its Helsinki day): a scheduled price change, or null. */
export function nextScheduledValue<T extends Dated>(values: readonly T[], date: Date): T | null {
  const day = helsinkiDay(date).getTime()
  let best: T | null = null
  for (const value of values) {
    if (time(value) > day && (!best || time(value) < time(best))) best = value
  }
  return best
}

/** A row may still be corrected or withdrawn only while it starts after today (Helsinki). */
export function isScheduled(value: Dated, now: Date = new Date()): boolean {
  return isoDate(value.effectiveFrom) > helsinkiToday(now)
}
