import { useTranslation } from 'react-i18next'
import type { VoucherStatusName } from '~/modules/vouchers/issuing-schema'

const styles: Record<VoucherStatusName, string> = {
  ISSUED: 'text-brand-800',
  ASSIGNED: 'text-brand-800',
  ACTIVE: 'text-green-800',
  EXHAUSTED: 'text-slate-700',
  EXPIRED: 'text-slate-700',
  CANCELLED: 'text-red-700',
}

/** A voucher's status in words (the colour only repeats what the words say). */
export function VoucherStatus({ status }: { status: VoucherStatusName }) {
  const { t } = useTranslation('issuing')
  return <span className={`font-semibold ${styles[status]}`}>{t(`status.${status}`)}</span>
}
