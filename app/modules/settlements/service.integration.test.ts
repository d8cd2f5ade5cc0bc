import { describe, expect, it } from 'vitest'
// eslint-disable-next-line no-restricted-imports -- the settlement pages' access is tested here (custom in route-access)
import * as staffStatementRoute from '~/routes/staff.settlements.$organisationId.$month'
// eslint-disable-next-line no-restricted-imports -- the accounts-payable download is tested here
import * as exportRoute from '~/routes/staff.settlements.export'
// eslint-disable-next-line no-restricted-imports -- the provider's pages are tested here (custom in route-access)
import * as providerStatementRoute from '~/routes/provider.$orgId.settlements.$month'
// eslint-disable-next-line no-restricted-imports -- the provider's list of months
import * as providerListRoute from '~/routes/provider.$orgId.settlements._index'
// eslint-disable-next-line no-restricted-imports -- the staff overview
import * as overviewRoute from '~/routes/staff.settlements._index'
import { prisma } from '~/utils/db.server'
import { formatCents } from '~/utils/format'
import { isOnlinePaymentEnabled } from '~/modules/payments/config.server'
import { createClient, createVoucher, createVoucherWorld, type VoucherWorld } from '../../../tests/support/voucher-fixtures'
import { makeRequest, statusOf, type Persona } from '../../../tests/support/request'
import { approveSettlement } from './approve.server'
import { csvColumns } from './csv'
import { exportApprovedMonth } from './export.server'
import { claimOpenMonth, MonthLockedError } from './month-lock.server'
import { monthStatement, providerMonths, settlementOverview } from './statement.server'

const october = new Date('2026-10-01')
const november = new Date('2026-11-01')
/** a day in November 2026: October has ended, November has not */
const now = new Date('2026-11-23T10:00:00Z')

type RecordInput = {
  voucherId: string
  choiceId: string
  units: number
  price?: number
  value?: number
  extras?: number
  day?: string
  kind?: 'DELIVERY' | 'ADJUSTMENT'
  note?: string
  month?: Date
  organisationId?: string
}

/** Records service the way the provider's service does: claim the open month, then insert, in one transaction. */
async function record(world: VoucherWorld, input: RecordInput) {
  const month = input.month ?? october
  const organisationId = input.organisationId ?? world.organisation.id
  return prisma.$transaction(async (tx) => {
    await claimOpenMonth(tx, organisationId, month)
    return tx.serviceRecord.create({
      data: {
        voucherId: input.voucherId,
        choiceId: input.choiceId,
        organisationId,
        serviceDate: new Date(input.day ?? `${month.toISOString().slice(0, 7)}-15`),
        month,
        unitsHundredths: input.units,
        unitPriceCents: input.price ?? 3800,
        voucherValueCents: input.value ?? 3000,
        extrasCents: input.extras ?? 0,
        kind: input.kind ?? 'DELIVERY',
        note: input.note ?? null,
        createdById: world.users.owner.id,
      },
    })
  })
}

/** A further client with an active voucher and an accepted choice of the world's offer (or another offer). */
async function anotherVoucher(world: VoucherWorld, valueCents: number, offerId = world.offer.id) {
  const client = await createClient({ preferredLanguage: 'fi' })
  const voucher = await createVoucher(client.id, world.categories.homeCare.id, world.users.reviewer.id, { status: 'ACTIVE', valueCents })
  const choice = await prisma.choice.create({
    data: { voucherId: voucher.id, offerId, status: 'ACCEPTED', startDate: new Date('2026-01-01'), decidedAt: new Date('2026-01-01') },
  })
  return { client, voucher, choice }
}

/**
 * The hand-computed October of the world's organisation (amounts in cents):
 * - voucher A (value 30,00): 1,5 h × 38,00 (5700 / 4500 / 1200); 2 h × 38,00 with 5,00 extras (7600 / 6000 / 1600);
 *   1 h × 40,00 after a price change (4000 / 3000 / 1000); an adjustment of −0,5 h × 38,00 (−1900 / −1500 / −400)
 *   → units 400, total 15400, share 12000, co-payment 3400, extras 500
 * - voucher B (value 40,00 ≥ price): 3 h × 38,00 → 11400 / 11400 / 0: no co-payment, no Payment
 * - voucher C (value 20,00): four quarter hours × 38,02 € = 9,505 € each → 951 / 500 / 451 per record
 *   → units 100, total 3804 (not 1 h × 38,02 = 3802: rounding is per record), share 2000, co-payment 1804
 * Totals: 9 records, units 800, total 30604, share 25400, co-payment 5204, extras 500.
 * The other organisation has one record in October (never on this organisation's statement).
 */
async function october2026() {
  const world = await createVoucherWorld()
  const a = { voucherId: world.voucher.id, choiceId: world.choice.id }
  const b = await anotherVoucher(world, 4000)
  const c = await anotherVoucher(world, 2000)
  const other = await anotherVoucher(world, 3000, world.otherOffer.id)
  await record(world, { ...a, units: 150, day: '2026-10-02' })
  await record(world, { ...a, units: 200, extras: 500, day: '2026-10-09' })
  await record(world, { ...a, units: 100, price: 4000, day: '2026-10-20' })
  await record(world, { ...a, units: -50, kind: 'ADJUSTMENT', day: '2026-09-28', note: 'Korjaus: 28.9. oli 2 h, ei 2,5 h' })
  await record(world, { voucherId: b.voucher.id, choiceId: b.choice.id, units: 300, value: 4000 })
  for (const day of ['2026-10-05', '2026-10-12', '2026-10-19', '2026-10-26']) {
    await record(world, { voucherId: c.voucher.id, choiceId: c.choice.id, units: 25, price: 3802, value: 2000, day })
  }
  await record(world, {
    voucherId: other.voucher.id,
    choiceId: other.choice.id,
    units: 500,
    price: 4200,
    organisationId: world.otherOrganisation.id,
  })
  const settlement = await prisma.monthlySettlement.findUniqueOrThrow({
    where: { organisationId_month: { organisationId: world.organisation.id, month: october } },
  })
  return { world, vouchers: { a: world.voucher, b: b.voucher, c: c.voucher, other: other.voucher }, version: settlement.version }
}

const expectedTotals = { records: 9, unitsHundredths: 800, totalCents: 30604, voucherShareCents: 25400, copaymentCents: 5204, extrasCents: 500 }

function settlementOf(organisationId: string, month = october) {
  return prisma.monthlySettlement.findUniqueOrThrow({ where: { organisationId_month: { organisationId, month } } })
}

describe('the statement of a month', () => {
  it('adds up the hand-computed example per voucher, with price changes and adjustments on their own lines', async () => {
    const { world, vouchers } = await october2026()
    const statement = await monthStatement(world.organisation.id, october)
    expect(statement.figures).toEqual(expectedTotals)
    const byVoucher = new Map(statement.vouchers.map((voucher) => [voucher.voucherId, voucher]))
    expect([...byVoucher.keys()].sort()).toEqual([vouchers.a.id, vouchers.b.id, vouchers.c.id].sort())

    const a = byVoucher.get(vouchers.a.id)!
    expect(a.code).toBe(vouchers.a.code)
    expect(a.clientName).toBe(`${world.client.lastName}, ${world.client.firstName}`)
    expect(a.category).toMatchObject({ nameSv: 'Hemvård', unit: 'HOUR' })
    expect(a.lines.map((line) => [line.kind, line.unitPriceCents, line.voucherValueCents, line.figures])).toEqual([
      ['DELIVERY', 3800, 3000, { records: 2, unitsHundredths: 350, totalCents: 13300, voucherShareCents: 10500, copaymentCents: 2800, extrasCents: 500 }],
      ['DELIVERY', 4000, 3000, { records: 1, unitsHundredths: 100, totalCents: 4000, voucherShareCents: 3000, copaymentCents: 1000, extrasCents: 0 }],
      ['ADJUSTMENT', 3800, 3000, { records: 1, unitsHundredths: -50, totalCents: -1900, voucherShareCents: -1500, copaymentCents: -400, extrasCents: 0 }],
    ])
    expect(a.lines[2]).toMatchObject({ serviceDate: new Date('2026-09-28'), note: 'Korjaus: 28.9. oli 2 h, ei 2,5 h' })
    expect(a.figures).toEqual({ records: 4, unitsHundredths: 400, totalCents: 15400, voucherShareCents: 12000, copaymentCents: 3400, extrasCents: 500 })
    expect(byVoucher.get(vouchers.b.id)!.figures).toMatchObject({ totalCents: 11400, voucherShareCents: 11400, copaymentCents: 0 })
    expect(byVoucher.get(vouchers.c.id)!.figures).toMatchObject({ records: 4, unitsHundredths: 100, totalCents: 3804, voucherShareCents: 2000, copaymentCents: 1804 })
  })

  it('counts the simplest case by hand: 1,5 h × 38,00 €, value 30,00 € → 57,00 / 45,00 / 12,00', async () => {
    const world = await createVoucherWorld()
    await record(world, { voucherId: world.voucher.id, choiceId: world.choice.id, units: 150 })
    const statement = await monthStatement(world.organisation.id, october)
    expect(statement.figures).toMatchObject({ unitsHundredths: 150, totalCents: 5700, voucherShareCents: 4500, copaymentCents: 1200 })
  })

  it('lists every provider of the month in the overview with the same figures as their statements', async () => {
    const { world } = await october2026()
    const overview = await settlementOverview(october)
    const own = overview.providers.find((provider) => provider.organisation.id === world.organisation.id)
    const other = overview.providers.find((provider) => provider.organisation.id === world.otherOrganisation.id)
    expect(own).toMatchObject({ settlement: { status: 'OPEN' }, figures: expectedTotals })
    expect(own?.organisation.businessId).toBe(world.organisation.businessId)
    expect(other?.figures).toEqual((await monthStatement(world.otherOrganisation.id, october)).figures)
    expect(other?.figures).toMatchObject({ records: 1, totalCents: 21000, voucherShareCents: 15000, copaymentCents: 6000 })
    // the month's totals are the providers' sums
    const sum = (key: keyof typeof expectedTotals) => overview.providers.reduce((total, provider) => total + provider.figures[key], 0)
    expect(overview.figures.copaymentCents).toBe(sum('copaymentCents'))
    expect(overview.figures.records).toBe(sum('records'))
    // a month without records has no providers
    expect((await settlementOverview(new Date('2019-01-01'))).providers).toEqual([])
  })
})

describe('approving a month', () => {
  it('stores the statement’s sums, locks the month and creates one Payment per voucher with a co-payment', async () => {
    const { world, vouchers, version } = await october2026()
    const result = await approveSettlement(world.users.reviewer, { organisationId: world.organisation.id, month: october, seenVersion: version }, now)
    expect(result).toMatchObject({ ok: true, payments: 2 })
    const settlement = await settlementOf(world.organisation.id)
    expect(settlement).toMatchObject({
      status: 'APPROVED',
      unitsHundredths: 800,
      voucherShareCents: 25400,
      copaymentCents: 5204,
      extrasCents: 500,
      approvedById: world.users.reviewer.id,
      approvedAt: now,
    })
    const payments = await prisma.payment.findMany({ where: { settlementId: settlement.id }, orderBy: { amountCents: 'asc' } })
    expect(payments.map((payment) => [payment.voucherId, payment.amountCents, payment.status])).toEqual([
      [vouchers.c.id, 1804, 'PENDING'],
      [vouchers.a.id, 3400, 'PENDING'],
    ])
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { action: 'settlement.approve', entityId: settlement.id } })
    expect(audit).toMatchObject({
      actorId: world.users.reviewer.id,
      entityType: 'MonthlySettlement',
      after: { status: 'APPROVED', month: '2026-10', records: 9, voucherShareCents: 25400, copaymentCents: 5204, payments: 2, paymentsCents: 5204 },
    })
    // the other organisation's month is untouched
    expect((await settlementOf(world.otherOrganisation.id)).status).toBe('OPEN')
  })

  it('locks the month: the service refuses new records and so does the database', async () => {
    const { world, version } = await october2026()
    await approveSettlement(world.users.admin, { organisationId: world.organisation.id, month: october, seenVersion: version }, now)
    const a = { voucherId: world.voucher.id, choiceId: world.choice.id }
    await expect(record(world, { ...a, units: 100 })).rejects.toBeInstanceOf(MonthLockedError)
    const direct = prisma.serviceRecord.create({
      data: {
        ...a,
        organisationId: world.organisation.id,
        serviceDate: new Date('2026-10-30'),
        month: october,
        unitsHundredths: 100,
        unitPriceCents: 3800,
        voucherValueCents: 3000,
        createdById: world.users.owner.id,
      },
    })
    await expect(direct).rejects.toThrow(/approved and locked/)
    await expect(prisma.serviceRecord.updateMany({ where: { organisationId: world.organisation.id, month: october }, data: { unitsHundredths: 1 } })).rejects.toThrow(
      /approved and locked/,
    )
    await expect(prisma.serviceRecord.deleteMany({ where: { organisationId: world.organisation.id, month: october } })).rejects.toThrow(/approved and locked/)
    expect((await monthStatement(world.organisation.id, october)).figures).toEqual(expectedTotals)
    // the next month stays open for corrections
    await record(world, { ...a, units: -50, kind: 'ADJUSTMENT', month: november, day: '2026-10-09', note: 'Korjaus lokakuulle' })
    expect((await settlementOf(world.organisation.id, november)).status).toBe('OPEN')
  })

  it('refuses a version the reviewer did not see ("the statement has changed") and changes nothing', async () => {
    const { world, version } = await october2026()
    await record(world, { voucherId: world.voucher.id, choiceId: world.choice.id, units: 100, day: '2026-10-30' })
    const auditBefore = await prisma.auditEvent.count({ where: { action: 'settlement.approve' } })
    const outboxBefore = await prisma.emailOutbox.count({ where: { template: 'settlement-approved' } })
    const result = await approveSettlement(world.users.reviewer, { organisationId: world.organisation.id, month: october, seenVersion: version }, now)
    expect(result).toEqual({ ok: false, error: 'changed' })
    const settlement = await settlementOf(world.organisation.id)
    expect(settlement).toMatchObject({ status: 'OPEN', version: version + 1, voucherShareCents: 0, approvedAt: null })
    expect(await prisma.payment.count({ where: { settlementId: settlement.id } })).toBe(0)
    expect(await prisma.auditEvent.count({ where: { action: 'settlement.approve' } })).toBe(auditBefore)
    expect(await prisma.emailOutbox.count({ where: { template: 'settlement-approved' } })).toBe(outboxBefore)
    // with the new version it goes through, the added hour included
    const again = await approveSettlement(world.users.reviewer, { organisationId: world.organisation.id, month: october, seenVersion: version + 1 }, now)
    expect(again.ok).toBe(true)
    expect((await settlementOf(world.organisation.id)).voucherShareCents).toBe(25400 + 3000)
  })

  it('refuses approving twice and never counts the month again', async () => {
    const { world, version } = await october2026()
    const input = { organisationId: world.organisation.id, month: october, seenVersion: version }
    expect((await approveSettlement(world.users.reviewer, input, now)).ok).toBe(true)
    const settlement = await settlementOf(world.organisation.id)
    expect(await approveSettlement(world.users.admin, input, now)).toEqual({ ok: false, error: 'alreadyApproved' })
    expect(await approveSettlement(world.users.admin, { ...input, seenVersion: settlement.version }, now)).toEqual({ ok: false, error: 'alreadyApproved' })
    expect(await settlementOf(world.organisation.id)).toEqual(settlement)
    expect(await prisma.payment.count({ where: { settlementId: settlement.id } })).toBe(2)
    expect(await prisma.auditEvent.count({ where: { action: 'settlement.approve', entityId: settlement.id } })).toBe(1)
  })

  it('lets exactly one of two simultaneous approvals win; Payment rows and emails are made once', async () => {
    const { world, version } = await october2026()
    const input = { organisationId: world.organisation.id, month: october, seenVersion: version }
    const results = await Promise.all([
      approveSettlement(world.users.reviewer, input, now),
      approveSettlement(world.users.admin, input, now),
      approveSettlement(world.users.admin, input, now),
    ])
    expect(results.filter((result) => result.ok)).toHaveLength(1)
    expect(results.filter((result) => !result.ok)).toEqual([
      { ok: false, error: 'alreadyApproved' },
      { ok: false, error: 'alreadyApproved' },
    ])
    const settlement = await settlementOf(world.organisation.id)
    expect(settlement).toMatchObject({ status: 'APPROVED', voucherShareCents: 25400, copaymentCents: 5204 })
    const payments = await prisma.payment.findMany({ where: { settlementId: settlement.id } })
    expect(payments.map((payment) => payment.amountCents).sort()).toEqual([1804, 3400])
    const emails = await prisma.emailOutbox.count({ where: { template: 'settlement-approved', toAddress: { in: [world.users.owner.email, world.users.editor.email] } } })
    expect(emails).toBe(2)
  })

  it('never loses a record written at the same moment as the approval: it is refused, or the approval is', async () => {
    const { world, version } = await october2026()
    const [approval, written] = await Promise.allSettled([
      approveSettlement(world.users.reviewer, { organisationId: world.organisation.id, month: october, seenVersion: version }, now),
      record(world, { voucherId: world.voucher.id, choiceId: world.choice.id, units: 100, day: '2026-10-31' }),
    ])
    const settlement = await settlementOf(world.organisation.id)
    if (written.status === 'fulfilled') {
      expect(approval).toEqual({ status: 'fulfilled', value: { ok: false, error: 'changed' } })
      expect(settlement.status).toBe('OPEN')
    } else {
      expect(written.reason).toBeInstanceOf(MonthLockedError)
      expect(approval.status === 'fulfilled' && approval.value.ok).toBe(true)
      expect(settlement).toMatchObject({ status: 'APPROVED', voucherShareCents: expectedTotals.voucherShareCents })
    }
  })

  it('emails every member of the provider in their own language, with the month and the vouchers’ share', async () => {
    const { world, version } = await october2026()
    await prisma.user.update({ where: { id: world.users.owner.id }, data: { locale: 'fi' } })
    await prisma.user.update({ where: { id: world.users.editor.id }, data: { locale: 'en' } })
    await approveSettlement(world.users.reviewer, { organisationId: world.organisation.id, month: october, seenVersion: version }, now)
    const emails = await prisma.emailOutbox.findMany({
      where: { template: 'settlement-approved', toAddress: { in: [world.users.owner.email, world.users.editor.email, world.users.otherProvider.email] } },
    })
    const link = expect.stringMatching(new RegExp(`/provider/${world.organisation.id}/settlements/2026-10$`)) as unknown
    expect(emails.map((email) => [email.toAddress, email.locale, email.props]).sort()).toEqual(
      [
        [world.users.owner.email, 'fi', { name: 'Owner', values: { month: 'lokakuu 2026', amount: formatCents(25400, 'fi') }, link }],
        [world.users.editor.email, 'en', { name: 'Editor', values: { month: 'October 2026', amount: formatCents(25400, 'en') }, link }],
      ].sort(),
    )
    expect(formatCents(25400, 'fi')).toMatch(/^254,00\s€$/)
  })

  it('refuses a month that has not ended, a month without records, and an unknown provider', async () => {
    const world = await createVoucherWorld()
    await record(world, { voucherId: world.voucher.id, choiceId: world.choice.id, units: 100, month: november })
    const input = { organisationId: world.organisation.id, seenVersion: 1 }
    expect(await approveSettlement(world.users.reviewer, { ...input, month: november }, now)).toEqual({ ok: false, error: 'notEnded' })
    expect(await approveSettlement(world.users.reviewer, { ...input, month: new Date('2026-12-01') }, now)).toEqual({ ok: false, error: 'notEnded' })
    // the last second of November in Helsinki is still November
    expect(await approveSettlement(world.users.reviewer, { ...input, month: november }, new Date('2026-11-30T21:59:59Z'))).toEqual({ ok: false, error: 'notEnded' })
    expect(await approveSettlement(world.users.reviewer, { ...input, month: october, seenVersion: 0 }, now)).toEqual({ ok: false, error: 'empty' })
    // the refusal left no settlement row behind
    expect(await prisma.monthlySettlement.count({ where: { organisationId: world.organisation.id, month: october } })).toBe(0)
    expect(await approveSettlement(world.users.reviewer, { organisationId: 'no-such-organisation', month: october, seenVersion: 0 }, now)).toEqual({
      ok: false,
      error: 'notFound',
    })
    expect((await settlementOf(world.organisation.id, november)).status).toBe('OPEN')
  })

  it('approves records that came without a settlement row (version 0), as the seed writes them', async () => {
    const world = await createVoucherWorld()
    await prisma.serviceRecord.create({
      data: {
        voucherId: world.voucher.id,
        choiceId: world.choice.id,
        organisationId: world.organisation.id,
        serviceDate: new Date('2026-10-03'),
        month: october,
        unitsHundredths: 150,
        unitPriceCents: 3800,
        voucherValueCents: 3000,
        createdById: world.users.owner.id,
      },
    })
    expect((await monthStatement(world.organisation.id, october)).settlement).toBeNull()
    const result = await approveSettlement(world.users.reviewer, { organisationId: world.organisation.id, month: october, seenVersion: 0 }, now)
    expect(result).toMatchObject({ ok: true, payments: 1 })
    expect(await settlementOf(world.organisation.id)).toMatchObject({ status: 'APPROVED', voucherShareCents: 4500, copaymentCents: 1200 })
  })
})

describe('the accounts-payable CSV', () => {
  it('has one row per approved provider with the approved sums, in cents and in euros, and escapes names', async () => {
    const { world } = await october2026()
    await prisma.organisation.update({ where: { id: world.otherOrganisation.id }, data: { name: '=cmd|"/c calc"!A1; Oy' } })
    for (const organisationId of [world.organisation.id, world.otherOrganisation.id]) {
      const { version } = await settlementOf(organisationId)
      expect((await approveSettlement(world.users.reviewer, { organisationId, month: october, seenVersion: version }, now)).ok).toBe(true)
    }
    const file = await exportApprovedMonth(world.users.admin, october)
    expect(file.filename).toBe('settlements-2026-10.csv')
    expect(file.body.startsWith(`\uFEFF${csvColumns.join(';')}\r\n`)).toBe(true)
    const lines = file.body.slice(1).split('\r\n')
    const own = lines.find((line) => line.startsWith(`${world.organisation.businessId};`))
    expect(own).toBe(
      [
        world.organisation.businessId,
        world.organisation.name,
        '2026-10',
        '2026-10-01',
        '2026-10-31',
        '25400',
        '254,00',
        '5204',
        '52,04',
        '500',
        '5,00',
        '8,00',
        '2026-11-23T12:00:00+02:00',
        'Reviewer',
      ].join(';'),
    )
    const other = lines.find((line) => line.startsWith(`${world.otherOrganisation.businessId};`))
    expect(other).toContain(`;"'=cmd|""/c calc""!A1; Oy";2026-10;`)
    expect(other).toContain(';15000;150,00;6000;60,00;0;0,00;5,00;')
    // the CSV, the statement, the stored sums and the Payment rows agree to the cent
    const statement = await monthStatement(world.organisation.id, october)
    const settlement = await settlementOf(world.organisation.id)
    const payments = await prisma.payment.aggregate({ where: { settlementId: settlement.id }, _sum: { amountCents: true } })
    expect([statement.figures.voucherShareCents, settlement.voucherShareCents]).toEqual([25400, 25400])
    expect([statement.figures.copaymentCents, settlement.copaymentCents, payments._sum.amountCents]).toEqual([5204, 5204, 5204])
    expect(await prisma.auditEvent.count({ where: { action: 'settlement.export', entityId: '2026-10', actorId: world.users.admin.id } })).toBe(1)
  })

  it('leaves out open months', async () => {
    await october2026()
    const file = await exportApprovedMonth({ id: (await prisma.user.findFirstOrThrow({ where: { staffRole: 'ADMIN' } })).id }, new Date('2026-09-01'))
    expect(file.body).toBe(`\uFEFF${csvColumns.join(';')}\r\n`)
    expect(file.rows).toBe(0)
  })
})

describe('the provider’s months', () => {
  it('lists open and approved months with the statement’s figures, and only its own', async () => {
    const { world, version } = await october2026()
    await record(world, { voucherId: world.voucher.id, choiceId: world.choice.id, units: 100, month: november })
    await approveSettlement(world.users.reviewer, { organisationId: world.organisation.id, month: october, seenVersion: version }, now)
    const months = await providerMonths(world.organisation.id)
    expect(months.map((month) => [month.month, month.settlement?.status, month.figures.voucherShareCents])).toEqual([
      ['2026-11', 'OPEN', 3000],
      ['2026-10', 'APPROVED', 25400],
    ])
    expect(months[1]?.figures).toEqual(expectedTotals)
    expect((await providerMonths(world.otherOrganisation.id)).map((month) => month.figures.records)).toEqual([1])
  })
})

// ─── Pages and their access ─────────────────────────────────────────────────

const staffPersonas: Persona[] = ['reviewer', 'admin']
const providerPersonas: Persona[] = ['owner', 'editor', 'otherProvider']

type Handler = (args: { request: Request; params: Record<string, string>; context: Record<string, never> }) => Promise<unknown>

/** Calls a loader or action as `persona` of the world and reports the status it answered with. */
function caller(world: VoucherWorld) {
  return (handler: Handler, path: string, params: Record<string, string>, persona: Persona, form?: Record<string, string>) => {
    const request = makeRequest(path, { cookie: world.cookies[persona] || undefined, form })
    return statusOf(() => handler({ request, params, context: {} }))
  }
}

describe('the staff statement page', () => {
  it('answers staff with the statement and the version, providers with 403 and anonymous users with the login page', async () => {
    const { world, version } = await october2026()
    const run = caller(world)
    const params = { organisationId: world.organisation.id, month: '2026-10' }
    const path = `/staff/settlements/${params.organisationId}/2026-10`
    for (const persona of staffPersonas) {
      expect((await run(staffStatementRoute.loader, path, params, persona)).status).toBe(200)
    }
    for (const persona of providerPersonas) {
      expect((await run(staffStatementRoute.loader, path, params, persona)).status).toBe(403)
      expect((await run(staffStatementRoute.action, path, params, persona, { version: String(version) })).status).toBe(403)
    }
    expect(await run(staffStatementRoute.loader, path, params, 'anonymous')).toEqual({ status: 302, location: `/login?${new URLSearchParams({ redirectTo: path })}` })
    expect((await run(staffStatementRoute.action, path, params, 'anonymous', { version: String(version) })).status).toBe(302)
    // an unknown organisation or a malformed month: 404, for the page and the approval
    for (const bad of [{ organisationId: 'no-such-organisation', month: '2026-10' }, { organisationId: world.organisation.id, month: '2026-13' }]) {
      const badPath = `/staff/settlements/${bad.organisationId}/${bad.month}`
      expect((await run(staffStatementRoute.loader, badPath, bad, 'reviewer')).status).toBe(404)
      expect((await run(staffStatementRoute.action, badPath, bad, 'reviewer', { version: '0' })).status).toBe(404)
    }
    expect((await settlementOf(world.organisation.id)).status).toBe('OPEN')
  })

  it('shows the figures and approves with the version it showed; a stale page is told to check again', async () => {
    const { world } = await october2026()
    const run = caller(world)
    const params = { organisationId: world.organisation.id, month: '2026-10' }
    const path = `/staff/settlements/${params.organisationId}/2026-10`
    const request = makeRequest(path, { cookie: world.cookies.reviewer })
    const page = await staffStatementRoute.loader({ request, params, context: {} })
    expect(page).toMatchObject({ status: 'OPEN', ended: true, figures: expectedTotals, organisation: { id: world.organisation.id } })
    const shown = String(page.version)
    await record(world, { voucherId: world.voucher.id, choiceId: world.choice.id, units: 25, day: '2026-10-31' })
    expect((await run(staffStatementRoute.action, path, params, 'reviewer', { version: shown })).status).toBe(409)
    expect((await run(staffStatementRoute.action, path, params, 'reviewer', {})).status).toBe(400)
    const fresh = await staffStatementRoute.loader({ request, params, context: {} })
    const approved = await run(staffStatementRoute.action, path, params, 'reviewer', { version: String(fresh.version) })
    expect(approved).toEqual({ status: 302, location: path })
    expect((await run(staffStatementRoute.action, path, params, 'admin', { version: String(fresh.version) })).status).toBe(409)
    const after = await staffStatementRoute.loader({ request, params, context: {} })
    expect(after).toMatchObject({ status: 'APPROVED', approvedBy: 'Reviewer' })
    expect(after.figures.voucherShareCents).toBe((await settlementOf(world.organisation.id)).voucherShareCents)
  })

  it('lists the month in the overview for staff, by default the previous month', async () => {
    const { world } = await october2026()
    const loaded = await overviewRoute.loader({ request: makeRequest('/staff/settlements?month=2026-10', { cookie: world.cookies.admin }), params: {}, context: {} })
    expect(loaded.month).toBe('2026-10')
    expect(loaded.providers.find((provider) => provider.organisation.id === world.organisation.id)).toMatchObject({ status: 'OPEN', figures: expectedTotals })
    expect(loaded.months).toContain('2026-10')
    const invalid = await overviewRoute.loader({ request: makeRequest('/staff/settlements?month=2026-99', { cookie: world.cookies.admin }), params: {}, context: {} })
    expect(invalid).toMatchObject({ invalidMonth: true })
  })
})

describe('the accounts-payable download', () => {
  it('is an attachment for staff, never cached; 403 for providers, 400 for a malformed month', async () => {
    const { world } = await october2026()
    const run = caller(world)
    const path = '/staff/settlements/export?month=2026-10'
    const response = (await exportRoute.loader({ request: makeRequest(path, { cookie: world.cookies.reviewer }), params: {}, context: {} })) as Response
    expect(response.status).toBe(200)
    expect(response.headers.get('Content-Type')).toBe('text/csv; charset=utf-8')
    expect(response.headers.get('Content-Disposition')).toMatch(/^attachment; filename="settlements-2026-10\.csv"/)
    expect(response.headers.get('Cache-Control')).toBe('no-store')
    const bytes = new Uint8Array(await response.arrayBuffer())
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    for (const persona of providerPersonas) expect((await run(exportRoute.loader, path, {}, persona)).status).toBe(403)
    expect((await run(exportRoute.loader, path, {}, 'anonymous')).status).toBe(302)
    expect((await run(exportRoute.loader, '/staff/settlements/export?month=2026-1', {}, 'admin')).status).toBe(400)
    expect((await run(exportRoute.loader, '/staff/settlements/export', {}, 'admin')).status).toBe(400)
  })
})

describe('the provider’s statement page', () => {
  it('answers members with 200, other organisations and staff with 404, anonymous users with the login page', async () => {
    const { world } = await october2026()
    const run = caller(world)
    const params = { orgId: world.organisation.id, month: '2026-10' }
    const path = `/provider/${params.orgId}/settlements/2026-10`
    for (const persona of ['owner', 'editor'] as const) expect((await run(providerStatementRoute.loader, path, params, persona)).status).toBe(200)
    for (const persona of ['otherProvider', ...staffPersonas] as const) {
      expect((await run(providerStatementRoute.loader, path, params, persona)).status).toBe(404)
      expect((await run(providerListRoute.loader, `/provider/${params.orgId}/settlements`, { orgId: params.orgId }, persona)).status).toBe(404)
    }
    expect(await run(providerStatementRoute.loader, path, params, 'anonymous')).toEqual({ status: 302, location: `/login?${new URLSearchParams({ redirectTo: path })}` })
  })

  it("shows only the organisation's own lines; another organisation's month or a month without records is 404", async () => {
    const { world, vouchers } = await october2026()
    const run = caller(world)
    const params = { orgId: world.organisation.id, month: '2026-10' }
    const own = await providerStatementRoute.loader({
      request: makeRequest(`/provider/${params.orgId}/settlements/2026-10`, { cookie: world.cookies.owner }),
      params,
      context: {},
    })
    expect(own.figures).toEqual(expectedTotals)
    expect(own.vouchers.map((voucher) => voucher.code)).not.toContain(vouchers.other.code)
    expect(own).toMatchObject({ status: 'OPEN', approvedAt: null })
    // the owner under the other organisation's id, and under its own id for a month only the other one has
    const foreign = { orgId: world.otherOrganisation.id, month: '2026-10' }
    expect((await run(providerStatementRoute.loader, `/provider/${foreign.orgId}/settlements/2026-10`, foreign, 'owner')).status).toBe(404)
    await record(world, {
      voucherId: vouchers.other.id,
      choiceId: (await prisma.choice.findFirstOrThrow({ where: { voucherId: vouchers.other.id } })).id,
      units: 100,
      price: 4200,
      month: new Date('2026-09-01'),
      organisationId: world.otherOrganisation.id,
    })
    const september = { orgId: world.organisation.id, month: '2026-09' }
    expect((await run(providerStatementRoute.loader, `/provider/${september.orgId}/settlements/2026-09`, september, 'owner')).status).toBe(404)
    const malformed = { orgId: world.organisation.id, month: 'october' }
    expect((await run(providerStatementRoute.loader, `/provider/${malformed.orgId}/settlements/october`, malformed, 'owner')).status).toBe(404)
  })

  it('shows the approved statement with the same figures as the approval', async () => {
    const { world, version } = await october2026()
    await approveSettlement(world.users.reviewer, { organisationId: world.organisation.id, month: october, seenVersion: version }, now)
    const params = { orgId: world.organisation.id }
    const list = await providerListRoute.loader({ request: makeRequest(`/provider/${params.orgId}/settlements`, { cookie: world.cookies.editor }), params, context: {} })
    expect(list.months).toEqual([{ month: '2026-10', status: 'APPROVED', approvedAt: now, figures: expectedTotals }])
    const page = await providerStatementRoute.loader({
      request: makeRequest(`/provider/${params.orgId}/settlements/2026-10`, { cookie: world.cookies.editor }),
      params: { ...params, month: '2026-10' },
      context: {},
    })
    const settlement = await settlementOf(world.organisation.id)
    expect(page).toMatchObject({ status: 'APPROVED', approvedAt: now, onlinePayment: isOnlinePaymentEnabled() })
    expect([page.figures.voucherShareCents, page.figures.copaymentCents, page.figures.extrasCents]).toEqual([
      settlement.voucherShareCents,
      settlement.copaymentCents,
      settlement.extrasCents,
    ])
  })
})
