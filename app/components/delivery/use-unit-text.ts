import { useTranslation } from 'react-i18next'
import { isLocale } from '~/i18n'
import { unitText, type UnitOfMeasure } from '~/modules/delivery/units'

/** "1,5 hours" in the reader's language, for the delivery pages. */
export function useUnitText(): (hundredths: number, unit: UnitOfMeasure) => string {
  const { t, i18n } = useTranslation('delivery')
  const locale = isLocale(i18n.language) ? i18n.language : 'sv'
  return (hundredths, unit) => unitText(t, hundredths, unit, locale)
}
