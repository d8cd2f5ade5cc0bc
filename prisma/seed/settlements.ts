import type { Prisma } from '../../app/generated/prisma/client'
import { at, day, isoDate } from './dates'
import { seedId } from './ids'
import { buildStatement } from '~/modules/settlements/statement'

type Input = {
  organisationId: string
  organisationNumber: number
  records: Prisma.ServiceRecordCreateManyInput[]
  approverId: string
}

export type SettlementsBuild = {
  settlements: Prisma.MonthlySettlementCreateManyInput[]
  /** the approved month's co-payments: one PENDING Payment per voucher whose co-payment is above zero */
  payments: Prisma.PaymentCreateManyInput[]
}

/**
 * October approved (locked), November open, as staff approval leaves them (app/modules/settlements/approve.server.ts):
 * the sums are the statement of the organisation's records, and the approved month has its co-payments.
 */
export function buildSettlements(input: Input): SettlementsBuild {
  const months = [
    { month: day('2026-10-01'), approvedAt: at(day('2026-11-06'), 9, 12) },
    { month: day('2026-11-01'), approvedAt: null },
  ]
  const build: SettlementsBuild = { settlements: [], payments: [] }
  for (const { month, approvedAt } of months) {
    const records = input.records.filter(
      (record) => record.organisationId === input.organisationId && isoDate(record.month as Date) === isoDate(month),
    )
    const statement = buildStatement(
      records.map((record) => ({
        voucherId: record.voucherId,
        kind: record.kind ?? 'DELIVERY',
        serviceDate: record.serviceDate as Date,
        unitsHundredths: record.unitsHundredths,
        unitPriceCents: record.unitPriceCents,
        voucherValueCents: record.voucherValueCents,
        extrasCents: record.extrasCents ?? 0,
        note: record.note ?? null,
      })),
    )
    const id = seedId('settlement', input.organisationNumber, isoDate(month).slice(0, 7))
    build.settlements.push({
      id,
      organisationId: input.organisationId,
      month,
      status: approvedAt ? 'APPROVED' : 'OPEN',
      unitsHundredths: statement.figures.unitsHundredths,
      voucherShareCents: statement.figures.voucherShareCents,
      copaymentCents: statement.figures.copaymentCents,
      extrasCents: statement.figures.extrasCents,
      approvedById: approvedAt ? input.approverId : null,
      approvedAt,
      version: approvedAt ? 1 : 0,
    })
    if (!approvedAt) continue
    for (const voucher of statement.vouchers) {
      if (voucher.figures.copaymentCents <= 0) continue
      build.payments.push({
        id: `${id}-payment-${voucher.voucherId}`,
        settlementId: id,
        voucherId: voucher.voucherId,
        amountCents: voucher.figures.copaymentCents,
        status: 'PENDING',
        createdAt: approvedAt,
        updatedAt: approvedAt,
      })
    }
  }
  return build
}

/**
 * The service records, then the settlements and their payments. Rows that exist already are left as they are; the
 * records of a second run are left out before the insert, because the database refuses any insert into an approved
 * month, even one that would be skipped as a duplicate.
 */
export async function insertRecordsAndSettlements(
  tx: Prisma.TransactionClient,
  records: Prisma.ServiceRecordCreateManyInput[],
  build: SettlementsBuild,
): Promise<void> {
  const existing = await tx.serviceRecord.findMany({ where: { id: { in: records.map((record) => record.id!) } }, select: { id: true } })
  const written = new Set(existing.map((record) => record.id))
  await tx.serviceRecord.createMany({ data: records.filter((record) => !written.has(record.id!)), skipDuplicates: true })
  await tx.monthlySettlement.createMany({ data: build.settlements, skipDuplicates: true })
  await tx.payment.createMany({ data: build.payments, skipDuplicates: true })
}
