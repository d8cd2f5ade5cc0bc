import { intlLocale, type AppLocale } from '~/i18n'
import { dateTimeFormat, numberFormat } from '~/utils/intl'

/** Settlement figures on screen and in emails (pure; shared with the browser). */

/** Hundredths of a unit in the reader's conventions: 150 → "1,5", 1000 → "10", -25 → "−0,25". */
export function formatUnits(hundredths: number, locale: AppLocale): string {
  return numberFormat(intlLocale[locale], { maximumFractionDigits: 2 }).format(hundredths / 100)
}

/** A settlement month by its name: "lokakuu 2026", "oktober 2026", "October 2026". */
export function formatMonth(month: Date | string, locale: AppLocale): string {
  return dateTimeFormat(intlLocale[locale], { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(month))
}
