import type { AppLocale } from '~/i18n'
import { helsinkiStartOfDay, addDays } from '~/modules/audit/dates'
import { nextScheduledValue, selectValueInForce } from '~/modules/catalogue/values'
import { isoDate } from '~/modules/documents/dates'
import { languageName, sortLanguages } from '~/modules/offers/languages'
import { municipalityName } from '~/modules/organisations/municipality-name'
import { textOrder } from '~/modules/public-catalogue/text-order'
import { hsdsId } from './ids'
import type { CategoryRow, CategoryValue, EntryRow, MunicipalityRow, OfferRow, OrganisationRow, UnitRow } from './select.server'
import { numberFormat } from '~/utils/intl'

/**
 * Our register as Open Referral HSDS 3.1 objects (pure apart from the id hash). The shapes follow the compiled
 * schemas: `*Basic` are the one-to-one fields of the list endpoints (service_list, organization_list,
 * service_at_location_list), `*Full` the fully nested objects of the item endpoints.
 *
 * Mapping:
 * - organisation → organization: business ID as an organization_identifier (org-id.guide scheme FI-PRO), legal
 *   form as legal_status, its register entries in force and its sector as attributes, its phone;
 * - public offer → service (status "active"): title and description in the reader's language, service languages,
 *   cost_options (price per unit with its dates, a scheduled price, the voucher value(s) in force, extra services),
 *   capacities (free places with the time they were confirmed), service_areas (municipalities of home-visit
 *   areas), the category as an attribute with its taxonomy_term;
 * - service unit of kind LOCATION → location (physical; address, coordinates, accessibility, phone) and one
 *   service_at_location per offer given there.
 *
 * Text in the reader's language falls back like the public catalogue (`textOrder`); `alternate_name` carries the
 * name in the next language that has a different one, and the responses' Link headers give the other languages.
 */
export type Translate = (key: string, options?: Record<string, unknown>) => string

export type MapContext = {
  locale: AppLocale
  origin: string
  now: Date
  /** the opendata namespace in the reader's language */
  t: Translate
  /** legal forms and sectors, named in the reader's language */
  legalForm: (form: OrganisationRow['legalForm']) => string
  sector: (sector: OrganisationRow['sector']) => string
}

type Json = Record<string, unknown>

export const taxonomyName = 'palvelutori-categories'
export const taxonomyId = hsdsId('taxonomy', taxonomyName)
export const clientPlaceUnitId = hsdsId('unit', 'client-place')

const suffix = { fi: 'Fi', sv: 'Sv', en: 'En' } as const

/** `{ fi, sv, en }` texts of a row by column prefix: texts(offer, 'title'). */
function texts(row: object, prefix: string): Record<'fi' | 'sv' | 'en', string | null> {
  const record = row as Record<string, unknown>
  const read = (language: 'fi' | 'sv' | 'en') => {
    const value = record[`${prefix}${suffix[language]}`]
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : null
  }
  return { fi: read('fi'), sv: read('sv'), en: read('en') }
}

/** The text in the reader's language, or the first other one in the catalogue's order. */
export function pick(values: Record<'fi' | 'sv' | 'en', string | null>, locale: AppLocale): string | null {
  for (const language of textOrder[locale]) if (values[language]) return values[language]
  return null
}

/** The first text in the catalogue's order that differs from the one shown (another language's name). */
function alternate(values: Record<'fi' | 'sv' | 'en', string | null>, shown: string, locale: AppLocale): string | null {
  for (const language of textOrder[locale]) if (values[language] && values[language] !== shown) return values[language]
  return null
}

/** Only defined values: HSDS fields are left out rather than null (the schemas type them as strings and numbers). */
function compact<T extends Json>(object: T): T {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== null && value !== undefined)) as T
}

const emailPattern = /^[a-z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/i

function email(value: string | null): string | undefined {
  return value && emailPattern.test(value.trim()) ? value.trim() : undefined
}

/** An http(s) address as a normalised absolute URL; undefined when it does not read as one. */
function webAddress(value: string | null): string | undefined {
  if (!value?.trim()) return undefined
  const text = value.trim()
  try {
    const url = new URL(/^https?:\/\//i.test(text) ? text : `https://${text}`)
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined
  } catch {
    return undefined
  }
}

function euros(cents: number): number {
  return Math.round(cents) / 100
}

function euroText(cents: number, locale: AppLocale): string {
  return numberFormat(locale === 'en' ? 'en-FI' : `${locale}-FI`, { style: 'currency', currency: 'EUR' }).format(cents / 100)
}

function categoryName(category: Pick<CategoryRow, 'nameFi' | 'nameSv' | 'nameEn'>, locale: AppLocale): string {
  return pick(texts(category, 'name'), locale) ?? ''
}

/** A municipality as a town in an address: its name in the reader's language (English: the majority language's). */
function townName(municipality: MunicipalityRow, locale: AppLocale): string {
  if (locale === 'fi') return municipality.nameFi
  if (locale === 'sv') return municipality.nameSv
  return municipality.officialLanguages[0] === 'fi' ? municipality.nameFi : municipality.nameSv
}

function latest(...dates: (Date | null | undefined)[]): Date {
  return new Date(Math.max(0, ...dates.filter((date): date is Date => Boolean(date)).map((date) => date.getTime())))
}

// ─── Taxonomy ───────────────────────────────────────────────────────────────

export function taxonomy(ctx: MapContext): Json {
  return {
    id: taxonomyId,
    name: taxonomyName,
    description: ctx.t('api.taxonomy.description'),
    uri: `${ctx.origin}/api/hsds/taxonomies/${taxonomyId}`,
    version: '1',
  }
}

export function taxonomyTerm(category: CategoryRow, ctx: MapContext): Json {
  return {
    id: hsdsId('taxonomy_term', category.id),
    code: category.code,
    name: categoryName(category, ctx.locale),
    description: ctx.t('api.taxonomy.termDescription', {
      unit: ctx.t(`api.unit.${category.unit}`),
      voucherType: ctx.t(`api.voucherType.${category.voucherType}`),
    }),
    taxonomy: taxonomyName,
    taxonomy_detail: taxonomy(ctx),
    language: ctx.locale,
    taxonomy_id: taxonomyId,
    term_uri: `${ctx.origin}/services?${new URLSearchParams({ category: category.code })}`,
  }
}

function categoryAttribute(kind: 'service' | 'organization', ownerKey: string, linkId: string, category: CategoryRow, ctx: MapContext, value?: string): Json {
  const term = taxonomyTerm(category, ctx)
  return compact({
    id: hsdsId('attribute', kind, ownerKey, 'category', category.id),
    link_id: linkId,
    link_entity: kind,
    link_type: kind === 'service' ? 'service_category' : 'register_category',
    taxonomy_term_id: term.id as string,
    taxonomy_term: term,
    label: categoryName(category, ctx.locale),
    value,
  })
}

// ─── Organisations ──────────────────────────────────────────────────────────

export function organizationBasic(organisation: OrganisationRow, ctx: MapContext): Json {
  return compact({
    id: hsdsId('organization', organisation.id),
    name: organisation.name,
    description: pick(texts(organisation, 'description'), ctx.locale) ?? ctx.t('api.organization.noDescription'),
    email: email(organisation.email),
    website: webAddress(organisation.website),
    legal_status: ctx.legalForm(organisation.legalForm),
    uri: `${ctx.origin}/producers/${encodeURIComponent(organisation.id)}`,
  })
}

export type OrganizationParts = {
  entries: EntryRow[]
  locations: UnitRow[]
  services: Json[]
}

export function organizationFull(organisation: OrganisationRow, parts: OrganizationParts, ctx: MapContext): Json {
  const id = hsdsId('organization', organisation.id)
  return {
    ...organizationBasic(organisation, ctx),
    organization_identifiers: [
      {
        id: hsdsId('organization_identifier', organisation.id, 'FI-PRO'),
        organization_id: id,
        identifier_scheme: 'FI-PRO',
        identifier_type: ctx.t('api.organization.identifierType'),
        identifier: organisation.businessId,
      },
    ],
    phones: organisation.phone.trim() ? [{ id: hsdsId('phone', 'organization', organisation.id), organization_id: id, number: organisation.phone.trim(), type: 'voice' }] : [],
    locations: parts.locations.map((unit) => locationFull(unit, ctx)),
    services: parts.services,
    attributes: [
      ...parts.entries.map((entry) => categoryAttribute('organization', organisation.id, id, entry.category, ctx, isoDate(entry.validFrom))),
      {
        id: hsdsId('attribute', 'organization', organisation.id, 'sector'),
        link_id: id,
        link_entity: 'organization',
        link_type: 'sector',
        value: organisation.sector,
        label: ctx.sector(organisation.sector),
      },
    ],
  }
}

// ─── Locations ──────────────────────────────────────────────────────────────

export function locationBasic(unit: UnitRow): Json {
  return compact({
    id: hsdsId('location', unit.id),
    location_type: 'physical',
    organization_id: hsdsId('organization', unit.organisationId),
    name: unit.name,
    latitude: unit.latitude ?? undefined,
    longitude: unit.longitude ?? undefined,
  })
}

export function locationFull(unit: UnitRow, ctx: MapContext): Json {
  const id = hsdsId('location', unit.id)
  const features = [
    unit.stepFreeAccess ? ctx.t('api.accessibility.stepFree') : null,
    unit.hearingLoop ? ctx.t('api.accessibility.hearingLoop') : null,
    unit.parking ? ctx.t('api.accessibility.parking') : null,
  ].filter((feature): feature is string => feature !== null)
  const accessibilityText = pick(texts(unit, 'accessibility'), ctx.locale)
  const address =
    unit.streetAddress?.trim() && unit.postalCode?.trim() && unit.municipality
      ? {
          id: hsdsId('address', unit.id),
          location_id: id,
          address_1: unit.streetAddress.trim(),
          city: townName(unit.municipality, ctx.locale),
          state_province: ctx.t('api.location.region'),
          postal_code: unit.postalCode.trim(),
          country: 'FI',
          address_type: 'physical',
        }
      : null
  return {
    ...locationBasic(unit),
    addresses: address ? [address] : [],
    accessibility:
      features.length > 0 || accessibilityText
        ? [compact({ id: hsdsId('accessibility', unit.id), location_id: id, description: accessibilityText ?? features.join('; '), details: features.length > 0 ? features.join('; ') : undefined })]
        : [],
    phones: unit.phone?.trim() ? [{ id: hsdsId('phone', 'location', unit.id), location_id: id, number: unit.phone.trim(), type: 'voice' }] : [],
  }
}

// ─── Services ───────────────────────────────────────────────────────────────

/** When what the public sees of a service last changed: the offer, its organisation and units, its register entry, its voucher values. */
export function serviceLastModified(offer: OfferRow, value: CategoryValue | undefined, now: Date): Date {
  const entry = offer.organisation.registerEntries.find((row) => row.categoryId === offer.categoryId)
  return latest(
    offer.updatedAt,
    offer.organisation.updatedAt,
    ...offer.serviceUnits.map((link) => link.serviceUnit.updatedAt),
    entry?.decidedAt,
    entry && entry.statusChangedAt.getTime() <= now.getTime() ? entry.statusChangedAt : null,
    value?.latestCreatedAt,
    value?.latestEffectiveFrom ? helsinkiStartOfDay(isoDate(value.latestEffectiveFrom)) : null,
  )
}

function serviceName(offer: OfferRow, ctx: MapContext): { name: string; alternate: string | null } {
  const titles = texts(offer, 'title')
  const name = pick(titles, ctx.locale)
  if (!name) return { name: categoryName(offer.category, ctx.locale), alternate: null }
  return { name, alternate: alternate(titles, name, ctx.locale) }
}

function feesDescription(offer: OfferRow, value: CategoryValue | undefined, ctx: MapContext): string {
  const unit = ctx.t(`api.unit.${offer.category.unit}`)
  const parts = [ctx.t('api.fees.price', { amount: euroText(offer.priceCents, ctx.locale), unit })]
  const row = value?.value
  if (row && offer.category.voucherType === 'FIXED' && row.valueCents !== null) {
    parts.push(ctx.t('api.fees.voucherFixed', { amount: euroText(row.valueCents, ctx.locale), unit }))
  } else if (row && offer.category.voucherType === 'INCOME_RELATED' && row.minValueCents !== null && row.maxValueCents !== null) {
    parts.push(ctx.t('api.fees.voucherIncomeRelated', { min: euroText(row.minValueCents, ctx.locale), max: euroText(row.maxValueCents, ctx.locale), unit }))
  }
  parts.push(ctx.t('api.fees.copayment'))
  return parts.join(' ')
}

/** The one-to-one fields (service_list.json), with the organisation's one-to-one fields. */
export function serviceBasic(offer: OfferRow, value: CategoryValue | undefined, ctx: MapContext): Json {
  const { name, alternate: alternateName } = serviceName(offer, ctx)
  return compact({
    id: hsdsId('service', offer.id),
    organization_id: hsdsId('organization', offer.organisationId),
    name,
    alternate_name: alternateName,
    description: pick(texts(offer, 'description'), ctx.locale),
    url: `${ctx.origin}/producers/${encodeURIComponent(offer.organisationId)}`,
    email: email(offer.organisation.email),
    status: 'active',
    fees_description: feesDescription(offer, value, ctx),
    last_modified: serviceLastModified(offer, value, ctx.now).toISOString(),
    organization: organizationBasic(offer.organisation, ctx),
  })
}

/** `minimal=true`: the fields a synchronising client needs to decide what to fetch (the schema's required ones). */
export function serviceMinimal(offer: OfferRow, value: CategoryValue | undefined, ctx: MapContext): Json {
  return {
    id: hsdsId('service', offer.id),
    name: serviceName(offer, ctx).name,
    status: 'active',
    last_modified: serviceLastModified(offer, value, ctx.now).toISOString(),
  }
}

function costOptions(offer: OfferRow, value: CategoryValue | undefined, serviceId: string, ctx: MapContext): Json[] {
  const unit = ctx.t(`api.unit.${offer.category.unit}`)
  const perUnit = ctx.t(`api.perUnit.${offer.category.unit}`)
  const current = selectValueInForce(offer.prices, ctx.now)
  const next = nextScheduledValue(offer.prices, ctx.now)
  const options: Json[] = [
    compact({
      id: hsdsId('cost_option', offer.id, 'price', current ? isoDate(current.effectiveFrom) : 'current'),
      service_id: serviceId,
      option: ctx.t('api.cost.price', { unit }),
      currency: 'EUR',
      amount: euros(offer.priceCents),
      amount_description: perUnit,
      valid_from: current ? isoDate(current.effectiveFrom) : undefined,
      valid_to: next ? addDays(isoDate(next.effectiveFrom), -1) : undefined,
    }),
  ]
  if (next) {
    options.push({
      id: hsdsId('cost_option', offer.id, 'price', isoDate(next.effectiveFrom)),
      service_id: serviceId,
      option: ctx.t('api.cost.scheduledPrice', { unit }),
      currency: 'EUR',
      amount: euros(next.priceCents),
      amount_description: perUnit,
      valid_from: isoDate(next.effectiveFrom),
    })
  }
  const row = value?.value
  if (row) {
    const voucher = (key: string, cents: number, option: string) => ({
      id: hsdsId('cost_option', offer.id, key, isoDate(row.effectiveFrom)),
      service_id: serviceId,
      option,
      currency: 'EUR',
      amount: euros(cents),
      amount_description: ctx.t('api.cost.voucherDescription', { perUnit }),
      valid_from: isoDate(row.effectiveFrom),
    })
    if (offer.category.voucherType === 'FIXED' && row.valueCents !== null) {
      options.push(voucher('voucher', row.valueCents, ctx.t('api.cost.voucher', { unit })))
    }
    if (offer.category.voucherType === 'INCOME_RELATED' && row.minValueCents !== null && row.maxValueCents !== null) {
      options.push(voucher('voucher-min', row.minValueCents, ctx.t('api.cost.voucherMin', { unit })))
      options.push(voucher('voucher-max', row.maxValueCents, ctx.t('api.cost.voucherMax', { unit })))
    }
  }
  for (const extra of offer.extraServices) {
    const extraName = pick(texts(extra, 'name'), ctx.locale)
    if (!extraName) continue
    options.push({
      id: hsdsId('cost_option', offer.id, 'extra', extra.id),
      service_id: serviceId,
      option: ctx.t('api.cost.extra', { name: extraName }),
      currency: 'EUR',
      amount: euros(extra.priceCents),
      amount_description: ctx.t('api.cost.extraDescription'),
    })
  }
  return options
}

function serviceAreas(offer: OfferRow, serviceId: string, ctx: MapContext): Json[] {
  const municipalities = new Map<string, MunicipalityRow>()
  for (const { serviceUnit } of offer.serviceUnits) {
    if (serviceUnit.kind !== 'HOME_VISIT_AREA') continue
    for (const { municipality } of serviceUnit.areaMunicipalities) municipalities.set(municipality.code, municipality)
  }
  return [...municipalities.values()]
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((municipality) => {
      const id = hsdsId('service_area', offer.id, municipality.code)
      const name = municipalityName(municipality, ctx.locale)
      return {
        id,
        service_id: serviceId,
        name,
        description: ctx.t('api.area.description', { municipality: name }),
        attributes: [
          {
            id: hsdsId('attribute', 'service_area', offer.id, municipality.code),
            link_id: id,
            link_entity: 'service_area',
            link_type: 'municipality_code',
            value: municipality.code,
            label: ctx.t('api.area.municipalityCode'),
          },
        ],
      }
    })
}

/** The locations (units of kind LOCATION) of an offer, in a stable order. */
export function offerLocations(offer: OfferRow): UnitRow[] {
  return offer.serviceUnits.map((link) => link.serviceUnit).filter((unit) => unit.kind === 'LOCATION')
}

/**
 * The fully nested service (service.json). Inside a service_at_location the service leaves out its own
 * service_at_locations (the schema's nested service has none).
 */
export function serviceFull(offer: OfferRow, value: CategoryValue | undefined, ctx: MapContext, options: { withServiceAtLocations: boolean } = { withServiceAtLocations: true }): Json {
  const id = hsdsId('service', offer.id)
  const organisationParts: OrganizationParts = { entries: offer.organisation.registerEntries, locations: [], services: [] }
  const { locations: _locations, services: _services, ...organization } = organizationFull(offer.organisation, organisationParts, ctx)
  const full: Json = {
    ...serviceBasic(offer, value, ctx),
    organization,
    languages: sortLanguages(offer.languages, ctx.locale).map((code) => ({
      id: hsdsId('language', offer.id, code),
      service_id: id,
      name: languageName(code, ctx.locale),
      code,
    })),
    cost_options: costOptions(offer, value, id, ctx),
    capacities:
      offer.freePlaces === null
        ? []
        : [
            {
              id: hsdsId('service_capacity', offer.id),
              service_id: id,
              unit: { id: clientPlaceUnitId, name: ctx.t('api.capacity.unit'), identifier: 'client-place' },
              unit_id: clientPlaceUnitId,
              available: offer.freePlaces,
              description: ctx.t('api.capacity.description'),
              updated: (offer.capacityConfirmedAt ?? offer.updatedAt).toISOString(),
            },
          ],
    service_areas: serviceAreas(offer, id, ctx),
    attributes: [categoryAttribute('service', offer.id, id, offer.category, ctx)],
  }
  if (options.withServiceAtLocations) {
    full.service_at_locations = offerLocations(offer).map((unit) => ({
      id: hsdsId('service_at_location', offer.id, unit.id),
      service_id: id,
      location_id: hsdsId('location', unit.id),
      location: locationFull(unit, ctx),
    }))
  }
  return full
}

// ─── Service at location ────────────────────────────────────────────────────

export function serviceAtLocationBasic(offer: OfferRow, unit: UnitRow, value: CategoryValue | undefined, ctx: MapContext): Json {
  return {
    id: hsdsId('service_at_location', offer.id, unit.id),
    service_id: hsdsId('service', offer.id),
    location_id: hsdsId('location', unit.id),
    location: locationBasic(unit),
    service: serviceBasic(offer, value, ctx),
  }
}

export function serviceAtLocationFull(offer: OfferRow, unit: UnitRow, value: CategoryValue | undefined, ctx: MapContext): Json {
  return {
    id: hsdsId('service_at_location', offer.id, unit.id),
    service_id: hsdsId('service', offer.id),
    location_id: hsdsId('location', unit.id),
    location: locationFull(unit, ctx),
    service: serviceFull(offer, value, ctx, { withServiceAtLocations: false }),
  }
}

// ─── Pages ──────────────────────────────────────────────────────────────────

/** The HSDS pagination envelope. A page past the end is empty (not an error); there is always a page 1. */
export function page(contents: unknown[], totalItems: number, pageNumber: number, perPage: number): Json {
  const totalPages = Math.max(1, Math.ceil(totalItems / perPage))
  return {
    total_items: totalItems,
    total_pages: totalPages,
    page_number: pageNumber,
    size: contents.length,
    first_page: pageNumber === 1,
    last_page: pageNumber >= totalPages,
    empty: contents.length === 0,
    contents,
  }
}
