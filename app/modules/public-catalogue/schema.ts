import { z } from 'zod'
import { formatCentsForInput, parseEuroToCents } from '~/modules/catalogue/money'

/**
 * The public catalogue's GET parameters (search, compare, "what would I pay"). Pure; shared by the pages and the
 * query modules. Everything lives in the address, so a search can be shared and works without JavaScript. A value
 * that does not fit is ignored (the page shows more instead of an error): nobody gets a 500 from an edited URL.
 *
 * Parameter names: category, municipality, elsewhere=on, lang (repeated), free=on, nocopay=on, type, q, sort, page,
 * units, household, income; compare: offer (repeated).
 */

export const sortKeys = ['copayment', 'price', 'distance', 'name', 'updated'] as const
export type SortKey = (typeof sortKeys)[number]
export const defaultSort: SortKey = 'copayment'

/**
 * Provider type by legal form (the reader asks "a company or an association?", and the legal form answers it
 * exactly): companies are limited companies, sole traders and cooperatives; associations are registered
 * associations and foundations.
 */
export const providerTypes = ['company', 'association'] as const
export type ProviderType = (typeof providerTypes)[number]
export const legalFormsOf = {
  company: ['COMPANY', 'SOLE_TRADER', 'COOPERATIVE'],
  association: ['REGISTERED_ASSOCIATION', 'FOUNDATION'],
} as const satisfies Record<ProviderType, readonly string[]>

export const householdMin = 1
export const householdMax = 12
/** Units per month for the monthly estimate: up to every hour of a month. */
export const unitsMax = 744
export const queryMaxLength = 100
export const maxLanguages = 10
/** Producers the "what would I pay" page lists at most (its search link shows them all). */
export const calculatorListSize = 100
/** Offers side by side at most. */
export const maxCompared = 4
/** Ids read from a compare URL at most (more are counted, not looked up). */
const maxCompareIds = 50

const code = z.string().trim().min(1).max(64)
const languageCode = z.string().trim().toLowerCase().regex(/^([a-z]{2}|fse|fss)$/)
const page = z.coerce.number().int().min(1).max(10_000)
const household = z.coerce.number().int().min(householdMin).max(householdMax)
const units = z.coerce.number().int().min(1).max(unitsMax)
const offerId = z.string().trim().min(1).max(64).regex(/^[\w-]+$/)

/** One optional query parameter; a value that does not fit is ignored. */
function optional<T>(schema: z.ZodType<T>, value: string | null): T | undefined {
  if (value === null || value.trim() === '') return undefined
  const parsed = schema.safeParse(value)
  return parsed.success ? parsed.data : undefined
}

/** Gross monthly income in euros as people type it ("1 850,50", "1850.5 €") → cents; undefined when it does not parse. */
export function parseIncome(value: string | null): number | undefined {
  if (value === null || value.trim() === '' || value.length > 40) return undefined
  const parsed = parseEuroToCents(value)
  return parsed.ok ? parsed.cents : undefined
}

export type SearchFilters = {
  /** category code; without it the page lists the categories */
  category?: string
  /** code of the municipality where the client lives */
  municipality?: string
  /** also offers that do not serve the municipality (for sorting by distance from it) */
  elsewhere: boolean
  /** service languages, any of them */
  languages: string[]
  /** only offers with free places now */
  freeNow: boolean
  /** only offers whose price the voucher covers in full */
  noCopay: boolean
  providerType?: ProviderType
  q?: string
  sort: SortKey
  page: number
  /** units per month for the monthly estimate; undefined: the category's default */
  units?: number
  /** the reader's own estimate (income-related vouchers): both or neither */
  household?: number
  incomeCents?: number
}

export function parseSearchParams(params: URLSearchParams): SearchFilters {
  const languages = [
    ...new Set(
      params
        .getAll('lang')
        .map((value) => optional(languageCode, value))
        .filter((value): value is string => value !== undefined),
    ),
  ].slice(0, maxLanguages)
  const householdSize = optional(household, params.get('household'))
  const incomeCents = parseIncome(params.get('income'))
  const estimate = householdSize !== undefined && incomeCents !== undefined
  const q = optional(z.string().trim().max(queryMaxLength), params.get('q'))
  return {
    category: optional(code, params.get('category')),
    municipality: optional(code, params.get('municipality')),
    elsewhere: params.get('elsewhere') === 'on',
    languages,
    freeNow: params.get('free') === 'on',
    noCopay: params.get('nocopay') === 'on',
    providerType: optional(z.enum(providerTypes), params.get('type')),
    q: q || undefined,
    sort: optional(z.enum(sortKeys), params.get('sort')) ?? defaultSort,
    page: optional(page, params.get('page')) ?? 1,
    units: optional(units, params.get('units')),
    household: estimate ? householdSize : undefined,
    incomeCents: estimate ? incomeCents : undefined,
  }
}

/** The filters back as a query string (links between the catalogue pages); defaults are left out. */
export function searchQuery(filters: Partial<SearchFilters>): string {
  const params = new URLSearchParams()
  if (filters.category) params.set('category', filters.category)
  if (filters.municipality) params.set('municipality', filters.municipality)
  if (filters.elsewhere) params.set('elsewhere', 'on')
  for (const language of filters.languages ?? []) params.append('lang', language)
  if (filters.freeNow) params.set('free', 'on')
  if (filters.noCopay) params.set('nocopay', 'on')
  if (filters.providerType) params.set('type', filters.providerType)
  if (filters.q) params.set('q', filters.q)
  if (filters.sort && filters.sort !== defaultSort) params.set('sort', filters.sort)
  if (filters.page && filters.page > 1) params.set('page', String(filters.page))
  if (filters.units !== undefined) params.set('units', String(filters.units))
  if (filters.household !== undefined && filters.incomeCents !== undefined) {
    params.set('household', String(filters.household))
    params.set('income', formatCentsForInput(filters.incomeCents))
  }
  const query = params.toString()
  return query ? `?${query}` : ''
}

/** Units per month the monthly estimate assumes when the reader has not said: a plausible month of each unit. */
export const defaultUnitsPerMonth = { HOUR: 10, DAY: 30, VISIT: 4, MONTH: 1 } as const satisfies Record<string, number>

export type CompareParams = {
  /** the ids to compare, in the reader's order, duplicates dropped, at most `maxCompared` */
  offerIds: string[]
  /** how many distinct ids the address asked for (more than `maxCompared` gets a message) */
  requested: number
  units?: number
  household?: number
  incomeCents?: number
  category?: string
}

export function parseCompareParams(params: URLSearchParams): CompareParams {
  const ids = [
    ...new Set(
      params
        .getAll('offer')
        .slice(0, maxCompareIds)
        .map((value) => optional(offerId, value))
        .filter((value): value is string => value !== undefined),
    ),
  ]
  const { units, household, incomeCents, category } = parseSearchParams(params)
  return { offerIds: ids.slice(0, maxCompared), requested: ids.length, units, household, incomeCents, category }
}

export type CalculatorError = 'householdInvalid' | 'incomeInvalid' | 'householdRequired' | 'incomeRequired'

export type CalculatorParams = {
  category?: string
  household?: number
  incomeCents?: number
  /** what the reader typed, shown back in the form */
  householdText: string
  incomeText: string
  /** translation keys (catalogue namespace) per field; only when the reader typed something that does not fit */
  errors: { household?: CalculatorError; income?: CalculatorError }
}

/** "What would I pay": unlike the search, a value that does not fit is told to the reader. */
export function parseCalculatorParams(params: URLSearchParams): CalculatorParams {
  const householdText = (params.get('household') ?? '').trim().slice(0, 20)
  const incomeText = (params.get('income') ?? '').trim().slice(0, 40)
  const householdSize = optional(household, householdText)
  const incomeCents = parseIncome(incomeText)
  const errors: CalculatorParams['errors'] = {}
  if (householdText && householdSize === undefined) errors.household = 'householdInvalid'
  if (incomeText && incomeCents === undefined) errors.income = 'incomeInvalid'
  // one of the two given: ask for the other
  if (householdText && !incomeText) errors.income = 'incomeRequired'
  if (incomeText && !householdText) errors.household = 'householdRequired'
  return { category: optional(code, params.get('category')), household: householdSize, incomeCents, householdText, incomeText, errors }
}
