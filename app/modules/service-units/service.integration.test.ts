import { describe, expect, it } from 'vitest'
import { prisma } from '~/utils/db.server'
import { createOfferWorld, offerInput } from '../../../tests/support/offer-fixtures'
import { makeRequest, statusOf } from '../../../tests/support/request'
import { createOffer, publishOffer } from '../offers/service.server'
import { createUnit, deleteUnit, getUnit, listUnitChoices, listUnits, updateUnit, type UnitActor } from './service.server'

const place = {
  kind: 'LOCATION' as const,
  name: 'Hemmet Solbacka',
  streetAddress: 'Strandvägen 12',
  postalCode: '64100',
  municipalityCode: '287',
  latitude: null,
  longitude: null,
  stepFreeAccess: true,
  hearingLoop: false,
  parking: true,
  accessibilitySv: 'Ramp vid huvudingången.',
  accessibilityFi: undefined,
  accessibilityEn: undefined,
  phone: '06 123 4567',
}

async function created(actor: UnitActor, input: Parameters<typeof createUnit>[1]) {
  const result = await createUnit(actor, input)
  if (!result.ok) throw new Error(`unit refused: ${result.error}`)
  return result.unitId
}

describe('places', () => {
  it('default their coordinates to the municipality centre, keep given ones, and are audited', async () => {
    const { actors } = await createOfferWorld()
    const id = await created(actors.editor, place)
    expect(await prisma.serviceUnit.findUniqueOrThrow({ where: { id } })).toMatchObject({
      kind: 'LOCATION',
      organisationId: actors.editor.organisationId,
      municipalityCode: '287',
      latitude: 62.274,
      longitude: 21.376,
      stepFreeAccess: true,
      parking: true,
      accessibilitySv: 'Ramp vid huvudingången.',
      accessibilityFi: null,
      phone: '06 123 4567',
    })
    expect(await prisma.auditEvent.findFirst({ where: { entityId: id, action: 'service-unit.create' } })).toMatchObject({
      actorId: actors.editor.id,
      after: { name: 'Hemmet Solbacka', latitude: 62.274 },
    })

    const exact = await created(actors.owner, { ...place, latitude: 62.2801, longitude: 21.3702 })
    expect(await prisma.serviceUnit.findUniqueOrThrow({ where: { id: exact } })).toMatchObject({ latitude: 62.2801, longitude: 21.3702 })

    // a new municipality with empty coordinates brings its own centre
    expect(await updateUnit(actors.owner, id, { ...place, municipalityCode: '545' })).toEqual({ ok: true, changed: true })
    expect(await prisma.serviceUnit.findUniqueOrThrow({ where: { id } })).toMatchObject({ municipalityCode: '545', latitude: 62.474, longitude: 21.336 })
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { entityId: id, action: 'service-unit.update' } })
    expect(audit.before).toEqual({ municipalityCode: '287', latitude: 62.274, longitude: 21.376 })
    expect(audit.after).toEqual({ municipalityCode: '545', latitude: 62.474, longitude: 21.336 })
    expect(await updateUnit(actors.owner, id, { ...place, municipalityCode: '545' })).toEqual({ ok: true, changed: false })
  })

  it('refuse an unknown municipality and a change of kind', async () => {
    const { actors, units } = await createOfferWorld()
    expect(await createUnit(actors.owner, { ...place, municipalityCode: '999' })).toEqual({ ok: false, error: 'municipalityUnknown' })
    expect(await updateUnit(actors.owner, units.area.id, place)).toEqual({ ok: false, error: 'kindFixed' })
  })
})

describe('home-visit areas', () => {
  it('keep the municipalities covered', async () => {
    const { actors, world } = await createOfferWorld()
    const id = await created(actors.owner, { kind: 'HOME_VISIT_AREA', name: 'Vasaregionen', municipalityCodes: ['905', '545'] })
    expect((await getUnit(world.organisation.id, id))?.areaMunicipalities.map((area) => area.municipality.code)).toEqual(['545', '905'])
    expect(await updateUnit(actors.owner, id, { kind: 'HOME_VISIT_AREA', name: 'Vasaregionen', municipalityCodes: ['905', '287'] })).toEqual({
      ok: true,
      changed: true,
    })
    expect((await getUnit(world.organisation.id, id))?.areaMunicipalities.map((area) => area.municipality.code)).toEqual(['287', '905'])
    expect(await createUnit(actors.owner, { kind: 'HOME_VISIT_AREA', name: 'X', municipalityCodes: ['905', 'nope'] })).toEqual({
      ok: false,
      error: 'municipalityUnknown',
    })
  })
})

describe('deleting', () => {
  it('is refused while a published offer uses the unit; a draft just loses it', async () => {
    const { actors, units, categories, world } = await createOfferWorld()
    const offer = await createOffer(actors.owner, offerInput(categories.homeCare.id, [units.place.id, units.area.id]))
    if (!offer.ok) throw new Error(offer.error)
    await publishOffer(actors.owner, offer.offerId)
    const refused = await deleteUnit(actors.owner, units.place.id)
    expect(refused).toEqual({
      ok: false,
      error: 'usedByPublishedOffer',
      offers: [{ id: offer.offerId, titleFi: 'Kotihoito Närpiössä', titleSv: 'Hemvård i Närpes', titleEn: null }],
    })
    expect(await getUnit(world.organisation.id, units.place.id)).not.toBeNull()

    await prisma.offer.update({ where: { id: offer.offerId }, data: { status: 'DRAFT' } })
    expect(await deleteUnit(actors.editor, units.place.id)).toEqual({ ok: true })
    expect(await getUnit(world.organisation.id, units.place.id)).toBeNull()
    expect(await prisma.offerServiceUnit.findMany({ where: { offerId: offer.offerId } })).toEqual([
      { offerId: offer.offerId, serviceUnitId: units.area.id },
    ])
    expect(await prisma.auditEvent.findFirst({ where: { entityId: units.place.id, action: 'service-unit.delete' } })).toMatchObject({
      actorId: actors.editor.id,
      before: { name: 'Mottagningen i Närpes', offers: [offer.offerId] },
    })
  })

  it("never reaches another organisation's unit", async () => {
    const { actors, units, world } = await createOfferWorld()
    expect(await deleteUnit(actors.otherOwner, units.place.id)).toEqual({ ok: false, error: 'notFound' })
    expect(await updateUnit(actors.otherOwner, units.place.id, place)).toEqual({ ok: false, error: 'notFound' })
    expect(await getUnit(world.otherOrganisation.id, units.place.id)).toBeNull()
    expect((await listUnits(world.otherOrganisation.id)).map((unit) => unit.id)).toEqual([units.otherUnit.id])
    expect((await listUnitChoices(world.organisation.id)).map((unit) => unit.id)).not.toContain(units.otherUnit.id)
    expect(await getUnit(world.organisation.id, units.place.id)).toMatchObject({ name: 'Mottagningen i Närpes' })
  })
})

describe('the unit page', () => {
  const route = () => import('~/routes/provider.$orgId.units.$unitId')

  it('answers members with 200, other organisations and staff with 404 and anonymous users with the login page', async () => {
    const { world, units } = await createOfferWorld()
    const { loader, action } = await route()
    const params = { orgId: world.organisation.id, unitId: units.place.id }
    const path = `/provider/${params.orgId}/units/${params.unitId}`
    for (const persona of ['owner', 'editor'] as const) {
      expect((await statusOf(() => loader({ request: makeRequest(path, { cookie: world.cookies[persona] }), params, context: {} }))).status).toBe(200)
    }
    for (const persona of ['otherProvider', 'reviewer', 'admin'] as const) {
      expect((await statusOf(() => loader({ request: makeRequest(path, { cookie: world.cookies[persona] }), params, context: {} }))).status).toBe(404)
      const posted = makeRequest(path, { cookie: world.cookies[persona], form: { intent: 'delete' } })
      expect((await statusOf(() => action({ request: posted, params, context: {} }))).status).toBe(404)
    }
    expect(await statusOf(() => loader({ request: makeRequest(path), params, context: {} }))).toEqual({
      status: 302,
      location: `/login?${new URLSearchParams({ redirectTo: path })}`,
    })
    expect((await statusOf(() => action({ request: makeRequest(path, { form: { intent: 'delete' } }), params, context: {} }))).status).toBe(302)
    expect(await getUnit(world.organisation.id, units.place.id)).not.toBeNull()
  })

  it("gives 404 for another organisation's unit id, even to its own owner under their organisation", async () => {
    const { world, units } = await createOfferWorld()
    const { loader, action } = await route()
    const foreign = { orgId: world.otherOrganisation.id, unitId: units.place.id }
    const path = `/provider/${foreign.orgId}/units/${foreign.unitId}`
    const cookie = world.cookies.otherProvider
    expect((await statusOf(() => loader({ request: makeRequest(path, { cookie }), params: foreign, context: {} }))).status).toBe(404)
    expect((await statusOf(() => action({ request: makeRequest(path, { cookie, form: { intent: 'delete' } }), params: foreign, context: {} }))).status).toBe(404)
    const save = { intent: 'save', kind: 'LOCATION', name: 'Taken', streetAddress: 'X 1', postalCode: '65100', municipalityCode: '905' }
    expect((await statusOf(() => action({ request: makeRequest(path, { cookie, form: save }), params: foreign, context: {} }))).status).toBe(404)
    expect(await getUnit(world.organisation.id, units.place.id)).toMatchObject({ name: 'Mottagningen i Närpes' })
  })

  it('lets an editor save and delete through the page, and shows the coordinates empty when they are the centre', async () => {
    const { world, units } = await createOfferWorld()
    const { loader, action } = await route()
    const params = { orgId: world.organisation.id, unitId: units.place.id }
    const path = `/provider/${params.orgId}/units/${params.unitId}`
    const cookie = world.cookies.editor
    const page = (await loader({ request: makeRequest(path, { cookie }), params, context: {} })) as { unit: { latitude: string } }
    expect(page.unit.latitude).toBe('')
    const save = { intent: 'save', kind: 'LOCATION', name: 'Mottagningen', streetAddress: 'Köpmansgatan 5', postalCode: '64200', municipalityCode: '545', latitude: '62,48', longitude: '21,34' }
    expect(await statusOf(() => action({ request: makeRequest(path, { cookie, form: save }), params, context: {} }))).toEqual({
      status: 302,
      location: `/provider/${params.orgId}/units`,
    })
    expect(await getUnit(world.organisation.id, units.place.id)).toMatchObject({ name: 'Mottagningen', latitude: 62.48, longitude: 21.34 })
    const outside = { ...save, latitude: '21,34', longitude: '62,48' }
    expect((await statusOf(() => action({ request: makeRequest(path, { cookie, form: outside }), params, context: {} }))).status).toBe(400)
    expect(await statusOf(() => action({ request: makeRequest(path, { cookie, form: { intent: 'delete' } }), params, context: {} }))).toEqual({
      status: 302,
      location: `/provider/${params.orgId}/units`,
    })
    expect(await getUnit(world.organisation.id, units.place.id)).toBeNull()
  })
})
