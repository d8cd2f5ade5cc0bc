import { describe, expect, it } from 'vitest'
import { prisma } from '~/utils/db.server'
import { createVoucherWorld } from '../../../tests/support/voucher-fixtures'
import { claimOpenMonth, MonthLockedError } from '../settlements/month-lock.server'
import { consumeUnits, UnitsExceededError } from './units.server'

const november = new Date('2026-11-01')

describe('voucher units', () => {
  it('uses a monthly grant up to the limit and refuses the next hundredth, leaving the month unchanged', async () => {
    const { voucher } = await createVoucherWorld({ unitsPerMonth: 10 })
    await prisma.$transaction((tx) => consumeUnits(tx, voucher, november, 950))
    await expect(prisma.$transaction((tx) => consumeUnits(tx, voucher, november, 51))).rejects.toBeInstanceOf(UnitsExceededError)
    await prisma.$transaction((tx) => consumeUnits(tx, voucher, november, 50))
    const month = await prisma.voucherMonth.findUniqueOrThrow({ where: { voucherId_month: { voucherId: voucher.id, month: november } } })
    expect(month).toMatchObject({ unitsGranted: 1000, unitsUsed: 1000 })
  })

  it('gives units back with a negative number, never below zero', async () => {
    const { voucher } = await createVoucherWorld({ unitsPerMonth: 4 })
    await prisma.$transaction((tx) => consumeUnits(tx, voucher, november, 300))
    await prisma.$transaction((tx) => consumeUnits(tx, voucher, november, -100))
    await expect(prisma.$transaction((tx) => consumeUnits(tx, voucher, november, -201))).rejects.toBeInstanceOf(UnitsExceededError)
    const month = await prisma.voucherMonth.findUniqueOrThrow({ where: { voucherId_month: { voucherId: voucher.id, month: november } } })
    expect(month.unitsUsed).toBe(200)
  })

  it('counts a total grant across months', async () => {
    const { voucher } = await createVoucherWorld({ unitsTotal: 3 })
    await prisma.$transaction((tx) => consumeUnits(tx, voucher, new Date('2026-10-01'), 200))
    await expect(prisma.$transaction((tx) => consumeUnits(tx, voucher, november, 101))).rejects.toBeInstanceOf(UnitsExceededError)
    await prisma.$transaction((tx) => consumeUnits(tx, voucher, november, 100))
    expect((await prisma.voucher.findUniqueOrThrow({ where: { id: voucher.id } })).totalUnitsUsed).toBe(300)
  })

  it('refuses over-use in the database itself, whatever the code does', async () => {
    const { voucher } = await createVoucherWorld({ unitsTotal: 2 })
    await expect(prisma.voucher.update({ where: { id: voucher.id }, data: { totalUnitsUsed: 201 } })).rejects.toThrow(/Voucher_total_units_within_grant/)
  })
})

describe('the month lock', () => {
  it('opens the month once and bumps its version on every claim', async () => {
    const { organisation } = await createVoucherWorld()
    await prisma.$transaction((tx) => claimOpenMonth(tx, organisation.id, november))
    await prisma.$transaction((tx) => claimOpenMonth(tx, organisation.id, november))
    const settlement = await prisma.monthlySettlement.findUniqueOrThrow({
      where: { organisationId_month: { organisationId: organisation.id, month: november } },
    })
    expect(settlement).toMatchObject({ status: 'OPEN', version: 2 })
  })

  it('refuses an approved month, and the database refuses its records and any change to it', async () => {
    const world = await createVoucherWorld()
    await prisma.$transaction((tx) => claimOpenMonth(tx, world.organisation.id, november))
    const where = { organisationId_month: { organisationId: world.organisation.id, month: november } }
    await prisma.monthlySettlement.update({ where, data: { status: 'APPROVED', approvedAt: new Date() } })
    await expect(prisma.$transaction((tx) => claimOpenMonth(tx, world.organisation.id, november))).rejects.toBeInstanceOf(MonthLockedError)
    await expect(prisma.monthlySettlement.update({ where, data: { copaymentCents: 1 } })).rejects.toThrow(/approved settlement/)
    await expect(
      prisma.serviceRecord.create({
        data: {
          voucherId: world.voucher.id,
          choiceId: world.choice.id,
          organisationId: world.organisation.id,
          serviceDate: new Date('2026-11-03'),
          month: november,
          unitsHundredths: 100,
          unitPriceCents: 3800,
          voucherValueCents: 3000,
          createdById: world.users.owner.id,
        },
      }),
    ).rejects.toThrow(/approved and locked/)
  })
})
