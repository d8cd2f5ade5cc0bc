import { intlLocale, type AppLocale } from '~/i18n'
import { dateTimeFormat } from '~/utils/intl'

/** Settlement months are stored as their first day (UTC midnight, @db.Date). Pure: shared with the browser. */

/** `2026-10` */
export function monthKey(month: Date | string): string {
  return new Date(month).toISOString().slice(0, 7)
}

/** `10/2026`, as on a bill */
export function monthNumeric(month: Date | string): string {
  const date = new Date(month)
  return `${date.getUTCMonth() + 1}/${date.getUTCFullYear()}`
}

/** `lokakuu 2026`, `oktober 2026`, `October 2026` */
export function monthName(month: Date | string, locale: AppLocale): string {
  return dateTimeFormat(intlLocale[locale], { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(month))
}
