import { helsinkiOffsetMinutes } from '~/modules/audit/dates'
import { lastDayOfMonth, monthKey } from './month'

/**
 * The accounts-payable file for the welfare area's finance system (format in ADR 0008): UTF-8 with a byte-order
 * mark, `;` between cells, CRLF line ends, a fixed header row, euros with a decimal comma and no thousands
 * separator, dates `YYYY-MM-DD`, times ISO 8601 with the Helsinki offset. Pure.
 */
export const csvColumns = [
  'business_id',
  'provider_name',
  'period',
  'period_start',
  'period_end',
  'voucher_share_cents',
  'voucher_share_eur',
  'copayment_cents',
  'copayment_eur',
  'extras_cents',
  'extras_eur',
  'units',
  'approved_at',
  'approved_by',
] as const

export type ApprovedSettlementRow = {
  businessId: string
  providerName: string
  month: Date
  voucherShareCents: number
  copaymentCents: number
  extrasCents: number
  unitsHundredths: number
  approvedAt: Date | null
  approvedBy: string
}

/** A cell that needs quoting (separator, quote, line break) is quoted, its quotes doubled. */
function quoted(cell: string): string {
  return /[;"\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell
}

/**
 * Text that came from users (names, business IDs): a cell a spreadsheet would read as a formula (starting with
 * = + - @, a tab or a carriage return) gets a leading apostrophe. Numbers the app writes itself are not touched.
 */
export function textCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
}

/** Hundredths (cents, or hundredths of a unit) as a decimal with a comma and two decimals: -123456 → "-1234,56". */
export function decimalComma(hundredths: number): string {
  const sign = hundredths < 0 ? '-' : ''
  const absolute = Math.abs(hundredths)
  return `${sign}${Math.floor(absolute / 100)},${String(absolute % 100).padStart(2, '0')}`
}

/** An instant as ISO 8601 in Helsinki time with its offset: 2026-11-06T11:12:00+02:00. */
export function helsinkiTimestamp(instant: Date): string {
  const offset = helsinkiOffsetMinutes(instant)
  const local = new Date(Math.floor(instant.getTime() / 1000) * 1000 + offset * 60_000).toISOString().slice(0, 19)
  const hours = String(Math.floor(offset / 60)).padStart(2, '0')
  const minutes = String(offset % 60).padStart(2, '0')
  return `${local}+${hours}:${minutes}`
}

function rowCells(row: ApprovedSettlementRow): string[] {
  const isoDay = (date: Date) => date.toISOString().slice(0, 10)
  return [
    textCell(row.businessId),
    textCell(row.providerName),
    monthKey(row.month),
    isoDay(row.month),
    isoDay(lastDayOfMonth(row.month)),
    String(row.voucherShareCents),
    decimalComma(row.voucherShareCents),
    String(row.copaymentCents),
    decimalComma(row.copaymentCents),
    String(row.extrasCents),
    decimalComma(row.extrasCents),
    decimalComma(row.unitsHundredths),
    row.approvedAt ? helsinkiTimestamp(row.approvedAt) : '',
    textCell(row.approvedBy),
  ]
}

export function accountsPayableCsv(rows: ApprovedSettlementRow[]): string {
  const lines = [[...csvColumns], ...rows.map(rowCells)].map((cells) => cells.map(quoted).join(';'))
  return `\uFEFF${lines.join('\r\n')}\r\n`
}
