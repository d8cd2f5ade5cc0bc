import type { OfferStatus, Prisma } from '../../app/generated/prisma/client'
import type { EntryModel } from './applications'
import { addDays, at, day, daysBeforeReference, earlierOf, laterOf, REFERENCE_DATE, startOfDay } from './dates'
import { seedId } from './ids'
import { offerText } from './offer-texts'
import { HOME_VISIT_CATEGORIES } from './organisation-catalogue'
import type { OrganisationModel } from './organisations'
import { chance, faker, int, roundTo10 } from './random'
import { referenceValueCents, type Category } from './reference-data'
import type { ServiceUnitsBuild } from './service-units'

export type PricePoint = { effectiveFrom: Date; priceCents: number }

export type OfferModel = {
  id: string
  organisation: OrganisationModel
  categoryCode: string
  status: OfferStatus
  prices: PricePoint[]
  /** the price of its first extra service, if it has one */
  extraPriceCents: number | null
}

export type OffersBuild = {
  offers: Prisma.OfferCreateManyInput[]
  serviceUnits: Prisma.OfferServiceUnitCreateManyInput[]
  prices: Prisma.OfferPriceCreateManyInput[]
  extras: Prisma.OfferExtraServiceCreateManyInput[]
  models: OfferModel[]
}

type Extra = { sv: string; fi: string; en: string; priceCents: number }

const EXTRAS: Record<string, Extra[]> = {
  'home-care': [
    { sv: 'Matleverans', fi: 'Ateriapalvelu', en: 'Meal delivery', priceCents: 850 },
    { sv: 'Trygghetstelefon (per månad)', fi: 'Turvapuhelin (kuukausi)', en: 'Safety phone (per month)', priceCents: 2500 },
  ],
  'support-services': [
    { sv: 'Fönstertvätt', fi: 'Ikkunanpesu', en: 'Window cleaning', priceCents: 4500 },
    { sv: 'Matleverans', fi: 'Ateriapalvelu', en: 'Meal delivery', priceCents: 850 },
  ],
  'round-the-clock-housing': [
    { sv: 'Frisör', fi: 'Kampaamo', en: 'Hairdresser', priceCents: 2500 },
    { sv: 'Fotvård', fi: 'Jalkahoito', en: 'Foot care', priceCents: 4000 },
  ],
  'community-housing': [{ sv: 'Fotvård', fi: 'Jalkahoito', en: 'Foot care', priceCents: 4000 }],
  'short-term-care': [
    { sv: 'Skjuts till och från boendet', fi: 'Kuljetus asumisyksikköön ja takaisin', en: 'Transport to and from the unit', priceCents: 2000 },
  ],
}

/** Service languages beyond Finnish and Swedish, per organisation number. */
const EXTRA_LANGUAGES: Record<number, string[]> = {
  2: ['ar', 'so'],
  8: ['et'],
  9: ['ru', 'fa'],
  12: ['so'],
  19: ['ru'],
  24: ['ar'],
  28: ['fss'],
}

/** Fixed prices for the first organisation, so the demo shows one offer with and one without a co-payment. */
const FIRST_ORGANISATION_PRICES: Record<string, number> = { 'home-care': 3980, 'support-services': 2700 }

const NEW_YEAR_2026 = day('2026-01-01')

function currentPrice(category: Category, organisation: OrganisationModel): number {
  const fixed = organisation.spec.number === 1 ? FIRST_ORGANISATION_PRICES[category.code] : undefined
  if (fixed) return fixed
  const value = referenceValueCents(category, REFERENCE_DATE)
  // a quarter exactly at the voucher value, a tenth below it (no co-payment), the rest 1–35 % above
  const roll = faker.number.float({ min: 0, max: 1 })
  const factor =
    roll < 0.25 ? 1 : roll < 0.35 ? faker.number.float({ min: 0.9, max: 0.99 }) : faker.number.float({ min: 1.01, max: 1.35 })
  return roundTo10(value * factor)
}

function languagesOf(organisation: OrganisationModel): string[] {
  const { spec, language } = organisation
  const other = language === 'fi' ? 'sv' : 'fi'
  const both = spec.languages.includes(other) || chance(0.3)
  return [language, ...(both ? [other] : []), ...(spec.languages.includes('en') ? ['en'] : []), ...(EXTRA_LANGUAGES[spec.number] ?? [])]
}

function capacity(categoryCode: string): { freePlaces: number | null; capacityConfirmedAt: Date | null } {
  const roll = faker.number.float({ min: 0, max: 1 })
  if (roll < 0.15) return { freePlaces: null, capacityConfirmedAt: null }
  const housing = !HOME_VISIT_CATEGORIES.has(categoryCode)
  const freePlaces = roll < 0.35 ? 0 : int(1, housing ? 6 : 12)
  return { freePlaces, capacityConfirmedAt: at(daysBeforeReference(int(0, 40)), int(7, 17), int(0, 59)) }
}

function texts(organisation: OrganisationModel, categoryCode: string) {
  const input = {
    categoryCode,
    organisationName: organisation.spec.name,
    municipalityCode: organisation.municipality.code,
    municipalitySv: organisation.municipality.sv,
    municipalityFi: organisation.municipality.fi,
    ownLanguage: organisation.language,
  }
  const of = (language: 'fi' | 'sv' | 'en') => (organisation.spec.languages.includes(language) ? offerText(input, language) : null)
  const [fi, sv, en] = [of('fi'), of('sv'), of('en')]
  return {
    titleFi: fi?.title ?? null,
    titleSv: sv?.title ?? null,
    titleEn: en?.title ?? null,
    descriptionFi: fi?.description ?? null,
    descriptionSv: sv?.description ?? null,
    descriptionEn: en?.description ?? null,
  }
}

type OfferPlan = { organisation: OrganisationModel; categoryCode: string; status: OfferStatus; createdAt: Date; publishedAt: Date | null }

/** Published offers for every register entry, drafts from two applicants, and two archived ones. */
function plans(entries: EntryModel[], organisations: OrganisationModel[]): OfferPlan[] {
  const result: OfferPlan[] = []
  for (const entry of entries) {
    const createdAt = at(addDays(startOfDay(entry.decidedAt), int(0, 2)), int(8, 15), int(0, 59))
    const publishedAt = at(addDays(startOfDay(createdAt), int(1, 3)), int(8, 15), int(0, 59))
    result.push({ organisation: entry.organisation, categoryCode: entry.categoryCode, status: 'PUBLISHED', createdAt, publishedAt })
  }
  for (const number of [2, 6]) {
    const entry = entries.find((candidate) => candidate.organisation.spec.number === number)!
    const createdAt = at(addDays(startOfDay(entry.decidedAt), 1), 9, 30)
    const publishedAt = at(addDays(createdAt, 1), 10, 0)
    result.push({ organisation: entry.organisation, categoryCode: entry.categoryCode, status: 'ARCHIVED', createdAt, publishedAt })
  }
  for (const number of [33, 34]) {
    const organisation = organisations.find((candidate) => candidate.spec.number === number)!
    const createdAt = at(daysBeforeReference(int(3, 9)), int(8, 15), int(0, 59))
    result.push({ organisation, categoryCode: organisation.spec.categories[0]!, status: 'DRAFT', createdAt, publishedAt: null })
  }
  return result
}

export function buildOffers(
  entries: EntryModel[],
  organisations: OrganisationModel[],
  categories: Map<string, Category>,
  units: ServiceUnitsBuild,
): OffersBuild {
  const build: OffersBuild = { offers: [], serviceUnits: [], prices: [], extras: [], models: [] }
  plans(entries, organisations).forEach((plan, index) => {
    const { organisation, categoryCode, status } = plan
    const category = categories.get(categoryCode)!
    const id = seedId('offer', index + 1)
    const price = currentPrice(category, organisation)
    const firstDay = startOfDay(plan.publishedAt ?? plan.createdAt)
    const prices: PricePoint[] =
      status === 'PUBLISHED' && firstDay < NEW_YEAR_2026
        ? [
            { effectiveFrom: firstDay, priceCents: roundTo10(price * faker.number.float({ min: 0.93, max: 0.97 })) },
            { effectiveFrom: NEW_YEAR_2026, priceCents: price },
          ]
        : [{ effectiveFrom: firstDay, priceCents: price }]
    const live = status === 'PUBLISHED'
    const { freePlaces, capacityConfirmedAt } = live ? capacity(categoryCode) : { freePlaces: null, capacityConfirmedAt: null }
    const archivedAt = status === 'ARCHIVED' ? earlierOf(addDays(plan.createdAt, 90), daysBeforeReference(5)) : null
    const updatedAt = archivedAt ?? laterOf(capacityConfirmedAt ?? plan.createdAt, plan.publishedAt ?? plan.createdAt)
    build.offers.push({
      id,
      organisationId: organisation.id,
      categoryId: category.id,
      ...texts(organisation, categoryCode),
      priceCents: price,
      languages: languagesOf(organisation),
      freePlaces,
      capacityConfirmedAt,
      status,
      publishedAt: plan.publishedAt,
      createdAt: plan.createdAt,
      updatedAt,
    })
    build.prices.push(
      ...prices.map((point, priceIndex) => ({ id: `${id}-price-${priceIndex + 1}`, offerId: id, ...point, createdAt: plan.createdAt })),
    )

    const unitsOf = units.byOrganisation.get(organisation.spec.number)!
    const unitIds = HOME_VISIT_CATEGORIES.has(categoryCode) && unitsOf.homeVisitAreaId ? [unitsOf.homeVisitAreaId] : unitsOf.locationIds
    build.serviceUnits.push(...unitIds.map((serviceUnitId) => ({ offerId: id, serviceUnitId })))

    const candidates = EXTRAS[categoryCode] ?? []
    const withExtras = live && candidates.length > 0 && (organisation.spec.number === 1 || chance(0.45))
    const chosen = withExtras ? candidates.slice(0, organisation.spec.number === 1 ? 1 : int(1, candidates.length)) : []
    chosen.forEach((extra, extraIndex) => {
      const has = (language: 'fi' | 'sv' | 'en') => organisation.spec.languages.includes(language)
      build.extras.push({
        id: `${id}-extra-${extraIndex + 1}`,
        offerId: id,
        nameFi: has('fi') ? extra.fi : null,
        nameSv: has('sv') ? extra.sv : null,
        nameEn: has('en') ? extra.en : null,
        priceCents: extra.priceCents,
      })
    })
    build.models.push({ id, organisation, categoryCode, status, prices, extraPriceCents: chosen[0]?.priceCents ?? null })
  })
  return build
}

/** The offer's price per unit on a day. */
export function priceOn(offer: OfferModel, date: Date): number {
  const point = offer.prices.filter((candidate) => candidate.effectiveFrom <= date).at(-1) ?? offer.prices[0]!
  return point.priceCents
}
