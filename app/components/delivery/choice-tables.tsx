import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Table } from '~/components/ui/table'
import type { AppLocale } from '~/i18n'
import type { ChoiceListView } from '~/modules/delivery/views'
import { formatDate, formatDateTime } from '~/utils/format'
import { GrantText, UsageText } from './grant'
import { StatusBadge } from './status-badge'

type TableProps = { rows: ChoiceListView[]; base: string; locale: AppLocale }

/** The header row of a table: one column per key of `list.columns`. */
function ColumnHeads({ columns }: { columns: string[] }) {
  const { t } = useTranslation('delivery')
  return (
    <thead>
      <tr>
        {columns.map((column) => (
          <th key={column} scope="col">
            {t(`list.columns.${column}`)}
          </th>
        ))}
      </tr>
    </thead>
  )
}

/** The client's name, linked to their page, with an optional detail line under it. */
function ClientCell({ row, base, detail }: { row: ChoiceListView; base: string; detail?: string }) {
  return (
    <td>
      <Link to={`${base}/${row.id}`} className="font-semibold">
        {row.firstName} {row.lastName}
      </Link>
      {detail ? <span className="block text-sm text-slate-700">{detail}</span> : null}
    </td>
  )
}

/** The service category and what the voucher grants. */
function ServiceCell({ row }: { row: ChoiceListView }) {
  return (
    <td>
      {row.category}
      <span className="block text-sm text-slate-700">
        <GrantText {...row} />
      </span>
    </td>
  )
}

/** New choices waiting for the provider's decision, oldest first. */
export function PendingTable({ rows, base, locale }: TableProps) {
  const { t } = useTranslation('delivery')
  return (
    <Table caption={t('list.pendingCaption')} captionHidden>
      <ColumnHeads columns={['client', 'service', 'validity', 'chosenAt']} />
      <tbody>
        {rows.map((row) => (
          <tr key={row.id} className="align-top">
            <ClientCell row={row} base={base} detail={`${row.municipality} · ${t(`languages.${row.language}`)}`} />
            <ServiceCell row={row} />
            <td className="whitespace-nowrap">
              {t('client.validityRange', { from: formatDate(row.validFrom, locale), to: formatDate(row.validTo, locale) })}
            </td>
            <td className="whitespace-nowrap">{formatDateTime(row.chosenAt, locale)}</td>
          </tr>
        ))}
      </tbody>
    </Table>
  )
}

/** Clients in service: accepted, or ended on a day still to come. */
export function CurrentTable({ rows, base, locale }: TableProps) {
  const { t } = useTranslation('delivery')
  return (
    <Table caption={t('list.currentCaption')} captionHidden>
      <ColumnHeads columns={['client', 'service', 'period', 'usage']} />
      <tbody>
        {rows.map((row) => (
          <tr key={row.id} className="align-top">
            <ClientCell row={row} base={base} detail={row.municipality} />
            <ServiceCell row={row} />
            <td className="whitespace-nowrap">
              {row.startDate ? t('list.from', { date: formatDate(row.startDate, locale) }) : null}
              {row.endDate ? <span className="block">{t('list.until', { date: formatDate(row.endDate, locale) })}</span> : null}
            </td>
            <td>
              <UsageText {...row} />
            </td>
          </tr>
        ))}
      </tbody>
    </Table>
  )
}

/** Declined, cancelled and ended choices, newest first. */
export function EndedTable({ rows, base, locale }: TableProps) {
  const { t } = useTranslation('delivery')
  return (
    <Table caption={t('list.endedCaption')} captionHidden>
      <ColumnHeads columns={['client', 'service', 'status']} />
      <tbody>
        {rows.map((row) => (
          <tr key={row.id} className="align-top">
            <ClientCell row={row} base={base} />
            <td>{row.category}</td>
            <td>
              <StatusBadge status={row.status} />
              {row.endDate ? (
                <span className="block text-sm text-slate-700">{t('list.until', { date: formatDate(row.endDate, locale) })}</span>
              ) : row.decidedAt ? (
                <span className="block text-sm text-slate-700">{formatDate(row.decidedAt, locale)}</span>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </Table>
  )
}
