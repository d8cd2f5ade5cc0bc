import { useTranslation } from 'react-i18next'
import { isLocale, type AppLocale } from '~/i18n'

/** The page's language for number and date formatting. */
export function useLocale(): AppLocale {
  const { i18n } = useTranslation()
  return isLocale(i18n.language) ? i18n.language : 'sv'
}
