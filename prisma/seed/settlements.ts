import type { Prisma } from '../../app/generated/prisma/client'
import { at, day, isoDate } from './dates'
import { seedId } from './ids'
import { recordAmounts } from '~/modules/settlements/amounts'

type Input = {
  organisationId: string
  organisationNumber: number
  records: Prisma.ServiceRecordCreateManyInput[]
  approverId: string
}

/** October approved (locked), November open: the sums are those of the organisation's records. */
export function buildSettlements(input: Input): Prisma.MonthlySettlementCreateManyInput[] {
  const months = [
    { month: day('2026-10-01'), approvedAt: at(day('2026-11-06'), 9, 12) },
    { month: day('2026-11-01'), approvedAt: null },
  ]
  return months.map(({ month, approvedAt }) => {
    const records = input.records.filter(
      (record) => record.organisationId === input.organisationId && isoDate(record.month as Date) === isoDate(month),
    )
    const sums = records.reduce(
      (total, record) => {
        const amounts = recordAmounts({
          unitsHundredths: record.unitsHundredths,
          unitPriceCents: record.unitPriceCents,
          voucherValueCents: record.voucherValueCents,
        })
        return {
          unitsHundredths: total.unitsHundredths + record.unitsHundredths,
          voucherShareCents: total.voucherShareCents + amounts.voucherShareCents,
          copaymentCents: total.copaymentCents + amounts.copaymentCents,
          extrasCents: total.extrasCents + (record.extrasCents ?? 0),
        }
      },
      { unitsHundredths: 0, voucherShareCents: 0, copaymentCents: 0, extrasCents: 0 },
    )
    return {
      id: seedId('settlement', input.organisationNumber, isoDate(month).slice(0, 7)),
      organisationId: input.organisationId,
      month,
      status: approvedAt ? 'APPROVED' : 'OPEN',
      ...sums,
      approvedById: approvedAt ? input.approverId : null,
      approvedAt,
      version: approvedAt ? 1 : 0,
    }
  })
}
