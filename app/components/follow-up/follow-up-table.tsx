import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Table } from '~/components/ui/table'
import type { AppLocale } from '~/i18n'
import { monthLabel } from '~/modules/follow-up/periods'
import type { Cell, TableModel } from '~/modules/follow-up/tables'
import { formatCents, formatDate, formatNumber, formatPercent } from '~/utils/format'

/** A cell's text in the reader's conventions (1 234,50 €, 72,5 %, +12,0 %). */
export function formatCell(cell: Cell, locale: AppLocale): string | null {
  switch (cell.kind) {
    case 'text':
      return cell.value
    case 'date':
      return formatDate(`${cell.value}T00:00:00.000Z`, locale)
    case 'month':
      return monthLabel(cell.value, locale)
    default:
      if (cell.value === null) return null
      if (cell.kind === 'euro') return formatCents(cell.value, locale)
      if (cell.kind === 'units') return formatNumber(cell.value / 100, locale, 2)
      if (cell.kind === 'count') return formatNumber(cell.value, locale)
      return formatPercent(cell.value, locale, { signed: cell.kind === 'change' })
  }
}

function CellContent({ cell, locale }: { cell: Cell; locale: AppLocale }) {
  const { t } = useTranslation('followup')
  const text = formatCell(cell, locale)
  if (text === null) {
    return (
      <>
        <span aria-hidden="true">–</span>
        <span className="sr-only">{t('table.noValue')}</span>
      </>
    )
  }
  if (cell.kind === 'text' && cell.href) return <Link to={cell.href}>{text}</Link>
  if (cell.kind === 'text' && cell.flag === 'warning') {
    return (
      <span className="inline-flex items-center gap-1 font-bold text-red-800">
        <svg aria-hidden="true" viewBox="0 0 20 20" className="h-5 w-5 shrink-0" fill="currentColor">
          <path d="M10 1.5 19 18H1L10 1.5Zm-1 6v5h2v-5H9Zm0 6.5v2h2v-2H9Z" />
        </svg>
        {text}
      </span>
    )
  }
  if (cell.kind === 'change' && cell.value !== null && cell.value !== 0) {
    return (
      <>
        <span aria-hidden="true" className="mr-1 text-sm">
          {cell.value > 0 ? '▲' : '▼'}
        </span>
        {text}
      </>
    )
  }
  return <>{text}</>
}

const numeric = (cell: Cell) => cell.kind !== 'text' && cell.kind !== 'date' && cell.kind !== 'month'

/**
 * One of the dashboard's tables: column headers, a header cell per row (its first cell), numbers right-aligned in the
 * reader's format, an empty value read out as "no value", and an optional row of totals.
 */
export function FollowUpTable({ model, caption, locale }: { model: TableModel; caption: string; locale: AppLocale }) {
  const { t } = useTranslation('followup')
  const row = (cells: Cell[], key: string, total = false) => (
    <tr key={key} className={total ? 'font-bold' : undefined}>
      {cells.map((cell, index) =>
        index === 0 ? (
          <th key={index} scope="row" className="text-left font-semibold">
            <CellContent cell={cell} locale={locale} />
          </th>
        ) : (
          <td key={index} className={numeric(cell) ? 'text-right whitespace-nowrap tabular-nums' : undefined}>
            <CellContent cell={cell} locale={locale} />
          </td>
        ),
      )}
    </tr>
  )
  return (
    <Table caption={caption}>
      <thead>
        <tr>
          {model.columns.map((column) => (
            <th key={column} scope="col" className="align-bottom">
              {t(column)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>{model.rows.length === 0 ? (
        <tr>
          <td colSpan={model.columns.length}>{t('table.empty')}</td>
        </tr>
      ) : (
        model.rows.map((cells, index) => row(cells, String(index)))
      )}</tbody>
      {model.total ? <tfoot>{row(model.total, 'total', true)}</tfoot> : null}
    </Table>
  )
}
