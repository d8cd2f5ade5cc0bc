import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Table } from '~/components/ui/table'
import type { AppLocale } from '~/i18n'
import type { ChoiceListView } from '~/modules/delivery/views'
import { formatDate, formatDateTime } from '~/utils/format'
import { GrantText, UsageText } from './grant'
import { StatusBadge } from './status-badge'

type TableProps = { rows: ChoiceListView[]; base: string; locale: AppLocale }

function ClientLink({ row, base }: { row: ChoiceListView; base: string }) {
  return (
    <Link to={`${base}/${row.id}`} className="font-semibold">
      {row.firstName} {row.lastName}
    </Link>
  )
}

/** New choices waiting for the provider's decision, oldest first. */
export function PendingTable({ rows, base, locale }: TableProps) {
  const { t } = useTranslation('delivery')
  return (
    <Table caption={t('list.pendingCaption')} captionHidden>
      <thead>
        <tr>
          <th scope="col">{t('list.columns.client')}</th>
          <th scope="col">{t('list.columns.service')}</th>
          <th scope="col">{t('list.columns.validity')}</th>
          <th scope="col">{t('list.columns.chosenAt')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id} className="align-top">
            <td>
              <ClientLink row={row} base={base} />
              <span className="block text-sm text-slate-700">
                {row.municipality} · {t(`languages.${row.language}`)}
              </span>
            </td>
            <td>
              {row.category}
              <span className="block text-sm text-slate-700">
                <GrantText {...row} />
              </span>
            </td>
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
      <thead>
        <tr>
          <th scope="col">{t('list.columns.client')}</th>
          <th scope="col">{t('list.columns.service')}</th>
          <th scope="col">{t('list.columns.period')}</th>
          <th scope="col">{t('list.columns.usage')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id} className="align-top">
            <td>
              <ClientLink row={row} base={base} />
              <span className="block text-sm text-slate-700">{row.municipality}</span>
            </td>
            <td>
              {row.category}
              <span className="block text-sm text-slate-700">
                <GrantText {...row} />
              </span>
            </td>
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
      <thead>
        <tr>
          <th scope="col">{t('list.columns.client')}</th>
          <th scope="col">{t('list.columns.service')}</th>
          <th scope="col">{t('list.columns.status')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id} className="align-top">
            <td>
              <ClientLink row={row} base={base} />
            </td>
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
