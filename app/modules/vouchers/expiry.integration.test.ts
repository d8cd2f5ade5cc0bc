import { describe, expect, it } from 'vitest'
import { prisma } from '~/utils/db.server'
import { createVoucher } from '../../../tests/support/voucher-fixtures'
import { expireVouchers } from './expiry.server'
import { createIssuingWorld } from './issuing-fixtures'

const day = (iso: string) => new Date(`${iso}T00:00:00Z`)

describe('the voucher expiry job', () => {
  it('expires vouchers in use after their last day (Helsinki), ends their open choices, and runs again without effect', async () => {
    const world = await createIssuingWorld({ validFrom: day('2026-01-01'), validTo: day('2026-03-31') })
    const issuer = world.users.reviewer.id
    const client = world.client.id
    const category = world.categories.homeCare.id
    const active = world.voucher
    const accepted = world.choice
    const assigned = await createVoucher(client, category, issuer, { status: 'ASSIGNED', validTo: day('2026-03-31') })
    const pending = await prisma.choice.create({ data: { voucherId: assigned.id, offerId: world.otherOffer.id } })
    const issuedLater = await createVoucher(client, category, issuer, { status: 'ISSUED', validTo: day('2026-04-01') })
    const cancelled = await createVoucher(client, category, issuer, { validTo: day('2026-02-28') })
    await prisma.voucher.update({ where: { id: cancelled.id }, data: { status: 'CANCELLED', cancelledReason: 'Moved' } })

    // 00:30 on 1 April in Helsinki is still 31 March in UTC: the day is Helsinki's
    const firstOfApril = new Date('2026-03-31T21:30:00Z')
    expect(await expireVouchers(new Date('2026-03-31T20:30:00Z'))).toEqual({ expired: 0 })
    expect(await expireVouchers(firstOfApril)).toEqual({ expired: 2 })

    const status = async (id: string) => (await prisma.voucher.findUniqueOrThrow({ where: { id } })).status
    expect(await status(active.id)).toBe('EXPIRED')
    expect(await status(assigned.id)).toBe('EXPIRED')
    expect(await status(issuedLater.id)).toBe('ISSUED')
    expect(await status(cancelled.id)).toBe('CANCELLED')
    expect(await prisma.choice.findUniqueOrThrow({ where: { id: accepted.id } })).toMatchObject({ status: 'ENDED', endDate: day('2026-03-31') })
    expect(await prisma.choice.findUniqueOrThrow({ where: { id: pending.id } })).toMatchObject({ status: 'CANCELLED', endDate: null })
    expect(await prisma.auditEvent.findMany({ where: { entityId: active.id } })).toMatchObject([
      { actorId: null, action: 'voucher.expire', before: { status: 'ACTIVE' }, after: { status: 'EXPIRED', validTo: '2026-03-31', endedChoices: [accepted.id] } },
    ])
    // the producer knew the last day when it accepted: no email
    expect(await prisma.emailOutbox.count({ where: { template: { in: ['choice-ended', 'voucher-cancelled'] } } })).toBe(0)

    expect(await expireVouchers(firstOfApril)).toEqual({ expired: 0 })
    expect(await prisma.auditEvent.count({ where: { action: 'voucher.expire' } })).toBe(2)

    expect(await expireVouchers(new Date('2026-04-02T06:00:00Z'))).toEqual({ expired: 1 })
    expect(await status(issuedLater.id)).toBe('EXPIRED')
  })
})
