import { describe, expect, it } from 'vitest'
import { renderEmail } from '~/modules/email/render.server'
import { publicOfferWhere } from '~/modules/register/public-offers'
import { prisma } from '~/utils/db.server'
import { createOfferWorld, editInput, offerInput } from '../../../tests/support/offer-fixtures'
import { makeRequest, statusOf } from '../../../tests/support/request'
import { helsinkiToday } from '../documents/dates'
import { runCapacityReminders } from './capacity-reminders.server'
import {
  applyDuePrices,
  archiveOffer,
  changePrice,
  confirmCapacity,
  createOffer,
  getOffer,
  listNewOfferChoices,
  publishOffer,
  restoreOffer,
  setCapacity,
  unpublishOffer,
  updateOffer,
  type OfferActor,
} from './service.server'

const dayMs = 24 * 60 * 60 * 1000

function addDays(isoDate: string, days: number): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * dayMs).toISOString().slice(0, 10)
}

async function newOffer(actor: OfferActor, categoryId: string, unitIds: string[], now = new Date()) {
  const result = await createOffer(actor, offerInput(categoryId, unitIds), now)
  if (!result.ok) throw new Error(`offer refused: ${result.error}`)
  return result.offerId
}

async function offerRow(id: string) {
  return prisma.offer.findUniqueOrThrow({ where: { id }, include: { prices: { orderBy: { effectiveFrom: 'asc' } } } })
}

async function isPublic(offerId: string, categoryId: string, now = new Date()) {
  const where = await publicOfferWhere({ categoryIds: [categoryId], now })
  return (await prisma.offer.count({ where: { AND: [where, { id: offerId }] } })) === 1
}

describe('creating an offer', () => {
  it('creates a draft with its first price from today, units, extras and confirmed free places, and an audit event', async () => {
    const { categories, units, actors } = await createOfferWorld()
    const now = new Date()
    const id = await newOffer(actors.owner, categories.homeCare.id, [units.place.id, units.area.id], now)
    const offer = await prisma.offer.findUniqueOrThrow({ where: { id }, include: { prices: true, serviceUnits: true, extraServices: true } })
    expect(offer).toMatchObject({ status: 'DRAFT', priceCents: 3980, languages: ['sv', 'fi', 'ar'], freePlaces: 2, capacityConfirmedAt: now })
    expect(offer.prices.map((price) => [price.priceCents, price.effectiveFrom.toISOString().slice(0, 10)])).toEqual([[3980, helsinkiToday(now)]])
    expect(offer.serviceUnits.map((unit) => unit.serviceUnitId).sort()).toEqual([units.place.id, units.area.id].sort())
    expect(offer.extraServices).toMatchObject([{ nameSv: 'Matleverans', priceCents: 850 }])
    expect(await prisma.auditEvent.findFirst({ where: { entityId: id, action: 'offer.create' } })).toMatchObject({ actorId: actors.owner.id })
  })

  it('only in a category with an entry in force, one per category, with the organisation’s own units', async () => {
    const { categories, units, actors, world } = await createOfferWorld()
    // support services: no register entry
    expect(await createOffer(actors.owner, offerInput(categories.supportServices.id, [units.place.id]))).toEqual({
      ok: false,
      error: 'categoryUnavailable',
    })
    // another organisation's unit
    expect(await createOffer(actors.owner, offerInput(categories.homeCare.id, [units.otherUnit.id]))).toEqual({ ok: false, error: 'unitUnknown' })
    const id = await newOffer(actors.editor, categories.homeCare.id, [units.place.id])
    expect(await createOffer(actors.owner, offerInput(categories.homeCare.id, [units.place.id]))).toEqual({
      ok: false,
      error: 'offerExists',
      offerId: id,
    })
    // the new-offer page says why
    const choices = await listNewOfferChoices(world.organisation.id)
    expect(choices.find((choice) => choice.id === categories.homeCare.id)?.block).toEqual({ reason: 'offerExists', offerId: id })
    expect(choices.find((choice) => choice.id === categories.supportServices.id)?.block).toEqual({ reason: 'notInRegister' })
    expect(choices.some((choice) => choice.id === categories.closed.id)).toBe(false)
    // archiving frees the category; restoring is then refused while the new one exists
    expect(await archiveOffer(actors.owner, id)).toMatchObject({ ok: true, status: 'ARCHIVED' })
    const second = await newOffer(actors.owner, categories.homeCare.id, [units.place.id])
    expect(await restoreOffer(actors.owner, id)).toEqual({ ok: false, error: 'offerExists', offerId: second })
  })
})

describe('publishing', () => {
  it('is refused without a register entry in force for the category, naming the category', async () => {
    const { categories, units, actors, world, entry } = await createOfferWorld()
    const id = await newOffer(actors.owner, categories.homeCare.id, [units.place.id])
    await prisma.registerEntry.update({ where: { id: entry.id }, data: { status: 'REMOVED', statusChangedAt: new Date(Date.now() - 60_000) } })
    expect(await publishOffer(actors.owner, id)).toEqual({
      ok: false,
      error: 'notPublishable',
      problems: ['noEntry'],
      category: { nameFi: 'Kotihoito', nameSv: 'Hemvård', nameEn: 'Home care' },
    })
    expect((await offerRow(id)).status).toBe('DRAFT')
    // an organisation with no entry at all
    const bare = await prisma.offer.create({
      data: { organisationId: world.organisation.id, categoryId: categories.supportServices.id, titleSv: 'Städning', priceCents: 2500, languages: ['sv'] },
    })
    const refused = await publishOffer(actors.owner, bare.id)
    expect(refused).toMatchObject({ ok: false, error: 'notPublishable' })
    // and no price row, no description, no unit either: every problem is named
    expect(refused.ok === false && refused.error === 'notPublishable' && refused.problems).toEqual(['noEntry', 'noPrice', 'noDescription', 'noUnit'])
  })

  it('publishes with an entry in force; after a suspension a new publish is refused and the published offer is hidden', async () => {
    const { categories, units, actors, entry } = await createOfferWorld()
    const id = await newOffer(actors.owner, categories.homeCare.id, [units.area.id])
    expect(await isPublic(id, categories.homeCare.id)).toBe(false)
    const now = new Date()
    expect(await publishOffer(actors.owner, id, now)).toEqual({ ok: true, status: 'PUBLISHED', changed: true })
    expect(await offerRow(id)).toMatchObject({ status: 'PUBLISHED', publishedAt: now })
    expect(await isPublic(id, categories.homeCare.id)).toBe(true)
    expect(await prisma.auditEvent.findFirst({ where: { entityId: id, action: 'offer.publish' } })).toMatchObject({
      before: { status: 'DRAFT' },
      after: { status: 'PUBLISHED' },
    })

    // a suspension decided for a later day keeps the entry in force until then
    await prisma.registerEntry.update({ where: { id: entry.id }, data: { status: 'SUSPENDED', statusChangedAt: new Date(Date.now() + dayMs) } })
    expect(await isPublic(id, categories.homeCare.id)).toBe(true)
    // from the day of the suspension: still PUBLISHED in the table, but the public rule hides it
    await prisma.registerEntry.update({ where: { id: entry.id }, data: { statusChangedAt: new Date(Date.now() - 60_000) } })
    expect((await offerRow(id)).status).toBe('PUBLISHED')
    expect(await isPublic(id, categories.homeCare.id)).toBe(false)
    expect((await getOffer(actors.owner.organisationId, id))?.entry).toEqual({ status: 'SUSPENDED', inForce: false })

    // back to draft, it cannot be published again while suspended
    expect(await unpublishOffer(actors.owner, id)).toMatchObject({ ok: true, status: 'DRAFT' })
    expect(await publishOffer(actors.owner, id)).toMatchObject({ ok: false, error: 'notPublishable', problems: ['noEntry'] })
    // reinstated: publishable again
    await prisma.registerEntry.update({ where: { id: entry.id }, data: { status: 'ACTIVE' } })
    expect(await publishOffer(actors.editor, id)).toMatchObject({ ok: true, status: 'PUBLISHED' })
    expect(await isPublic(id, categories.homeCare.id)).toBe(true)
  })

  it('follows the status rules: no publishing an archived offer; archive and restore', async () => {
    const { categories, units, actors } = await createOfferWorld()
    const id = await newOffer(actors.owner, categories.homeCare.id, [units.area.id])
    expect(await archiveOffer(actors.owner, id)).toMatchObject({ ok: true, status: 'ARCHIVED' })
    expect((await offerRow(id)).archivedAt).not.toBeNull()
    expect(await publishOffer(actors.owner, id)).toEqual({ ok: false, error: 'notAllowed', status: 'ARCHIVED' })
    expect(await updateOffer(actors.owner, id, editInput([units.area.id]))).toEqual({ ok: false, error: 'archived' })
    expect(await restoreOffer(actors.owner, id)).toMatchObject({ ok: true, status: 'DRAFT' })
    expect(await offerRow(id)).toMatchObject({ status: 'DRAFT', archivedAt: null })
  })
})

describe('editing', () => {
  it('replaces texts, languages, units and extras, auditing only what changed', async () => {
    const { categories, units, actors } = await createOfferWorld()
    const id = await newOffer(actors.owner, categories.homeCare.id, [units.place.id])
    expect(await updateOffer(actors.editor, id, editInput([units.place.id]))).toEqual({ ok: true, changed: false })
    const result = await updateOffer(
      actors.editor,
      id,
      editInput([units.area.id], { titleEn: 'Home care in Närpes', languages: ['sv', 'fse'], extras: [] }),
    )
    expect(result).toEqual({ ok: true, changed: true })
    const offer = await prisma.offer.findUniqueOrThrow({ where: { id }, include: { serviceUnits: true, extraServices: true } })
    expect(offer).toMatchObject({ titleEn: 'Home care in Närpes', languages: ['sv', 'fse'] })
    expect(offer.serviceUnits.map((unit) => unit.serviceUnitId)).toEqual([units.area.id])
    expect(offer.extraServices).toEqual([])
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { entityId: id, action: 'offer.update' } })
    expect(audit.actorId).toBe(actors.editor.id)
    expect(Object.keys(audit.before as object).sort()).toEqual(['extras', 'languages', 'titleEn', 'unitIds'])
    expect(audit.after).toMatchObject({ titleEn: 'Home care in Närpes', unitIds: [units.area.id] })
  })

  it("never reaches another organisation's offer", async () => {
    const { categories, units, actors } = await createOfferWorld()
    const id = await newOffer(actors.owner, categories.homeCare.id, [units.place.id])
    expect(await updateOffer(actors.otherOwner, id, editInput([units.otherUnit.id]))).toEqual({ ok: false, error: 'notFound' })
    expect(await publishOffer(actors.otherOwner, id)).toEqual({ ok: false, error: 'notFound' })
    expect(await changePrice(actors.otherOwner, id, { priceCents: 100, effectiveFrom: helsinkiToday() })).toEqual({ ok: false, error: 'notFound' })
    expect(await confirmCapacity(actors.otherOwner, id)).toEqual({ ok: false, error: 'notFound' })
    expect(await getOffer(actors.otherOwner.organisationId, id)).toBeNull()
    expect((await offerRow(id)).status).toBe('DRAFT')
  })
})

describe('prices', () => {
  it('a price from today changes priceCents at once and adds a row to the history', async () => {
    const { categories, units, actors } = await createOfferWorld()
    const now = new Date()
    const id = await newOffer(actors.owner, categories.homeCare.id, [units.place.id], new Date(now.getTime() - 10 * dayMs))
    const today = helsinkiToday(now)
    expect(await changePrice(actors.editor, id, { priceCents: 4150, effectiveFrom: today }, now)).toEqual({ ok: true, appliesNow: true })
    const offer = await offerRow(id)
    expect(offer.priceCents).toBe(4150)
    expect(offer.prices.map((price) => price.priceCents)).toEqual([3980, 4150])
    expect(offer.prices[1]?.effectiveFrom.toISOString().slice(0, 10)).toBe(today)
    expect(await prisma.auditEvent.findFirst({ where: { entityId: id, action: 'offer.price-change' } })).toMatchObject({
      before: { priceCents: 3980 },
      after: { priceCents: 4150, effectiveFrom: today },
    })
  })

  it('a later price waits until applyDuePrices runs on its day (idempotent)', async () => {
    const { categories, units, actors } = await createOfferWorld()
    const now = new Date()
    const id = await newOffer(actors.owner, categories.homeCare.id, [units.place.id], now)
    const later = addDays(helsinkiToday(now), 5)
    expect(await changePrice(actors.owner, id, { priceCents: 4500, effectiveFrom: later }, now)).toEqual({ ok: true, appliesNow: false })
    expect((await offerRow(id)).priceCents).toBe(3980)
    await applyDuePrices(now)
    expect((await offerRow(id)).priceCents).toBe(3980)
    await applyDuePrices(new Date(Date.parse(`${addDays(later, -1)}T12:00:00Z`)))
    expect((await offerRow(id)).priceCents).toBe(3980)
    // on its day in Helsinki (10:00 local)
    const due = new Date(Date.parse(`${later}T08:00:00Z`))
    expect(await applyDuePrices(due)).toBeGreaterThanOrEqual(1)
    expect((await offerRow(id)).priceCents).toBe(4500)
    expect(await prisma.auditEvent.findFirst({ where: { entityId: id, action: 'offer.price-applied' } })).toMatchObject({
      actorId: null,
      before: { priceCents: 3980 },
      after: { priceCents: 4500 },
    })
    await applyDuePrices(due)
    expect(await prisma.auditEvent.count({ where: { entityId: id, action: 'offer.price-applied' } })).toBe(1)
  })

  it('refuses a past day and a price of zero', async () => {
    const { categories, units, actors } = await createOfferWorld()
    const id = await newOffer(actors.owner, categories.homeCare.id, [units.place.id])
    expect(await changePrice(actors.owner, id, { priceCents: 4000, effectiveFrom: addDays(helsinkiToday(), -1) })).toEqual({
      ok: false,
      error: 'dateInPast',
    })
    expect(await changePrice(actors.owner, id, { priceCents: 0, effectiveFrom: helsinkiToday() })).toEqual({ ok: false, error: 'pricePositive' })
  })
})

describe('free places', () => {
  it('setting or confirming them sets the confirmation time', async () => {
    const { categories, units, actors } = await createOfferWorld()
    const created = new Date(Date.now() - 20 * dayMs)
    const result = await createOffer(actors.owner, offerInput(categories.homeCare.id, [units.place.id], { freePlaces: null }), created)
    if (!result.ok) throw new Error(result.error)
    expect(await offerRow(result.offerId)).toMatchObject({ freePlaces: null, capacityConfirmedAt: null })
    expect(await confirmCapacity(actors.owner, result.offerId)).toEqual({ ok: false, error: 'capacityNotStated' })
    const set = new Date(Date.now() - 3 * dayMs)
    expect(await setCapacity(actors.editor, result.offerId, 0, set)).toEqual({ ok: true })
    expect(await offerRow(result.offerId)).toMatchObject({ freePlaces: 0, capacityConfirmedAt: set })
    const confirmed = new Date()
    expect(await confirmCapacity(actors.editor, result.offerId, confirmed)).toEqual({ ok: true })
    expect(await offerRow(result.offerId)).toMatchObject({ freePlaces: 0, capacityConfirmedAt: confirmed })
    expect(await prisma.auditEvent.findFirst({ where: { entityId: result.offerId, action: 'offer.capacity-confirm' } })).toMatchObject({
      after: { freePlaces: 0, capacityConfirmedAt: confirmed.toISOString() },
    })
  })
})

describe('capacity reminders', () => {
  async function reminders(offerId: string) {
    return prisma.emailOutbox.findMany({
      where: { template: 'capacity-reminder', props: { path: ['offerId'], equals: offerId } },
      orderBy: { toAddress: 'asc' },
    })
  }

  it('email each owner once in their language about a stale published offer, and not again within 7 days', async () => {
    const { categories, units, actors, world, secondOwner } = await createOfferWorld()
    const now = new Date()
    const stale = await newOffer(actors.owner, categories.homeCare.id, [units.place.id], new Date(now.getTime() - 20 * dayMs))
    await publishOffer(actors.owner, stale, new Date(now.getTime() - 20 * dayMs))

    await runCapacityReminders(now)
    const sent = await reminders(stale)
    expect(sent.map((email) => [email.toAddress, email.locale]).sort()).toEqual(
      [
        [world.users.owner.email, 'fi'],
        [secondOwner.email, 'en'],
      ].sort(),
    )
    // the editor is not an owner
    expect(sent.some((email) => email.toAddress === world.users.editor.email)).toBe(false)
    const props = sent.find((email) => email.locale === 'fi')?.props as { offerId: string; link: string; values: Record<string, string> }
    expect(props).toMatchObject({
      offerId: stale,
      link: expect.stringMatching(new RegExp(`/provider/${world.organisation.id}/offers/${stale}$`)) as unknown,
      values: { organisation: world.organisation.name, offer: 'Kotihoito Närpiössä', days: '20' },
    })
    const finnish = await renderEmail('capacity-reminder', 'fi', props)
    expect(finnish.subject).toBe('Vahvista vapaat paikat: Kotihoito Närpiössä')
    expect(finnish.text).toContain('20 päivään')

    // within 7 days: nothing more, however often the job runs
    await runCapacityReminders(new Date(now.getTime() + 60 * 60 * 1000))
    await runCapacityReminders(new Date(now.getTime() + 6 * dayMs))
    expect(await reminders(stale)).toHaveLength(2)
    // after 7 days, still stale: reminded again
    await runCapacityReminders(new Date(now.getTime() + 7 * dayMs + 60_000))
    expect(await reminders(stale)).toHaveLength(4)
  })

  it('leave fresh and unpublished offers alone', async () => {
    const { categories, units, actors } = await createOfferWorld()
    const now = new Date()
    const fresh = await newOffer(actors.owner, categories.homeCare.id, [units.place.id], new Date(now.getTime() - 30 * dayMs))
    await publishOffer(actors.owner, fresh)
    await setCapacity(actors.owner, fresh, 4, new Date(now.getTime() - 13 * dayMs))
    await runCapacityReminders(now)
    expect(await reminders(fresh)).toHaveLength(0)
    await unpublishOffer(actors.owner, fresh)
    await runCapacityReminders(new Date(now.getTime() + 5 * dayMs))
    expect(await reminders(fresh)).toHaveLength(0)
  })
})

describe('the offer page', () => {
  const route = () => import('~/routes/provider.$orgId.offers.$offerId')
  const list = () => import('~/routes/provider.$orgId.offers._index')

  async function prepared() {
    const context = await createOfferWorld()
    const id = await newOffer(context.actors.owner, context.categories.homeCare.id, [context.units.place.id])
    const params = { orgId: context.world.organisation.id, offerId: id }
    const path = `/provider/${params.orgId}/offers/${id}`
    return { ...context, id, params, path }
  }

  it('answers members with 200, other organisations and staff with 404 and anonymous users with the login page', async () => {
    const { world, params, path } = await prepared()
    const { loader, action } = await route()
    for (const persona of ['owner', 'editor'] as const) {
      expect((await statusOf(() => loader({ request: makeRequest(path, { cookie: world.cookies[persona] }), params, context: {} }))).status).toBe(200)
    }
    for (const persona of ['otherProvider', 'reviewer', 'admin'] as const) {
      expect((await statusOf(() => loader({ request: makeRequest(path, { cookie: world.cookies[persona] }), params, context: {} }))).status).toBe(404)
      const posted = makeRequest(path, { cookie: world.cookies[persona], form: { intent: 'publish' } })
      expect((await statusOf(() => action({ request: posted, params, context: {} }))).status).toBe(404)
    }
    expect(await statusOf(() => loader({ request: makeRequest(path), params, context: {} }))).toEqual({
      status: 302,
      location: `/login?${new URLSearchParams({ redirectTo: path })}`,
    })
    expect((await statusOf(() => action({ request: makeRequest(path, { form: { intent: 'publish' } }), params, context: {} }))).status).toBe(302)
  })

  it("gives 404 for another organisation's offer id, even to its own owner under their organisation", async () => {
    const { world, id } = await prepared()
    const { loader, action } = await route()
    const foreign = { orgId: world.otherOrganisation.id, offerId: id }
    const path = `/provider/${foreign.orgId}/offers/${id}`
    const cookie = world.cookies.otherProvider
    expect((await statusOf(() => loader({ request: makeRequest(path, { cookie }), params: foreign, context: {} }))).status).toBe(404)
    const forms: Record<string, string>[] = [{ intent: 'publish' }, { intent: 'archive' }, { intent: 'capacity', capacity: 'none' }, { intent: 'confirm-capacity', offerId: id }]
    for (const form of forms) {
      expect((await statusOf(() => action({ request: makeRequest(path, { cookie, form }), params: foreign, context: {} }))).status).toBe(404)
    }
    const price = { intent: 'price', price: '1,00', effectiveFrom: helsinkiToday() }
    expect((await statusOf(() => action({ request: makeRequest(path, { cookie, form: price }), params: foreign, context: {} }))).status).toBe(404)
    // the list's one-click confirmation too
    const listPath = `/provider/${foreign.orgId}/offers`
    const { action: listAction } = await list()
    const confirm = makeRequest(listPath, { cookie, form: { intent: 'confirm-capacity', offerId: id } })
    expect((await statusOf(() => listAction({ request: confirm, params: { orgId: foreign.orgId }, context: {} }))).status).toBe(404)
    expect(await offerRow(id)).toMatchObject({ status: 'DRAFT', priceCents: 3980, freePlaces: 2 })
  })

  it('lets an editor edit, change the price and publish; the refusal names the problems', async () => {
    const { world, params, path, id, units, entry } = await prepared()
    const { action } = await route()
    const cookie = world.cookies.editor
    const post = (form: Record<string, string>) => statusOf(() => action({ request: makeRequest(path, { cookie, form }), params, context: {} }))
    const save = {
      intent: 'save',
      titleSv: 'Hemvård i Närpes och Kristinestad',
      descriptionSv: 'Vi kommer hem till dig.',
      languages: 'sv',
      otherLanguages: 'so, ar',
      unitIds: units.area.id,
      'extras[0].nameSv': 'Fönstertvätt',
      'extras[0].price': '45',
    }
    expect(await post(save)).toEqual({ status: 302, location: path })
    expect(await prisma.offer.findUniqueOrThrow({ where: { id }, include: { extraServices: true } })).toMatchObject({
      titleSv: 'Hemvård i Närpes och Kristinestad',
      titleFi: null,
      languages: ['sv', 'so', 'ar'],
      extraServices: [{ nameSv: 'Fönstertvätt', priceCents: 4500 }],
    })
    expect(await post({ ...save, otherLanguages: 'xx' })).toEqual({ status: 400, location: null })
    expect(await post({ intent: 'price', price: '42,50', effectiveFrom: helsinkiToday() })).toEqual({ status: 302, location: `${path}#price` })
    expect((await offerRow(id)).priceCents).toBe(4250)
    expect(await post({ intent: 'capacity', capacity: 'some', freePlaces: '5' })).toEqual({ status: 302, location: `${path}#capacity` })
    expect((await offerRow(id)).freePlaces).toBe(5)

    await prisma.registerEntry.update({ where: { id: entry.id }, data: { status: 'SUSPENDED', statusChangedAt: new Date(Date.now() - 60_000) } })
    const { loader } = await route()
    const refused = await action({ request: makeRequest(path, { cookie, form: { intent: 'publish' } }), params, context: {} })
    expect(refused).toMatchObject({ init: { status: 409 }, data: { form: 'status', problems: ['noEntry'], category: 'Hemvård' } })
    await prisma.registerEntry.update({ where: { id: entry.id }, data: { status: 'ACTIVE' } })
    expect(await post({ intent: 'publish' })).toEqual({ status: 302, location: path })
    expect((await offerRow(id)).status).toBe('PUBLISHED')
    const page = (await loader({ request: makeRequest(path, { cookie }), params, context: {} })) as { offer: { status: string; prices: unknown[] } }
    expect(page.offer).toMatchObject({ status: 'PUBLISHED' })
    expect(page.offer.prices).toHaveLength(1)
  })
})
