import { csvStream } from './csv'
import { followUpDashboard } from './dashboard.server'
import type { ReferenceData, ResolvedFilters } from './filters.server'
import type { TableName } from './schema'
import { dashboardTables, waitingColumns, waitingRow, type Cell, type Labels } from './tables'
import { waitingVouchers } from './vouchers.server'
import { xlsxStream } from './xlsx.server'

/** Rows of the waiting list are read in pages of this many (on the voucher's decision date and id). */
const waitingPage = 500

/** Every waiting voucher, a page at a time. */
async function* waitingRows(filters: ResolvedFilters, labels: Labels): AsyncGenerator<Cell[]> {
  let after: { decisionDate: Date; id: string } | undefined
  for (;;) {
    const page = await waitingVouchers(filters, { now: labels.now, limit: waitingPage, after })
    for (const voucher of page) yield waitingRow(labels, voucher)
    const last = page.at(-1)
    if (page.length < waitingPage || !last) return
    after = { decisionDate: last.decisionDate, id: last.id }
  }
}

async function* fromArray(rows: Cell[][]): AsyncGenerator<Cell[]> {
  for (const row of rows) yield row
}

/**
 * One table of the dashboard with the page's filters, every row (all providers, the whole waiting list), as a CSV or
 * XLSX stream. The figures are the dashboard's own (dashboardTables), so the export matches the page.
 */
export async function exportTable(
  table: TableName,
  format: 'csv' | 'xlsx',
  filters: ResolvedFilters,
  reference: ReferenceData,
  labels: Labels,
): Promise<ReadableStream<Uint8Array>> {
  let columns: string[]
  let rows: AsyncIterable<Cell[]>
  if (table === 'waiting') {
    columns = waitingColumns
    rows = waitingRows(filters, labels)
  } else {
    const dashboard = await followUpDashboard(filters, reference, { now: labels.now, providerLimit: null, waitingLimit: 0 })
    const model = dashboardTables(dashboard, labels)[table]
    columns = model.columns
    rows = fromArray(model.total ? [...model.rows, model.total] : model.rows)
  }
  const headers = columns.map((key) => labels.t(key))
  return format === 'csv' ? csvStream(headers, rows, labels.locale) : xlsxStream(labels.t(`tables.${table}`), headers, rows)
}
