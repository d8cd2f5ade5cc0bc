import type { Prisma } from '~/generated/prisma/client'
import { producerRating } from '~/modules/choices/rating.server'
import { entryInForceWhere, publicOfferWhere } from '~/modules/register/public-offers'
import { prisma } from '~/utils/db.server'
import { incomeRuleInForce, valuesInForce } from './values.server'
import { readerValue, type ReaderValue } from './voucher'

/**
 * Public offers in full (the comparison and the producer profile): units with addresses and accessibility, home-visit
 * areas, extra services, the category and its voucher value for the reader. Only public offers (`publicOfferWhere`).
 */
const unitSelect = {
  id: true,
  kind: true,
  name: true,
  streetAddress: true,
  postalCode: true,
  municipalityCode: true,
  stepFreeAccess: true,
  hearingLoop: true,
  parking: true,
  accessibilityFi: true,
  accessibilitySv: true,
  accessibilityEn: true,
  phone: true,
  updatedAt: true,
  areaMunicipalities: { select: { municipalityCode: true }, orderBy: { municipalityCode: 'asc' } },
} as const satisfies Prisma.ServiceUnitSelect

export type PublicUnit = Prisma.ServiceUnitGetPayload<{ select: typeof unitSelect }>

function offerSelect(now: Date) {
  return {
    id: true,
    organisationId: true,
    titleFi: true,
    titleSv: true,
    titleEn: true,
    descriptionFi: true,
    descriptionSv: true,
    descriptionEn: true,
    priceCents: true,
    languages: true,
    freePlaces: true,
    capacityConfirmedAt: true,
    updatedAt: true,
    category: { select: { id: true, code: true, nameFi: true, nameSv: true, nameEn: true, unit: true, voucherType: true } },
    organisation: {
      select: {
        id: true,
        name: true,
        registerEntries: { where: entryInForceWhere(now), select: { categoryId: true, validFrom: true } },
      },
    },
    serviceUnits: { select: { serviceUnit: { select: unitSelect } } },
    extraServices: { select: { id: true, nameFi: true, nameSv: true, nameEn: true, priceCents: true }, orderBy: [{ priceCents: 'asc' }, { id: 'asc' }] },
    prices: { select: { priceCents: true, effectiveFrom: true }, orderBy: { effectiveFrom: 'desc' } },
  } satisfies Prisma.OfferSelect
}

type OfferRow = Prisma.OfferGetPayload<{ select: ReturnType<typeof offerSelect> }>

export type PublicOfferDetail = Omit<OfferRow, 'organisation' | 'serviceUnits'> & {
  organisation: { id: string; name: string }
  /** the register entry in force for the offer's category: since when */
  inRegisterSince: Date | null
  units: PublicUnit[]
  /** the voucher value per unit for the reader (their estimate when they gave one) */
  value: ReaderValue
}

export type Estimate = { household?: number; incomeCents?: number }

async function readOffers(where: Prisma.OfferWhereInput, orderBy: Prisma.OfferOrderByWithRelationInput[], estimate: Estimate, now: Date) {
  const rows = await prisma.offer.findMany({ where: { AND: [await publicOfferWhere({ now }), where] }, orderBy, select: offerSelect(now) })
  const incomeRelated = estimate.household !== undefined && rows.some((row) => row.category.voucherType === 'INCOME_RELATED')
  const [values, rule] = await Promise.all([valuesInForce(rows.map((row) => row.category.id), now), incomeRelated ? incomeRuleInForce(now) : null])
  const unitName = (a: PublicUnit, b: PublicUnit) => (a.kind === b.kind ? a.name.localeCompare(b.name) : a.kind === 'LOCATION' ? -1 : 1)
  return rows.map(({ organisation, serviceUnits, prices, ...offer }): PublicOfferDetail => ({
    ...offer,
    organisation: { id: organisation.id, name: organisation.name },
    inRegisterSince: organisation.registerEntries.find((entry) => entry.categoryId === offer.category.id)?.validFrom ?? null,
    units: serviceUnits.map((link) => link.serviceUnit).sort(unitName),
    prices,
    value: readerValue(offer.category.voucherType, values.get(offer.category.id) ?? null, rule, estimate),
  }))
}

/**
 * The offers to compare, in the order asked. Ids that are not public (a suspended entry's offer, a draft, an
 * unknown id) are left out: `skipped` counts them so the page can say so.
 */
export async function compareOffers(offerIds: readonly string[], estimate: Estimate = {}, now = new Date()) {
  if (offerIds.length === 0) return { offers: [], skipped: 0 }
  const rows = await readOffers({ id: { in: [...offerIds] } }, [{ id: 'asc' }], estimate, now)
  const byId = new Map(rows.map((row) => [row.id, row]))
  const offers = offerIds.flatMap((id) => byId.get(id) ?? [])
  return { offers, skipped: offerIds.length - offers.length }
}

/**
 * A producer's public profile: the organisation, its register entries in force, its public offers (with price
 * history), the units they are given in and the clients' rating. Null when the organisation has neither a public
 * offer nor an entry in force (the page answers 404, so suspended or unknown producers are not shown).
 */
export async function producerProfile(organisationId: string, estimate: Estimate = {}, now = new Date()) {
  const organisation = await prisma.organisation.findUnique({
    where: { id: organisationId },
    select: {
      id: true,
      name: true,
      descriptionFi: true,
      descriptionSv: true,
      descriptionEn: true,
      updatedAt: true,
      registerEntries: {
        where: entryInForceWhere(now),
        select: {
          id: true,
          validFrom: true,
          category: { select: { id: true, code: true, nameFi: true, nameSv: true, nameEn: true, sortOrder: true } },
        },
        orderBy: [{ category: { sortOrder: 'asc' } }, { category: { code: 'asc' } }],
      },
    },
  })
  if (!organisation) return null
  const [offers, rating] = await Promise.all([
    readOffers({ organisationId }, [{ category: { sortOrder: 'asc' } }, { category: { code: 'asc' } }, { id: 'asc' }], estimate, now),
    producerRating(organisationId),
  ])
  if (offers.length === 0 && organisation.registerEntries.length === 0) return null
  const units = new Map<string, PublicUnit>()
  for (const offer of offers) for (const unit of offer.units) units.set(unit.id, unit)
  const times = [organisation.updatedAt, ...offers.map((offer) => offer.updatedAt), ...[...units.values()].map((unit) => unit.updatedAt)]
  return {
    organisation,
    offers,
    units: [...units.values()].sort((a, b) => (a.kind === b.kind ? a.name.localeCompare(b.name) : a.kind === 'LOCATION' ? -1 : 1)),
    languages: [...new Set(offers.flatMap((offer) => offer.languages))],
    lastUpdated: new Date(Math.max(...times.map((time) => time.getTime()))),
    /** clients' average rating (from 5 ratings up) and approved feedback texts */
    rating,
  }
}

/** Municipality names for the pages (14 rows; the pages name them in the reader's language). */
export function municipalities() {
  return prisma.municipality.findMany({ orderBy: { code: 'asc' }, select: { code: true, nameFi: true, nameSv: true, officialLanguages: true } })
}
