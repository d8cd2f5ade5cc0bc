import { useTranslation } from 'react-i18next'

/** A month's status as text in a bordered badge (never colour alone). A month without a settlement row is open. */
const statusStyles = {
  OPEN: 'border-amber-700 bg-amber-50 text-amber-950',
  APPROVED: 'border-green-700 bg-green-50 text-green-900',
}

export function SettlementStatusBadge({ status }: { status: keyof typeof statusStyles }) {
  const { t } = useTranslation('settlement')
  return (
    <span className={`inline-block rounded border-2 px-2 py-0.5 text-sm font-semibold whitespace-nowrap ${statusStyles[status]}`}>
      {t(`status.${status}`)}
    </span>
  )
}
