import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { AppLocale } from '~/i18n'
import type { TableModel } from '~/modules/follow-up/tables'
import { FollowUpTable } from './follow-up-table'

/** Download links of a table: CSV and XLSX with the page's filters. */
export function ExportLinks({ title, href }: { title: string; href: (format: 'csv' | 'xlsx') => string }) {
  const { t } = useTranslation('followup')
  return (
    <p className="mt-2 flex flex-wrap gap-4 text-sm">
      <span>{t('export.label')}</span>
      {(['csv', 'xlsx'] as const).map((format) => (
        <a key={format} href={href(format)} download>
          {t(`export.${format}`)}
          <span className="sr-only"> {t('export.of', { table: title })}</span>
        </a>
      ))}
    </p>
  )
}

/**
 * A titled part of the dashboard: its heading, an optional chart (or other content) before the table, the table with
 * its caption, and the download links.
 */
export function TableSection({
  id,
  title,
  intro,
  model,
  locale,
  exportHref,
  children,
  after,
}: {
  id: string
  title: string
  intro?: ReactNode
  model: TableModel
  locale: AppLocale
  exportHref: (format: 'csv' | 'xlsx') => string
  children?: ReactNode
  after?: ReactNode
}) {
  return (
    <section aria-labelledby={`${id}-heading`} className="mt-10">
      <h2 id={`${id}-heading`}>{title}</h2>
      {intro ? <div className="mt-2 max-w-3xl">{intro}</div> : null}
      {children}
      <div className="mt-4">
        <FollowUpTable model={model} caption={title} locale={locale} />
      </div>
      {after}
      <ExportLinks title={title} href={exportHref} />
    </section>
  )
}
