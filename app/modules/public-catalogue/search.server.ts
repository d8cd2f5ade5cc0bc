import { Prisma } from '~/generated/prisma/client'
import type { AppLocale } from '~/i18n'
import { entryInForceWhere, publicOfferWhere } from '~/modules/register/public-offers'
import { prisma } from '~/utils/db.server'
import { legalFormsOf, type SearchFilters, type SortKey } from './schema'
import { column, textOrder } from './text-order'
import { incomeRuleInForce, valuesInForce } from './values.server'
import { bestValueCents, readerValue, type ReaderValue } from './voucher'

/**
 * The public search (no login): the public offers of one category (published, with a register entry in force:
 * `publicOfferWhere`, the only definition), filtered and sorted in the database, a page at a time.
 *
 * - Filters are one Prisma `where`; the count is a `count` of the same `where`.
 * - Sorts by price, name and recently updated are Prisma `orderBy`. The co-payment sort is two ordered slices in
 *   the database: offers the voucher covers in full (co-payment 0, by name) and then the others by price (the
 *   co-payment grows with the price within one category). The distance sort reads the matching ids with the same
 *   `where`, then one SQL query (bound parameters) computes each one's nearest unit from the municipality's centre
 *   (haversine; a home-visit area covering the municipality counts as 0 km, another area as the distance to the
 *   nearest municipality it covers) and returns the page in order.
 * - The cards' fields are read with one `findMany` (Prisma batches the relations: no query per card).
 */
export const searchPageSize = 20

export type SearchCategory = {
  id: string
  code: string
  nameFi: string
  nameSv: string
  nameEn: string
  unit: 'HOUR' | 'DAY' | 'VISIT' | 'MONTH'
  voucherType: 'FIXED' | 'INCOME_RELATED'
}

const categorySelect = { id: true, code: true, nameFi: true, nameSv: true, nameEn: true, unit: true, voucherType: true } as const

function cardSelect(categoryId: string, now: Date) {
  return {
    id: true,
    titleFi: true,
    titleSv: true,
    titleEn: true,
    priceCents: true,
    languages: true,
    freePlaces: true,
    capacityConfirmedAt: true,
    updatedAt: true,
    organisation: {
      select: {
        id: true,
        name: true,
        registerEntries: { where: { AND: [{ categoryId }, entryInForceWhere(now)] }, select: { validFrom: true }, take: 1 },
      },
    },
    serviceUnits: {
      select: { serviceUnit: { select: { kind: true, municipalityCode: true, areaMunicipalities: { select: { municipalityCode: true } } } } },
    },
  } satisfies Prisma.OfferSelect
}

type CardRow = Prisma.OfferGetPayload<{ select: ReturnType<typeof cardSelect> }>

export type SearchCard = {
  id: string
  titleFi: string | null
  titleSv: string | null
  titleEn: string | null
  priceCents: number
  languages: string[]
  freePlaces: number | null
  capacityConfirmedAt: Date | null
  updatedAt: Date
  organisation: { id: string; name: string }
  /** the register entry in force for the category: since when */
  inRegisterSince: Date | null
  /** municipality codes of the offer's locations and of its home-visit areas */
  locationMunicipalities: string[]
  areaMunicipalities: string[]
  /** distance sort only: km from the chosen municipality's centre to the nearest unit (0: home visits there) */
  distanceKm?: number | null
}

function toCard(row: CardRow): SearchCard {
  const locations = new Set<string>()
  const areas = new Set<string>()
  for (const { serviceUnit } of row.serviceUnits) {
    if (serviceUnit.kind === 'LOCATION' && serviceUnit.municipalityCode) locations.add(serviceUnit.municipalityCode)
    if (serviceUnit.kind === 'HOME_VISIT_AREA') for (const area of serviceUnit.areaMunicipalities) areas.add(area.municipalityCode)
  }
  return {
    id: row.id,
    titleFi: row.titleFi,
    titleSv: row.titleSv,
    titleEn: row.titleEn,
    priceCents: row.priceCents,
    languages: row.languages,
    freePlaces: row.freePlaces,
    capacityConfirmedAt: row.capacityConfirmedAt,
    updatedAt: row.updatedAt,
    organisation: { id: row.organisation.id, name: row.organisation.name },
    inRegisterSince: row.organisation.registerEntries[0]?.validFrom ?? null,
    locationMunicipalities: [...locations],
    areaMunicipalities: [...areas],
  }
}

/** Offers with a unit in the municipality, or a home-visit area covering it. */
function servesMunicipality(code: string): Prisma.OfferWhereInput {
  return {
    serviceUnits: {
      some: {
        serviceUnit: {
          OR: [
            { kind: 'LOCATION', municipalityCode: code },
            { kind: 'HOME_VISIT_AREA', areaMunicipalities: { some: { municipalityCode: code } } },
          ],
        },
      },
    },
  }
}

type TextPrefix = 'title' | 'description'

/** Prisma's `contains` is SQL LIKE: the reader's %, _ and \\ are text, not patterns (backslash is PostgreSQL's escape). */
export function likeText(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`)
}

/** The text the reader is shown (their language, or the fallback when theirs is empty) contains `q`. */
function shownTextContains(prefix: TextPrefix, q: string, locale: AppLocale): Prisma.OfferWhereInput {
  const [first, second, third] = textOrder[locale].map((language) => column(prefix, language))
  const contains = (field: string) => ({ [field]: { contains: q, mode: 'insensitive' } }) as Prisma.OfferWhereInput
  const empty = (field: string) => ({ OR: [{ [field]: null }, { [field]: '' }] }) as Prisma.OfferWhereInput
  return {
    OR: [contains(first!), { AND: [empty(first!), contains(second!)] }, { AND: [empty(first!), empty(second!), contains(third!)] }],
  }
}

/** The filters that do not depend on the category's voucher value (the category list counts with these too). */
export function filterWhere(filters: SearchFilters, locale: AppLocale): Prisma.OfferWhereInput[] {
  const where: Prisma.OfferWhereInput[] = []
  if (filters.municipality && !filters.elsewhere) where.push(servesMunicipality(filters.municipality))
  if (filters.languages.length > 0) where.push({ languages: { hasSome: filters.languages } })
  if (filters.freeNow) where.push({ freePlaces: { gt: 0 } })
  if (filters.providerType) where.push({ organisation: { legalForm: { in: [...legalFormsOf[filters.providerType]] } } })
  if (filters.q) {
    const q = likeText(filters.q)
    where.push({
      OR: [
        shownTextContains('title', q, locale),
        shownTextContains('description', q, locale),
        { organisation: { name: { contains: q, mode: 'insensitive' } } },
      ],
    })
  }
  return where
}

export type SearchResult =
  | { kind: 'noCategory'; unknownCategory: boolean }
  | {
      kind: 'results'
      category: SearchCategory
      value: ReaderValue
      /** the sort applied: distance needs a municipality, else the default applies */
      sort: SortKey
      total: number
      page: number
      pageCount: number
      cards: SearchCard[]
    }

export type SearchOptions = { now?: Date; pageSize?: number }

/** One page of the search. Unknown or inactive categories give `noCategory` (the page lists the categories). */
export async function searchOffers(filters: SearchFilters, locale: AppLocale, options: SearchOptions = {}): Promise<SearchResult> {
  const now = options.now ?? new Date()
  const pageSize = options.pageSize ?? searchPageSize
  if (!filters.category) return { kind: 'noCategory', unknownCategory: false }
  const [category, municipality] = await Promise.all([
    prisma.serviceCategory.findFirst({ where: { code: filters.category, active: true }, select: categorySelect }),
    filters.municipality ? prisma.municipality.findUnique({ where: { code: filters.municipality }, select: { code: true } }) : null,
  ])
  if (!category) return { kind: 'noCategory', unknownCategory: true }
  // an unknown municipality code (an edited address) is ignored like any other value that does not fit
  if (!municipality) filters = { ...filters, municipality: undefined }

  const needsRule = category.voucherType === 'INCOME_RELATED' && filters.household !== undefined
  const [values, rule, publicWhere] = await Promise.all([
    valuesInForce([category.id], now),
    needsRule ? incomeRuleInForce(now) : null,
    publicOfferWhere({ categoryIds: [category.id], now }),
  ])
  const value = readerValue(category.voucherType, values.get(category.id) ?? null, rule, filters)
  const threshold = bestValueCents(value)

  const conditions: Prisma.OfferWhereInput[] = [publicWhere, { categoryId: category.id }, ...filterWhere(filters, locale)]
  // without a voucher value nothing is known to be covered in full
  if (filters.noCopay) conditions.push(threshold === null ? { id: { in: [] } } : { priceCents: { lte: threshold } })
  const where: Prisma.OfferWhereInput = { AND: conditions }

  const sort: SortKey = filters.sort === 'distance' && !filters.municipality ? 'copayment' : filters.sort
  const select = cardSelect(category.id, now)
  const page = async (pageNumber: number) => {
    const skip = (pageNumber - 1) * pageSize
    if (sort === 'distance') return distancePage(where, filters.municipality!, skip, pageSize, select)
    if (sort === 'copayment' && threshold !== null) return copaymentPage(where, threshold, skip, pageSize, select)
    const [total, rows] = await Promise.all([
      prisma.offer.count({ where }),
      prisma.offer.findMany({ where, orderBy: orderBy(sort), skip, take: pageSize, select }),
    ])
    return { total, cards: rows.map(toCard) }
  }

  let pageNumber = filters.page
  let result = await page(pageNumber)
  const pageCount = Math.max(1, Math.ceil(result.total / pageSize))
  if (pageNumber > pageCount) {
    // an old link past the end: show the last page rather than nothing
    pageNumber = pageCount
    result = await page(pageNumber)
  }
  return { kind: 'results', category, value, sort, total: result.total, page: pageNumber, pageCount, cards: result.cards }
}

function orderBy(sort: SortKey): Prisma.OfferOrderByWithRelationInput[] {
  const byName: Prisma.OfferOrderByWithRelationInput[] = [{ organisation: { name: 'asc' } }, { id: 'asc' }]
  switch (sort) {
    case 'price':
    case 'copayment':
      // without a voucher value the co-payment is the price
      return [{ priceCents: 'asc' }, ...byName]
    case 'updated':
      return [{ updatedAt: 'desc' }, { id: 'asc' }]
    case 'name':
    case 'distance':
      return byName
  }
}

type Page = { total: number; cards: SearchCard[] }

/**
 * Co-payment, lowest first: first the offers the voucher covers in full (price ≤ value; co-payment 0) by name,
 * then the others by price (price − value grows with the price), name. The page is cut from the two slices.
 */
async function copaymentPage(
  where: Prisma.OfferWhereInput,
  valueCents: number,
  skip: number,
  take: number,
  select: ReturnType<typeof cardSelect>,
): Promise<Page> {
  const covered: Prisma.OfferWhereInput = { AND: [where, { priceCents: { lte: valueCents } }] }
  const paying: Prisma.OfferWhereInput = { AND: [where, { priceCents: { gt: valueCents } }] }
  const [coveredCount, payingCount] = await Promise.all([prisma.offer.count({ where: covered }), prisma.offer.count({ where: paying })])
  const fromCovered = Math.max(0, Math.min(take, coveredCount - skip))
  const fromPaying = take - fromCovered
  const [first, second] = await Promise.all([
    fromCovered > 0
      ? prisma.offer.findMany({ where: covered, orderBy: [{ organisation: { name: 'asc' } }, { id: 'asc' }], skip, take: fromCovered, select })
      : [],
    fromPaying > 0
      ? prisma.offer.findMany({
          where: paying,
          orderBy: [{ priceCents: 'asc' }, { organisation: { name: 'asc' } }, { id: 'asc' }],
          skip: Math.max(0, skip - coveredCount),
          take: fromPaying,
          select,
        })
      : [],
  ])
  return { total: coveredCount + payingCount, cards: [...first, ...second].map(toCard) }
}

/** Great-circle distance in km between two points given as SQL expressions in degrees (haversine). */
function haversineKm(lat1: Prisma.Sql, lon1: Prisma.Sql, lat2: Prisma.Sql, lon2: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(12742 * asin(sqrt(least(1,
    power(sin(radians(${lat2} - ${lat1}) / 2), 2)
    + cos(radians(${lat1})) * cos(radians(${lat2})) * power(sin(radians(${lon2} - ${lon1}) / 2), 2)))))`
}

/**
 * Nearest first from the municipality's centre. The candidates come from the same Prisma `where` (so the public
 * rule and every filter stay in one place); the distances, the order and the page are computed in one SQL query.
 * A location without coordinates counts from its municipality's centre; an offer without any unit comes last.
 */
async function distancePage(
  where: Prisma.OfferWhereInput,
  municipalityCode: string,
  skip: number,
  take: number,
  select: ReturnType<typeof cardSelect>,
): Promise<Page> {
  const candidates = await prisma.offer.findMany({ where, select: { id: true } })
  if (candidates.length === 0) return { total: 0, cards: [] }
  const ids = candidates.map((candidate) => candidate.id)
  const originLat = Prisma.sql`origin.latitude`
  const originLon = Prisma.sql`origin.longitude`
  const rows = await prisma.$queryRaw<{ id: string; distance: number | null }[]>`
    SELECT o.id,
      MIN(CASE
        WHEN su.kind = 'HOME_VISIT_AREA' THEN (
          SELECT MIN(CASE WHEN am."municipalityCode" = ${municipalityCode} THEN 0
                     ELSE ${haversineKm(originLat, originLon, Prisma.sql`amm.latitude`, Prisma.sql`amm.longitude`)} END)
          FROM "ServiceAreaMunicipality" am
          JOIN "Municipality" amm ON amm.code = am."municipalityCode"
          WHERE am."serviceUnitId" = su.id)
        WHEN su.kind = 'LOCATION' THEN ${haversineKm(
          originLat,
          originLon,
          Prisma.sql`COALESCE(su.latitude, um.latitude)`,
          Prisma.sql`COALESCE(su.longitude, um.longitude)`,
        )}
      END) AS distance
    FROM "Offer" o
    JOIN "Organisation" org ON org.id = o."organisationId"
    JOIN "Municipality" origin ON origin.code = ${municipalityCode}
    LEFT JOIN "OfferServiceUnit" osu ON osu."offerId" = o.id
    LEFT JOIN "ServiceUnit" su ON su.id = osu."serviceUnitId"
    LEFT JOIN "Municipality" um ON um.code = su."municipalityCode"
    WHERE o.id = ANY(${ids}::text[])
    GROUP BY o.id, org.name
    ORDER BY distance ASC NULLS LAST, org.name ASC, o.id ASC
    LIMIT ${take} OFFSET ${skip}`
  if (rows.length === 0) return { total: ids.length, cards: [] }
  const cards = await prisma.offer.findMany({ where: { id: { in: rows.map((row) => row.id) } }, select })
  const byId = new Map(cards.map((row) => [row.id, toCard(row)]))
  return {
    total: ids.length,
    cards: rows.flatMap((row) => {
      const card = byId.get(row.id)
      return card ? [{ ...card, distanceKm: row.distance === null ? null : Number(row.distance) }] : []
    }),
  }
}

/** Active categories (catalogue order) and municipalities: the choices of the home page's search. */
export async function categoryAndMunicipalityOptions() {
  const [categories, municipalities] = await Promise.all([
    prisma.serviceCategory.findMany({
      where: { active: true },
      orderBy: [{ sortOrder: 'asc' }, { code: 'asc' }],
      select: categorySelect,
    }),
    prisma.municipality.findMany({
      orderBy: { code: 'asc' },
      select: { code: true, nameFi: true, nameSv: true, officialLanguages: true, latitude: true, longitude: true },
    }),
  ])
  return { categories, municipalities }
}

/** How long the "other language" choices are reused: a new language shows up in the list within a minute. */
const languagesTtlMs = 60_000
const languagesCache = new Map<string, { at: number; languages: string[] }>()

/** The service languages of the public offers of a category (or of all), read at most once a minute per process. */
async function publicLanguages(categoryId: string | null, now: Date): Promise<string[]> {
  const key = categoryId ?? '*'
  const cached = languagesCache.get(key)
  if (cached && Math.abs(now.getTime() - cached.at) < languagesTtlMs) return cached.languages
  const where = await publicOfferWhere({ categoryIds: categoryId ? [categoryId] : undefined, now })
  const offers = await prisma.offer.findMany({ where, select: { languages: true } })
  const languages = [...new Set(offers.flatMap((offer) => offer.languages))]
  languagesCache.set(key, { at: now.getTime(), languages })
  return languages
}

/**
 * The search form's choices: categories and municipalities, and the service languages present in public offers (of
 * the chosen category when there is one) for the "other language" list.
 */
export async function searchFormOptions(categoryCode: string | undefined, now = new Date()) {
  const category = categoryCode ? await prisma.serviceCategory.findFirst({ where: { code: categoryCode, active: true }, select: { id: true } }) : null
  const [{ categories, municipalities }, languages] = await Promise.all([categoryAndMunicipalityOptions(), publicLanguages(category?.id ?? null, now)])
  return { categories, municipalities, languages }
}

/**
 * Public offers per category with the filters that do not need a voucher value (municipality, languages, free
 * places, provider type, text), for the category list shown before a category is chosen. One grouped query.
 */
export async function categoryCounts(filters: SearchFilters, locale: AppLocale, now = new Date()): Promise<Map<string, number>> {
  const where: Prisma.OfferWhereInput = { AND: [await publicOfferWhere({ now }), ...filterWhere(filters, locale)] }
  const groups = await prisma.offer.groupBy({ by: ['categoryId'], where, _count: { _all: true } })
  return new Map(groups.map((group) => [group.categoryId, group._count._all]))
}
