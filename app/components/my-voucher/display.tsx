import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { intlLocale, isLocale, type AppLocale } from '~/i18n'
import type { ChoiceState } from '~/modules/choices/state'
import { formatUnits } from '~/modules/settlements/format'
import { formatCents, formatDate } from '~/utils/format'
import { numberFormat } from '~/utils/intl'

/** Presentational pieces of the client's voucher pages (texts in the voucher namespace). */
export type Unit = 'HOUR' | 'DAY' | 'VISIT' | 'MONTH'

export function useVoucherT() {
  const { t, i18n } = useTranslation('voucher')
  const locale: AppLocale = isLocale(i18n.language) ? i18n.language : 'sv'
  return { t, locale }
}

/** Hundredths of a unit in words: "7,5 hours", "1 visit". */
export function unitAmount(t: TFunction, unit: Unit, hundredths: number, locale: AppLocale): string {
  return t(`unitAmount.${unit}`, { count: hundredths / 100, amount: formatUnits(hundredths, locale) })
}

/** "30,00 € per hour" */
export function perUnit(t: TFunction, cents: number, unit: Unit, locale: AppLocale): string {
  return t(`perUnit.${unit}`, { amount: formatCents(cents, locale) })
}

/** A rating with one decimal in the reader's conventions: 4,2 */
export function formatRating(average: number, locale: AppLocale): string {
  return numberFormat(intlLocale[locale], { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(average)
}

/** What has become of a choice, in plain words ("Waiting for Närpes Hemvård to accept you"). */
export function ChoiceStateText({ state, producer }: { state: ChoiceState; producer: string }) {
  const { t, locale } = useVoucherT()
  switch (state.kind) {
    case 'waiting':
      return <>{t('state.waiting', { producer })}</>
    case 'accepted':
      return <>{t('state.accepted', { producer })}</>
    case 'starts':
    case 'started':
      return <>{t(`state.${state.kind}`, { producer, date: formatDate(state.date, locale) })}</>
    case 'declined':
      return <>{state.reason ? t('state.declinedReason', { producer, reason: state.reason }) : t('state.declined', { producer })}</>
    case 'ends':
    case 'ended':
      return <>{state.date ? t(`state.${state.kind}`, { producer, date: formatDate(state.date, locale) }) : t('state.endedNoDate', { producer })}</>
    case 'cancelled':
      return <>{t('state.cancelled', { producer })}</>
  }
}
