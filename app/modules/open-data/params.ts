import { z } from 'zod'
import type { AppLocale } from '~/i18n'

/**
 * The query parameters of the open-data API (pure). Each endpoint reads the parameters the HSDS 3.1 OpenAPI
 * document gives it, plus `lang` everywhere and our `municipality` and `language` filters on the services,
 * service-at-locations and organisations lists. A parameter that does not fit answers 400 with its name and what
 * was wrong (never a 500, never silently another result); parameters an endpoint does not know are ignored (a
 * client's cache buster, say). An empty value counts as not given.
 */
export const listEndpoints = ['services', 'organizations', 'service_at_locations', 'taxonomies', 'taxonomy_terms'] as const
export const itemEndpoints = ['root', 'openapi', 'service', 'organization', 'service_at_location', 'taxonomy', 'taxonomy_term'] as const
export type ListEndpoint = (typeof listEndpoints)[number]
export type Endpoint = ListEndpoint | (typeof itemEndpoints)[number]

export const defaultPerPage = 25
export const maxPerPage = 100
export const maxPage = 1_000_000
export const maxSearchLength = 200
export const maxListValues = 20

export type Params = {
  /** the text language asked with `?lang=` (else Accept-Language decides) */
  lang?: AppLocale
  search?: string
  page: number
  perPage: number
  /** HSDS ids (UUIDs, lower case) */
  taxonomyTermId?: string
  taxonomyId?: string
  organizationId?: string
  parentId?: string
  modifiedAfter?: Date
  /** municipality codes (Statistics Finland, three digits): any of them */
  municipalities: string[]
  /** service languages (ISO 639-1, or ISO 639-3 such as fse and fss): any of them */
  languages: string[]
  full: boolean
  fullService: boolean
  minimal: boolean
  topOnly: boolean
}

export type ParamsResult = { ok: true; params: Params } | { ok: false; parameter: string; detail: string }

type Name =
  | 'lang'
  | 'search'
  | 'page'
  | 'per_page'
  | 'format'
  | 'taxonomy_term_id'
  | 'taxonomy_id'
  | 'organization_id'
  | 'parent_id'
  | 'modified_after'
  | 'municipality'
  | 'language'
  | 'full'
  | 'full_service'
  | 'minimal'
  | 'top_only'
  | 'postcode'
  | 'proximity'

const listCommon: Name[] = ['search', 'page', 'per_page', 'format']
const offerFilters: Name[] = ['taxonomy_term_id', 'taxonomy_id', 'organization_id', 'modified_after', 'municipality', 'language', 'full']

/** The parameters each endpoint reads (besides `lang`). */
export const endpointParameters: Record<Endpoint, readonly Name[]> = {
  root: [],
  openapi: [],
  services: [...listCommon, ...offerFilters, 'minimal'],
  service: [],
  organizations: [...listCommon, 'taxonomy_term_id', 'taxonomy_id', 'municipality', 'language', 'full', 'full_service'],
  organization: ['full_service'],
  service_at_locations: [...listCommon, ...offerFilters, 'postcode', 'proximity'],
  service_at_location: [],
  taxonomies: [...listCommon],
  taxonomy: [],
  taxonomy_terms: [...listCommon, 'taxonomy_id', 'top_only', 'parent_id'],
  taxonomy_term: [],
}

/** Parameters of the HSDS specification this API does not implement: asking for them is an error, not a no-op. */
const unsupported: Partial<Record<Name, string>> = {
  postcode: 'postcode is not supported: filter by municipality (a Statistics Finland code such as 905) instead',
  proximity: 'proximity is not supported: filter by municipality instead',
}

const uuid = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/)
const wholeNumber = (min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^\d{1,9}$/)
    .transform(Number)
    .pipe(z.number().int().min(min).max(max))
const pageNumber = wholeNumber(1, maxPage)
const perPageNumber = wholeNumber(1, maxPerPage)
const jsonFormat = z.string().trim().toLowerCase().pipe(z.literal('json'))
const booleanValue = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.enum(['true', 'false', '1', '0']))
  .transform((value) => value === 'true' || value === '1')
const locale = z.string().trim().toLowerCase().pipe(z.enum(['fi', 'sv', 'en']))
const municipalityCode = z.string().regex(/^\d{3}$/)
const languageCode = z.string().regex(/^[a-z]{2,3}$/)
/** Control characters are never text anyone searches for (and PostgreSQL refuses NUL in text). */
const searchText = z
  .string()
  .trim()
  .max(maxSearchLength)
  .refine((text) => ![...text].some((character) => character.charCodeAt(0) < 0x20 || character.charCodeAt(0) === 0x7f))

/** ISO 8601 date-time with a time zone (Z or ±hh:mm), or a date (its UTC midnight). */
const dateTimePattern = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2}))?$/i

export function parseDateTime(value: string): Date | null {
  const match = dateTimePattern.exec(value.trim())
  if (!match) return null
  const [, year, month, day, hour, minute, second = '00', fraction = '', zone] = match
  const isoDay = `${year}-${month}-${day}`
  const midnight = new Date(`${isoDay}T00:00:00.000Z`)
  // no 2026-02-30
  if (Number.isNaN(midnight.getTime()) || midnight.toISOString().slice(0, 10) !== isoDay) return null
  if (hour === undefined) return midnight
  if (Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59) return null
  const offset = zone!.toUpperCase() === 'Z' ? 'Z' : zone!.replace(/^([+-]\d{2}):?(\d{2})$/, '$1:$2')
  if (offset !== 'Z' && (Number(offset.slice(1, 3)) > 23 || Number(offset.slice(4)) > 59)) return null
  const parsed = new Date(`${isoDay}T${hour}:${minute}:${second}.${fraction.padEnd(3, '0').slice(0, 3)}${offset}`)
  return Number.isNaN(parsed.getTime()) ? null : parsed
}

function quoted(value: string): string {
  const short = value.length > 40 ? `${value.slice(0, 40)}…` : value
  return JSON.stringify(short)
}

const describe: Partial<Record<Name, string>> = {
  lang: 'lang must be fi, sv or en',
  search: `search must be text of at most ${maxSearchLength} characters without control characters`,
  page: `page must be a whole number from 1 to ${maxPage}`,
  per_page: `per_page must be a whole number from 1 to ${maxPerPage}`,
  format: 'format must be json (the only format this API gives)',
  taxonomy_term_id: 'taxonomy_term_id must be a UUID (an id from /taxonomy_terms)',
  taxonomy_id: 'taxonomy_id must be a UUID (an id from /taxonomies)',
  organization_id: 'organization_id must be a UUID (an id from /organizations)',
  parent_id: 'parent_id must be a UUID',
  modified_after: 'modified_after must be an ISO 8601 date-time with a time zone, such as 2026-11-01T00:00:00Z, or a date such as 2026-11-01',
  municipality: `municipality must be one or more municipality codes of three digits (such as 905 or 499,545), at most ${maxListValues}`,
  language: `language must be one or more language codes (ISO 639-1 such as sv, or ISO 639-3 such as fse), at most ${maxListValues}`,
  full: 'full must be true or false',
  full_service: 'full_service must be true or false',
  minimal: 'minimal must be true or false',
  top_only: 'top_only must be true or false',
}

class BadParameter extends Error {
  constructor(
    readonly parameter: string,
    readonly detail: string,
  ) {
    super(detail)
  }
}

/** The query parameters of one endpoint, checked. */
export function parseParams(endpoint: Endpoint, query: URLSearchParams): ParamsResult {
  const accepted = new Set<Name>(['lang', ...endpointParameters[endpoint]])
  const single = (name: Name): string | undefined => {
    if (!accepted.has(name)) return undefined
    const values = query.getAll(name).filter((value) => value.trim() !== '')
    if (values.length > 1) throw new BadParameter(name, `${name} was given more than once`)
    return values[0]
  }
  const read = <T>(name: Name, schema: z.ZodType<T>): T | undefined => {
    const value = single(name)
    if (value === undefined) return undefined
    const parsed = schema.safeParse(value)
    if (!parsed.success) throw new BadParameter(name, `${describe[name] ?? `${name} is not valid`} (got ${quoted(value)})`)
    return parsed.data
  }
  /** Comma-separated and/or repeated values: `municipality=905,499` or `municipality=905&municipality=499`. */
  const list = (name: Name, schema: z.ZodType<string>): string[] => {
    if (!accepted.has(name)) return []
    const values = query
      .getAll(name)
      .flatMap((value) => value.split(','))
      .map((value) => value.trim().toLowerCase())
      .filter(Boolean)
    const bad = values.find((value) => !schema.safeParse(value).success)
    if (bad !== undefined || values.length > maxListValues) {
      throw new BadParameter(name, `${describe[name]}${bad !== undefined ? ` (got ${quoted(bad)})` : ''}`)
    }
    return [...new Set(values)]
  }

  try {
    for (const [name, detail] of Object.entries(unsupported) as [Name, string][]) {
      if (single(name) !== undefined) throw new BadParameter(name, detail)
    }
    read('format', jsonFormat)
    const modified = single('modified_after')
    let modifiedAfter: Date | undefined
    if (modified !== undefined) {
      modifiedAfter = parseDateTime(modified) ?? undefined
      if (!modifiedAfter) throw new BadParameter('modified_after', `${describe.modified_after} (got ${quoted(modified)})`)
    }
    const search = read('search', searchText)
    return {
      ok: true,
      params: {
        lang: read('lang', locale),
        search: search === '' ? undefined : search,
        page: read('page', pageNumber) ?? 1,
        perPage: read('per_page', perPageNumber) ?? defaultPerPage,
        taxonomyTermId: read('taxonomy_term_id', uuid),
        taxonomyId: read('taxonomy_id', uuid),
        organizationId: read('organization_id', uuid),
        parentId: read('parent_id', uuid),
        modifiedAfter,
        municipalities: list('municipality', municipalityCode),
        languages: list('language', languageCode),
        full: read('full', booleanValue) ?? false,
        fullService: read('full_service', booleanValue) ?? false,
        minimal: read('minimal', booleanValue) ?? false,
        topOnly: read('top_only', booleanValue) ?? false,
      },
    }
  } catch (error) {
    if (error instanceof BadParameter) return { ok: false, parameter: error.parameter, detail: error.detail }
    throw error
  }
}
