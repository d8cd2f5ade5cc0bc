import type { NewOfferInput, OfferEditInput } from '~/modules/offers/schema'
import type { OfferActor } from '~/modules/offers/service.server'
import { prisma } from '~/utils/db.server'
import { createCategories, daysAgo } from './application-fixtures'
import { createUser, createWorld } from './request'

/**
 * Offers and service units for tests: a world (organisation, personas, cookies) with the fixture categories, the
 * municipalities the tests use, a place and a home-visit area of the organisation, and an entry in force in the
 * producer register for home care. The first owner reads Finnish, a second owner English (reminders go out in each
 * owner's language).
 */
export const municipalities = [
  { code: '905', nameFi: 'Vaasa', nameSv: 'Vasa', officialLanguages: ['fi', 'sv'], latitude: 63.096, longitude: 21.6158 },
  { code: '545', nameFi: 'Närpiö', nameSv: 'Närpes', officialLanguages: ['sv'], latitude: 62.474, longitude: 21.336 },
  { code: '287', nameFi: 'Kristiinankaupunki', nameSv: 'Kristinestad', officialLanguages: ['sv', 'fi'], latitude: 62.274, longitude: 21.376 },
] as const

export async function createMunicipalities() {
  for (const municipality of municipalities) {
    await prisma.municipality.upsert({
      where: { code: municipality.code },
      update: {},
      create: { ...municipality, officialLanguages: [...municipality.officialLanguages] },
    })
  }
}

export async function createOfferWorld() {
  const world = await createWorld()
  await createMunicipalities()
  const categories = await createCategories()
  await prisma.user.update({ where: { id: world.users.owner.id }, data: { locale: 'fi' } })
  const secondOwner = await createUser({ name: 'Second owner' })
  await prisma.user.update({ where: { id: secondOwner.id }, data: { locale: 'en' } })
  await prisma.membership.create({ data: { userId: secondOwner.id, organisationId: world.organisation.id, role: 'OWNER' } })
  const entry = await prisma.registerEntry.create({
    data: { organisationId: world.organisation.id, categoryId: categories.homeCare.id, validFrom: daysAgo(100) },
  })
  const place = await prisma.serviceUnit.create({
    data: {
      organisationId: world.organisation.id,
      kind: 'LOCATION',
      name: 'Mottagningen i Närpes',
      streetAddress: 'Köpmansgatan 5',
      postalCode: '64200',
      municipalityCode: '545',
      latitude: 62.474,
      longitude: 21.336,
    },
  })
  const area = await prisma.serviceUnit.create({
    data: {
      organisationId: world.organisation.id,
      kind: 'HOME_VISIT_AREA',
      name: 'Hemvård Sydösterbotten',
      areaMunicipalities: { create: [{ municipalityCode: '545' }, { municipalityCode: '287' }] },
    },
  })
  const otherUnit = await prisma.serviceUnit.create({
    data: { organisationId: world.otherOrganisation.id, kind: 'HOME_VISIT_AREA', name: 'Other organisation area' },
  })
  const actors = {
    owner: { id: world.users.owner.id, organisationId: world.organisation.id, role: 'provider_owner' } satisfies OfferActor,
    editor: { id: world.users.editor.id, organisationId: world.organisation.id, role: 'provider_editor' } satisfies OfferActor,
    /** the other organisation's owner, acting in their own organisation */
    otherOwner: { id: world.users.otherProvider.id, organisationId: world.otherOrganisation.id, role: 'provider_owner' } satisfies OfferActor,
  }
  return { world, categories, entry, units: { place, area, otherUnit }, secondOwner, actors }
}

/** A complete new-offer input (as the form's schema gives it) for a category and units. */
export function offerInput(categoryId: string, unitIds: string[], overrides: Partial<NewOfferInput> = {}): NewOfferInput {
  return {
    categoryId,
    titleFi: 'Kotihoito Närpiössä',
    titleSv: 'Hemvård i Närpes',
    titleEn: undefined,
    descriptionFi: 'Autamme kotona arjen askareissa.',
    descriptionSv: 'Vi hjälper dig hemma med vardagen.',
    descriptionEn: undefined,
    priceCents: 3980,
    languages: ['sv', 'fi', 'ar'],
    unitIds,
    extras: [{ nameFi: 'Ateriapalvelu', nameSv: 'Matleverans', nameEn: null, priceCents: 850 }],
    freePlaces: 2,
    ...overrides,
  }
}

/** The edit form's input for the same texts. */
export function editInput(unitIds: string[], overrides: Partial<OfferEditInput> = {}): OfferEditInput {
  const { categoryId: _category, priceCents: _price, freePlaces: _places, ...rest } = offerInput('', unitIds)
  return { ...rest, ...overrides }
}
