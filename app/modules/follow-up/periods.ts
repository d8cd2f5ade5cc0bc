import { intlLocale, type AppLocale } from '~/i18n'
import { helsinkiToday } from '~/modules/documents/dates'
import { dateTimeFormat } from '~/utils/intl'

/**
 * The follow-up's calendar: months are `YYYY-MM` in the address and UTC midnight of their first day in SQL (the way
 * `ServiceRecord.month` and other `@db.Date` columns hold them). Pure.
 */
const monthPattern = /^(\d{4})-(0[1-9]|1[0-2])$/

export function isMonth(value: string): boolean {
  const match = monthPattern.exec(value)
  return match !== null && Number(match[1]) >= 2000 && Number(match[1]) <= 2100
}

/** `2026-10` → 2026-10-01T00:00Z */
export function monthStart(month: string): Date {
  return new Date(`${month}-01T00:00:00.000Z`)
}

/** 2026-10-01T00:00Z → `2026-10` */
export function monthKey(date: Date): string {
  return date.toISOString().slice(0, 7)
}

/** The month `count` months after (or before, when negative) the given one. */
export function addMonths(month: string, count: number): string {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number]
  const index = year * 12 + (monthNumber - 1) + count
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`
}

/** The month before the current one in Finland: the default of the dashboard (the last month that is over). */
export function previousMonth(now = new Date()): string {
  return addMonths(helsinkiToday(now).slice(0, 7), -1)
}

/**
 * Every date the dashboard's queries need for a chosen month: the month itself, the month before, the same month a
 * year earlier, the year to date (January to the chosen month, both included) and the 13 months of the trend that
 * end with the chosen month. `…End` dates are exclusive (the first day of the following month).
 */
export type Period = {
  month: string
  monthStart: Date
  monthEnd: Date
  previousMonth: string
  previousMonthStart: Date
  lastYearMonth: string
  lastYearMonthStart: Date
  yearStart: Date
  /** the months January … the chosen month */
  monthsElapsed: number
  trendStart: Date
  trendMonths: string[]
}

export function periodOf(month: string): Period {
  const year = month.slice(0, 4)
  const trendMonths = Array.from({ length: 13 }, (_, index) => addMonths(month, index - 12))
  return {
    month,
    monthStart: monthStart(month),
    monthEnd: monthStart(addMonths(month, 1)),
    previousMonth: addMonths(month, -1),
    previousMonthStart: monthStart(addMonths(month, -1)),
    lastYearMonth: addMonths(month, -12),
    lastYearMonthStart: monthStart(addMonths(month, -12)),
    yearStart: monthStart(`${year}-01`),
    monthsElapsed: Number(month.slice(5, 7)),
    trendStart: monthStart(trendMonths[0]!),
    trendMonths,
  }
}

/** "lokakuu 2026" / "oktober 2026" / "October 2026"; `short`: "loka 26" for chart axes. */
export function monthLabel(month: string, locale: AppLocale, style: 'long' | 'short' = 'long'): string {
  const options: Intl.DateTimeFormatOptions =
    style === 'long' ? { month: 'long', year: 'numeric', timeZone: 'UTC' } : { month: 'short', year: '2-digit', timeZone: 'UTC' }
  return dateTimeFormat(intlLocale[locale], options).format(monthStart(month))
}
