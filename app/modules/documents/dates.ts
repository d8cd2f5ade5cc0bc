import { dateTimeFormat } from '../../utils/intl'
/** Calendar dates of documents: `YYYY-MM-DD` in forms, UTC midnight in the database (@db.Date). Pure. */
const isoDatePattern = /^\d{4}-\d{2}-\d{2}$/

/** Today's date in Finland (Europe/Helsinki) as `YYYY-MM-DD`. */
export function helsinkiToday(now = new Date()): string {
  return dateTimeFormat('en-CA', { timeZone: 'Europe/Helsinki', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now)
}

/** True for a real calendar date written `YYYY-MM-DD` (no 2026-02-30, and no year 0000, which PostgreSQL has not). */
export function isIsoDate(value: string): boolean {
  if (!isoDatePattern.test(value) || value.startsWith('0000')) return false
  const date = new Date(`${value}T00:00:00.000Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value
}

/** `YYYY-MM-DD` → the Date at UTC midnight, as stored in a @db.Date column. */
export function utcDate(value: string): Date {
  return new Date(`${value}T00:00:00.000Z`)
}

/** A stored date (or its JSON string) → `YYYY-MM-DD`. */
export function isoDate(value: Date | string): string {
  return new Date(value).toISOString().slice(0, 10)
}
