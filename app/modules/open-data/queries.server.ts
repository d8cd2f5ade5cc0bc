import type { Prisma } from '~/generated/prisma/client'
import { addDays, helsinkiStartOfDay } from '~/modules/audit/dates'
import { helsinkiDay } from '~/modules/catalogue/values'
import { helsinkiToday, utcDate } from '~/modules/documents/dates'
import { likeText } from '~/modules/public-catalogue/search.server'
import { entryInForceWhere, publicOfferWhere } from '~/modules/register/public-offers'
import { prisma } from '~/utils/db.server'
import { findByHsdsId } from './ids.server'
import {
  offerLocations,
  organizationBasic,
  organizationFull,
  page,
  serviceAtLocationBasic,
  serviceAtLocationFull,
  serviceBasic,
  serviceFull,
  serviceMinimal,
  taxonomy,
  taxonomyId,
  taxonomyTerm,
  type MapContext,
} from './map.server'
import type { Params } from './params'
import { categorySelect, entriesSelect, offerSelect, organisationSelect, unitSelect, type CategoryValue, type OfferRow } from './select.server'

/**
 * The open-data API's reads. Only public data: services are the offers of `publicOfferWhere` (published, with a
 * register entry in force for the offer's category: ADR 0005), organisations are those with a register entry in
 * force, locations are the LOCATION units of public offers. Filtering, counting and paging are SQL (Prisma `where`,
 * `count`, `skip`/`take`); a page reads its rows and their relations in a fixed number of queries.
 */
export type Found = { body: unknown; lastModified: Date | null } | null

const contains = (text: string) => ({ contains: likeText(text), mode: 'insensitive' as const })

// ─── Change times ───────────────────────────────────────────────────────────

/**
 * When any public record last changed (an upper bound for every list's Last-Modified): offers, organisations,
 * units, register decisions and suspensions that have begun, voucher values created or come into force. One query.
 * Hidden rows count too, so a record leaving a list moves the time on.
 */
export async function registerChangedAt(now: Date): Promise<Date | null> {
  const today = helsinkiToday(now)
  const [row] = await prisma.$queryRaw<{ changed: number | null; valueDay: string | null }[]>`
    SELECT EXTRACT(EPOCH FROM GREATEST(
        (SELECT MAX("updatedAt") FROM "Offer"),
        (SELECT MAX("updatedAt") FROM "Organisation"),
        (SELECT MAX("updatedAt") FROM "ServiceUnit"),
        (SELECT MAX("decidedAt") FROM "RegisterEntry"),
        (SELECT MAX("statusChangedAt") FROM "RegisterEntry" WHERE "statusChangedAt" <= (${now.toISOString()}::timestamptz AT TIME ZONE 'UTC')),
        (SELECT MAX("createdAt") FROM "VoucherValue" WHERE "effectiveFrom" <= ${today}::date)
      ))::float8 * 1000 AS changed,
      (SELECT to_char(MAX("effectiveFrom"), 'YYYY-MM-DD') FROM "VoucherValue" WHERE "effectiveFrom" <= ${today}::date) AS "valueDay"`
  const times = [row?.changed ?? null, row?.valueDay ? helsinkiStartOfDay(row.valueDay).getTime() : null].filter(
    (time): time is number => time !== null && Number.isFinite(time),
  )
  return times.length > 0 ? new Date(Math.max(...times)) : null
}

/** Each category's voucher value in force and the change times of its values (two queries for any number of categories). */
async function categoryValues(categoryIds: readonly string[], now: Date): Promise<Map<string, CategoryValue>> {
  const ids = [...new Set(categoryIds)]
  if (ids.length === 0) return new Map()
  const where = { categoryId: { in: ids }, effectiveFrom: { lte: helsinkiDay(now) } }
  const [inForce, stamps] = await Promise.all([
    prisma.voucherValue.findMany({
      where,
      orderBy: [{ categoryId: 'asc' }, { effectiveFrom: 'desc' }],
      distinct: ['categoryId'],
      select: { categoryId: true, effectiveFrom: true, valueCents: true, minValueCents: true, maxValueCents: true },
    }),
    prisma.voucherValue.groupBy({ by: ['categoryId'], where, _max: { createdAt: true, effectiveFrom: true } }),
  ])
  const values = new Map(inForce.map(({ categoryId, ...value }) => [categoryId, value]))
  const byCategory = new Map<string, CategoryValue>()
  for (const id of ids) {
    const stamp = stamps.find((row) => row.categoryId === id)
    byCategory.set(id, { value: values.get(id) ?? null, latestCreatedAt: stamp?._max.createdAt ?? null, latestEffectiveFrom: stamp?._max.effectiveFrom ?? null })
  }
  return byCategory
}

// ─── Filters ────────────────────────────────────────────────────────────────

/** The HSDS id filters turned into our keys; null when an id matches nothing (the list is then empty). */
async function resolveIds(params: Params): Promise<{ categoryId?: string; organisationId?: string } | null> {
  if (params.taxonomyId && params.taxonomyId !== taxonomyId) return null
  const [categories, organisations] = await Promise.all([
    params.taxonomyTermId ? findByHsdsId('taxonomy_term', params.taxonomyTermId) : null,
    params.organizationId ? findByHsdsId('organization', params.organizationId) : null,
  ])
  if (categories && categories.length === 0) return null
  if (organisations && organisations.length === 0) return null
  return { categoryId: categories?.[0]?.id, organisationId: organisations?.[0]?.id }
}

/** Offers with a location in one of the municipalities, or a home-visit area covering one (the catalogue's rule). */
function servesMunicipalities(codes: readonly string[]): Prisma.OfferWhereInput {
  return {
    serviceUnits: {
      some: {
        serviceUnit: {
          OR: [
            { kind: 'LOCATION', municipalityCode: { in: [...codes] } },
            { kind: 'HOME_VISIT_AREA', areaMunicipalities: { some: { municipalityCode: { in: [...codes] } } } },
          ],
        },
      },
    },
  }
}

/** Text in any language of the title or description, or the organisation's name. */
function offerSearch(text: string): Prisma.OfferWhereInput {
  const columns = ['titleFi', 'titleSv', 'titleEn', 'descriptionFi', 'descriptionSv', 'descriptionEn'] as const
  return { OR: [...columns.map((column) => ({ [column]: contains(text) })), { organisation: { name: contains(text) } }] }
}

/**
 * "Modified on or after t", the same rule as `serviceLastModified` (a service's last_modified ≥ t exactly when one
 * of its parts changed at or after t): the offer, its organisation or a unit updated; a voucher value of its category
 * created, or come into force (at Helsinki midnight), by today; its register entry decided or a suspension begun.
 */
function modifiedAfterWhere(t: Date, now: Date, categoryIds: readonly string[]): Prisma.OfferWhereInput {
  const day = helsinkiToday(t)
  // the first Helsinki day that starts at or after t
  const fromDay = helsinkiStartOfDay(day).getTime() >= t.getTime() ? day : addDays(day, 1)
  return {
    OR: [
      { updatedAt: { gte: t } },
      { organisation: { updatedAt: { gte: t } } },
      { serviceUnits: { some: { serviceUnit: { updatedAt: { gte: t } } } } },
      {
        category: {
          values: {
            some: { effectiveFrom: { lte: helsinkiDay(now) }, OR: [{ createdAt: { gte: t } }, { effectiveFrom: { gte: utcDate(fromDay) } }] },
          },
        },
      },
      ...categoryIds.map((categoryId) => ({
        categoryId,
        organisation: {
          registerEntries: { some: { categoryId, OR: [{ decidedAt: { gte: t } }, { statusChangedAt: { gte: t, lte: now } }] } },
        },
      })),
    ],
  }
}

/** The `where` of the public services matching the filters; null when a filter's id matches nothing. */
async function serviceWhere(params: Params, now: Date, options: { municipalitiesByLocation?: boolean } = {}): Promise<Prisma.OfferWhereInput | null> {
  const ids = await resolveIds(params)
  if (!ids) return null
  const categoryIds = ids.categoryId ? [ids.categoryId] : undefined
  const conditions: Prisma.OfferWhereInput[] = [await publicOfferWhere({ categoryIds, now })]
  if (ids.categoryId) conditions.push({ categoryId: ids.categoryId })
  if (ids.organisationId) conditions.push({ organisationId: ids.organisationId })
  if (params.search) conditions.push(offerSearch(params.search))
  if (params.languages.length > 0) conditions.push({ languages: { hasSome: params.languages } })
  if (params.municipalities.length > 0 && !options.municipalitiesByLocation) conditions.push(servesMunicipalities(params.municipalities))
  if (params.modifiedAfter) {
    const all = categoryIds ?? (await prisma.serviceCategory.findMany({ select: { id: true } })).map((category) => category.id)
    conditions.push(modifiedAfterWhere(params.modifiedAfter, now, all))
  }
  return { AND: conditions }
}

const offerOrder: Prisma.OfferOrderByWithRelationInput[] = [{ organisation: { name: 'asc' } }, { id: 'asc' }]

function skipTake(params: Params) {
  return { skip: (params.page - 1) * params.perPage, take: params.perPage }
}

function emptyPage(params: Params) {
  return page([], 0, params.page, params.perPage)
}

// ─── Services ───────────────────────────────────────────────────────────────

export async function listServices(params: Params, ctx: MapContext): Promise<NonNullable<Found>> {
  const [where, lastModified] = await Promise.all([serviceWhere(params, ctx.now), registerChangedAt(ctx.now)])
  if (!where) return { body: emptyPage(params), lastModified }
  const [total, rows] = await Promise.all([
    prisma.offer.count({ where }),
    prisma.offer.findMany({ where, orderBy: offerOrder, ...skipTake(params), select: offerSelect(ctx.now) }),
  ])
  const values = await categoryValues(
    rows.map((row) => row.categoryId),
    ctx.now,
  )
  const map = params.full ? serviceFull : params.minimal ? serviceMinimal : serviceBasic
  const contents = rows.map((row) => map(row, values.get(row.categoryId), ctx))
  return { body: page(contents, total, params.page, params.perPage), lastModified }
}

async function publicOffer(offerId: string, now: Date): Promise<OfferRow | null> {
  const where = await publicOfferWhere({ now })
  return prisma.offer.findFirst({ where: { AND: [where, { id: offerId }] }, select: offerSelect(now) })
}

export async function getService(uuid: string, ctx: MapContext): Promise<Found> {
  const [match] = await findByHsdsId('service', uuid)
  const offer = match ? await publicOffer(match.id, ctx.now) : null
  if (!offer) return null
  const value = (await categoryValues([offer.categoryId], ctx.now)).get(offer.categoryId)
  const body = serviceFull(offer, value, ctx)
  return { body, lastModified: new Date(body.last_modified as string) }
}

// ─── Service at location ────────────────────────────────────────────────────

export async function listServiceAtLocations(params: Params, ctx: MapContext): Promise<NonNullable<Found>> {
  const [offerWhere, lastModified] = await Promise.all([serviceWhere(params, ctx.now, { municipalitiesByLocation: true }), registerChangedAt(ctx.now)])
  if (!offerWhere) return { body: emptyPage(params), lastModified }
  const where: Prisma.OfferServiceUnitWhereInput = {
    offer: offerWhere,
    serviceUnit: { kind: 'LOCATION', ...(params.municipalities.length > 0 ? { municipalityCode: { in: params.municipalities } } : {}) },
  }
  const [total, rows] = await Promise.all([
    prisma.offerServiceUnit.count({ where }),
    prisma.offerServiceUnit.findMany({
      where,
      orderBy: [{ offer: { organisation: { name: 'asc' } } }, { offerId: 'asc' }, { serviceUnitId: 'asc' }],
      ...skipTake(params),
      select: { offer: { select: offerSelect(ctx.now) }, serviceUnit: { select: unitSelect } },
    }),
  ])
  const values = await categoryValues(
    rows.map((row) => row.offer.categoryId),
    ctx.now,
  )
  const map = params.full ? serviceAtLocationFull : serviceAtLocationBasic
  const contents = rows.map((row) => map(row.offer, row.serviceUnit, values.get(row.offer.categoryId), ctx))
  return { body: page(contents, total, params.page, params.perPage), lastModified }
}

export async function getServiceAtLocation(uuid: string, ctx: MapContext): Promise<Found> {
  const [match] = await findByHsdsId('service_at_location', uuid)
  if (!match) return null
  const offer = await publicOffer(match.offerId, ctx.now)
  const unit = offer?.serviceUnits.map((link) => link.serviceUnit).find((row) => row.id === match.serviceUnitId && row.kind === 'LOCATION')
  if (!offer || !unit) return null
  const value = (await categoryValues([offer.categoryId], ctx.now)).get(offer.categoryId)
  const body = serviceAtLocationFull(offer, unit, value, ctx)
  return { body, lastModified: new Date((body.service as { last_modified: string }).last_modified) }
}

// ─── Organisations ──────────────────────────────────────────────────────────

/** Organisations the public sees: those with a register entry in force (every public offer's organisation has one). */
function publicOrganisationWhere(now: Date): Prisma.OrganisationWhereInput {
  return { registerEntries: { some: entryInForceWhere(now) } }
}

async function organisationWhere(params: Params, now: Date): Promise<Prisma.OrganisationWhereInput | null> {
  const ids = await resolveIds(params)
  if (!ids) return null
  const conditions: Prisma.OrganisationWhereInput[] = [publicOrganisationWhere(now)]
  if (ids.categoryId) conditions.push({ registerEntries: { some: { AND: [{ categoryId: ids.categoryId }, entryInForceWhere(now)] } } })
  if (params.search) {
    const text = params.search
    conditions.push({
      OR: [
        { name: contains(text) },
        { businessId: contains(text) },
        { descriptionFi: contains(text) },
        { descriptionSv: contains(text) },
        { descriptionEn: contains(text) },
      ],
    })
  }
  const offerConditions: Prisma.OfferWhereInput[] = []
  if (params.municipalities.length > 0) offerConditions.push(servesMunicipalities(params.municipalities))
  if (params.languages.length > 0) offerConditions.push({ languages: { hasSome: params.languages } })
  if (offerConditions.length > 0) conditions.push({ offers: { some: { AND: [await publicOfferWhere({ now }), ...offerConditions] } } })
  return { AND: conditions }
}

/** The public services and locations of some organisations, read in one query for all of them. */
async function organisationParts(organisationIds: readonly string[], ctx: MapContext, fullServices: boolean) {
  if (organisationIds.length === 0) return new Map<string, { services: Record<string, unknown>[]; locations: ReturnType<typeof offerLocations> }>()
  const offers = await prisma.offer.findMany({
    where: { AND: [await publicOfferWhere({ now: ctx.now }), { organisationId: { in: [...organisationIds] } }] },
    orderBy: [{ category: { sortOrder: 'asc' } }, { category: { code: 'asc' } }, { id: 'asc' }],
    select: offerSelect(ctx.now),
  })
  const values = await categoryValues(
    offers.map((offer) => offer.categoryId),
    ctx.now,
  )
  const parts = new Map(organisationIds.map((id) => [id, { services: [] as Record<string, unknown>[], locations: [] as ReturnType<typeof offerLocations> }]))
  for (const offer of offers) {
    const part = parts.get(offer.organisationId)
    if (!part) continue
    const value = values.get(offer.categoryId)
    part.services.push(fullServices ? serviceFull(offer, value, ctx) : serviceBasic(offer, value, ctx))
    for (const unit of offerLocations(offer)) if (!part.locations.some((known) => known.id === unit.id)) part.locations.push(unit)
  }
  for (const part of parts.values()) part.locations.sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id))
  return parts
}

export async function listOrganizations(params: Params, ctx: MapContext): Promise<NonNullable<Found>> {
  const [where, lastModified] = await Promise.all([organisationWhere(params, ctx.now), registerChangedAt(ctx.now)])
  if (!where) return { body: emptyPage(params), lastModified }
  const full = params.full || params.fullService
  const [total, rows] = await Promise.all([
    prisma.organisation.count({ where }),
    prisma.organisation.findMany({
      where,
      orderBy: [{ name: 'asc' }, { id: 'asc' }],
      ...skipTake(params),
      select: { ...organisationSelect, registerEntries: entriesSelect(ctx.now) },
    }),
  ])
  if (!full) return { body: page(rows.map((row) => organizationBasic(row, ctx)), total, params.page, params.perPage), lastModified }
  const parts = await organisationParts(
    rows.map((row) => row.id),
    ctx,
    params.fullService,
  )
  const contents = rows.map((row) => {
    const part = parts.get(row.id)
    return organizationFull(row, { entries: row.registerEntries, services: part?.services ?? [], locations: part?.locations ?? [] }, ctx)
  })
  return { body: page(contents, total, params.page, params.perPage), lastModified }
}

export async function getOrganization(uuid: string, params: Params, ctx: MapContext): Promise<Found> {
  const [match] = await findByHsdsId('organization', uuid)
  if (!match) return null
  const organisation = await prisma.organisation.findFirst({
    where: { AND: [publicOrganisationWhere(ctx.now), { id: match.id }] },
    select: { ...organisationSelect, registerEntries: entriesSelect(ctx.now) },
  })
  if (!organisation) return null
  // an organisation's services come and go with its offers: the register's change time bounds them all
  const [parts, lastModified] = await Promise.all([organisationParts([organisation.id], ctx, params.fullService), registerChangedAt(ctx.now)])
  const part = parts.get(organisation.id)
  return {
    body: organizationFull(organisation, { entries: organisation.registerEntries, services: part?.services ?? [], locations: part?.locations ?? [] }, ctx),
    lastModified,
  }
}

// ─── Taxonomies ─────────────────────────────────────────────────────────────

function matchesText(values: readonly string[], search: string | undefined): boolean {
  if (!search) return true
  const needle = search.toLocaleLowerCase()
  return values.some((value) => value.toLocaleLowerCase().includes(needle))
}

/** Our one taxonomy (the service categories), as a list: search matches its name or description. */
export function listTaxonomies(params: Params, ctx: MapContext): NonNullable<Found> {
  const ours = taxonomy(ctx)
  const all = matchesText([ours.name as string, ours.description as string], params.search) ? [ours] : []
  const start = (params.page - 1) * params.perPage
  return { body: page(all.slice(start, start + params.perPage), all.length, params.page, params.perPage), lastModified: null }
}

export function getTaxonomy(uuid: string, ctx: MapContext): Found {
  return uuid.toLowerCase() === taxonomyId ? { body: taxonomy(ctx), lastModified: null } : null
}

/** The service categories as taxonomy terms (all of them: a service may carry an inactive category's term). */
export async function listTaxonomyTerms(params: Params, ctx: MapContext): Promise<NonNullable<Found>> {
  // one level only: every term is a top-level term, none has a parent
  if ((params.taxonomyId && params.taxonomyId !== taxonomyId) || params.parentId) return { body: emptyPage(params), lastModified: null }
  const where: Prisma.ServiceCategoryWhereInput = params.search
    ? { OR: (['code', 'nameFi', 'nameSv', 'nameEn'] as const).map((column) => ({ [column]: contains(params.search!) })) }
    : {}
  const [total, rows] = await Promise.all([
    prisma.serviceCategory.count({ where }),
    prisma.serviceCategory.findMany({ where, orderBy: [{ sortOrder: 'asc' }, { code: 'asc' }], ...skipTake(params), select: categorySelect }),
  ])
  return { body: page(rows.map((row) => taxonomyTerm(row, ctx)), total, params.page, params.perPage), lastModified: null }
}

export async function getTaxonomyTerm(uuid: string, ctx: MapContext): Promise<Found> {
  const [match] = await findByHsdsId('taxonomy_term', uuid)
  if (!match) return null
  const category = await prisma.serviceCategory.findUnique({ where: { id: match.id }, select: categorySelect })
  return category ? { body: taxonomyTerm(category, ctx), lastModified: null } : null
}
