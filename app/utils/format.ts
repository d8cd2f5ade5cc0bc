import { intlLocale, type AppLocale } from '~/i18n'
import { dateTimeFormat, numberFormat } from '~/utils/intl'

const timeZone = 'Europe/Helsinki'

/** Date and time on screen: always Helsinki time, in the reader's conventions. */
export function formatDateTime(value: Date | string, locale: AppLocale): string {
  return dateTimeFormat(intlLocale[locale], { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(value))
}

export function formatDate(value: Date | string, locale: AppLocale): string {
  return dateTimeFormat(intlLocale[locale], { dateStyle: 'medium', timeZone }).format(new Date(value))
}

/** Integer cents as euros: 123450 → "1 234,50 €" in Finnish and Swedish. */
export function formatCents(cents: number, locale: AppLocale): string {
  return numberFormat(intlLocale[locale], { style: 'currency', currency: 'EUR' }).format(cents / 100)
}

/** A plain number in the reader's conventions: 1234.5 → "1 234,5" in Finnish and Swedish. */
export function formatNumber(value: number, locale: AppLocale, maximumFractionDigits = 0): string {
  return numberFormat(intlLocale[locale], { maximumFractionDigits }).format(value)
}

/** A ratio as a percentage: 0.725 → "72,5 %"; `signed` shows the sign of a change ("+12,0 %", "−3,5 %"). */
export function formatPercent(ratio: number, locale: AppLocale, options: { signed?: boolean; fractionDigits?: number } = {}): string {
  const digits = options.fractionDigits ?? 1
  return numberFormat(intlLocale[locale], {
    style: 'percent',
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
    signDisplay: options.signed ? 'exceptZero' : 'auto',
  }).format(ratio)
}

/** Integer cents as short euros for chart axes: 123456789 → "1,2 milj. €" (fi), "1,2 mn €" (sv), "€1.2M" (en). */
export function formatCentsCompact(cents: number, locale: AppLocale): string {
  return numberFormat(intlLocale[locale], { style: 'currency', currency: 'EUR', notation: 'compact', maximumFractionDigits: 1 }).format(cents / 100)
}
