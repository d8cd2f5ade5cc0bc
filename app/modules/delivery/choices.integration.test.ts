import { describe, expect, it } from 'vitest'
import { env } from '~/utils/env.server'
import { prisma } from '~/utils/db.server'
import { createClient, createVoucher, createVoucherWorld, type VoucherOptions, type VoucherWorld } from '../../../tests/support/voucher-fixtures'
import { acceptChoice, declineChoice, listChoices, type DeliveryActor } from './choices.server'

const now = new Date('2026-11-23T10:00:00Z')

function actor(world: VoucherWorld, persona: 'owner' | 'editor' = 'owner'): DeliveryActor {
  return { id: world.users[persona].id, organisationId: world.organisation.id, role: persona === 'owner' ? 'provider_owner' : 'provider_editor' }
}

/** A new client who has chosen the organisation's offer: the voucher ASSIGNED, the choice PENDING. */
async function pendingChoice(world: VoucherWorld, client: Parameters<typeof createClient>[0] = {}, voucher: VoucherOptions = {}) {
  const person = await createClient(client)
  const assigned = await createVoucher(person.id, world.categories.homeCare.id, world.users.reviewer.id, { status: 'ASSIGNED', ...voucher })
  const choice = await prisma.choice.create({ data: { voucherId: assigned.id, offerId: world.offer.id } })
  return { client: person, voucher: assigned, choice }
}

const outbox = (to: string) => prisma.emailOutbox.findMany({ where: { toAddress: to }, orderBy: { createdAt: 'asc' } })
const audit = (entityId: string) => prisma.auditEvent.findMany({ where: { entityId }, orderBy: { id: 'asc' } })

describe('accepting a client', () => {
  it('accepts from a start date: the choice ACCEPTED, the voucher ACTIVE, an audit event and the client emailed in their language', async () => {
    const world = await createVoucherWorld()
    const { client, voucher, choice } = await pendingChoice(world, { preferredLanguage: 'fi', email: 'aino@example.com' })
    expect(await acceptChoice(actor(world, 'editor'), choice.id, '2026-11-30', now)).toEqual({ ok: true })
    expect(await prisma.choice.findUniqueOrThrow({ where: { id: choice.id } })).toMatchObject({
      status: 'ACCEPTED',
      startDate: new Date('2026-11-30'),
      decidedAt: now,
    })
    expect((await prisma.voucher.findUniqueOrThrow({ where: { id: voucher.id } })).status).toBe('ACTIVE')
    expect(await audit(choice.id)).toMatchObject([
      { action: 'choice.accept', actorId: world.users.editor.id, after: { status: 'ACCEPTED', startDate: '2026-11-30', voucherStatus: 'ACTIVE' } },
    ])
    const [email, ...more] = await outbox('aino@example.com')
    expect(more).toEqual([])
    expect(email).toMatchObject({
      locale: 'fi',
      template: 'choice-accepted',
      props: {
        name: `${client.firstName} ${client.lastName}`,
        values: { organisation: world.organisation.name, date: '30.11.2026' },
        link: `${env().APP_ORIGIN}/voucher`,
      },
    })
  })

  it('sends no email to a client without an address, and refuses a start date outside the voucher’s validity', async () => {
    const world = await createVoucherWorld()
    const { choice } = await pendingChoice(world, { email: null }, { validFrom: new Date('2026-11-20'), validTo: new Date('2027-05-31') })
    expect(await acceptChoice(actor(world), choice.id, '2026-11-19', now)).toEqual({ ok: false, error: 'startBeforeValidity' })
    expect(await acceptChoice(actor(world), choice.id, '2027-06-01', now)).toEqual({ ok: false, error: 'startAfterValidity' })
    expect((await prisma.choice.findUniqueOrThrow({ where: { id: choice.id } })).status).toBe('PENDING')
    expect(await acceptChoice(actor(world), choice.id, '2026-11-20', now)).toEqual({ ok: true })
    expect(
      await prisma.emailOutbox.count({
        where: { template: 'choice-accepted', props: { path: ['values', 'organisation'], equals: world.organisation.name } },
      }),
    ).toBe(0)
  })

  it('refuses a cancelled voucher', async () => {
    const world = await createVoucherWorld()
    const { voucher, choice } = await pendingChoice(world)
    await prisma.voucher.update({ where: { id: voucher.id }, data: { status: 'CANCELLED', cancelledReason: 'Moved away' } })
    expect(await acceptChoice(actor(world), choice.id, '2026-11-23', now)).toEqual({ ok: false, error: 'voucherNotUsable' })
    expect((await prisma.choice.findUniqueOrThrow({ where: { id: choice.id } })).status).toBe('PENDING')
  })
})

describe('declining a client', () => {
  it('declines with the reason: the voucher ISSUED again and the client emailed in Swedish with the link to choose again', async () => {
    const world = await createVoucherWorld()
    const { client, voucher, choice } = await pendingChoice(world, { preferredLanguage: 'sv', email: 'ingrid.decline@example.com' })
    const reason = 'Vi har inga lediga tider i Närpes just nu.'
    expect(await declineChoice(actor(world), choice.id, reason, now)).toEqual({ ok: true })
    expect(await prisma.choice.findUniqueOrThrow({ where: { id: choice.id } })).toMatchObject({
      status: 'DECLINED',
      declineReason: reason,
      decidedAt: now,
    })
    expect((await prisma.voucher.findUniqueOrThrow({ where: { id: voucher.id } })).status).toBe('ISSUED')
    expect(await audit(choice.id)).toMatchObject([{ action: 'choice.decline', after: { status: 'DECLINED', reason, voucherStatus: 'ISSUED' } }])
    expect(await outbox('ingrid.decline@example.com')).toMatchObject([
      {
        locale: 'sv',
        template: 'choice-declined',
        props: {
          name: `${client.firstName} ${client.lastName}`,
          values: { organisation: world.organisation.name, reason },
          link: `${env().APP_ORIGIN}/voucher`,
        },
      },
    ])
  })
})

describe('deciding twice', () => {
  it('answers a decided choice with its status and changes nothing', async () => {
    const world = await createVoucherWorld()
    const { voucher, choice } = await pendingChoice(world, { email: 'twice@example.com' })
    expect(await acceptChoice(actor(world), choice.id, '2026-11-23', now)).toEqual({ ok: true })
    expect(await declineChoice(actor(world, 'editor'), choice.id, 'Too late', now)).toEqual({
      ok: false,
      error: 'alreadyDecided',
      status: 'ACCEPTED',
    })
    expect(await acceptChoice(actor(world, 'editor'), choice.id, '2026-11-24', now)).toEqual({
      ok: false,
      error: 'alreadyDecided',
      status: 'ACCEPTED',
    })
    expect(await prisma.choice.findUniqueOrThrow({ where: { id: choice.id } })).toMatchObject({
      status: 'ACCEPTED',
      startDate: new Date('2026-11-23'),
    })
    expect((await prisma.voucher.findUniqueOrThrow({ where: { id: voucher.id } })).status).toBe('ACTIVE')
    expect(await outbox('twice@example.com')).toHaveLength(1)
    expect(await audit(choice.id)).toHaveLength(1)
  })

  it('lets exactly one of two members deciding at the same moment win', async () => {
    const world = await createVoucherWorld()
    const { voucher, choice } = await pendingChoice(world, { email: 'race@example.com' })
    const results = await Promise.all([
      acceptChoice(actor(world, 'owner'), choice.id, '2026-11-23', now),
      declineChoice(actor(world, 'editor'), choice.id, 'Full', now),
      acceptChoice(actor(world, 'editor'), choice.id, '2026-11-24', now),
      declineChoice(actor(world, 'owner'), choice.id, 'No places', now),
    ])
    expect(results.filter((result) => result.ok)).toHaveLength(1)
    expect(results.filter((result) => !result.ok).map((result) => !result.ok && result.error)).toEqual([
      'alreadyDecided',
      'alreadyDecided',
      'alreadyDecided',
    ])
    const decided = await prisma.choice.findUniqueOrThrow({ where: { id: choice.id } })
    expect((await prisma.voucher.findUniqueOrThrow({ where: { id: voucher.id } })).status).toBe(decided.status === 'ACCEPTED' ? 'ACTIVE' : 'ISSUED')
    expect(await outbox('race@example.com')).toHaveLength(1)
    expect(await audit(choice.id)).toHaveLength(1)
  })

  it("answers another organisation's choice as not found, and a role without the permission as forbidden", async () => {
    const world = await createVoucherWorld()
    const { choice } = await pendingChoice(world)
    const other: DeliveryActor = { id: world.users.otherProvider.id, organisationId: world.otherOrganisation.id, role: 'provider_owner' }
    expect(await acceptChoice(other, choice.id, '2026-11-23', now)).toEqual({ ok: false, error: 'notFound' })
    expect(await declineChoice(other, choice.id, 'No', now)).toEqual({ ok: false, error: 'notFound' })
    expect(await acceptChoice({ ...actor(world), role: 'staff_admin' }, choice.id, '2026-11-23', now)).toEqual({ ok: false, error: 'forbidden' })
    expect((await prisma.choice.findUniqueOrThrow({ where: { id: choice.id } })).status).toBe('PENDING')
  })
})

describe('the client lists', () => {
  it('puts new choices, current clients and ended ones in their lists, only for the organisation', async () => {
    const world = await createVoucherWorld()
    const pending = await pendingChoice(world)
    const declined = await pendingChoice(world)
    await declineChoice(actor(world), declined.choice.id, 'Full', now)
    const endingSoon = await pendingChoice(world, {}, { status: 'ACTIVE' })
    await prisma.choice.update({
      where: { id: endingSoon.choice.id },
      data: { status: 'ENDED', startDate: new Date('2026-06-01'), endDate: new Date('2026-11-30') },
    })
    const ended = await pendingChoice(world, {}, { status: 'ACTIVE' })
    await prisma.choice.update({
      where: { id: ended.choice.id },
      data: { status: 'ENDED', startDate: new Date('2026-03-01'), endDate: new Date('2026-10-31') },
    })
    const lists = await listChoices(world.organisation.id, { now })
    expect(lists.pending.map((row) => row.id)).toEqual([pending.choice.id])
    expect(lists.current.map((row) => row.id).sort()).toEqual([world.choice.id, endingSoon.choice.id].sort())
    expect(lists.ended.map((row) => row.id).sort()).toEqual([declined.choice.id, ended.choice.id].sort())
    const others = await listChoices(world.otherOrganisation.id, { now })
    expect([...others.pending, ...others.current, ...others.ended]).toEqual([])
  })
})
