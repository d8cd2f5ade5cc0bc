import { isoDate } from '~/modules/documents/dates'
import { currentMonth } from '~/modules/settlements/month'
import { recordFigures, sumFigures } from '~/modules/settlements/statement'
import { prisma } from '~/utils/db.server'
import { nextOpenMonth } from './records.server'
import type { CorrectionView, RecordMonthView } from './views'

/**
 * The records of one client of the organisation, month by month (settlement months, newest first, a page of months at
 * a time), with each record's amounts and each month's totals figured as the settlement figures them, and what the
 * provider may do with each record: delete it while its month is open, correct it once the month is approved.
 */
const monthsPerPage = 6

export async function listRecordMonths(
  organisationId: string,
  choiceId: string,
  options: { page?: number; includeCurrent: boolean; now?: Date },
): Promise<{ page: number; pageCount: number; months: RecordMonthView[] }> {
  const where = { choiceId, organisationId }
  const grouped = await prisma.serviceRecord.groupBy({ by: ['month'], where, orderBy: { month: 'desc' } })
  const keys = new Set(grouped.map((row) => isoDate(row.month)))
  if (options.includeCurrent) keys.add(isoDate(currentMonth(options.now)))
  const months = [...keys].sort().reverse()
  const pageCount = Math.max(1, Math.ceil(months.length / monthsPerPage))
  const page = Math.min(Math.max(1, options.page ?? 1), pageCount)
  const pageMonths = months.slice((page - 1) * monthsPerPage, page * monthsPerPage).map((month) => new Date(month))
  const [records, settlements] = await Promise.all([
    prisma.serviceRecord.findMany({
      where: { ...where, month: { in: pageMonths } },
      select: {
        id: true,
        kind: true,
        serviceDate: true,
        month: true,
        unitsHundredths: true,
        unitPriceCents: true,
        voucherValueCents: true,
        extrasCents: true,
        note: true,
        createdAt: true,
      },
      orderBy: [{ serviceDate: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }],
    }),
    prisma.monthlySettlement.findMany({ where: { organisationId, month: { in: pageMonths } }, select: { month: true, status: true } }),
  ])
  const approvedMonths = new Set(settlements.filter((row) => row.status === 'APPROVED').map((row) => isoDate(row.month)))
  const corrections = await prisma.serviceRecord.groupBy({
    by: ['adjustsRecordId'],
    where: { organisationId, adjustsRecordId: { in: records.filter((record) => record.kind === 'DELIVERY').map((record) => record.id) } },
    _sum: { unitsHundredths: true },
  })
  const corrected = new Map(corrections.map((row) => [row.adjustsRecordId, row._sum.unitsHundredths ?? 0]))
  return {
    page,
    pageCount,
    months: pageMonths.map((month) => {
      const approved = approvedMonths.has(isoDate(month))
      const rows = records
        .filter((record) => record.month.getTime() === month.getTime())
        .map((record) => {
          const figures = recordFigures(record)
          const corrections = corrected.get(record.id)
          return {
            id: record.id,
            kind: record.kind,
            serviceDate: isoDate(record.serviceDate),
            unitsHundredths: record.unitsHundredths,
            unitPriceCents: record.unitPriceCents,
            note: record.note,
            figures,
            /** a corrected delivery: its units with every correction */
            correctedUnits: corrections === undefined ? null : record.unitsHundredths + corrections,
            deletable: !approved,
            correctable: approved && record.kind === 'DELIVERY',
          }
        })
      return { month: isoDate(month), approved, records: rows, totals: sumFigures(rows.map((row) => row.figures)) }
    }),
  }
}

/**
 * The delivery a correction form is for (`?correct=<record id>`): the organisation's record of the client in an
 * approved month, with its units after earlier corrections and the month the correction will go to. Null otherwise.
 */
export async function correctionTarget(organisationId: string, choiceId: string, recordId: string): Promise<CorrectionView | null> {
  const record = await prisma.serviceRecord.findFirst({
    where: { id: recordId, choiceId, organisationId, kind: 'DELIVERY' },
    select: { id: true, serviceDate: true, month: true, unitsHundredths: true },
  })
  if (!record) return null
  const settlement = await prisma.monthlySettlement.findUnique({
    where: { organisationId_month: { organisationId, month: record.month } },
    select: { status: true },
  })
  if (settlement?.status !== 'APPROVED') return null
  const [corrections, month] = await Promise.all([
    prisma.serviceRecord.aggregate({ where: { adjustsRecordId: record.id, organisationId }, _sum: { unitsHundredths: true } }),
    nextOpenMonth(prisma, organisationId, record.month),
  ])
  return {
    id: record.id,
    serviceDate: isoDate(record.serviceDate),
    unitsHundredths: record.unitsHundredths,
    correctedUnits: record.unitsHundredths + (corrections._sum.unitsHundredths ?? 0),
    /** the settlement month the correction goes to */
    month: isoDate(month),
  }
}
