import type { AppLocale } from '~/i18n'
import { translator } from '~/i18n.server'
import { formatMonth } from './months'
import type { RecordFailure } from './records.server'
import { unitText } from './units'

/**
 * A refused record, deletion or correction as the page shows it: translation keys for the fields it concerns (in the
 * error summary), and a sentence in the reader's language when the refusal needs figures (the month, units left).
 */
export type RefusalReply = { fieldErrors: Record<string, string[]>; message?: string }

export async function refusalReply(failure: RecordFailure, locale: AppLocale): Promise<RefusalReply> {
  const t = await translator(locale, 'delivery')
  switch (failure.error) {
    case 'monthLocked':
      return { fieldErrors: {}, message: t('errors.monthLocked', { month: formatMonth(failure.month, locale) }) }
    case 'unitsExceeded': {
      const left = unitText(t, failure.unitsLeft, failure.unit, locale)
      const message = failure.month
        ? t('errors.unitsExceededMonth', { left, month: formatMonth(failure.month, locale) })
        : t('errors.unitsExceededTotal', { left })
      return { fieldErrors: { units: ['delivery:errors.units.exceeded'] }, message }
    }
    case 'future':
    case 'beforeStart':
    case 'afterEnd':
    case 'outsideValidity':
      return { fieldErrors: { serviceDate: [`delivery:errors.${failure.error}`] } }
    case 'extraUnknown':
      return { fieldErrors: { extraServiceId: ['delivery:errors.extraUnknown'] } }
    case 'correctionBelowZero':
      return { fieldErrors: { units: ['delivery:errors.correctionBelowZero'] } }
    default:
      return { fieldErrors: {}, message: t(`errors.${failure.error}`) }
  }
}
