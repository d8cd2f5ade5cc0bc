import { randomUUID } from 'node:crypto'
import { recordAudit } from '~/modules/audit/audit.server'
import { enqueueEmail } from '~/modules/email/outbox.server'
import { prisma, type Tx } from '~/utils/db.server'
import { env } from '~/utils/env.server'
import { formatCents } from '~/utils/format'
import { formatMonth } from './format'
import { hasMonthEnded, monthKey } from './month'
import { buildStatement } from './statement'

export type ApprovalRefusal = 'notFound' | 'notEnded' | 'empty' | 'changed' | 'alreadyApproved'
export type ApprovalResult = { ok: true; settlementId: string; payments: number } | { ok: false; error: ApprovalRefusal }

/** Thrown inside the transaction so that nothing it wrote stays. */
class Refused extends Error {
  constructor(readonly reason: ApprovalRefusal) {
    super(reason)
  }
}

/** Where the provider reads its statement. */
export function statementLink(organisationId: string, month: Date): string {
  return `${env().APP_ORIGIN}/provider/${organisationId}/settlements/${monthKey(month)}`
}

/**
 * Staff approve one provider's month, which locks it (ADR 0008). One transaction: take the settlement row's lock
 * (the lock every record write takes through claimOpenMonth, so no record can be added meanwhile), refuse when it is
 * already approved or its version is not the one the reviewer saw (records were added or changed since the page was
 * loaded), sum the records again inside the lock, store the sums as APPROVED, create one PENDING Payment per voucher
 * whose co-payment for the month is above zero, write the audit event and email every member of the provider in
 * their own language. A month that has not ended in Finland, or has no records, is refused.
 */
export async function approveSettlement(
  actor: { id: string },
  input: { organisationId: string; month: Date; seenVersion: number },
  now = new Date(),
): Promise<ApprovalResult> {
  const organisation = await prisma.organisation.findUnique({ where: { id: input.organisationId }, select: { id: true } })
  if (!organisation) return { ok: false, error: 'notFound' }
  if (!hasMonthEnded(input.month, now)) return { ok: false, error: 'notEnded' }
  try {
    return await prisma.$transaction((tx) => approveInTransaction(tx, actor, input, now))
  } catch (error) {
    if (error instanceof Refused) return { ok: false, error: error.reason }
    throw error
  }
}

async function approveInTransaction(
  tx: Tx,
  actor: { id: string },
  input: { organisationId: string; month: Date; seenVersion: number },
  now: Date,
): Promise<ApprovalResult> {
  const { organisationId, month } = input
  // A month whose records came without a settlement row (none was ever claimed) gets its row here, at version 0.
  await tx.$executeRaw`
    INSERT INTO "MonthlySettlement" ("id", "organisationId", "month", "status", "version")
    VALUES (${randomUUID()}, ${organisationId}, ${month}::date, 'OPEN', 0)
    ON CONFLICT ("organisationId", "month") DO NOTHING`
  const [row] = await tx.$queryRaw<{ id: string; status: 'OPEN' | 'APPROVED'; version: number }[]>`
    SELECT "id", "status", "version" FROM "MonthlySettlement"
    WHERE "organisationId" = ${organisationId} AND "month" = ${month}::date
    FOR UPDATE`
  if (!row) throw new Error('The settlement row disappeared inside its own transaction')
  if (row.status === 'APPROVED') throw new Refused('alreadyApproved')
  if (row.version !== input.seenVersion) throw new Refused('changed')

  const records = await tx.serviceRecord.findMany({
    where: { organisationId, month },
    select: {
      voucherId: true,
      kind: true,
      serviceDate: true,
      unitsHundredths: true,
      unitPriceCents: true,
      voucherValueCents: true,
      extrasCents: true,
      note: true,
    },
    orderBy: [{ serviceDate: 'asc' }, { id: 'asc' }],
  })
  if (records.length === 0) throw new Refused('empty')
  const statement = buildStatement(records)
  const sums = {
    unitsHundredths: statement.figures.unitsHundredths,
    voucherShareCents: statement.figures.voucherShareCents,
    copaymentCents: statement.figures.copaymentCents,
    extrasCents: statement.figures.extrasCents,
  }
  await tx.monthlySettlement.update({
    where: { id: row.id },
    data: { status: 'APPROVED', ...sums, approvedById: actor.id, approvedAt: now },
  })
  const payments = statement.vouchers
    .filter((voucher) => voucher.figures.copaymentCents > 0)
    .map((voucher) => ({ settlementId: row.id, voucherId: voucher.voucherId, amountCents: voucher.figures.copaymentCents }))
  await tx.payment.createMany({ data: payments })
  await recordAudit(tx, {
    actorId: actor.id,
    action: 'settlement.approve',
    entityType: 'MonthlySettlement',
    entityId: row.id,
    before: { status: 'OPEN', version: row.version },
    after: {
      status: 'APPROVED',
      organisationId,
      month: monthKey(month),
      records: statement.figures.records,
      ...sums,
      totalCents: statement.figures.totalCents,
      payments: payments.length,
      paymentsCents: payments.reduce((sum, payment) => sum + payment.amountCents, 0),
    },
  })
  const members = await tx.membership.findMany({
    where: { organisationId, user: { deactivatedAt: null } },
    select: { user: { select: { name: true, email: true, locale: true } } },
    orderBy: { createdAt: 'asc' },
  })
  for (const { user } of members) {
    await enqueueEmail(tx, {
      to: user.email,
      locale: user.locale,
      template: 'settlement-approved',
      props: {
        name: user.name,
        values: { month: formatMonth(month, user.locale), amount: formatCents(sums.voucherShareCents, user.locale) },
        link: statementLink(organisationId, month),
      },
    })
  }
  return { ok: true, settlementId: row.id, payments: payments.length }
}
