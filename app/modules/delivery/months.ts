import { intlLocale, type AppLocale } from '~/i18n'
import { isoDate, utcDate } from '~/modules/documents/dates'
import { dateTimeFormat } from '~/utils/intl'

/**
 * Calendar months as the database keeps them: the first day at UTC midnight (`@db.Date`). Units count against the
 * month of the service date; money goes to the settlement month (`ServiceRecord.month`). Pure.
 */

/** The first day of the day's month: '2026-11-23' → 2026-11-01. */
export function monthOf(day: string | Date): Date {
  return utcDate(`${isoDate(day).slice(0, 7)}-01`)
}

/** The month's name and year in the reader's language: "November 2026", "marraskuu 2026". */
export function formatMonth(month: Date | string, locale: AppLocale): string {
  return dateTimeFormat(intlLocale[locale], { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(month))
}
