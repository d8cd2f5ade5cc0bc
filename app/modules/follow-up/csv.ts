import type { AppLocale } from '~/i18n'
import { textCell } from '~/modules/settlements/csv'
import type { Cell } from './tables'

/**
 * CSV as Finnish spreadsheets open it: `;` between fields, a decimal comma in Finnish and Swedish (a point in
 * English), numbers without thousands separators or units (so they stay numbers), CRLF line ends and a UTF-8 byte
 * order mark (so Excel reads ä, å, ö right). Text that a spreadsheet would run as a formula (starting with = + - @,
 * a tab or a carriage return) gets a leading apostrophe (OWASP "CSV injection", the settlement export's `textCell`);
 * fields with `;`, quotes, line breaks or edge spaces are quoted. Pure.
 */
export const csvSeparator = ';'
export const byteOrderMark = '\uFEFF'

export function csvText(value: string): string {
  const safe = textCell(value)
  return /[;"\r\n]/.test(safe) || safe !== safe.trim() ? `"${safe.replace(/"/g, '""')}"` : safe
}

/** A number with a fixed count of decimals (none for whole numbers) and the locale's decimal separator. */
function decimal(value: number, digits: number, locale: AppLocale): string {
  const fixed = digits === 0 ? String(Math.round(value)) : value.toFixed(digits)
  return locale === 'en' ? fixed : fixed.replace('.', ',')
}

export function csvCell(cell: Cell, locale: AppLocale): string {
  switch (cell.kind) {
    case 'text':
      return csvText(cell.value)
    case 'date':
    case 'month':
      return cell.value
    case 'count':
      return cell.value === null ? '' : decimal(cell.value, 0, locale)
    case 'euro':
      return cell.value === null ? '' : decimal(cell.value / 100, 2, locale)
    case 'units':
      return cell.value === null ? '' : decimal(cell.value / 100, 2, locale)
    case 'percent':
    case 'change':
      // as a percentage number (72,5 for 72.5 %); the header says "%"
      return cell.value === null ? '' : decimal(cell.value * 100, 1, locale)
  }
}

export function csvLine(cells: string[]): string {
  return `${cells.join(csvSeparator)}\r\n`
}

/**
 * The CSV of a table as a stream: the header line first, then a line per row as the rows arrive (an async iterable,
 * so a long table is never built as one string).
 */
export function csvStream(headers: string[], rows: AsyncIterable<Cell[]>, locale: AppLocale): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder()
  const iterator = rows[Symbol.asyncIterator]()
  let started = false
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true
        controller.enqueue(encoder.encode(byteOrderMark + csvLine(headers.map(csvText))))
        return
      }
      try {
        const next = await iterator.next()
        if (next.done) controller.close()
        else controller.enqueue(encoder.encode(csvLine(next.value.map((cell) => csvCell(cell, locale)))))
      } catch (error) {
        controller.error(error)
      }
    },
    async cancel() {
      await iterator.return?.()
    },
  })
}
