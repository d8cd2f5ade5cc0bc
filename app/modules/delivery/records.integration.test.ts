import { describe, expect, it } from 'vitest'
import { claimOpenMonth } from '~/modules/settlements/month-lock.server'
import { prisma } from '~/utils/db.server'
import { createVoucherWorld, type VoucherOptions, type VoucherWorld } from '../../../tests/support/voucher-fixtures'
import type { DeliveryActor } from './choices.server'
import { createAdjustment, createRecord, deleteRecord } from './records.server'

const now = new Date('2026-11-23T10:00:00Z')
const october = new Date('2026-10-01')
const november = new Date('2026-11-01')

function actor(world: VoucherWorld): DeliveryActor {
  return { id: world.users.owner.id, organisationId: world.organisation.id, role: 'provider_owner' }
}

function record(
  world: VoucherWorld,
  serviceDate: string,
  units: number,
  extra: { id: string; quantity: number } | null = null,
  note: string | null = null,
) {
  return createRecord(actor(world), world.choice.id, { serviceDate, units, note, extra }, now)
}

/** Approves a month the way staff do, in its own transaction under the month's lock. */
async function approve(organisationId: string, month: Date) {
  await prisma.$transaction(async (tx) => {
    await claimOpenMonth(tx, organisationId, month)
    await tx.monthlySettlement.update({ where: { organisationId_month: { organisationId, month } }, data: { status: 'APPROVED', approvedAt: now } })
  })
}

const monthUsed = async (voucherId: string, month: Date) =>
  (await prisma.voucherMonth.findUnique({ where: { voucherId_month: { voucherId, month } } }))?.unitsUsed ?? 0
const records = (voucherId: string) => prisma.serviceRecord.findMany({ where: { voucherId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] })

async function world(options: VoucherOptions = {}) {
  return createVoucherWorld(options)
}

describe('recording delivered service', () => {
  it('stores the units, the price in force on the service day, the voucher value and the month, with an audit event', async () => {
    const w = await world()
    await prisma.offerPrice.create({ data: { offerId: w.offer.id, priceCents: 4000, effectiveFrom: new Date('2026-11-15') } })
    const before = await record(w, '2026-11-10', 150, null, 'Shopping and cleaning')
    const after = await record(w, '2026-11-20', 200)
    expect(before.ok && after.ok).toBe(true)
    const [first, second] = await records(w.voucher.id)
    expect(first).toMatchObject({
      kind: 'DELIVERY',
      choiceId: w.choice.id,
      organisationId: w.organisation.id,
      serviceDate: new Date('2026-11-10'),
      month: november,
      unitsHundredths: 150,
      unitPriceCents: 3800,
      voucherValueCents: 3000,
      extrasCents: 0,
      note: 'Shopping and cleaning',
      createdById: w.users.owner.id,
    })
    expect(second).toMatchObject({ unitsHundredths: 200, unitPriceCents: 4000 })
    expect(await monthUsed(w.voucher.id, november)).toBe(350)
    const events = await prisma.auditEvent.findMany({ where: { action: 'service-record.create', entityId: first?.id } })
    expect(events).toMatchObject([{ actorId: w.users.owner.id, after: { serviceDate: '2026-11-10', unitsHundredths: 150, unitPriceCents: 3800 } }])
    expect(
      (await prisma.monthlySettlement.findUniqueOrThrow({ where: { organisationId_month: { organisationId: w.organisation.id, month: november } } }))
        .status,
    ).toBe('OPEN')
  })

  it('bills an extra service of the offer to the client, and refuses another offer’s', async () => {
    const w = await world()
    const extra = await prisma.offerExtraService.create({ data: { offerId: w.offer.id, nameSv: 'Fönstertvätt', priceCents: 4500 } })
    const foreign = await prisma.offerExtraService.create({ data: { offerId: w.otherOffer.id, nameSv: 'Bastu', priceCents: 1000 } })
    expect((await record(w, '2026-11-02', 100, { id: extra.id, quantity: 2 })).ok).toBe(true)
    expect(await record(w, '2026-11-03', 100, { id: foreign.id, quantity: 1 })).toEqual({ ok: false, error: 'extraUnknown' })
    expect((await records(w.voucher.id)).map((row) => row.extrasCents)).toEqual([9000])
    expect(await monthUsed(w.voucher.id, november)).toBe(100)
  })

  it('refuses a day in the future, before the start, after the end of an ended choice and outside the voucher’s validity', async () => {
    const w = await world({ validFrom: new Date('2026-01-01'), validTo: new Date('2026-11-20') })
    expect(await record(w, '2026-11-24', 100)).toEqual({ ok: false, error: 'future' })
    await prisma.choice.update({ where: { id: w.choice.id }, data: { startDate: new Date('2026-11-05') } })
    expect(await record(w, '2026-11-04', 100)).toEqual({ ok: false, error: 'beforeStart' })
    expect(await record(w, '2026-11-21', 100)).toEqual({ ok: false, error: 'outsideValidity' })
    await prisma.choice.update({ where: { id: w.choice.id }, data: { status: 'ENDED', endDate: new Date('2026-11-15') } })
    expect(await record(w, '2026-11-16', 100)).toEqual({ ok: false, error: 'afterEnd' })
    expect((await record(w, '2026-11-15', 100)).ok).toBe(true)
    expect((await records(w.voucher.id)).map((row) => row.serviceDate)).toEqual([new Date('2026-11-15')])
    expect(await monthUsed(w.voucher.id, november)).toBe(100)
  })

  it('refuses a pending choice, a cancelled voucher and another organisation’s choice', async () => {
    const w = await world()
    await prisma.choice.update({ where: { id: w.choice.id }, data: { status: 'PENDING' } })
    expect(await record(w, '2026-11-10', 100)).toEqual({ ok: false, error: 'choiceNotActive' })
    await prisma.choice.update({ where: { id: w.choice.id }, data: { status: 'ACCEPTED' } })
    await prisma.voucher.update({ where: { id: w.voucher.id }, data: { status: 'CANCELLED', cancelledReason: 'Moved away' } })
    expect(await record(w, '2026-11-10', 100)).toEqual({ ok: false, error: 'voucherCancelled' })
    const other: DeliveryActor = { id: w.users.otherProvider.id, organisationId: w.otherOrganisation.id, role: 'provider_owner' }
    expect(await createRecord(other, w.choice.id, { serviceDate: '2026-11-10', units: 100, note: null, extra: null }, now)).toEqual({
      ok: false,
      error: 'notFound',
    })
    expect(
      await createRecord(
        { ...actor(w), role: 'staff_reviewer' },
        w.choice.id,
        { serviceDate: '2026-11-10', units: 100, note: null, extra: null },
        now,
      ),
    ).toEqual({
      ok: false,
      error: 'forbidden',
    })
    expect(await records(w.voucher.id)).toEqual([])
    // nothing was claimed for a refused record
    expect(await prisma.monthlySettlement.count({ where: { organisationId: { in: [w.organisation.id, w.otherOrganisation.id] } } })).toBe(0)
  })

  it('never goes over the month’s grant, and says how much is left', async () => {
    const w = await world({ unitsPerMonth: 10 })
    expect((await record(w, '2026-11-02', 950)).ok).toBe(true)
    expect(await record(w, '2026-11-03', 100)).toEqual({ ok: false, error: 'unitsExceeded', month: '2026-11-01', unitsLeft: 50, unit: 'HOUR' })
    expect((await record(w, '2026-11-03', 50)).ok).toBe(true)
    // another month has its own grant
    expect((await record(w, '2026-10-30', 1000)).ok).toBe(true)
    expect(await monthUsed(w.voucher.id, november)).toBe(1000)
    expect(await monthUsed(w.voucher.id, october)).toBe(1000)
    expect((await records(w.voucher.id)).reduce((sum, row) => sum + row.unitsHundredths, 0)).toBe(2000)
  })

  it('marks a total grant EXHAUSTED when it is used up, and ACTIVE again when a record is deleted', async () => {
    const w = await world({ unitsTotal: 3 })
    expect((await record(w, '2026-10-10', 200)).ok).toBe(true)
    expect(await record(w, '2026-11-10', 200)).toEqual({ ok: false, error: 'unitsExceeded', month: null, unitsLeft: 100, unit: 'HOUR' })
    const last = await record(w, '2026-11-10', 100)
    expect(last.ok).toBe(true)
    expect(await prisma.voucher.findUniqueOrThrow({ where: { id: w.voucher.id } })).toMatchObject({ status: 'EXHAUSTED', totalUnitsUsed: 300 })
    if (!last.ok) return
    expect(await deleteRecord(actor(w), w.choice.id, last.recordId)).toEqual({ ok: true, recordId: last.recordId })
    expect(await prisma.voucher.findUniqueOrThrow({ where: { id: w.voucher.id } })).toMatchObject({ status: 'ACTIVE', totalUnitsUsed: 200 })
  })

  it('refuses a day of an approved month and writes nothing', async () => {
    const w = await world()
    await approve(w.organisation.id, october)
    const settlement = () =>
      prisma.monthlySettlement.findUniqueOrThrow({ where: { organisationId_month: { organisationId: w.organisation.id, month: october } } })
    const version = (await settlement()).version
    expect(await record(w, '2026-10-15', 100)).toEqual({ ok: false, error: 'monthLocked', month: '2026-10-01' })
    expect(await records(w.voucher.id)).toEqual([])
    expect(await monthUsed(w.voucher.id, october)).toBe(0)
    expect((await settlement()).version).toBe(version)
  })
})

describe('deleting a record', () => {
  it('deletes a record of an open month and gives its units back, with an audit event', async () => {
    const w = await world()
    const created = await record(w, '2026-11-10', 300)
    if (!created.ok) throw new Error('not recorded')
    expect(await deleteRecord(actor(w), w.choice.id, created.recordId)).toEqual({ ok: true, recordId: created.recordId })
    expect(await records(w.voucher.id)).toEqual([])
    expect(await monthUsed(w.voucher.id, november)).toBe(0)
    expect(await prisma.auditEvent.findMany({ where: { entityId: created.recordId }, orderBy: { id: 'asc' } })).toMatchObject([
      { action: 'service-record.create' },
      { action: 'service-record.delete', before: { unitsHundredths: 300, serviceDate: '2026-11-10' } },
    ])
  })

  it('refuses a record of an approved month, and another organisation’s record', async () => {
    const w = await world()
    const created = await record(w, '2026-10-10', 300)
    if (!created.ok) throw new Error('not recorded')
    const other: DeliveryActor = { id: w.users.otherProvider.id, organisationId: w.otherOrganisation.id, role: 'provider_owner' }
    expect(await deleteRecord(other, w.choice.id, created.recordId)).toEqual({ ok: false, error: 'notFound' })
    await approve(w.organisation.id, october)
    expect(await deleteRecord(actor(w), w.choice.id, created.recordId)).toEqual({ ok: false, error: 'monthLocked', month: '2026-10-01' })
    expect(await records(w.voucher.id)).toHaveLength(1)
    expect(await monthUsed(w.voucher.id, october)).toBe(300)
  })
})

describe('correcting a record of an approved month', () => {
  it('adds an adjustment in the next open month at the corrected record’s price, counting against its service month', async () => {
    const w = await world({ unitsPerMonth: 10 })
    const created = await record(w, '2026-09-10', 400)
    if (!created.ok) throw new Error('not recorded')
    await approve(w.organisation.id, new Date('2026-09-01'))
    await approve(w.organisation.id, october)
    await prisma.offerPrice.create({ data: { offerId: w.offer.id, priceCents: 4500, effectiveFrom: new Date('2026-10-01') } })
    const result = await createAdjustment(actor(w), w.choice.id, { recordId: created.recordId, units: -150, reason: 'Visit was shorter' })
    expect(result.ok).toBe(true)
    const adjustment = await prisma.serviceRecord.findFirstOrThrow({ where: { voucherId: w.voucher.id, kind: 'ADJUSTMENT' } })
    expect(adjustment).toMatchObject({
      month: november,
      serviceDate: new Date('2026-09-10'),
      unitsHundredths: -150,
      unitPriceCents: 3800,
      voucherValueCents: 3000,
      extrasCents: 0,
      note: 'Visit was shorter',
      adjustsRecordId: created.recordId,
      createdById: w.users.owner.id,
    })
    expect(await monthUsed(w.voucher.id, new Date('2026-09-01'))).toBe(250)
    expect(await monthUsed(w.voucher.id, november)).toBe(0)
    expect(await prisma.auditEvent.findMany({ where: { entityId: adjustment.id } })).toMatchObject([
      { action: 'service-record.adjust', after: { adjustsRecordId: created.recordId, month: '2026-11-01', unitsHundredths: -150 } },
    ])
  })

  it('goes to the current month when only the record’s month is approved, and its units are checked against the service month', async () => {
    const w = await world({ unitsPerMonth: 10 })
    const created = await record(w, '2026-10-10', 900)
    if (!created.ok) throw new Error('not recorded')
    await approve(w.organisation.id, october)
    expect(await createAdjustment(actor(w), w.choice.id, { recordId: created.recordId, units: 200, reason: 'Forgot an hour' })).toEqual({
      ok: false,
      error: 'unitsExceeded',
      month: '2026-10-01',
      unitsLeft: 100,
      unit: 'HOUR',
    })
    expect((await createAdjustment(actor(w), w.choice.id, { recordId: created.recordId, units: 100, reason: 'Forgot an hour' })).ok).toBe(true)
    expect(await monthUsed(w.voucher.id, october)).toBe(1000)
    expect((await prisma.serviceRecord.findFirstOrThrow({ where: { voucherId: w.voucher.id, kind: 'ADJUSTMENT' } })).month).toEqual(november)
    // corrections never take away more than was recorded
    expect(await createAdjustment(actor(w), w.choice.id, { recordId: created.recordId, units: -1001, reason: 'Wrong client' })).toEqual({
      ok: false,
      error: 'correctionBelowZero',
    })
    expect((await createAdjustment(actor(w), w.choice.id, { recordId: created.recordId, units: -1000, reason: 'Wrong client' })).ok).toBe(true)
    expect(await monthUsed(w.voucher.id, october)).toBe(0)
  })

  it('refuses a record of an open month (it is deleted instead) and another organisation’s record', async () => {
    const w = await world()
    const created = await record(w, '2026-11-10', 100)
    if (!created.ok) throw new Error('not recorded')
    expect(await createAdjustment(actor(w), w.choice.id, { recordId: created.recordId, units: 50, reason: 'More' })).toEqual({
      ok: false,
      error: 'notCorrectable',
    })
    await approve(w.organisation.id, november)
    const other: DeliveryActor = { id: w.users.otherProvider.id, organisationId: w.otherOrganisation.id, role: 'provider_owner' }
    expect(await createAdjustment(other, w.choice.id, { recordId: created.recordId, units: 50, reason: 'More' })).toEqual({
      ok: false,
      error: 'notFound',
    })
    expect(await prisma.serviceRecord.count({ where: { voucherId: w.voucher.id } })).toBe(1)
  })
})
