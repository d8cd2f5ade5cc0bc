import { useTranslation } from 'react-i18next'
import { isLocale } from '~/i18n'
import type { IncomeExplanation } from '~/modules/public-catalogue/voucher'
import { calculationSteps, type Unit } from '~/modules/vouchers/issuing-texts'

/** The income-related calculation as numbered steps, in the reader's language. */
export function IncomeCalculation({ explanation, unit }: { explanation: IncomeExplanation; unit: Unit }) {
  const { t, i18n } = useTranslation('issuing')
  const locale = isLocale(i18n.language) ? i18n.language : 'sv'
  return (
    <ol className="mt-2 list-decimal space-y-1 pl-6">
      {calculationSteps(t, explanation, unit, locale).map((step) => (
        <li key={step}>{step}</li>
      ))}
    </ol>
  )
}
