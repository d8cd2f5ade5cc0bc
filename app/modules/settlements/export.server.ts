import { recordAudit } from '~/modules/audit/audit.server'
import { prisma } from '~/utils/db.server'
import { accountsPayableCsv } from './csv'
import { monthKey } from './month'

/**
 * The accounts-payable CSV of one month: one row per provider whose month is approved, with the sums stored at
 * approval (the records are locked since, so they are the statement's sums). The download is written to the audit
 * log with who took it and how many rows it had.
 */
export async function exportApprovedMonth(actor: { id: string }, month: Date): Promise<{ filename: string; body: string; rows: number }> {
  const settlements = await prisma.monthlySettlement.findMany({
    where: { month, status: 'APPROVED' },
    select: {
      month: true,
      voucherShareCents: true,
      copaymentCents: true,
      extrasCents: true,
      unitsHundredths: true,
      approvedAt: true,
      approvedBy: { select: { name: true } },
      organisation: { select: { name: true, businessId: true } },
    },
    orderBy: [{ organisation: { name: 'asc' } }, { organisationId: 'asc' }],
  })
  const rows = settlements.map((settlement) => ({
    businessId: settlement.organisation.businessId,
    providerName: settlement.organisation.name,
    month: settlement.month,
    voucherShareCents: settlement.voucherShareCents,
    copaymentCents: settlement.copaymentCents,
    extrasCents: settlement.extrasCents,
    unitsHundredths: settlement.unitsHundredths,
    approvedAt: settlement.approvedAt,
    // an approver's account removed later leaves the name empty
    approvedBy: settlement.approvedBy?.name ?? '',
  }))
  const key = monthKey(month)
  await recordAudit(prisma, {
    actorId: actor.id,
    action: 'settlement.export',
    entityType: 'SettlementMonth',
    entityId: key,
    after: { rows: rows.length, voucherShareCents: rows.reduce((sum, row) => sum + row.voucherShareCents, 0) },
  })
  return { filename: `settlements-${key}.csv`, body: accountsPayableCsv(rows), rows: rows.length }
}
