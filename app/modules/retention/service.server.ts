import { recordAudit } from '~/modules/audit/audit.server'
import { helsinkiToday, utcDate } from '~/modules/documents/dates'
import { prisma } from '~/utils/db.server'
import { env } from '~/utils/env.server'
import { anonymisedClient, anonymisedVoucherCode, dayOneOfBirthYear } from './tombstones'

/**
 * Retention of clients' personal data (docs/personal-data.md). A client is anonymised when their last voucher ended
 * more than RETENTION_YEARS ago: a voucher ends on its `validTo` (a cancelled or exhausted voucher ended no later
 * than that, so the rule may keep data a little longer, never shorter). A client who never had a voucher counts
 * from the day they were created.
 *
 * What stays: the client row and its id (vouchers, service records, settlements, payments and the follow-up point at
 * it; the bookkeeping must still add up), municipality, preferred language and the year of birth (statistics by age
 * group). What goes: names, identity code (an irreversible tombstone in both the cipher and the unique hash),
 * address, phone, email, the full date of birth; on the vouchers the code (so nobody can open them again), the
 * income and household size and the free-text reasons; client sessions; feedback texts; the providers' decline
 * reasons; sent emails to the client's address. Service records stay exactly as they are, notes included: they are
 * the bookkeeping of approved months, which the database refuses to change. Clients store no documents (uploaded documents
 * belong to organisations), so there are none to delete. The append-only audit log is not touched: its events carry
 * ids, not personal data, and it is kept for its own period.
 *
 * One transaction per client, so a failure leaves each client either as it was or fully anonymised; a client
 * already anonymised is never picked again, so the job is idempotent and safe to run on several instances (the row
 * is re-checked under a lock).
 */
export async function anonymiseExpiredClients(now: Date, retentionYears: number = env().RETENTION_YEARS): Promise<{ anonymised: number }> {
  const cutoff = retentionCutoff(now, retentionYears)
  const candidates = await prisma.$queryRaw<{ id: string }[]>`
    SELECT c."id" FROM "Client" c
    WHERE c."anonymisedAt" IS NULL
      AND COALESCE((SELECT max(v."validTo") FROM "Voucher" v WHERE v."clientId" = c."id"), c."createdAt"::date) < ${cutoff}
    ORDER BY c."id"`
  let anonymised = 0
  for (const { id } of candidates) {
    if (await anonymiseClient(id, now, cutoff, retentionYears)) anonymised += 1
  }
  return { anonymised }
}

/** The first day that still counts as recent: today in Helsinki, minus the retention years (29 Feb → 28 Feb). */
export function retentionCutoff(now: Date, retentionYears: number): Date {
  const [year, month, day] = helsinkiToday(now).split('-').map(Number) as [number, number, number]
  const cutoff = new Date(Date.UTC(year - retentionYears, month - 1, day))
  if (cutoff.getUTCMonth() !== month - 1) cutoff.setUTCDate(0)
  return utcDate(cutoff.toISOString().slice(0, 10))
}

async function anonymiseClient(clientId: string, now: Date, cutoff: Date, retentionYears: number): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ id: string }[]>`
      SELECT c."id" FROM "Client" c
      WHERE c."id" = ${clientId} AND c."anonymisedAt" IS NULL
        AND COALESCE((SELECT max(v."validTo") FROM "Voucher" v WHERE v."clientId" = c."id"), c."createdAt"::date) < ${cutoff}
      FOR UPDATE SKIP LOCKED`
    if (locked.length === 0) return false
    const client = await tx.client.findUniqueOrThrow({ where: { id: clientId }, select: { dateOfBirth: true, email: true } })
    const vouchers = await tx.voucher.findMany({ where: { clientId }, select: { id: true } })
    const voucherIds = vouchers.map((voucher) => voucher.id)
    await tx.client.update({
      where: { id: clientId },
      data: { ...anonymisedClient(clientId), dateOfBirth: dayOneOfBirthYear(client.dateOfBirth), anonymisedAt: now },
    })
    for (const voucherId of voucherIds) {
      await tx.voucher.update({
        where: { id: voucherId },
        data: { code: anonymisedVoucherCode(voucherId), householdSize: null, grossMonthlyIncomeCents: null, overrideReason: null, cancelledReason: null },
      })
    }
    await tx.clientSession.deleteMany({ where: { voucherId: { in: voucherIds } } })
    await tx.feedback.updateMany({ where: { voucherId: { in: voucherIds } }, data: { text: null } })
    await tx.choice.updateMany({ where: { voucherId: { in: voucherIds } }, data: { declineReason: null } })
    if (client.email) {
      await tx.emailOutbox.deleteMany({ where: { toAddress: { equals: client.email, mode: 'insensitive' }, status: { not: 'PENDING' } } })
    }
    await recordAudit(tx, { actorId: null, action: 'client.anonymised', entityType: 'Client', entityId: clientId, after: { retentionYears } })
    return true
  })
}
