import { useTranslation } from 'react-i18next'

/** An offer's status and free places as the provider pages show them. Presentational; no data fetching here. */
const statusStyles = {
  PUBLISHED: 'border-green-700 bg-green-50 text-green-900',
  DRAFT: 'border-slate-600 bg-slate-100 text-slate-900',
  ARCHIVED: 'border-slate-500 bg-white text-slate-800',
}

export function StatusBadge({ status }: { status: keyof typeof statusStyles }) {
  const { t } = useTranslation('offers')
  return (
    <span className={`inline-block rounded border-2 px-2 py-0.5 text-sm font-semibold ${statusStyles[status]}`}>{t(`status.${status}`)}</span>
  )
}

/** "3 free places · confirmed 5 days ago", with a warning when older than 14 days. */
export function FreePlaces({ freePlaces, ageDays, stale }: { freePlaces: number | null; ageDays: number | null; stale: boolean }) {
  const { t } = useTranslation('offers')
  const amount =
    freePlaces === null ? t('capacity.notStated') : freePlaces === 0 ? t('capacity.none') : t('capacity.some', { count: freePlaces })
  const age =
    ageDays === null
      ? t('capacity.neverConfirmed')
      : ageDays === 0
        ? t('capacity.confirmedToday')
        : t('capacity.confirmedDaysAgo', { count: ageDays })
  return (
    <>
      <span className="font-semibold">{amount}</span>
      <span className="block text-sm text-slate-700">{age}</span>
      {stale && ageDays !== null ? <span className="block text-sm font-semibold text-amber-900">{t('capacity.stale')}</span> : null}
    </>
  )
}
