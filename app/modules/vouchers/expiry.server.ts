import { recordAudit } from '~/modules/audit/audit.server'
import { helsinkiToday, isoDate, utcDate } from '~/modules/documents/dates'
import { prisma } from '~/utils/db.server'
import { endOpenChoices, isOpenStatus, lockVoucherForChange } from './issuing-changes.server'
import { openStatuses } from './issuing-schema'

/** How often the expiry runs (startBackgroundWorkers): hourly, so it happens within the hour after Helsinki midnight. */
export const voucherExpiryIntervalMs = 60 * 60 * 1000

const batchSize = 200

/**
 * Vouchers still in use (issued, assigned, active) whose last valid day is before today in Helsinki become EXPIRED;
 * their open choices end: a choice waiting for the producer is cancelled, an accepted one ends on the voucher's last
 * day (the producer knew that day when it accepted, so no email). Each voucher is one transaction under its row lock
 * with an audit event by the system (no actor). Idempotent: running it again changes nothing.
 */
export async function expireVouchers(now = new Date()): Promise<{ expired: number }> {
  const today = utcDate(helsinkiToday(now))
  let expired = 0
  let after = ''
  for (;;) {
    const due = await prisma.voucher.findMany({
      where: { status: { in: [...openStatuses] }, validTo: { lt: today }, id: { gt: after } },
      orderBy: { id: 'asc' },
      take: batchSize,
      select: { id: true },
    })
    for (const { id } of due) {
      const changed = await prisma.$transaction(async (tx) => {
        const voucher = await lockVoucherForChange(tx, id)
        // changed meanwhile (cancelled, extended): leave it
        if (!voucher || !isOpenStatus(voucher.status) || voucher.validTo >= today) return false
        const choices = await endOpenChoices(tx, voucher.id, voucher.validTo, { notify: false })
        await tx.voucher.update({ where: { id: voucher.id }, data: { status: 'EXPIRED' } })
        await recordAudit(tx, {
          actorId: null,
          action: 'voucher.expire',
          entityType: 'Voucher',
          entityId: voucher.id,
          before: { status: voucher.status },
          after: { status: 'EXPIRED', validTo: isoDate(voucher.validTo), cancelledChoices: choices.cancelled, endedChoices: choices.ended },
        })
        return true
      })
      if (changed) expired++
    }
    if (due.length < batchSize) return { expired }
    after = due[due.length - 1]?.id ?? after
  }
}
