import { beforeAll, describe, expect, it } from 'vitest'
import type { DeliveryActionResult } from '~/components/delivery/action-result'
import { decryptIdentityCode } from '~/modules/clients/identity-code.server'
import { helsinkiToday } from '~/modules/documents/dates'
import { claimOpenMonth } from '~/modules/settlements/month-lock.server'
import { prisma } from '~/utils/db.server'
import { makeRequest, statusOf, type Persona } from '../../../tests/support/request'
import { createClient, createVoucher, createVoucherWorld } from '../../../tests/support/voucher-fixtures'
import { formatMonth, monthOf } from './months'

const route = () => import('~/routes/provider.$orgId.clients.$choiceId')
const list = () => import('~/routes/provider.$orgId.clients._index')

function shift(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`)
  date.setUTCDate(date.getUTCDate() + days)
  return date.toISOString().slice(0, 10)
}

/**
 * The personas' world with a voucher valid around today (the pages use the real clock): the accepted client of the
 * fixtures, and a new client whose choice of the organisation's offer waits for a decision.
 */
async function prepared() {
  const today = helsinkiToday()
  const validity = { validFrom: new Date(`${shift(today, -60)}T00:00:00Z`), validTo: new Date(`${shift(today, 300)}T00:00:00Z`) }
  const world = await createVoucherWorld(validity)
  const newClient = await createClient({ preferredLanguage: 'fi', email: 'uusi.asiakas@example.com' })
  const assigned = await createVoucher(newClient.id, world.categories.homeCare.id, world.users.reviewer.id, { status: 'ASSIGNED', ...validity })
  const pending = await prisma.choice.create({ data: { voucherId: assigned.id, offerId: world.offer.id } })
  const base = `/provider/${world.organisation.id}/clients`
  return { world, today, newClient, pending, base }
}

type Prepared = Awaited<ReturnType<typeof prepared>>

async function load(context: Prepared, choiceId: string, persona: Persona = 'owner', query = '') {
  const { loader } = await route()
  const request = makeRequest(`${context.base}/${choiceId}${query}`, { cookie: context.world.cookies[persona] })
  return loader({ request, params: { orgId: context.world.organisation.id, choiceId }, context: {} })
}

/** Posts a form once: its status and redirect, and the body of an answer that is not a redirect. */
async function post(context: Prepared, choiceId: string, form: Record<string, string>, persona: Persona = 'owner') {
  const { action } = await route()
  const request = makeRequest(`${context.base}/${choiceId}`, { cookie: context.world.cookies[persona], form })
  let answer: unknown
  const status = await statusOf(
    async () => (answer = await action({ request, params: { orgId: context.world.organisation.id, choiceId }, context: {} })),
  )
  return { ...status, body: (answer as { data?: DeliveryActionResult } | undefined)?.data }
}

describe('the client page', () => {
  // loading the route modules the first time takes a while; not inside a test's time limit
  beforeAll(async () => {
    await Promise.all([route(), list()])
  })

  it('answers members, and gives other organisations and staff 404 and anonymous users the login page, for the loader and every form', async () => {
    const context = await prepared()
    const { world, pending, base } = context
    const { loader, action } = await route()
    const path = `${base}/${pending.id}`
    const params = { orgId: world.organisation.id, choiceId: pending.id }
    for (const persona of ['owner', 'editor'] as const) {
      expect((await statusOf(() => loader({ request: makeRequest(path, { cookie: world.cookies[persona] }), params, context: {} }))).status).toBe(200)
    }
    const forms: Record<string, string>[] = [
      { intent: 'accept', startDate: context.today },
      { intent: 'decline', reason: 'Full' },
      { intent: 'record', serviceDate: context.today, units: '1' },
      { intent: 'delete', recordId: 'x' },
      { intent: 'adjust', recordId: 'x', units: '1', reason: 'More' },
    ]
    for (const persona of ['otherProvider', 'reviewer', 'admin'] as const) {
      expect((await statusOf(() => loader({ request: makeRequest(path, { cookie: world.cookies[persona] }), params, context: {} }))).status).toBe(404)
      for (const form of forms) {
        const request = makeRequest(path, { cookie: world.cookies[persona], form })
        expect((await statusOf(() => action({ request, params, context: {} }))).status).toBe(404)
      }
    }
    const login = { status: 302, location: `/login?${new URLSearchParams({ redirectTo: path })}` }
    expect(await statusOf(() => loader({ request: makeRequest(path), params, context: {} }))).toEqual(login)
    for (const form of forms) expect(await statusOf(() => action({ request: makeRequest(path, { form }), params, context: {} }))).toEqual(login)
    expect((await prisma.choice.findUniqueOrThrow({ where: { id: pending.id } })).status).toBe('PENDING')
  })

  it("gives 404 for another organisation's choice, even to its own owner under their organisation and to our owner under ours", async () => {
    const context = await prepared()
    const { world } = context
    const { loader, action } = await route()
    // a client of the other organisation, accepted with a record
    const theirClient = await createClient()
    const theirVoucher = await createVoucher(theirClient.id, world.categories.homeCare.id, world.users.reviewer.id, { status: 'ACTIVE' })
    const theirChoice = await prisma.choice.create({
      data: {
        voucherId: theirVoucher.id,
        offerId: world.otherOffer.id,
        status: 'ACCEPTED',
        startDate: new Date('2026-01-01'),
        decidedAt: new Date(),
      },
    })
    const forms: Record<string, string>[] = [
      { intent: 'accept', startDate: context.today },
      { intent: 'decline', reason: 'Full' },
      { intent: 'record', serviceDate: context.today, units: '1' },
    ]
    // our owner, under our organisation, with their choice id
    const ours = { orgId: world.organisation.id, choiceId: theirChoice.id }
    const ourPath = `/provider/${ours.orgId}/clients/${theirChoice.id}`
    const cookie = world.cookies.owner
    expect((await statusOf(() => loader({ request: makeRequest(ourPath, { cookie }), params: ours, context: {} }))).status).toBe(404)
    for (const form of forms) {
      expect((await statusOf(() => action({ request: makeRequest(ourPath, { cookie, form }), params: ours, context: {} }))).status).toBe(404)
    }
    // the other owner, under their organisation, with our choice ids
    for (const choiceId of [context.pending.id, world.choice.id]) {
      const foreign = { orgId: world.otherOrganisation.id, choiceId }
      const path = `/provider/${foreign.orgId}/clients/${choiceId}`
      const their = world.cookies.otherProvider
      expect((await statusOf(() => loader({ request: makeRequest(path, { cookie: their }), params: foreign, context: {} }))).status).toBe(404)
      for (const form of forms) {
        expect((await statusOf(() => action({ request: makeRequest(path, { cookie: their, form }), params: foreign, context: {} }))).status).toBe(404)
      }
    }
    // our record's id through their own choice
    const record = await prisma.serviceRecord.create({
      data: {
        voucherId: world.voucher.id,
        choiceId: world.choice.id,
        organisationId: world.organisation.id,
        serviceDate: monthOf(context.today),
        month: monthOf(context.today),
        unitsHundredths: 100,
        unitPriceCents: 3800,
        voucherValueCents: 3000,
        createdById: world.users.owner.id,
      },
    })
    const their = { orgId: world.otherOrganisation.id, choiceId: theirChoice.id }
    const theirPath = `/provider/${their.orgId}/clients/${theirChoice.id}`
    const recordForms: Record<string, string>[] = [
      { intent: 'delete', recordId: record.id },
      { intent: 'adjust', recordId: record.id, units: '-1', reason: 'Mine now' },
    ]
    for (const form of recordForms) {
      const request = makeRequest(theirPath, { cookie: world.cookies.otherProvider, form })
      expect((await statusOf(() => action({ request, params: their, context: {} }))).status).toBe(404)
    }
    expect(await prisma.choice.findUniqueOrThrow({ where: { id: context.pending.id } })).toMatchObject({ status: 'PENDING' })
    expect(await prisma.serviceRecord.count({ where: { voucherId: { in: [world.voucher.id, theirVoucher.id] } } })).toBe(1)
  })

  it('shows the provider what it needs of the client, never the personal identity code', async () => {
    const context = await prepared()
    const { newClient, pending } = context
    const identityCode = decryptIdentityCode(newClient.identityCodeCipher)
    const page = await load(context, pending.id)
    const text = JSON.stringify(page)
    for (const secret of [identityCode, newClient.identityCodeCipher, newClient.identityCodeHash]) expect(text).not.toContain(secret)
    expect(text).not.toMatch(/identityCode|dateOfBirth/)
    expect(page).toMatchObject({
      client: {
        firstName: newClient.firstName,
        lastName: newClient.lastName,
        phone: '+358 40 123 4567',
        email: 'uusi.asiakas@example.com',
        municipality: 'Närpes',
        language: 'fi',
      },
      voucher: { category: 'Hemvård', unit: 'HOUR', unitsPerMonth: 10, unitsTotal: null, valueCents: 3000 },
      offer: { priceCents: 3800, copaymentCents: 800 },
      choice: { status: 'PENDING' },
      records: null,
    })
    const { loader } = await list()
    const lists = await loader({
      request: makeRequest(context.base, { cookie: context.world.cookies.editor }),
      params: { orgId: context.world.organisation.id },
      context: {},
    })
    const listText = JSON.stringify(lists)
    for (const secret of [identityCode, newClient.identityCodeCipher, newClient.identityCodeHash]) expect(listText).not.toContain(secret)
    expect(lists.pending.map((row) => row.id)).toEqual([pending.id])
    expect(lists.current.map((row) => row.id)).toEqual([context.world.choice.id])
  })

  it('accepts a client from the form, and answers a second decision that it is already decided', async () => {
    const context = await prepared()
    const { pending } = context
    // 62 days back is always before the first day of last month, the earliest start
    expect(await post(context, pending.id, { intent: 'accept', startDate: shift(context.today, -62) })).toMatchObject({ status: 400 })
    const accepted = await post(context, pending.id, { intent: 'accept', startDate: context.today })
    expect(accepted).toMatchObject({ status: 302, location: `${context.base}/${pending.id}` })
    expect(await prisma.choice.findUniqueOrThrow({ where: { id: pending.id } })).toMatchObject({ status: 'ACCEPTED' })
    expect(await prisma.emailOutbox.count({ where: { toAddress: 'uusi.asiakas@example.com', template: 'choice-accepted', locale: 'fi' } })).toBe(1)
    const again = await post(context, pending.id, { intent: 'decline', reason: 'Full' }, 'editor')
    expect(again.status).toBe(409)
    expect(again.body?.message).toBe('Det här valet är redan avgjort: Godkänd. Ladda om sidan för att se det.')
    expect(await post(context, pending.id, { intent: 'decline', reason: '  ' })).toMatchObject({ status: 400 })
  })

  it('records hours typed with a comma, refuses more than is left with the figures, deletes, and corrects an approved month', async () => {
    const context = await prepared()
    const { world, today } = context
    const choiceId = world.choice.id
    const recorded = await post(context, choiceId, { intent: 'record', serviceDate: today, units: '1,5', note: 'Städning' })
    expect(recorded).toMatchObject({ status: 302, location: `${context.base}/${choiceId}#records` })
    const [first] = await prisma.serviceRecord.findMany({ where: { choiceId } })
    expect(first).toMatchObject({ unitsHundredths: 150, note: 'Städning', serviceDate: new Date(`${today}T00:00:00Z`) })

    const tooMuch = await post(context, choiceId, { intent: 'record', serviceDate: today, units: '9' })
    expect(tooMuch.status).toBe(409)
    expect(tooMuch.body?.message).toBe(`Det är mer än servicesedeln har kvar: 8,5 timmar kvar för ${formatMonth(monthOf(today), 'sv')}.`)
    expect(await post(context, choiceId, { intent: 'record', serviceDate: shift(today, 1), units: '1' })).toMatchObject({ status: 400 })
    expect(await post(context, choiceId, { intent: 'record', serviceDate: today, units: '1,255' })).toMatchObject({ status: 400 })

    const page = await load(context, choiceId)
    expect(page.records?.months[0]).toMatchObject({
      month: `${today.slice(0, 7)}-01`,
      approved: false,
      records: [
        { unitsHundredths: 150, deletable: true, correctable: false, figures: { totalCents: 5700, voucherShareCents: 4500, copaymentCents: 1200 } },
      ],
      totals: { unitsHundredths: 150, totalCents: 5700, voucherShareCents: 4500, copaymentCents: 1200 },
    })
    expect(page.voucher).toMatchObject({ usedHundredths: 150, leftHundredths: 850 })

    expect(await post(context, choiceId, { intent: 'delete', recordId: first?.id ?? '' })).toMatchObject({ status: 302 })
    expect(await prisma.serviceRecord.count({ where: { choiceId } })).toBe(0)

    // a record of an approved month: the page offers a correction, which goes to the next open month
    const earlier = shift(today, -40)
    expect(await post(context, choiceId, { intent: 'record', serviceDate: earlier, units: '2' })).toMatchObject({ status: 302 })
    const [old] = await prisma.serviceRecord.findMany({ where: { choiceId } })
    await prisma.$transaction(async (tx) => {
      await claimOpenMonth(tx, world.organisation.id, monthOf(earlier))
      await tx.monthlySettlement.update({
        where: { organisationId_month: { organisationId: world.organisation.id, month: monthOf(earlier) } },
        data: { status: 'APPROVED', approvedAt: new Date() },
      })
    })
    const locked = await post(context, choiceId, { intent: 'delete', recordId: old?.id ?? '' })
    expect(locked.status).toBe(409)
    expect(locked.body?.message).toBe(
      `Månaden ${formatMonth(monthOf(earlier), 'sv')} är godkänd och låst. Registrera rättelsen som en justering i stället.`,
    )
    const correcting = await load(context, choiceId, 'editor', `?correct=${old?.id}`)
    expect(correcting.correction).toMatchObject({ id: old?.id, unitsHundredths: 200, correctedUnits: 200 })
    expect(await post(context, choiceId, { intent: 'adjust', recordId: old?.id ?? '', units: '-0,5', reason: '' })).toMatchObject({ status: 400 })
    expect(await post(context, choiceId, { intent: 'adjust', recordId: old?.id ?? '', units: '-0,5', reason: 'Kortare besök' })).toMatchObject({
      status: 302,
    })
    const adjustment = await prisma.serviceRecord.findFirstOrThrow({ where: { choiceId, kind: 'ADJUSTMENT' } })
    expect(adjustment).toMatchObject({
      unitsHundredths: -50,
      note: 'Kortare besök',
      adjustsRecordId: old?.id,
      month: correcting.correction?.month && new Date(correcting.correction.month),
    })
  })
})
