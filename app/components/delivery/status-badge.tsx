import { useTranslation } from 'react-i18next'

/** A choice's status in words (never colour alone). */
const statusStyles = {
  PENDING: 'border-amber-700 bg-amber-50 text-amber-900',
  ACCEPTED: 'border-green-700 bg-green-50 text-green-900',
  DECLINED: 'border-slate-600 bg-slate-100 text-slate-900',
  ENDED: 'border-slate-500 bg-white text-slate-800',
  CANCELLED: 'border-slate-500 bg-white text-slate-800',
}

export function StatusBadge({ status }: { status: keyof typeof statusStyles }) {
  const { t } = useTranslation('delivery')
  return <span className={`inline-block rounded border-2 px-2 py-0.5 text-sm font-semibold ${statusStyles[status]}`}>{t(`status.${status}`)}</span>
}
