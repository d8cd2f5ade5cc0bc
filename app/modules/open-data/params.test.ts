import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { hsdsId, normaliseUuid } from './ids'
import { negotiateLocale } from './language'
import { defaultPerPage, endpointParameters, itemEndpoints, listEndpoints, maxPerPage, parseDateTime, parseParams, type Endpoint, type ParamsResult } from './params'

const endpoints: Endpoint[] = [...listEndpoints, ...itemEndpoints]
const uuid = '3f7b145d-84af-42d7-8fae-eaca714b02b2'

function parse(endpoint: Endpoint, query: string): ParamsResult {
  return parseParams(endpoint, new URLSearchParams(query))
}

function ok(endpoint: Endpoint, query: string) {
  const result = parse(endpoint, query)
  if (!result.ok) throw new Error(`expected ${query} to parse: ${result.detail}`)
  return result.params
}

function bad(endpoint: Endpoint, query: string) {
  const result = parse(endpoint, query)
  if (result.ok) throw new Error(`expected ${query} to be refused`)
  return result
}

describe('the open-data parameters', () => {
  it('has defaults', () => {
    expect(ok('services', '')).toEqual({
      lang: undefined,
      search: undefined,
      page: 1,
      perPage: defaultPerPage,
      taxonomyTermId: undefined,
      taxonomyId: undefined,
      organizationId: undefined,
      parentId: undefined,
      modifiedAfter: undefined,
      municipalities: [],
      languages: [],
      full: false,
      fullService: false,
      minimal: false,
      topOnly: false,
    })
  })

  it('reads every parameter of the services list', () => {
    const params = ok(
      'services',
      `search=+hemvård+&page=3&per_page=100&format=JSON&taxonomy_term_id=${uuid.toUpperCase()}&taxonomy_id=${uuid}&organization_id=${uuid}` +
        '&modified_after=2026-11-01T10:00:00%2B02:00&municipality=905,499&municipality=545&language=SV,fse&full=true&minimal=0&lang=FI',
    )
    expect(params).toMatchObject({
      lang: 'fi',
      search: 'hemvård',
      page: 3,
      perPage: 100,
      taxonomyTermId: uuid,
      taxonomyId: uuid,
      organizationId: uuid,
      municipalities: ['905', '499', '545'],
      languages: ['sv', 'fse'],
      full: true,
      minimal: false,
    })
    expect(params.modifiedAfter?.toISOString()).toBe('2026-11-01T08:00:00.000Z')
  })

  it.each([
    ['per_page', 'per_page=0'],
    ['per_page', 'per_page=1000'],
    ['per_page', `per_page=${maxPerPage + 1}`],
    ['per_page', 'per_page=x'],
    ['per_page', 'per_page=2.5'],
    ['per_page', 'per_page=-1'],
    ['page', 'page=0'],
    ['page', 'page=abc'],
    ['page', 'page=1&page=2'],
    ['lang', 'lang=de'],
    ['format', 'format=ndjson'],
    ['taxonomy_term_id', 'taxonomy_term_id=home-care'],
    ['organization_id', 'organization_id=123'],
    ['modified_after', 'modified_after=yesterday'],
    ['modified_after', 'modified_after=2026-11-01T10:00:00'],
    ['modified_after', 'modified_after=2026-02-30'],
    ['modified_after', 'modified_after=2026-11-01T25:00:00Z'],
    ['municipality', 'municipality=Vaasa'],
    ['municipality', 'municipality=90'],
    ['language', 'language=swedish'],
    ['full', 'full=yes'],
    ['minimal', 'minimal=2'],
    ['search', `search=${'a'.repeat(201)}`],
    ['search', 'search=a%00b'],
  ])('refuses a bad %s (%s) with a clear detail', (parameter, query) => {
    const result = bad('services', query)
    expect(result.parameter).toBe(parameter)
    expect(result.detail).toMatch(new RegExp(`^${parameter}`))
  })

  it('refuses the HSDS parameters it does not implement, on the endpoint that has them', () => {
    expect(bad('service_at_locations', 'postcode=65100')).toMatchObject({ parameter: 'postcode' })
    expect(bad('service_at_locations', 'proximity=1000')).toMatchObject({ parameter: 'proximity' })
  })

  it('ignores parameters an endpoint does not know and empty values', () => {
    expect(ok('taxonomies', 'municipality=Vaasa&organization_id=x&_=123')).toMatchObject({ municipalities: [], organizationId: undefined })
    expect(ok('services', 'page=&per_page=&search=&full=')).toMatchObject({ page: 1, perPage: defaultPerPage, search: undefined, full: false })
  })

  it('reads the parameters of the other endpoints', () => {
    expect(ok('organization', 'full_service=true&lang=sv')).toMatchObject({ fullService: true, lang: 'sv' })
    expect(ok('taxonomy_terms', `top_only=true&parent_id=${uuid}`)).toMatchObject({ topOnly: true, parentId: uuid })
    expect(bad('service', 'lang=xx').parameter).toBe('lang')
    for (const endpoint of endpoints) expect(endpointParameters[endpoint]).toBeDefined()
  })

  it('never throws: any query string gives the parameters or a 400 naming one', () => {
    const names = ['search', 'page', 'per_page', 'format', 'taxonomy_term_id', 'taxonomy_id', 'organization_id', 'parent_id', 'modified_after', 'municipality', 'language', 'full', 'full_service', 'minimal', 'top_only', 'postcode', 'proximity', 'lang', 'other']
    const value = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.integer().map(String), fc.constantFrom('', 'true', '0', uuid, '905', 'sv', '2026-11-01'))
    fc.assert(
      fc.property(fc.constantFrom(...endpoints), fc.array(fc.tuple(fc.constantFrom(...names), value), { maxLength: 8 }), (endpoint, pairs) => {
        const result = parseParams(endpoint, new URLSearchParams(pairs))
        if (result.ok) {
          expect(result.params.page).toBeGreaterThanOrEqual(1)
          expect(result.params.perPage).toBeGreaterThanOrEqual(1)
          expect(result.params.perPage).toBeLessThanOrEqual(maxPerPage)
        } else {
          expect(names).toContain(result.parameter)
          expect(result.detail.length).toBeGreaterThan(0)
        }
      }),
      { numRuns: 500 },
    )
  }, 60_000)

  it('never throws on a raw query string', () => {
    fc.assert(
      fc.property(fc.constantFrom(...endpoints), fc.string(), (endpoint, raw) => {
        const result = parseParams(endpoint, new URLSearchParams(raw))
        expect(typeof result.ok).toBe('boolean')
      }),
      { numRuns: 500 },
    )
  }, 60_000)
})

describe('modified_after', () => {
  it.each([
    ['2026-11-01T08:00:00Z', '2026-11-01T08:00:00.000Z'],
    ['2026-11-01T08:00Z', '2026-11-01T08:00:00.000Z'],
    ['2026-11-01t10:00:00.5+02:00', '2026-11-01T08:00:00.500Z'],
    ['2026-11-01T10:00:00.123456789+0200', '2026-11-01T08:00:00.123Z'],
    ['2026-11-01', '2026-11-01T00:00:00.000Z'],
  ])('%s is %s', (text, iso) => {
    expect(parseDateTime(text)?.toISOString()).toBe(iso)
  })

  it.each(['2026-11-01T08:00:00', '2026-13-01', '2026-11-01T08:60:00Z', '2026-11-01T08:00:00+25:00', 'now', ''])('%s is refused', (text) => {
    expect(parseDateTime(text)).toBeNull()
  })
})

describe('the language of the texts', () => {
  it.each([
    [null, 'sv'],
    ['fi', 'fi'],
    ['en-GB,en;q=0.9', 'en'],
    ['de-DE,de;q=0.9,sv;q=0.5,fi;q=0.7', 'fi'],
    ['fi;q=0,sv;q=0.1', 'sv'],
    ['de,fr', 'sv'],
    ['*', 'sv'],
    ['FI-fi', 'fi'],
    ['sv;q=abc,en;q=0.2', 'en'],
  ] as const)('Accept-Language %s → %s', (header, locale) => {
    expect(negotiateLocale(header, 'sv')).toBe(locale)
  })

  it('never throws on any header', () => {
    fc.assert(fc.property(fc.string(), (header) => ['fi', 'sv', 'en'].includes(negotiateLocale(header, 'sv'))), { numRuns: 1000 })
  })
})

describe('HSDS ids', () => {
  it('are RFC 9562 version 3 UUIDs, stable, and differ by kind and key', () => {
    const id = hsdsId('service', 'seed-offer-001')
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-3[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(hsdsId('service', 'seed-offer-001')).toBe(id)
    expect(hsdsId('organization', 'seed-offer-001')).not.toBe(id)
    expect(hsdsId('service', 'seed-offer-002')).not.toBe(id)
    expect(hsdsId('service_at_location', 'a', 'b:c')).not.toBe(hsdsId('service_at_location', 'a:b', 'c'))
  })

  it('reads UUIDs in any case and nothing else', () => {
    expect(normaliseUuid(` ${uuid.toUpperCase()} `)).toBe(uuid)
    expect(normaliseUuid('seed-offer-001')).toBeNull()
  })
})
