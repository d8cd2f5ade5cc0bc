import { beforeAll, describe, expect, it } from 'vitest'
import { openClientSession } from '~/modules/client-access/session.server'
import { decryptIdentityCode } from '~/modules/clients/identity-code.server'
import { clientIdByIdentityCode } from '~/modules/clients/service.server'
import { prisma } from '~/utils/db.server'
import { createClient, createVoucher, createVoucherWorld, type VoucherWorld } from '../../../tests/support/voucher-fixtures'
import { anonymiseExpiredClients, retentionCutoff } from './service.server'

/**
 * A fixed clock around the boundary. With 6 years of retention, a voucher valid to 2026-12-31 ends the client's
 * retention at the end of 2032-12-31 in Helsinki: 2032-12-31T21:59Z is still that day there (UTC+2), 22:00Z is 2033.
 */
const stillKept = new Date('2032-12-31T21:59:00Z')
const justExpired = new Date('2032-12-31T22:00:00Z')

let world: VoucherWorld
let code: string
let recent: { clientId: string; voucherId: string }
let neverHadVoucher: string

beforeAll(async () => {
  world = await createVoucherWorld({ validTo: new Date('2026-12-31') })
  code = decryptIdentityCode(world.client.identityCodeCipher)
  await prisma.voucher.update({ where: { id: world.voucher.id }, data: { householdSize: 2, grossMonthlyIncomeCents: 250_000, overrideReason: 'käsin' } })
  await prisma.choice.update({ where: { id: world.choice.id }, data: { declineReason: 'ei tilaa' } })
  await prisma.feedback.create({ data: { voucherId: world.voucher.id, organisationId: world.organisation.id, rating: 4, text: 'Ingrid was happy with Anna' } })
  await prisma.serviceRecord.create({
    data: {
      voucherId: world.voucher.id,
      choiceId: world.choice.id,
      organisationId: world.organisation.id,
      serviceDate: new Date('2026-03-03'),
      month: new Date('2026-03-01'),
      unitsHundredths: 250,
      unitPriceCents: 3800,
      voucherValueCents: 3000,
      createdById: world.users.owner.id,
    },
  })
  await openClientSession(world.voucher.id)
  await prisma.emailOutbox.create({ data: { toAddress: 'INGRID@example.com', locale: 'sv', template: 'choice-accepted', props: { name: 'Ingrid' }, status: 'SENT' } })
  await prisma.emailOutbox.create({ data: { toAddress: 'someone.else@example.com', locale: 'sv', template: 'choice-accepted', props: {}, status: 'SENT' } })

  // an older voucher and a newer one: the newer one keeps the client
  const second = await createClient()
  await createVoucher(second.id, world.categories.homeCare.id, world.users.reviewer.id, { validFrom: new Date('2020-01-01'), validTo: new Date('2020-06-30') })
  const newer = await createVoucher(second.id, world.categories.homeCare.id, world.users.reviewer.id, { validTo: new Date('2028-01-01') })
  recent = { clientId: second.id, voucherId: newer.id }

  const third = await createClient()
  await prisma.client.update({ where: { id: third.id }, data: { createdAt: new Date('2027-06-01T10:00:00Z') } })
  neverHadVoucher = third.id
})

async function serviceTotals() {
  return prisma.serviceRecord.aggregate({ _sum: { unitsHundredths: true, unitPriceCents: true, voucherValueCents: true }, _count: true })
}

describe('anonymising clients after the retention period', () => {
  it('computes the cutoff in Helsinki days, 29 February giving 28 February', () => {
    expect(retentionCutoff(stillKept, 6).toISOString().slice(0, 10)).toBe('2026-12-31')
    expect(retentionCutoff(justExpired, 6).toISOString().slice(0, 10)).toBe('2027-01-01')
    expect(retentionCutoff(new Date('2028-02-29T12:00:00Z'), 1).toISOString().slice(0, 10)).toBe('2027-02-28')
  })

  it('keeps everyone until the last voucher has ended more than the retention years ago', async () => {
    expect(await anonymiseExpiredClients(stillKept, 6)).toEqual({ anonymised: 0 })
    const client = await prisma.client.findUniqueOrThrow({ where: { id: world.client.id } })
    expect(client.anonymisedAt).toBeNull()
    expect(client.firstName).toBe('Ingrid')
    expect(await clientIdByIdentityCode(code)).toBe(world.client.id)
  })

  it('then removes everything that identifies the client, and keeps the bookkeeping adding up', async () => {
    const totalsBefore = await serviceTotals()
    const settlementRowsBefore = await prisma.serviceRecord.count({ where: { voucherId: world.voucher.id } })
    expect(await anonymiseExpiredClients(justExpired, 6)).toEqual({ anonymised: 1 })

    const client = await prisma.client.findUniqueOrThrow({ where: { id: world.client.id } })
    expect(client).toMatchObject({
      firstName: '—',
      lastName: '—',
      identityCodeCipher: 'anonymised',
      identityCodeHash: `anonymised:${world.client.id}`,
      streetAddress: null,
      postalCode: null,
      phone: null,
      email: null,
      anonymisedAt: justExpired,
      municipalityCode: '545',
      preferredLanguage: 'sv',
    })
    expect(client.dateOfBirth.toISOString().slice(0, 10)).toBe('1941-01-01')
    expect(JSON.stringify(client)).not.toContain(code.slice(7))
    expect(await clientIdByIdentityCode(code)).toBeNull()

    const voucher = await prisma.voucher.findUniqueOrThrow({ where: { id: world.voucher.id } })
    expect(voucher).toMatchObject({ code: `anonymised:${world.voucher.id}`, householdSize: null, grossMonthlyIncomeCents: null, overrideReason: null })
    expect(voucher.valueCents).toBe(world.voucher.valueCents)
    expect(await prisma.clientSession.count({ where: { voucherId: world.voucher.id } })).toBe(0)
    expect(await prisma.feedback.findFirstOrThrow({ where: { voucherId: world.voucher.id } })).toMatchObject({ text: null, rating: 4 })
    expect((await prisma.choice.findUniqueOrThrow({ where: { id: world.choice.id } })).declineReason).toBeNull()
    expect(await prisma.emailOutbox.findMany({ select: { toAddress: true } })).toEqual([{ toAddress: 'someone.else@example.com' }])

    expect(await serviceTotals()).toEqual(totalsBefore)
    expect(await prisma.serviceRecord.count({ where: { voucherId: world.voucher.id } })).toBe(settlementRowsBefore)

    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { action: 'client.anonymised', entityId: world.client.id } })
    expect(audit).toMatchObject({ actorId: null, entityType: 'Client', after: { retentionYears: 6 } })
  })

  it('is idempotent and leaves clients with a recent voucher alone', async () => {
    const before = await prisma.client.findMany({ orderBy: { id: 'asc' } })
    expect(await anonymiseExpiredClients(justExpired, 6)).toEqual({ anonymised: 0 })
    expect(await prisma.client.findMany({ orderBy: { id: 'asc' } })).toEqual(before)
    expect(await prisma.auditEvent.count({ where: { action: 'client.anonymised' } })).toBe(1)
    const kept = await prisma.client.findUniqueOrThrow({ where: { id: recent.clientId } })
    expect(kept.anonymisedAt).toBeNull()
    expect((await prisma.voucher.findUniqueOrThrow({ where: { id: recent.voucherId } })).code).not.toMatch(/^anonymised/)
  })

  it('counts a client who never had a voucher from the day they were created', async () => {
    expect((await prisma.client.findUniqueOrThrow({ where: { id: neverHadVoucher } })).anonymisedAt).toBeNull()
    expect(await anonymiseExpiredClients(new Date('2033-06-01T20:59:00Z'), 6)).toEqual({ anonymised: 0 })
    // midnight in Helsinki (summer time, UTC+3) starts 2 June 2033: created on 1 June 2027 is more than 6 years ago
    expect(await anonymiseExpiredClients(new Date('2033-06-01T21:00:00Z'), 6)).toEqual({ anonymised: 1 })
    expect((await prisma.client.findUniqueOrThrow({ where: { id: neverHadVoucher } })).anonymisedAt).not.toBeNull()
  })
})
