import { describe, expect, it } from 'vitest'
import { openClientSession } from '~/modules/client-access/session.server'
import { helsinkiToday } from '~/modules/documents/dates'
import { prisma } from '~/utils/db.server'
import { createOrganisation, makeRequest, statusOf } from '../../../tests/support/request'
import { createClient, createPublishedOffer, createVoucher, createVoucherWorld } from '../../../tests/support/voucher-fixtures'
import { chooseOffer } from './choose.server'

const validTo = new Date('2030-12-31')
const dayMs = 24 * 60 * 60 * 1000

function addDays(isoDate: string, days: number): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * dayMs).toISOString().slice(0, 10)
}

/**
 * The voucher world (an ACTIVE voucher with an accepted choice of `offer`) plus a second client whose voucher is
 * ISSUED. The members of the offer's organisation read English (owner) and Finnish (editor).
 */
async function choosingWorld() {
  const world = await createVoucherWorld({ validTo })
  const client = await createClient({ preferredLanguage: 'sv' })
  const issued = await createVoucher(client.id, world.categories.homeCare.id, world.users.reviewer.id, { validTo })
  await prisma.user.update({ where: { id: world.users.owner.id }, data: { locale: 'en' } })
  await prisma.user.update({ where: { id: world.users.editor.id }, data: { locale: 'fi' } })
  await prisma.user.update({ where: { id: world.users.otherProvider.id }, data: { locale: 'sv' } })
  return { ...world, issued }
}

function emailsTo(addresses: string[], template: string) {
  return prisma.emailOutbox.findMany({ where: { toAddress: { in: addresses }, template }, orderBy: { toAddress: 'asc' } })
}

function openChoices(voucherId: string) {
  return prisma.choice.findMany({ where: { voucherId, status: { in: ['PENDING', 'ACCEPTED'] } } })
}

async function clientCookie(voucherId: string): Promise<string> {
  return (await openClientSession(voucherId)).split(';')[0] ?? ''
}

describe('choosing a producer', () => {
  it('creates a pending choice, assigns the voucher, audits it and tells every member in their own language', async () => {
    const world = await choosingWorld()
    const result = await chooseOffer({ voucherId: world.issued.id, offerId: world.offer.id, change: false })
    expect(result).toMatchObject({ ok: true, previous: null })
    const choices = await prisma.choice.findMany({ where: { voucherId: world.issued.id } })
    expect(choices).toEqual([expect.objectContaining({ offerId: world.offer.id, status: 'PENDING' })])
    expect((await prisma.voucher.findUniqueOrThrow({ where: { id: world.issued.id } })).status).toBe('ASSIGNED')
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { action: 'choice.create', entityId: choices[0]!.id } })
    expect(audit).toMatchObject({ actorId: null, entityType: 'Choice', after: { voucherId: world.issued.id, offerId: world.offer.id } })

    const emails = await emailsTo([world.users.owner.email, world.users.editor.email, world.users.otherProvider.email], 'choice-received')
    expect(emails.map((email) => [email.toAddress, email.locale])).toEqual(
      [
        [world.users.owner.email, 'en'],
        [world.users.editor.email, 'fi'],
      ].sort(([a], [b]) => a!.localeCompare(b!)),
    )
    const byLocale = Object.fromEntries(emails.map((email) => [email.locale, email.props as { values: { offer: string }; link: string; name: string }]))
    expect(byLocale.en).toMatchObject({ name: 'Owner', values: { offer: 'Home care in Swedish' } })
    expect(byLocale.fi).toMatchObject({ name: 'Editor', values: { offer: 'Kotihoitoa ruotsiksi' } })
    expect(byLocale.en?.link).toMatch(new RegExp(`/provider/${world.organisation.id}/clients$`))
  })

  it('refuses an offer of another category, one that is not public, and an unknown id', async () => {
    const world = await choosingWorld()
    const otherCategory = await createPublishedOffer(world.organisation.id, world.categories.supportServices.id)
    const suspendedOrganisation = await createOrganisation()
    const suspended = await createPublishedOffer(suspendedOrganisation.id, world.categories.homeCare.id)
    await prisma.registerEntry.updateMany({
      where: { organisationId: suspendedOrganisation.id },
      data: { status: 'SUSPENDED', statusChangedAt: new Date(Date.now() - 60_000) },
    })
    const draftOrganisation = await createOrganisation()
    const draft = await createPublishedOffer(draftOrganisation.id, world.categories.homeCare.id)
    await prisma.offer.update({ where: { id: draft.id }, data: { status: 'DRAFT' } })
    for (const offerId of [otherCategory.id, suspended.id, draft.id, 'no-such-offer']) {
      expect(await chooseOffer({ voucherId: world.issued.id, offerId, change: false })).toEqual({ ok: false, error: 'notAvailable' })
    }
    expect(await prisma.choice.count({ where: { voucherId: world.issued.id } })).toBe(0)
    expect((await prisma.voucher.findUniqueOrThrow({ where: { id: world.issued.id } })).status).toBe('ISSUED')
  })

  it('refuses a voucher that has ended or been cancelled', async () => {
    const world = await choosingWorld()
    const afterValidity = new Date('2031-01-02T10:00:00Z')
    expect(await chooseOffer({ voucherId: world.issued.id, offerId: world.offer.id, change: false }, afterValidity)).toEqual({ ok: false, error: 'voucherExpired' })
    await prisma.voucher.update({ where: { id: world.issued.id }, data: { status: 'CANCELLED' } })
    expect(await chooseOffer({ voucherId: world.issued.id, offerId: world.offer.id, change: false })).toEqual({ ok: false, error: 'voucherClosed' })
    expect(await prisma.choice.count({ where: { voucherId: world.issued.id } })).toBe(0)
  })

  it('keeps one open choice when two choices arrive at the same moment', async () => {
    const world = await choosingWorld()
    const results = await Promise.all([
      chooseOffer({ voucherId: world.issued.id, offerId: world.offer.id, change: false }),
      chooseOffer({ voucherId: world.issued.id, offerId: world.otherOffer.id, change: false }),
      chooseOffer({ voucherId: world.issued.id, offerId: world.offer.id, change: false }),
    ])
    expect(results.filter((result) => result.ok)).toHaveLength(1)
    expect(await openChoices(world.issued.id)).toHaveLength(1)
    expect(await prisma.choice.count({ where: { voucherId: world.issued.id } })).toBe(1)
    // the same choice again is not a second one
    const open = (await openChoices(world.issued.id))[0]!
    expect(await chooseOffer({ voucherId: world.issued.id, offerId: open.offerId, change: true })).toEqual({ ok: false, error: 'sameOffer' })
  })

  it('withdraws a pending choice when the client changes producer, without telling the first one', async () => {
    const world = await choosingWorld()
    const first = await chooseOffer({ voucherId: world.issued.id, offerId: world.offer.id, change: false })
    expect(await chooseOffer({ voucherId: world.issued.id, offerId: world.otherOffer.id, change: false })).toEqual({ ok: false, error: 'needsConfirmation' })
    const second = await chooseOffer({ voucherId: world.issued.id, offerId: world.otherOffer.id, change: true })
    expect(second).toMatchObject({ ok: true, previous: 'PENDING' })
    const choices = await prisma.choice.findMany({ where: { voucherId: world.issued.id }, orderBy: { createdAt: 'asc' } })
    expect(choices.map((choice) => [choice.offerId, choice.status])).toEqual([
      [world.offer.id, 'CANCELLED'],
      [world.otherOffer.id, 'PENDING'],
    ])
    expect(first.ok && (await prisma.auditEvent.count({ where: { action: 'choice.cancel', entityId: first.choiceId } }))).toBe(1)
    expect(await emailsTo([world.users.owner.email, world.users.editor.email], 'choice-ended')).toEqual([])
    expect(await emailsTo([world.users.otherProvider.email], 'choice-received')).toHaveLength(1)
  })

  it('ends an accepted choice on the day the client picks, tells the old producer the date and the new one the choice', async () => {
    const world = await choosingWorld()
    const today = helsinkiToday()
    const input = { voucherId: world.voucher.id, offerId: world.otherOffer.id, change: true }
    expect(await chooseOffer(input)).toEqual({ ok: false, error: 'endDateRequired' })
    expect(await chooseOffer({ ...input, endDate: addDays(today, -1) })).toEqual({ ok: false, error: 'endDatePast' })
    expect(await chooseOffer({ ...input, endDate: '2031-01-01' })).toEqual({ ok: false, error: 'endDateAfterValidity' })
    expect(await chooseOffer({ ...input, change: false, endDate: today })).toEqual({ ok: false, error: 'needsConfirmation' })
    expect((await prisma.choice.findUniqueOrThrow({ where: { id: world.choice.id } })).status).toBe('ACCEPTED')

    const endDate = '2030-06-15'
    expect(await chooseOffer({ ...input, endDate })).toMatchObject({ ok: true, previous: 'ACCEPTED' })
    expect(await prisma.choice.findUniqueOrThrow({ where: { id: world.choice.id } })).toMatchObject({ status: 'ENDED', endDate: new Date(endDate) })
    expect(await openChoices(world.voucher.id)).toEqual([expect.objectContaining({ offerId: world.otherOffer.id, status: 'PENDING' })])
    expect((await prisma.voucher.findUniqueOrThrow({ where: { id: world.voucher.id } })).status).toBe('ASSIGNED')
    expect(await prisma.auditEvent.findFirstOrThrow({ where: { action: 'choice.end', entityId: world.choice.id } })).toMatchObject({
      actorId: null,
      after: { status: 'ENDED', endDate },
    })

    const ended = await emailsTo([world.users.owner.email, world.users.editor.email], 'choice-ended')
    const values = Object.fromEntries(ended.map((email) => [email.locale, (email.props as { values: Record<string, string> }).values]))
    expect(values).toEqual({
      en: { offer: 'Home care in Swedish', date: '15 Jun 2030' },
      fi: { offer: 'Kotihoitoa ruotsiksi', date: '15.6.2030' },
    })
    const received = await emailsTo([world.users.otherProvider.email], 'choice-received')
    expect(received.map((email) => [email.locale, (email.props as { values: Record<string, string> }).values.offer])).toEqual([['sv', 'Hemvård på svenska']])
  })
})

describe('the choosing pages', () => {
  const list = () => import('~/routes/my-voucher.producers._index')
  const confirm = () => import('~/routes/my-voucher.producers.$offerId')

  it("lists the category's public offers with the client's own value and chooses from the list", async () => {
    const world = await choosingWorld()
    await createPublishedOffer(world.organisation.id, world.categories.supportServices.id)
    const cookie = await clientCookie(world.issued.id)
    const { loader, action } = await list()
    // the municipality filter starts as the client's own; these offers have no units, so look everywhere
    const page = (await loader({ request: makeRequest('/my-voucher/producers?municipality=', { cookie }), params: {}, context: {} })) as Awaited<
      ReturnType<typeof loader>
    >
    expect(page.result.cards.map((card) => card.id).sort()).toEqual([world.offer.id, world.otherOffer.id].sort())
    expect(page).toMatchObject({ valueCents: 3000, unitsPerMonth: 10, current: null, canChoose: true })

    const chosen = await statusOf(() => action({ request: makeRequest('/my-voucher/producers', { cookie, form: { offerId: world.offer.id } }), params: {}, context: {} }))
    expect(chosen).toEqual({ status: 302, location: '/my-voucher' })
    // a change from the list asks first
    const change = await statusOf(() => action({ request: makeRequest('/my-voucher/producers', { cookie, form: { offerId: world.otherOffer.id } }), params: {}, context: {} }))
    expect(change).toEqual({ status: 302, location: `/my-voucher/producers/${world.otherOffer.id}` })
    expect(await openChoices(world.issued.id)).toEqual([expect.objectContaining({ offerId: world.offer.id })])
  })

  it('confirms a change with the last day, and answers 404 for offers the voucher cannot choose', async () => {
    const world = await choosingWorld()
    const otherCategory = await createPublishedOffer(world.organisation.id, world.categories.supportServices.id)
    const cookie = await clientCookie(world.voucher.id)
    const { loader, action } = await confirm()
    const at = (offerId: string) => ({ path: `/my-voucher/producers/${offerId}`, params: { offerId } })

    for (const offerId of [otherCategory.id, 'no-such-offer']) {
      const { path, params } = at(offerId)
      expect((await statusOf(() => loader({ request: makeRequest(path, { cookie }), params, context: {} }))).status).toBe(404)
      expect((await statusOf(() => action({ request: makeRequest(path, { cookie, form: { endDate: helsinkiToday() } }), params, context: {} }))).status).toBe(404)
    }
    // the current choice's own page goes back to the voucher
    expect(await statusOf(() => loader({ request: makeRequest(at(world.offer.id).path, { cookie }), params: at(world.offer.id).params, context: {} }))).toEqual({
      status: 302,
      location: '/my-voucher',
    })

    const { path, params } = at(world.otherOffer.id)
    const page = (await loader({ request: makeRequest(path, { cookie }), params, context: {} })) as Awaited<ReturnType<typeof loader>>
    expect(page).toMatchObject({ current: { status: 'ACCEPTED' }, offer: { copaymentCents: 1200, priceCents: 4200 } })
    expect((await statusOf(() => action({ request: makeRequest(path, { cookie, form: {} }), params, context: {} }))).status).toBe(400)
    expect(await statusOf(() => action({ request: makeRequest(path, { cookie, form: { endDate: helsinkiToday() } }), params, context: {} }))).toEqual({
      status: 302,
      location: '/my-voucher',
    })
    expect(await prisma.choice.findUniqueOrThrow({ where: { id: world.choice.id } })).toMatchObject({ status: 'ENDED', endDate: new Date(helsinkiToday()) })
  })
})
