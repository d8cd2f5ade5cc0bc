import { dateTimeFormat } from '../../utils/intl'
/**
 * Settlement months: the first day of a calendar month at UTC midnight (as stored in a @db.Date column), written
 * `YYYY-MM` in addresses, files and the accounts-payable CSV. "Now" is read in Finland (Europe/Helsinki). Pure.
 */
const monthPattern = /^(20\d\d)-(0[1-9]|1[0-2])$/

/** `2026-10` → 2026-10-01T00:00Z; anything else (2026-13, 2026-1, 1999-12, '') → null. */
export function parseMonth(value: string | null | undefined): Date | null {
  const match = monthPattern.exec(value ?? '')
  if (!match) return null
  return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1))
}

/** A month (or its JSON string) → `YYYY-MM`. */
export function monthKey(month: Date | string): string {
  return new Date(month).toISOString().slice(0, 7)
}

export function addMonths(month: Date, months: number): Date {
  return new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth() + months, 1))
}

/** The month it is now in Finland. */
export function currentMonth(now = new Date()): Date {
  const parts = dateTimeFormat('en-CA', { timeZone: 'Europe/Helsinki', year: 'numeric', month: '2-digit' }).formatToParts(now)
  const part = (type: 'year' | 'month') => Number(parts.find((p) => p.type === type)?.value)
  return new Date(Date.UTC(part('year'), part('month') - 1, 1))
}

/** The month staff settle by default: the one before the current month. */
export function previousMonth(now = new Date()): Date {
  return addMonths(currentMonth(now), -1)
}

/** A month can be approved only once it is over in Finland (from 00:00 Helsinki time on the 1st of the next month). */
export function hasMonthEnded(month: Date, now = new Date()): boolean {
  return month.getTime() < currentMonth(now).getTime()
}

/** The last day of the month (UTC midnight), for the period's end date. */
export function lastDayOfMonth(month: Date): Date {
  return new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth() + 1, 0))
}

/** Every month from `last` back to `first`, newest first. */
export function monthsBetween(first: Date, last: Date): Date[] {
  const months: Date[] = []
  for (let month = last; month.getTime() >= first.getTime(); month = addMonths(month, -1)) months.push(month)
  return months
}
