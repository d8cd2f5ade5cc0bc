import { approveSettlement } from '~/modules/settlements/approve.server'
import { claimOpenMonth } from '~/modules/settlements/month-lock.server'
import { prisma } from '~/utils/db.server'
import { createVoucherWorld, type VoucherWorld } from './voucher-fixtures'

export const october = new Date('2026-10-01')
export const november = new Date('2026-11-01')
/** a day in December 2026: October and November have ended */
export const afterNovember = new Date('2026-12-03T10:00:00Z')

/** Records service the way the provider's service does: claim the open month, then insert, in one transaction. */
export async function recordService(world: VoucherWorld, input: { units: number; day: string; month: Date; extras?: number }) {
  return prisma.$transaction(async (tx) => {
    await claimOpenMonth(tx, world.organisation.id, input.month)
    return tx.serviceRecord.create({
      data: {
        voucherId: world.voucher.id,
        choiceId: world.choice.id,
        organisationId: world.organisation.id,
        serviceDate: new Date(input.day),
        month: input.month,
        unitsHundredths: input.units,
        unitPriceCents: 3800,
        voucherValueCents: 3000,
        extrasCents: input.extras ?? 0,
        kind: 'DELIVERY',
        createdById: world.users.owner.id,
      },
    })
  })
}

/** The settlement's version as the reviewer's page would have seen it. */
export async function settlementVersion(world: VoucherWorld, month: Date): Promise<number> {
  const row = await prisma.monthlySettlement.findUnique({
    where: { organisationId_month: { organisationId: world.organisation.id, month } },
    select: { version: true },
  })
  return row?.version ?? 0
}

/**
 * The voucher world with service recorded in October and November; October approved by the reviewer (an APPROVED
 * settlement, a Payment, audit events and outbox emails), November still open.
 */
export async function createSettledWorld() {
  const world = await createVoucherWorld()
  await recordService(world, { units: 150, day: '2026-10-06', month: october })
  await recordService(world, { units: 200, day: '2026-10-20', month: october, extras: 500 })
  await recordService(world, { units: 100, day: '2026-11-04', month: november })
  const approved = await approveSettlement(
    world.users.reviewer,
    { organisationId: world.organisation.id, month: october, seenVersion: await settlementVersion(world, october) },
    afterNovember,
  )
  if (!approved.ok) throw new Error(`approval refused: ${approved.error}`)
  return world
}
