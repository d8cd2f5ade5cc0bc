import type { VoucherStatus } from '~/generated/prisma/client'
import { recordAudit } from '~/modules/audit/audit.server'
import type { StaffActor } from '~/modules/clients/service.server'
import { helsinkiToday, isIsoDate, isoDate, utcDate } from '~/modules/documents/dates'
import { enqueueEmail } from '~/modules/email/outbox.server'
import { offerTitle } from '~/modules/offers/texts'
import { prisma, type Tx } from '~/utils/db.server'
import { env } from '~/utils/env.server'
import { formatDate } from '~/utils/format'
import { latestValidTo, openStatuses } from './issuing-schema'

/**
 * Staff changes to an issued voucher: cancelling it (with a reason) and extending its validity. Each is one
 * transaction under the voucher's row lock with its audit event (and, for a cancellation, the producer's emails).
 */

type Failure<E extends string> = { ok: false; error: E }
export type ChangeResult =
  | { ok: true }
  | Failure<'notFound' | 'reasonRequired' | 'dateInvalid'>
  | (Failure<'notAllowed' | 'notLater' | 'tooLong'> & { status: VoucherStatus })

export function isOpenStatus(status: VoucherStatus): boolean {
  return (openStatuses as readonly VoucherStatus[]).includes(status)
}

/**
 * Locks the voucher row for the rest of the transaction (FOR NO KEY UPDATE, as the delivery and choosing changes
 * take it, so they and these never interleave) and reads what the change checks.
 */
export async function lockVoucherForChange(tx: Tx, voucherId: string) {
  const rows = await tx.$queryRaw<{ id: string; status: VoucherStatus; validFrom: Date | string; validTo: Date | string }[]>`
    SELECT "id", "status"::text AS "status", "validFrom", "validTo" FROM "Voucher" WHERE "id" = ${voucherId} FOR NO KEY UPDATE`
  const row = rows[0]
  // raw date columns come back as Date or as text depending on the driver: one shape for the callers
  return row ? { ...row, validFrom: utcDate(isoDate(row.validFrom)), validTo: utcDate(isoDate(row.validTo)) } : null
}

/** Where the producer sees its voucher clients. */
function providerClientsLink(organisationId: string): string {
  return `${env().APP_ORIGIN}/provider/${organisationId}/clients`
}

/**
 * Ends the voucher's open choices on `endDate` inside the caller's transaction: a choice waiting for the producer is
 * CANCELLED, an accepted one ENDED on that day. With `notify`, every active member of an accepted choice's producer
 * is emailed 'voucher-cancelled' in their own language. Returns the ids by what happened to them.
 */
export async function endOpenChoices(tx: Tx, voucherId: string, endDate: Date, options: { notify: boolean }) {
  const choices = await tx.choice.findMany({
    where: { voucherId, status: { in: ['PENDING', 'ACCEPTED'] } },
    select: {
      id: true,
      status: true,
      offer: {
        select: {
          titleFi: true,
          titleSv: true,
          titleEn: true,
          organisationId: true,
          organisation: {
            select: {
              memberships: {
                where: { user: { deactivatedAt: null } },
                orderBy: { createdAt: 'asc' },
                select: { user: { select: { name: true, email: true, locale: true } } },
              },
            },
          },
        },
      },
    },
  })
  const cancelled = choices.filter((choice) => choice.status === 'PENDING').map((choice) => choice.id)
  const accepted = choices.filter((choice) => choice.status === 'ACCEPTED')
  if (cancelled.length) await tx.choice.updateMany({ where: { id: { in: cancelled } }, data: { status: 'CANCELLED' } })
  if (accepted.length) {
    await tx.choice.updateMany({ where: { id: { in: accepted.map((choice) => choice.id) } }, data: { status: 'ENDED', endDate } })
  }
  if (options.notify) {
    for (const choice of accepted) {
      for (const { user } of choice.offer.organisation.memberships) {
        await enqueueEmail(tx, {
          to: user.email,
          locale: user.locale,
          template: 'voucher-cancelled',
          props: {
            name: user.name,
            values: { offer: offerTitle(choice.offer, user.locale)?.text ?? '', date: formatDate(endDate, user.locale) },
            link: providerClientsLink(choice.offer.organisationId),
          },
        })
      }
    }
  }
  return { cancelled, ended: accepted.map((choice) => choice.id) }
}

/**
 * Cancels a voucher in use (issued, assigned or active) with a reason: its open choices end today (Helsinki) and
 * the producer of an accepted choice is told.
 */
export async function cancelVoucher(actor: StaffActor, input: { voucherId: string; reason: string }, now = new Date()): Promise<ChangeResult> {
  const reason = input.reason.trim()
  return prisma.$transaction(async (tx) => {
    const voucher = await lockVoucherForChange(tx, input.voucherId)
    if (!voucher) return { ok: false, error: 'notFound' }
    if (!reason) return { ok: false, error: 'reasonRequired' }
    if (!isOpenStatus(voucher.status)) return { ok: false, error: 'notAllowed', status: voucher.status }
    const today = utcDate(helsinkiToday(now))
    const choices = await endOpenChoices(tx, voucher.id, today, { notify: true })
    await tx.voucher.update({ where: { id: voucher.id }, data: { status: 'CANCELLED', cancelledReason: reason } })
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'voucher.cancel',
      entityType: 'Voucher',
      entityId: voucher.id,
      before: { status: voucher.status },
      after: { status: 'CANCELLED', reason, endDate: isoDate(today), cancelledChoices: choices.cancelled, endedChoices: choices.ended },
    })
    return { ok: true }
  })
}

/**
 * Moves the last day of a voucher in use later (never earlier: a shorter validity is a cancellation), at most five
 * years from its start. The note, if any, goes to the audit log.
 */
export async function extendVoucher(actor: StaffActor, input: { voucherId: string; validTo: string; note?: string | null }): Promise<ChangeResult> {
  return prisma.$transaction(async (tx) => {
    const voucher = await lockVoucherForChange(tx, input.voucherId)
    if (!voucher) return { ok: false, error: 'notFound' }
    if (!isIsoDate(input.validTo)) return { ok: false, error: 'dateInvalid' }
    if (!isOpenStatus(voucher.status)) return { ok: false, error: 'notAllowed', status: voucher.status }
    const current = isoDate(voucher.validTo)
    if (input.validTo <= current) return { ok: false, error: 'notLater', status: voucher.status }
    if (input.validTo > latestValidTo(isoDate(voucher.validFrom))) return { ok: false, error: 'tooLong', status: voucher.status }
    await tx.voucher.update({ where: { id: voucher.id }, data: { validTo: utcDate(input.validTo) } })
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'voucher.extend',
      entityType: 'Voucher',
      entityId: voucher.id,
      before: { validTo: current },
      after: { validTo: input.validTo, note: input.note?.trim() || null },
    })
    return { ok: true }
  })
}
