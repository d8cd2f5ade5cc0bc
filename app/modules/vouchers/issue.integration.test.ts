import { describe, expect, it } from 'vitest'
import { prisma } from '~/utils/db.server'
import { createClient, createVoucher } from '../../../tests/support/voucher-fixtures'
import { issueVoucher, voucherValueFor, type IssueInput } from './issue.server'
import { cancelVoucher, extendVoucher } from './issuing-changes.server'
import { createIssuingWorld, type IssuingWorld } from './issuing-fixtures'
import { decisionLetter } from './issuing-letter.server'
import { listVouchers, voucherForStaff } from './issuing-read.server'
import { isValidVoucherCode, VOUCHER_CODE_ALPHABET } from './voucher-code'

function request(world: IssuingWorld, overrides: Partial<IssueInput> = {}): IssueInput {
  return {
    clientId: world.client.id,
    categoryId: world.categories.supportServices.id,
    decisionNumber: 'OVPH-2026-00123',
    decisionDate: '2026-03-01',
    validFrom: '2026-03-01',
    validTo: '2026-12-31',
    unitsKind: 'perMonth',
    units: 8,
    ...overrides,
  }
}

function auditOf(entityId: string) {
  return prisma.auditEvent.findMany({ where: { entityId }, orderBy: { id: 'asc' } })
}

/** A random source that spells these characters of the code alphabet (again and again with `repeat`), then 'Z's. */
function randomSpelling(text: string, options: { repeat?: boolean } = {}): () => number {
  const indexes = [...text].map((character) => VOUCHER_CODE_ALPHABET.indexOf(character))
  let call = 0
  return () => {
    const index = options.repeat ? indexes[call++ % indexes.length] : indexes[call++]
    return ((index ?? VOUCHER_CODE_ALPHABET.length - 1) + 0.5) / VOUCHER_CODE_ALPHABET.length
  }
}

describe('issuing a voucher', () => {
  it('gives a FIXED category the value in force on the decision date, with a valid code and an audit event', async () => {
    const world = await createIssuingWorld()
    const actor = world.users.reviewer
    const result = await issueVoucher(actor, request(world))
    if (!result.ok) throw new Error(result.error)
    expect(isValidVoucherCode(result.code)).toBe(true)
    const voucher = await prisma.voucher.findUniqueOrThrow({ where: { id: result.voucherId } })
    expect(voucher).toMatchObject({
      code: result.code,
      status: 'ISSUED',
      valueCents: 2600,
      valueBasis: 'FIXED',
      unitsPerMonth: 8,
      unitsTotal: null,
      householdSize: null,
      validFrom: new Date('2026-03-01'),
      validTo: new Date('2026-12-31'),
      issuedById: actor.id,
    })
    expect(await auditOf(voucher.id)).toMatchObject([
      { actorId: actor.id, action: 'voucher.issue', entityType: 'Voucher', after: { code: result.code, valueCents: 2600, valueBasis: 'FIXED', unitsPerMonth: 8 } },
    ])
    // a decision of 2025 takes the value of 2025
    const earlier = await issueVoucher(actor, request(world, { decisionDate: '2025-06-01', unitsKind: 'total', units: 40 }))
    if (!earlier.ok) throw new Error(earlier.error)
    expect(await prisma.voucher.findUniqueOrThrow({ where: { id: earlier.voucherId } })).toMatchObject({ valueCents: 2400, unitsPerMonth: null, unitsTotal: 40 })
  })

  it('computes an INCOME_RELATED value from household and income, and keeps them with the voucher', async () => {
    const world = await createIssuingWorld()
    const input = request(world, { categoryId: world.categories.homeCare.id, householdSize: 1, incomeCents: 185000 })
    const preview = await voucherValueFor(input)
    expect(preview).toMatchObject({ ok: true, value: { basis: 'INCOME_RELATED', valueCents: 1250, explanation: { limitCents: 67500, unclampedCents: 1250 } } })
    const result = await issueVoucher(world.users.admin, input)
    if (!result.ok) throw new Error(result.error)
    expect(await prisma.voucher.findUniqueOrThrow({ where: { id: result.voucherId } })).toMatchObject({
      valueCents: 1250,
      valueBasis: 'INCOME_RELATED',
      householdSize: 1,
      grossMonthlyIncomeCents: 185000,
      overrideReason: null,
    })
    // the page explains the stored value with the same calculation
    const page = await voucherForStaff(world.users.admin, result.voucherId)
    expect(page?.calculation).toMatchObject({ valueCents: 1250, incomeCents: 185000, limitCents: 67500 })
  })

  it('refuses an income-related voucher without household or income, and any voucher without a value in force', async () => {
    const world = await createIssuingWorld()
    const before = await prisma.voucher.count()
    const homeCare = world.categories.homeCare.id
    expect(await issueVoucher(world.users.reviewer, request(world, { categoryId: homeCare, incomeCents: 100000 }))).toEqual({ ok: false, error: 'householdRequired' })
    expect(await issueVoucher(world.users.reviewer, request(world, { categoryId: homeCare, householdSize: 2 }))).toEqual({ ok: false, error: 'incomeRequired' })
    expect(await issueVoucher(world.users.reviewer, request(world, { decisionDate: '2024-12-31' }))).toEqual({ ok: false, error: 'noValue' })
    expect(await prisma.voucher.count()).toBe(before)
  })

  it('takes a value set in the decision only with a reason', async () => {
    const world = await createIssuingWorld()
    const before = await prisma.voucher.count()
    const override = (reason: string) =>
      request(world, { categoryId: world.categories.homeCare.id, householdSize: 2, incomeCents: 150000, override: { valueCents: 3300, reason } })
    expect(await issueVoucher(world.users.reviewer, override('   '))).toEqual({ ok: false, error: 'overrideReasonRequired' })
    expect(await prisma.voucher.count()).toBe(before)
    const result = await issueVoucher(world.users.reviewer, override('Two carers at every visit'))
    if (!result.ok) throw new Error(result.error)
    expect(await prisma.voucher.findUniqueOrThrow({ where: { id: result.voucherId } })).toMatchObject({
      valueCents: 3300,
      valueBasis: 'MANUAL_OVERRIDE',
      overrideReason: 'Two carers at every visit',
      householdSize: 2,
      grossMonthlyIncomeCents: 150000,
    })
  })

  it('refuses more units a month than the unit of measure allows, an inactive category and an unknown client', async () => {
    const world = await createIssuingWorld()
    expect(await issueVoucher(world.users.reviewer, request(world, { units: 745 }))).toEqual({ ok: false, error: 'unitsTooMany' })
    expect((await issueVoucher(world.users.reviewer, request(world, { units: 745, unitsKind: 'total' }))).ok).toBe(true)
    expect(await issueVoucher(world.users.reviewer, request(world, { categoryId: world.categories.closed.id }))).toEqual({ ok: false, error: 'categoryUnavailable' })
    expect(await issueVoucher(world.users.reviewer, request(world, { clientId: 'no-such-client' }))).toEqual({ ok: false, error: 'clientNotFound' })
    expect(await issueVoucher(world.users.reviewer, request(world, { validFrom: '2026-12-31', validTo: '2026-03-01' }))).toEqual({ ok: false, error: 'validityInvalid' })
  })

  it('draws another code when the first one is taken, and gives up after five clashes', async () => {
    const world = await createIssuingWorld()
    const taken = world.voucher.code.replace('-', '').slice(0, 7)
    const result = await issueVoucher(world.users.reviewer, request(world), { random: randomSpelling(taken) })
    if (!result.ok) throw new Error(result.error)
    expect(result.code).not.toBe(world.voucher.code)
    expect(result.code).toBe('ZZZZ-ZZZ' + result.code.slice(-1))
    const before = await prisma.voucher.count()
    await expect(issueVoucher(world.users.reviewer, request(world), { random: randomSpelling(taken, { repeat: true }) })).rejects.toMatchObject({ code: 'P2002' })
    expect(await prisma.voucher.count()).toBe(before)
  })
})

describe('cancelling a voucher', () => {
  it('ends the accepted choice today, emails every member of the producer in their language, and audits', async () => {
    const world = await createIssuingWorld()
    await prisma.user.update({ where: { id: world.users.owner.id }, data: { locale: 'fi' } })
    await prisma.user.update({ where: { id: world.users.editor.id }, data: { locale: 'en' } })
    const now = new Date('2026-06-15T21:30:00Z') // already 16 June in Helsinki
    expect(await cancelVoucher(world.users.reviewer, { voucherId: world.voucher.id, reason: ' Moved to another area ' }, now)).toEqual({ ok: true })
    expect(await prisma.voucher.findUniqueOrThrow({ where: { id: world.voucher.id } })).toMatchObject({ status: 'CANCELLED', cancelledReason: 'Moved to another area' })
    expect(await prisma.choice.findUniqueOrThrow({ where: { id: world.choice.id } })).toMatchObject({ status: 'ENDED', endDate: new Date('2026-06-16') })
    const emails = await prisma.emailOutbox.findMany({ where: { template: 'voucher-cancelled', toAddress: { in: [world.users.owner.email, world.users.editor.email] } } })
    const sent = emails.map(({ toAddress, locale, props }) => ({ toAddress, locale, props })).sort((a, b) => a.locale.localeCompare(b.locale))
    expect(sent).toEqual([
      {
        toAddress: world.users.editor.email,
        locale: 'en',
        props: {
          name: world.users.editor.name,
          values: { offer: 'Home care in Swedish', date: expect.stringMatching(/16/) },
          link: expect.stringMatching(new RegExp(`/provider/${world.organisation.id}/clients$`)),
        },
      },
      {
        toAddress: world.users.owner.email,
        locale: 'fi',
        props: { name: world.users.owner.name, values: { offer: 'Kotihoitoa ruotsiksi', date: '16.6.2026' }, link: expect.any(String) },
      },
    ])
    expect(await auditOf(world.voucher.id)).toMatchObject([
      {
        action: 'voucher.cancel',
        actorId: world.users.reviewer.id,
        before: { status: 'ACTIVE' },
        after: { status: 'CANCELLED', reason: 'Moved to another area', endDate: '2026-06-16', endedChoices: [world.choice.id], cancelledChoices: [] },
      },
    ])
  })

  it('cancels a choice still waiting for the producer without emailing it', async () => {
    const world = await createIssuingWorld()
    const voucher = await createVoucher(world.client.id, world.categories.homeCare.id, world.users.reviewer.id, { status: 'ASSIGNED' })
    const pending = await prisma.choice.create({ data: { voucherId: voucher.id, offerId: world.otherOffer.id } })
    expect(await cancelVoucher(world.users.admin, { voucherId: voucher.id, reason: 'Decision withdrawn' })).toEqual({ ok: true })
    expect(await prisma.choice.findUniqueOrThrow({ where: { id: pending.id } })).toMatchObject({ status: 'CANCELLED', endDate: null })
    const members = [world.users.owner.email, world.users.editor.email, world.users.otherProvider.email]
    expect(await prisma.emailOutbox.count({ where: { template: 'voucher-cancelled', toAddress: { in: members } } })).toBe(0)
  })

  it('refuses a voucher no longer in use, an empty reason and an unknown voucher, changing nothing', async () => {
    const world = await createIssuingWorld()
    const actor = world.users.reviewer
    expect(await cancelVoucher(actor, { voucherId: world.voucher.id, reason: '  ' })).toEqual({ ok: false, error: 'reasonRequired' })
    expect(await cancelVoucher(actor, { voucherId: 'no-such-voucher', reason: 'x' })).toEqual({ ok: false, error: 'notFound' })
    expect(await cancelVoucher(actor, { voucherId: world.voucher.id, reason: 'First' })).toEqual({ ok: true })
    expect(await cancelVoucher(actor, { voucherId: world.voucher.id, reason: 'Second' })).toEqual({ ok: false, error: 'notAllowed', status: 'CANCELLED' })
    expect(await prisma.voucher.findUniqueOrThrow({ where: { id: world.voucher.id } })).toMatchObject({ cancelledReason: 'First' })
    expect((await auditOf(world.voucher.id)).map((event) => event.action)).toEqual(['voucher.cancel'])
  })
})

describe('extending a voucher', () => {
  it('moves the last day later, within five years of the start, and audits the change', async () => {
    const world = await createIssuingWorld()
    const actor = world.users.admin
    const voucherId = world.voucher.id
    expect(await extendVoucher(actor, { voucherId, validTo: '2027-06-30', note: 'Decision OVPH-2026-00999' })).toEqual({ ok: true })
    expect((await prisma.voucher.findUniqueOrThrow({ where: { id: voucherId } })).validTo).toEqual(new Date('2027-06-30'))
    expect(await extendVoucher(actor, { voucherId, validTo: '2027-06-30' })).toEqual({ ok: false, error: 'notLater', status: 'ACTIVE' })
    expect(await extendVoucher(actor, { voucherId, validTo: '2027-01-01' })).toEqual({ ok: false, error: 'notLater', status: 'ACTIVE' })
    expect(await extendVoucher(actor, { voucherId, validTo: '2031-01-01' })).toEqual({ ok: false, error: 'tooLong', status: 'ACTIVE' })
    expect(await extendVoucher(actor, { voucherId, validTo: '2030-12-31' })).toEqual({ ok: true })
    expect(await auditOf(voucherId)).toMatchObject([
      { action: 'voucher.extend', before: { validTo: '2026-12-31' }, after: { validTo: '2027-06-30', note: 'Decision OVPH-2026-00999' } },
      { action: 'voucher.extend', before: { validTo: '2027-06-30' }, after: { validTo: '2030-12-31', note: null } },
    ])
    await cancelVoucher(actor, { voucherId, reason: 'Ended' })
    expect(await extendVoucher(actor, { voucherId, validTo: '2030-12-31' })).toEqual({ ok: false, error: 'notAllowed', status: 'CANCELLED' })
  })
})

describe('the staff voucher page and list', () => {
  it('shows units used this month and the history, and records the view of the client', async () => {
    const world = await createIssuingWorld()
    await prisma.voucherMonth.create({ data: { voucherId: world.voucher.id, month: new Date('2026-05-01'), unitsGranted: 1000, unitsUsed: 250 } })
    await extendVoucher(world.users.reviewer, { voucherId: world.voucher.id, validTo: '2027-03-31' })
    const page = await voucherForStaff(world.users.admin, world.voucher.id, new Date('2026-05-20T09:00:00Z'))
    expect(page).toMatchObject({ unitsUsed: 250, month: new Date('2026-05-01'), history: [{ action: 'voucher.extend', actor: { name: 'Reviewer' } }] })
    expect(page?.choices).toMatchObject([{ id: world.choice.id, status: 'ACCEPTED', offer: { organisation: { id: world.organisation.id } } }])
    expect(await prisma.auditEvent.findMany({ where: { entityType: 'Client', entityId: world.client.id } })).toMatchObject([
      { action: 'client.viewed', actorId: world.users.admin.id, after: { place: 'voucher-page', voucherId: world.voucher.id } },
    ])
    expect(await voucherForStaff(world.users.admin, 'no-such-voucher')).toBeNull()
  })

  it('filters by code (whole or its beginning, any case), client name, status and category', async () => {
    const world = await createIssuingWorld()
    const other = await createClient({ preferredLanguage: 'fi' })
    await prisma.client.update({ where: { id: other.id }, data: { firstName: 'Aili', lastName: 'Mäkinen' } })
    const second = await createVoucher(other.id, world.categories.supportServices.id, world.users.reviewer.id)
    const ids = async (filters: Parameters<typeof listVouchers>[0]) => (await listVouchers(filters)).vouchers.map((voucher) => voucher.id)
    expect(await ids({ q: world.voucher.code.toLowerCase().replace('-', ' '), page: 1 })).toEqual([world.voucher.id])
    expect(await ids({ q: world.voucher.code.slice(0, 6), page: 1 })).toContain(world.voucher.id)
    expect(await ids({ q: 'aili mäkinen', page: 1 })).toEqual([second.id])
    expect(await ids({ status: 'ISSUED', page: 1 })).toContain(second.id)
    expect(await ids({ status: 'ISSUED', page: 1 })).not.toContain(world.voucher.id)
    expect(await ids({ category: world.categories.supportServices.id, page: 1 })).toEqual([second.id])
  })
})

describe('the decision letter', () => {
  it("is written in the client's language, with the code, the help line, the co-payment and, income-related, the review", async () => {
    const world = await createIssuingWorld()
    const issued = await issueVoucher(world.users.reviewer, request(world, { categoryId: world.categories.homeCare.id, householdSize: 1, incomeCents: 185000 }))
    if (!issued.ok) throw new Error(issued.error)
    const letter = await decisionLetter(world.users.reviewer, issued.voucherId, new Date('2026-03-02T10:00:00Z'))
    if (!letter) throw new Error('no letter')
    expect(letter).toMatchObject({ lang: 'sv', organiser: 'Österbottens välfärdsområde', title: 'Beslut om servicesedel', code: { value: issued.code } })
    expect(letter.recipient[0]).toBe(`${world.client.firstName} ${world.client.lastName}`)
    const text = JSON.stringify(letter)
    expect(text).toContain('06 218 1111')
    expect(text).toContain('http://localhost:3000/voucher')
    expect(text).toMatch(/12,50\s€ \/ timme/)
    expect(letter.sections.map((section) => section.id)).toEqual(['value', 'choose', 'copayment', 'review'])
    expect(letter.sections.find((section) => section.id === 'review')?.heading).toBe('Begäran om omprövning')
    expect(text).toContain('30 dagar')
    const value = letter.sections[0]?.blocks.find((block) => block.kind === 'steps')
    expect(value).toMatchObject({ kind: 'steps', items: expect.arrayContaining([expect.stringMatching(/36,00\s€ − \(1\s850,00\s€ − 675,00\s€\) × 2\s%/)]) })
    expect(await prisma.auditEvent.findFirst({ where: { entityType: 'Client', entityId: world.client.id, action: 'client.viewed' } })).toMatchObject({
      after: { place: 'decision-letter', voucherId: issued.voucherId },
    })
  })

  it('has no review section for a FIXED category, and follows a Finnish client in Finnish', async () => {
    const world = await createIssuingWorld()
    const finn = await createClient({ preferredLanguage: 'fi' })
    const issued = await issueVoucher(world.users.reviewer, request(world, { clientId: finn.id }))
    if (!issued.ok) throw new Error(issued.error)
    const letter = await decisionLetter(world.users.reviewer, issued.voucherId)
    expect(letter).toMatchObject({ lang: 'fi', title: 'Päätös palvelusetelistä', organiser: 'Pohjanmaan hyvinvointialue' })
    expect(letter?.sections.map((section) => section.id)).toEqual(['value', 'choose', 'copayment'])
    expect(JSON.stringify(letter)).toMatch(/26,00\s€ \/ tunti/)
    expect(await decisionLetter(world.users.reviewer, 'no-such-voucher')).toBeNull()
  })
})
