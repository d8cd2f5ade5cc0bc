import { useTranslation } from 'react-i18next'

/** A co-payment's status in words (the colour only repeats them). Presentational. */
const statusStyles = {
  PENDING: 'border-slate-600 bg-slate-100 text-slate-900',
  PAID: 'border-green-700 bg-green-50 text-green-900',
  FAILED: 'border-red-700 bg-red-50 text-red-900',
  CANCELLED: 'border-slate-500 bg-white text-slate-800',
}

export type PaymentStatusName = keyof typeof statusStyles

export function PaymentStatusBadge({ status }: { status: PaymentStatusName }) {
  const { t } = useTranslation('payment')
  return (
    <span className={`inline-block rounded border-2 px-2 py-0.5 text-sm font-semibold ${statusStyles[status]}`}>{t(`status.${status}`)}</span>
  )
}
