import { intlLocale, type AppLocale } from '~/i18n'

const timeZone = 'Europe/Helsinki'

/** Date and time on screen: always Helsinki time, in the reader's conventions. */
export function formatDateTime(value: Date | string, locale: AppLocale): string {
  return new Intl.DateTimeFormat(intlLocale[locale], { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(value))
}

export function formatDate(value: Date | string, locale: AppLocale): string {
  return new Intl.DateTimeFormat(intlLocale[locale], { dateStyle: 'medium', timeZone }).format(new Date(value))
}

/** Integer cents as euros: 123450 → "1 234,50 €" in Finnish and Swedish. */
export function formatCents(cents: number, locale: AppLocale): string {
  return new Intl.NumberFormat(intlLocale[locale], { style: 'currency', currency: 'EUR' }).format(cents / 100)
}
