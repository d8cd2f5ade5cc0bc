import { recordAmounts, type RecordAmountsInput } from './amounts'

/**
 * A month's statement from its service records (pure). Every amount is rounded once per record (recordAmounts) and
 * then only added up, so a statement, its lines, the approved sums, the CSV and the co-payments always agree to the
 * cent (ADR 0008).
 */
export type Figures = {
  records: number
  unitsHundredths: number
  totalCents: number
  voucherShareCents: number
  copaymentCents: number
  extrasCents: number
}

export const noFigures: Figures = { records: 0, unitsHundredths: 0, totalCents: 0, voucherShareCents: 0, copaymentCents: 0, extrasCents: 0 }

/** `count` identical records (same units, price, value and extras) — one record by default. */
export function recordFigures(record: RecordAmountsInput & { extrasCents: number }, count = 1): Figures {
  const amounts = recordAmounts(record)
  return {
    records: count,
    unitsHundredths: record.unitsHundredths * count,
    totalCents: amounts.totalCents * count,
    voucherShareCents: amounts.voucherShareCents * count,
    copaymentCents: amounts.copaymentCents * count,
    extrasCents: record.extrasCents * count,
  }
}

export function addFigures(a: Figures, b: Figures): Figures {
  return {
    records: a.records + b.records,
    unitsHundredths: a.unitsHundredths + b.unitsHundredths,
    totalCents: a.totalCents + b.totalCents,
    voucherShareCents: a.voucherShareCents + b.voucherShareCents,
    copaymentCents: a.copaymentCents + b.copaymentCents,
    extrasCents: a.extrasCents + b.extrasCents,
  }
}

export function sumFigures(figures: Figures[]): Figures {
  return figures.reduce(addFigures, noFigures)
}

export type StatementRecord = RecordAmountsInput & {
  voucherId: string
  kind: 'DELIVERY' | 'ADJUSTMENT'
  serviceDate: Date
  extrasCents: number
  note: string | null
}

/**
 * One line of a voucher: its deliveries at one price and value, or one adjustment (a correction of an approved
 * month, shown on its own with its date and note).
 */
export type StatementLine = {
  kind: 'DELIVERY' | 'ADJUSTMENT'
  unitPriceCents: number
  voucherValueCents: number
  /** adjustments only */
  serviceDate: Date | null
  note: string | null
  figures: Figures
}

export type VoucherStatement = { voucherId: string; lines: StatementLine[]; figures: Figures }
export type Statement = { vouchers: VoucherStatement[]; figures: Figures }

function lineOrder(a: StatementLine, b: StatementLine): number {
  if (a.kind !== b.kind) return a.kind === 'DELIVERY' ? -1 : 1
  return (
    (a.serviceDate?.getTime() ?? 0) - (b.serviceDate?.getTime() ?? 0) ||
    a.unitPriceCents - b.unitPriceCents ||
    a.voucherValueCents - b.voucherValueCents
  )
}

/** The records grouped per voucher (in the order vouchers first appear) into lines, with sums per voucher and in all. */
export function buildStatement(records: StatementRecord[]): Statement {
  const vouchers = new Map<string, Map<string, StatementLine>>()
  records.forEach((record, index) => {
    const lines = vouchers.get(record.voucherId) ?? new Map<string, StatementLine>()
    vouchers.set(record.voucherId, lines)
    const key = record.kind === 'DELIVERY' ? `${record.unitPriceCents}/${record.voucherValueCents}` : `adjustment-${index}`
    const line = lines.get(key)
    const figures = recordFigures(record)
    if (line) {
      line.figures = addFigures(line.figures, figures)
      return
    }
    const adjustment = record.kind === 'ADJUSTMENT'
    lines.set(key, {
      kind: record.kind,
      unitPriceCents: record.unitPriceCents,
      voucherValueCents: record.voucherValueCents,
      serviceDate: adjustment ? record.serviceDate : null,
      note: adjustment ? record.note : null,
      figures,
    })
  })
  const statements = [...vouchers].map(([voucherId, lines]) => {
    const sorted = [...lines.values()].sort(lineOrder)
    return { voucherId, lines: sorted, figures: sumFigures(sorted.map((line) => line.figures)) }
  })
  return { vouchers: statements, figures: sumFigures(statements.map((voucher) => voucher.figures)) }
}
