import { Link, useLocation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

/** Previous / next links that keep every other query parameter. */
export function Pagination({ page, pageCount }: { page: number; pageCount: number }) {
  const { t } = useTranslation()
  const location = useLocation()
  if (pageCount <= 1) return null
  const hrefFor = (target: number) => {
    const params = new URLSearchParams(location.search)
    params.set('page', String(target))
    return `${location.pathname}?${params}`
  }
  return (
    <nav aria-label={t('pagination.label')} className="mt-6 flex items-center gap-4">
      {page > 1 ? <Link to={hrefFor(page - 1)}>{t('pagination.previous')}</Link> : null}
      <span>{t('pagination.status', { page, pageCount })}</span>
      {page < pageCount ? <Link to={hrefFor(page + 1)}>{t('pagination.next')}</Link> : null}
    </nav>
  )
}
