import { PassThrough, Readable } from 'node:stream'
import ExcelJS from 'exceljs'
import type { Cell } from './tables'

/**
 * A table as an XLSX workbook of one sheet, written with exceljs's streaming writer while the rows arrive (the
 * response starts before the last row is read). Numbers stay numbers: euros with a euro format, units with two
 * decimals, percentages as ratios with a percent format, dates as dates; text is text (a spreadsheet never runs it
 * as a formula). The header row is bold and frozen.
 */
const formats: Partial<Record<Cell['kind'], string>> = {
  euro: '#,##0.00 "€"',
  units: '#,##0.00',
  count: '0',
  percent: '0.0 %',
  change: '+0.0 %;-0.0 %;0.0 %',
  date: 'yyyy-mm-dd',
  month: 'yyyy-mm',
}

function cellValue(cell: Cell): string | number | Date | null {
  switch (cell.kind) {
    case 'text':
      return cell.value
    case 'date':
      return new Date(`${cell.value}T00:00:00.000Z`)
    case 'month':
      return new Date(`${cell.value}-01T00:00:00.000Z`)
    case 'euro':
    case 'units':
      return cell.value === null ? null : cell.value / 100
    case 'count':
    case 'percent':
    case 'change':
      return cell.value
  }
}

export function xlsxStream(sheetName: string, headers: string[], rows: AsyncIterable<Cell[]>): ReadableStream<Uint8Array> {
  const output = new PassThrough()
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false })
  // sheet names: at most 31 characters, none of : \ / ? * [ ]
  const sheet = workbook.addWorksheet(sheetName.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] })
  sheet.columns = headers.map((header, index) => ({ key: String(index), width: Math.min(40, Math.max(12, header.length + 2)) }))
  const write = async () => {
    const header = sheet.addRow(headers)
    header.font = { bold: true }
    header.commit()
    for await (const cells of rows) {
      const row = sheet.addRow(cells.map(cellValue))
      cells.forEach((cell, index) => {
        const format = formats[cell.kind]
        if (format) row.getCell(index + 1).numFmt = format
      })
      row.commit()
    }
    sheet.commit()
    await workbook.commit()
  }
  write().catch((error: unknown) => output.destroy(error instanceof Error ? error : new Error(String(error))))
  return Readable.toWeb(output) as ReadableStream<Uint8Array>
}
