import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { beforeAll, describe, expect, it } from 'vitest'
/* eslint-disable no-restricted-imports -- the open-data API's loaders are exercised here (they are public in route-access) */
import * as fallbackRoute from '~/routes/api.hsds.$'
import * as rootRoute from '~/routes/api.hsds._index'
import * as openapiRoute from '~/routes/api.hsds.openapi[.]json'
import * as organizationRoute from '~/routes/api.hsds.organizations.$id'
import * as organizationsRoute from '~/routes/api.hsds.organizations._index'
import * as serviceAtLocationRoute from '~/routes/api.hsds.service_at_locations.$id'
import * as serviceAtLocationsRoute from '~/routes/api.hsds.service_at_locations._index'
import * as serviceRoute from '~/routes/api.hsds.services.$id'
import * as servicesRoute from '~/routes/api.hsds.services._index'
import * as taxonomyRoute from '~/routes/api.hsds.taxonomies.$id'
import * as taxonomiesRoute from '~/routes/api.hsds.taxonomies._index'
import * as termRoute from '~/routes/api.hsds.taxonomy_terms.$id'
import * as termsRoute from '~/routes/api.hsds.taxonomy_terms._index'
/* eslint-enable no-restricted-imports */
import { env } from '~/utils/env.server'
import { prisma } from '~/utils/db.server'
import { createDocumentTypes, addDocument } from '../../../tests/support/application-fixtures'
import { createCatalogueWorld, type CatalogueWorld } from '../../../tests/support/catalogue-fixtures'
import { createUser } from '../../../tests/support/request'
import { createClient, createVoucher } from '../../../tests/support/voucher-fixtures'
import { createHsdsValidators, type HsdsValidators, type SchemaName } from './hsds-schemas.test-support'
import { hsdsId } from './ids'
import { taxonomyId } from './map.server'

/**
 * The open-data API against a real database (the catalogue fixture: A–E public, E's suspension starting next week;
 * F suspended since yesterday, G a draft, H archived, D's home-care offer without an entry), every endpoint's real
 * response validated against the HSDS 3.1 schemas.
 */
type Route = {
  loader: (args: LoaderFunctionArgs) => Promise<Response> | Response
  action: (args: ActionFunctionArgs) => Promise<Response> | Response
}
type Json = Record<string, unknown>
type Page = { total_items: number; total_pages: number; page_number: number; size: number; first_page: boolean; last_page: boolean; empty: boolean; contents: Json[] }

const dayMs = 24 * 60 * 60 * 1000
const now = new Date()
const origin = env().APP_ORIGIN
let world: CatalogueWorld
let schemas: HsdsValidators
/** things that must never appear in a response */
const secrets: string[] = []

type ServiceKey = keyof CatalogueWorld['offers']
const publicServices: ServiceKey[] = ['A', 'homeCareA', 'B', 'C', 'homeCareC', 'D', 'E']
const hiddenServices: ServiceKey[] = ['F', 'G', 'H', 'homeCareD']

const serviceId = (key: ServiceKey) => hsdsId('service', world.offers[key].id)
const organizationId = (key: keyof CatalogueWorld['organisations']) => hsdsId('organization', world.organisations[key].id)
function keyOfService(id: unknown): string {
  return (Object.keys(world.offers) as ServiceKey[]).find((key) => serviceId(key) === id) ?? String(id)
}

async function request(route: Route, path: string, init: { headers?: Record<string, string>; method?: string; id?: string } = {}): Promise<Response> {
  const req = new Request(`http://localhost:3000${path}`, { method: init.method ?? 'GET', headers: init.headers })
  const args = { request: req, params: init.id === undefined ? {} : { id: init.id }, context: {} }
  return ['POST', 'PUT', 'PATCH', 'DELETE'].includes(init.method ?? 'GET') ? route.action(args) : route.loader(args)
}

async function get<T = Json>(route: Route, path: string, init: { headers?: Record<string, string>; id?: string } = {}) {
  const response = await request(route, path, init)
  const text = await response.text()
  return { response, text, body: (text ? JSON.parse(text) : null) as T }
}

function expectValid(schema: SchemaName, value: unknown) {
  expect(schemas.validate(schema, value), `${schema}: ${JSON.stringify(value).slice(0, 300)}`).toEqual([])
}

async function page(route: Route, path: string, itemSchema: SchemaName, init: { headers?: Record<string, string> } = {}) {
  const result = await get<Page>(route, path, init)
  expect(result.response.status, result.text).toBe(200)
  expect(schemas.validatePage(result.body)).toEqual([])
  for (const item of result.body.contents) expectValid(itemSchema, item)
  return result
}

beforeAll(async () => {
  schemas = createHsdsValidators([
    'compiled/service.json',
    'compiled/service_list.json',
    'compiled/organization.json',
    'compiled/organization_list.json',
    'compiled/service_at_location.json',
    'compiled/service_at_location_list.json',
    'taxonomy.json',
    'taxonomy_term.json',
  ])
  world = await createCatalogueWorld(now)
  const { offers, organisations } = world
  // a new price for A decided ahead
  await prisma.offerPrice.create({ data: { offerId: offers.A.id, priceCents: 2500, effectiveFrom: new Date('2099-01-01T00:00:00Z') } })
  // private data beside the public: a member, a staff user, a document, a client with a voucher and a choice, reasons
  const member = await createUser({ name: 'Mirja Medlem-Hemlig' })
  await prisma.membership.create({ data: { userId: member.id, organisationId: organisations.A.id, role: 'OWNER' } })
  const staff = await createUser({ staffRole: 'ADMIN', name: 'Sara Staff-Hemlig' })
  await createDocumentTypes()
  const document = await addDocument(organisations.A.id, member.id, 'TRADE_REGISTER_EXTRACT')
  const client = await createClient()
  const voucher = await createVoucher(client.id, world.categories.support.id, staff.id, { status: 'ACTIVE' })
  await prisma.choice.create({ data: { voucherId: voucher.id, offerId: offers.A.id, status: 'ACCEPTED', startDate: new Date('2026-01-01'), decidedAt: new Date('2026-01-01') } })
  await prisma.registerEntry.updateMany({ where: { organisationId: organisations.F.id }, data: { statusReason: 'Hemlig avstängningsorsak' } })
  await prisma.registerEntry.updateMany({ where: { organisationId: organisations.A.id }, data: { statusReason: 'Intern anteckning om Alfa' } })
  secrets.push(
    member.email,
    member.name,
    staff.email,
    staff.name,
    document.originalFilename,
    document.storageKey,
    client.firstName + ' ' + client.lastName,
    client.lastName,
    client.email ?? 'ingrid@example.com',
    client.identityCodeHash,
    voucher.code,
    voucher.decisionNumber,
    'Hemlig avstängningsorsak',
    'Intern anteckning om Alfa',
    'Fjärdens Hemtjänst',
    'Avstängd tjänst',
    'Arkiverad',
    'Hemvård utan registrering',
    ...hiddenServices.map((key) => world.offers[key].id),
    ...hiddenServices.map(serviceId),
  )
  // change times: everything long ago, except the offers' own (E 1, C 2, A 3, D 4, B 5 days ago by the fixture)
  const past = new Date(now.getTime() - 60 * dayMs)
  await prisma.$executeRaw`UPDATE "Organisation" SET "updatedAt" = ${past}`
  await prisma.$executeRaw`UPDATE "ServiceUnit" SET "updatedAt" = ${past}`
  await prisma.$executeRaw`UPDATE "RegisterEntry" SET "decidedAt" = ${past}`
  await prisma.$executeRaw`UPDATE "VoucherValue" SET "createdAt" = ${past}`
  const tenDaysAgo = new Date(now.getTime() - 10 * dayMs)
  for (const key of ['homeCareA', 'homeCareC', ...hiddenServices] as ServiceKey[]) {
    await prisma.$executeRaw`UPDATE "Offer" SET "updatedAt" = ${tenDaysAgo} WHERE id = ${world.offers[key].id}`
  }
}, 240_000)

describe('the schema validation itself', () => {
  it('refuses what HSDS refuses (so a pass means something)', () => {
    expect(schemas.validate('compiled/service.json', { id: 'x', name: 'n', status: 'active' })[0]).toMatchObject({ keyword: 'format', instancePath: '/id' })
    expect(schemas.validate('compiled/service.json', { id: hsdsId('service', 'x'), name: 'n', status: 'open' })[0]).toMatchObject({ keyword: 'enum' })
    expect(schemas.validate('compiled/service.json', { id: hsdsId('service', 'x'), name: 'n', status: 'active', cost_options: [{ id: hsdsId('cost_option', 'x'), amount: '24' }] })[0]).toMatchObject({
      keyword: 'type',
      instancePath: '/cost_options/0/amount',
    })
    expect(schemas.validate('compiled/organization.json', { id: hsdsId('organization', 'x'), name: 'n' })[0]).toMatchObject({ keyword: 'required' })
    expect(schemas.validate('compiled/service_at_location.json', { id: hsdsId('service_at_location', 'x'), location: { id: hsdsId('location', 'x'), location_type: 'physical', addresses: [{ id: hsdsId('address', 'x') }] } })[0]).toMatchObject({ keyword: 'required' })
    expect(schemas.validate('taxonomy_term.json', { id: hsdsId('taxonomy_term', 'x'), name: 'n', description: 'd', taxonomy_detail: { id: 'x' } }).length).toBeGreaterThan(0)
    expect(schemas.validatePage({ total_items: 1, contents: [] })[0]).toMatchObject({ keyword: 'required' })
    expect(schemas.validateRoot({ version: '3.1', profile: 'not a uri', openapi_url: 'https://example.org/openapi.json' })[0]).toMatchObject({ keyword: 'format' })
  })
})

describe('the API root and the OpenAPI document', () => {
  it('gives the HSDS version, the profile and the OpenAPI address', async () => {
    for (const path of ['/api/hsds', '/api/hsds/']) {
      const { response, body } = await get(rootRoute, path)
      expect(response.status).toBe(200)
      expect(response.headers.get('Content-Type')).toBe('application/json; charset=utf-8')
      expect(schemas.validateRoot(body)).toEqual([])
      expect(body).toMatchObject({ version: '3.1', profile: `${origin}/open-data`, openapi_url: `${origin}/api/hsds/openapi.json` })
    }
  })

  it('serves our OpenAPI document with the server address and every endpoint', async () => {
    const { response, body } = await get<{ openapi: string; servers: { url: string }[]; paths: Record<string, { get: { parameters?: unknown[] } }> }>(openapiRoute, '/api/hsds/openapi.json')
    expect(response.status).toBe(200)
    expect(body.openapi).toBe('3.1.0')
    expect(body.servers[0]?.url).toBe(`${origin}/api/hsds`)
    expect(Object.keys(body.paths).sort()).toEqual(
      ['/', '/organizations', '/organizations/{id}', '/service_at_locations', '/service_at_locations/{id}', '/services', '/services/{id}', '/taxonomies', '/taxonomies/{id}', '/taxonomy_terms', '/taxonomy_terms/{id}'].sort(),
    )
    const serviceParameters = JSON.stringify(body.paths['/services']?.get.parameters)
    for (const name of ['search', 'page', 'per_page', 'taxonomy_term_id', 'taxonomy_id', 'organization_id', 'modified_after', 'municipality', 'language', 'lang']) {
      expect(serviceParameters).toContain(`#/components/parameters/${name}`)
    }
  })

  it('answers unknown addresses under /api/hsds with JSON 404', async () => {
    const { response, body } = await get(fallbackRoute, '/api/hsds/locations')
    expect(response.status).toBe(404)
    expect(response.headers.get('Access-Control-Allow-Origin')).toBe('*')
    expect(body).toMatchObject({ error: 'not_found' })
  })
})

describe('services', () => {
  it('lists exactly the public services, each valid HSDS, in pages', async () => {
    const { body } = await page(servicesRoute, '/api/hsds/services?per_page=100', 'compiled/service_list.json')
    expect(body.contents.map((service) => keyOfService(service.id))).toEqual(publicServices)
    expect(body).toMatchObject({ total_items: 7, total_pages: 1, page_number: 1, size: 7, first_page: true, last_page: true, empty: false })
  })

  it('pages: the last page is short, a page past the end is empty, not an error', async () => {
    const first = await page(servicesRoute, '/api/hsds/services?per_page=3', 'compiled/service_list.json')
    expect(first.body).toMatchObject({ total_items: 7, total_pages: 3, page_number: 1, size: 3, first_page: true, last_page: false, empty: false })
    const last = await page(servicesRoute, '/api/hsds/services?per_page=3&page=3', 'compiled/service_list.json')
    expect(last.body).toMatchObject({ total_items: 7, total_pages: 3, page_number: 3, size: 1, first_page: false, last_page: true, empty: false })
    expect(last.body.contents.map((service) => keyOfService(service.id))).toEqual(['E'])
    const beyond = await page(servicesRoute, '/api/hsds/services?per_page=3&page=9', 'compiled/service_list.json')
    expect(beyond.body).toMatchObject({ total_items: 7, total_pages: 3, page_number: 9, size: 0, first_page: false, last_page: true, empty: true, contents: [] })
    const all = []
    for (let number = 1; number <= 3; number++) {
      const { body } = await get<Page>(servicesRoute, `/api/hsds/services?per_page=3&page=${number}`)
      all.push(...body.contents.map((service) => keyOfService(service.id)))
    }
    expect(all).toEqual(publicServices)
  })

  it('gives only id, name, status and last_modified with minimal=true', async () => {
    const { body } = await page(servicesRoute, '/api/hsds/services?minimal=true&per_page=2', 'compiled/service_list.json')
    expect(body.contents.map((service) => Object.keys(service).sort())).toEqual([
      ['id', 'last_modified', 'name', 'status'],
      ['id', 'last_modified', 'name', 'status'],
    ])
  })

  it.each(['per_page=0', 'per_page=1000', 'per_page=x', 'page=0', 'page=-1', 'modified_after=tomorrow', 'lang=de', 'municipality=Vasa', 'taxonomy_term_id=support'])(
    'answers 400 with a JSON error for %s',
    async (query) => {
      const { response, body } = await get(servicesRoute, `/api/hsds/services?${query}`)
      expect(response.status).toBe(400)
      expect(response.headers.get('Content-Type')).toBe('application/json; charset=utf-8')
      expect(response.headers.get('Access-Control-Allow-Origin')).toBe('*')
      expect(body).toMatchObject({ error: 'invalid_parameter', parameter: query.split('=')[0] })
      expect(String(body.detail)).toContain(query.split('=')[0])
    },
  )

  const filterCases: [string, () => string, ServiceKey[]][] = [
    ['text in any language or the organisation name', () => 'search=st%C3%A4d', ['A', 'homeCareA', 'E']],
    ['text in a description', () => 'search=ARABIC', ['C']],
    ['a taxonomy term (home care)', () => `taxonomy_term_id=${hsdsId('taxonomy_term', world.categories.homeCare.id)}`, ['homeCareA', 'homeCareC']],
    ['our taxonomy', () => `taxonomy_id=${taxonomyId}`, publicServices],
    ['another taxonomy', () => `taxonomy_id=${hsdsId('taxonomy', 'other')}`, []],
    ['an unknown term', () => `taxonomy_term_id=${hsdsId('taxonomy_term', 'nope')}`, []],
    ['an organisation', () => `organization_id=${organizationId('A')}`, ['A', 'homeCareA']],
    ['a suspended organisation', () => `organization_id=${organizationId('F')}`, []],
    ['a municipality with a place and a home-visit area (Närpes)', () => 'municipality=545', ['B', 'D']],
    ['a municipality only covered by home visits (Kristinestad)', () => 'municipality=287', ['B']],
    ['several municipalities', () => 'municipality=287,499', ['B', 'C', 'homeCareC', 'E']],
    ['a service language', () => 'language=ar', ['C']],
    ['a sign language', () => 'language=fse', ['D']],
    ['any of several languages', () => 'language=ar&language=fse', ['C', 'D']],
    ['modified after (offers changed 1 and 2 days ago)', () => `modified_after=${new Date(now.getTime() - 2.5 * dayMs).toISOString()}`, ['C', 'E']],
    ['combined', () => 'municipality=905&language=sv', ['A', 'homeCareA']],
  ]
  it.each(filterCases)('filters by %s', async (_name, query, expected) => {
    const { body } = await page(servicesRoute, `/api/hsds/services?per_page=100&${query()}`, 'compiled/service_list.json')
    expect(body.contents.map((service) => keyOfService(service.id))).toEqual(expected)
    expect(body.total_items).toBe(expected.length)
  })

  it('gives a fully nested service, valid HSDS, with prices, voucher value, capacity, areas and category', async () => {
    const { response, body } = await get(serviceRoute, `/api/hsds/services/${serviceId('A')}?lang=sv`, { id: serviceId('A') })
    expect(response.status).toBe(200)
    expectValid('compiled/service.json', body)
    expect(body).toMatchObject({
      id: serviceId('A'),
      organization_id: organizationId('A'),
      name: 'Städning i Vasa',
      alternate_name: 'Siivous Vaasassa',
      description: 'Vi städar hemma hos dig.',
      status: 'active',
      url: `${origin}/producers/${world.organisations.A.id}`,
    })
    const costs = body.cost_options as Json[]
    expect(costs.map((cost) => [cost.amount, cost.currency, cost.valid_from, cost.valid_to])).toEqual([
      [24, 'EUR', '2025-04-01', '2098-12-31'],
      [25, 'EUR', '2099-01-01', undefined],
      [26, 'EUR', '2026-01-01', undefined],
      [45, 'EUR', undefined, undefined],
    ])
    expect(costs.map((cost) => cost.option)).toEqual(['Pris per timme', 'Nytt pris per timme', 'Servicesedelns värde per timme', 'Tilläggstjänst: Fönstertvätt'])
    expect(body.capacities).toEqual([
      expect.objectContaining({ available: 3, updated: new Date(now.getTime() - 3 * dayMs).toISOString(), unit: expect.objectContaining({ identifier: 'client-place' }) }),
    ])
    expect((body.languages as Json[]).map((language) => [language.code, language.name])).toEqual([
      ['fi', 'finska'],
      ['sv', 'svenska'],
    ])
    expect(body.attributes).toEqual([
      expect.objectContaining({
        link_type: 'service_category',
        taxonomy_term_id: hsdsId('taxonomy_term', world.categories.support.id),
        taxonomy_term: expect.objectContaining({ code: world.categories.support.code, name: 'Stödtjänster inom hemvården', taxonomy_id: taxonomyId }),
      }),
    ])
    const [at] = body.service_at_locations as Json[]
    expect(at).toMatchObject({
      id: hsdsId('service_at_location', world.offers.A.id, (await unitOf('A')).id),
      location: {
        location_type: 'physical',
        name: 'Alfa Vasa',
        latitude: 63.096,
        longitude: 21.6158,
        addresses: [expect.objectContaining({ address_1: 'Skolgatan 2', postal_code: '64200', city: 'Vasa', state_province: 'Österbotten', country: 'FI' })],
        accessibility: [expect.objectContaining({ description: 'Ramp vid ingången', details: 'Tillträde utan trappsteg' })],
      },
    })
    expect(body.organization).toMatchObject({
      id: organizationId('A'),
      name: 'Alfa Städ Ab',
      organization_identifiers: [{ identifier_scheme: 'FI-PRO', identifier: world.organisations.A.businessId }],
    })
  })

  it("gives last_modified as the latest change of the service's parts", async () => {
    const { body } = await get(serviceRoute, `/api/hsds/services/${serviceId('A')}`, { id: serviceId('A') })
    expect(body.last_modified).toBe(new Date(now.getTime() - 3 * dayMs).toISOString())
  })

  it('gives income-related voucher values as a minimum and a maximum, and home-visit municipalities as service areas', async () => {
    const homeCare = await get(serviceRoute, '/', { id: serviceId('homeCareA') })
    expectValid('compiled/service.json', homeCare.body)
    expect((homeCare.body.cost_options as Json[]).map((cost) => [cost.amount, cost.option])).toEqual([
      [30, 'Pris per timme'],
      [12, 'Servicesedelns värde per timme, minst (inkomstrelaterat)'],
      [36, 'Servicesedelns värde per timme, högst (inkomstrelaterat)'],
      [45, 'Tilläggstjänst: Fönstertvätt'],
    ])
    const b = await get(serviceRoute, '/?lang=fi', { id: serviceId('B') })
    expectValid('compiled/service.json', b.body)
    expect(b.body.service_at_locations).toEqual([])
    expect((b.body.service_areas as Json[]).map((area) => [area.name, (area.attributes as Json[])[0]?.value])).toEqual([
      ['Kristiinankaupunki', '287'],
      ['Närpiö', '545'],
    ])
    const c = await get(serviceRoute, '/', { id: serviceId('C') })
    expect(c.body.capacities).toEqual([])
  })

  it('answers 404 JSON for unknown, malformed and non-public ids', async () => {
    for (const id of [hsdsId('service', 'no-such-offer'), 'not-a-uuid', world.offers.A.id, ...hiddenServices.map(serviceId)]) {
      const { response, body } = await get(serviceRoute, `/api/hsds/services/${id}`, { id })
      expect(response.status, id).toBe(404)
      expect(response.headers.get('Access-Control-Allow-Origin')).toBe('*')
      expect(body).toMatchObject({ error: 'not_found' })
    }
  })
})

describe('the language of the texts', () => {
  it('follows ?lang, then Accept-Language, with the catalogue fallback and links to the other languages', async () => {
    const name = async (path: string, headers: Record<string, string> = {}) => {
      const { response, body } = await get(serviceRoute, path, { id: serviceId('A'), headers })
      return { name: body.name, alternate: body.alternate_name, language: response.headers.get('Content-Language'), link: response.headers.get('Link'), vary: response.headers.get('Vary') }
    }
    expect(await name('/?lang=fi')).toMatchObject({ name: 'Siivous Vaasassa', alternate: 'Städning i Vasa', language: 'fi', vary: 'Accept-Language' })
    expect(await name('/', { 'Accept-Language': 'fi-FI,fi;q=0.9' })).toMatchObject({ name: 'Siivous Vaasassa', language: 'fi' })
    expect(await name('/?lang=sv', { 'Accept-Language': 'fi' })).toMatchObject({ name: 'Städning i Vasa', language: 'sv' })
    // no English title: Swedish first (the catalogue's order for English readers), Finnish as the alternate
    expect(await name('/?lang=en')).toMatchObject({ name: 'Städning i Vasa', alternate: 'Siivous Vaasassa', language: 'en' })
    const { link } = await name(`/api/hsds/services/${serviceId('A')}?lang=en&full=true`)
    expect(link).toBe(
      `<${origin}/api/hsds/services/${serviceId('A')}?lang=fi&full=true>; rel="alternate"; hreflang="fi", ` +
        `<${origin}/api/hsds/services/${serviceId('A')}?lang=sv&full=true>; rel="alternate"; hreflang="sv"`,
    )
  })

  it('names categories, units and municipalities in the language asked', async () => {
    const terms = await page(termsRoute, '/api/hsds/taxonomy_terms?lang=fi', 'taxonomy_term.json')
    expect(terms.body.contents.map((term) => term.name)).toEqual(['Kotihoito', 'Kotihoidon tukipalvelut'])
    const english = await get(serviceRoute, '/?lang=en', { id: serviceId('C') })
    expect(english.body).toMatchObject({ name: 'Home help', description: 'We also serve in Arabic.' })
    expect((english.body.cost_options as Json[])[0]).toMatchObject({ option: 'Price per hour', amount_description: 'per hour' })
  })
})

describe('organizations', () => {
  it('lists the providers with a register entry in force, valid HSDS', async () => {
    const { body } = await page(organizationsRoute, '/api/hsds/organizations', 'compiled/organization_list.json')
    expect(body.contents.map((organization) => organization.name)).toEqual([
      'Alfa Städ Ab',
      'Bergets Omsorg rf',
      'Cedar Care Oy',
      'Dalens Stiftelse sr',
      'Eko Osuuskunta',
      'Gamla Utkast Ab',
      'Hamnens Arkiv Ab',
    ])
  })

  it('lists fully nested organizations with full=true and their services nested with full_service=true', async () => {
    const full = await page(organizationsRoute, '/api/hsds/organizations?full=true&per_page=2', 'compiled/organization.json')
    expect((full.body.contents[0]?.services as Json[]).map((service) => keyOfService(service.id))).toEqual(['homeCareA', 'A'])
    const nested = await page(organizationsRoute, '/api/hsds/organizations?full_service=true&per_page=2', 'compiled/organization.json')
    for (const service of nested.body.contents[0]?.services as Json[]) expectValid('compiled/service.json', service)
  })

  it.each<[string, () => string, string[]]>([
    ['text (name)', () => 'search=omsorg', ['Bergets Omsorg rf']],
    ['text (business ID)', () => `search=${world.organisations.C.businessId}`, ['Cedar Care Oy']],
    ['a category', () => `taxonomy_term_id=${hsdsId('taxonomy_term', world.categories.homeCare.id)}`, ['Alfa Städ Ab', 'Cedar Care Oy']],
    ['a municipality of a public service', () => 'municipality=545', ['Bergets Omsorg rf', 'Dalens Stiftelse sr']],
    ['a service language', () => 'language=fse', ['Dalens Stiftelse sr']],
  ])('filters by %s', async (_name, query, expected) => {
    const { body } = await page(organizationsRoute, `/api/hsds/organizations?${query()}`, 'compiled/organization_list.json')
    expect(body.contents.map((organization) => organization.name)).toEqual(expected)
  })

  it('gives one organization fully nested: identifier, phone, locations, services, categories', async () => {
    const id = organizationId('A')
    const { response, body } = await get(organizationRoute, `/api/hsds/organizations/${id}?lang=en`, { id })
    expect(response.status).toBe(200)
    expectValid('compiled/organization.json', body)
    expect(body).toMatchObject({
      id,
      name: 'Alfa Städ Ab',
      description: 'Alfa Städ Ab beskrivning',
      email: 'info@example.com',
      legal_status: 'Company (limited company or partnership)',
      organization_identifiers: [{ identifier_scheme: 'FI-PRO', identifier_type: 'Business ID (Y-tunnus)', identifier: world.organisations.A.businessId }],
      phones: [expect.objectContaining({ number: '+358 6 123 4567' })],
    })
    expect((body.locations as Json[]).map((location) => location.name)).toEqual(['Alfa Vasa'])
    expect((body.services as Json[]).map((service) => keyOfService(service.id))).toEqual(['homeCareA', 'A'])
    expect((body.attributes as Json[]).map((attribute) => [attribute.link_type, attribute.label, attribute.value])).toEqual([
      ['register_category', 'Home care', '2025-03-01'],
      ['register_category', 'Support services for home care', '2025-03-01'],
      ['sector', 'Private sector', 'PRIVATE'],
    ])
    const withServices = await get(organizationRoute, '/?full_service=true', { id })
    expectValid('compiled/organization.json', withServices.body)
    for (const service of withServices.body.services as Json[]) expectValid('compiled/service.json', service)
  })

  it('shows an organization without public services (its entry is in force), and hides a suspended one', async () => {
    const g = await get(organizationRoute, '/', { id: organizationId('G') })
    expect(g.response.status).toBe(200)
    expectValid('compiled/organization.json', g.body)
    expect(g.body.services).toEqual([])
    expect(g.body.locations).toEqual([])
    for (const id of [organizationId('F'), hsdsId('organization', 'nope'), 'x']) {
      const { response, body } = await get(organizationRoute, '/', { id })
      expect(response.status).toBe(404)
      expect(body).toMatchObject({ error: 'not_found' })
    }
  })
})

async function unitOf(key: ServiceKey) {
  const link = await prisma.offerServiceUnit.findFirst({ where: { offerId: world.offers[key].id, serviceUnit: { kind: 'LOCATION' } }, select: { serviceUnit: true } })
  return link!.serviceUnit
}

describe('services at locations', () => {
  it('lists the public services at their places (not home-visit areas), valid HSDS', async () => {
    const { body } = await page(serviceAtLocationsRoute, '/api/hsds/service_at_locations', 'compiled/service_at_location_list.json')
    expect(body.contents.map((row) => [keyOfService(row.service_id), (row.location as Json).name])).toEqual([
      ['A', 'Alfa Vasa'],
      ['homeCareA', 'Alfa Vasa'],
      ['C', 'Cedar Smedsby'],
      ['homeCareC', 'Cedar Smedsby'],
      ['D', 'Dalens hus'],
      ['E', 'Eko Vaasa'],
    ])
    const full = await page(serviceAtLocationsRoute, '/api/hsds/service_at_locations?full=true', 'compiled/service_at_location.json')
    expect(full.body.size).toBe(6)
  })

  it.each<[string, string, string[]]>([
    ['municipality (where the place is)', 'municipality=905', ['A', 'homeCareA', 'E']],
    ['Närpes: D has a place there, B only home visits', 'municipality=545', ['D']],
    ['language', 'language=ar', ['C']],
    ['text', 'search=dalens', ['D']],
  ])('filters by %s', async (_name, query, expected) => {
    const { body } = await page(serviceAtLocationsRoute, `/api/hsds/service_at_locations?${query}`, 'compiled/service_at_location_list.json')
    expect(body.contents.map((row) => keyOfService(row.service_id))).toEqual(expected)
  })

  it('refuses postcode and proximity, which it does not implement', async () => {
    const { response, body } = await get(serviceAtLocationsRoute, '/api/hsds/service_at_locations?postcode=65100')
    expect(response.status).toBe(400)
    expect(body).toMatchObject({ error: 'invalid_parameter', parameter: 'postcode' })
  })

  it('gives one service at a location fully nested, and 404 for others', async () => {
    const unit = await unitOf('D')
    const id = hsdsId('service_at_location', world.offers.D.id, unit.id)
    const { response, body } = await get(serviceAtLocationRoute, '/?lang=fi', { id })
    expect(response.status).toBe(200)
    expectValid('compiled/service_at_location.json', body)
    expect(body).toMatchObject({ id, service_id: serviceId('D'), location_id: hsdsId('location', unit.id), service: { name: 'Arjen tuki' }, location: { name: 'Dalens hus' } })
    const hidden = await unitOf('homeCareD')
    for (const other of [hsdsId('service_at_location', world.offers.homeCareD.id, hidden.id), hsdsId('service_at_location', world.offers.D.id, 'other'), 'nope']) {
      expect((await get(serviceAtLocationRoute, '/', { id: other })).response.status).toBe(404)
    }
  })
})

describe('taxonomies', () => {
  it('has one taxonomy of service categories, and its terms', async () => {
    const list = await page(taxonomiesRoute, '/api/hsds/taxonomies', 'taxonomy.json')
    expect(list.body.contents).toEqual([expect.objectContaining({ id: taxonomyId, name: 'palvelutori-categories' })])
    expect((await page(taxonomiesRoute, '/api/hsds/taxonomies?search=zzz', 'taxonomy.json')).body.total_items).toBe(0)
    const one = await get(taxonomyRoute, '/', { id: taxonomyId })
    expectValid('taxonomy.json', one.body)
    expect((await get(taxonomyRoute, '/', { id: hsdsId('taxonomy', 'other') })).response.status).toBe(404)

    const terms = await page(termsRoute, `/api/hsds/taxonomy_terms?taxonomy_id=${taxonomyId}&lang=en`, 'taxonomy_term.json')
    expect(terms.body.contents.map((term) => [term.code, term.name])).toEqual([
      [world.categories.homeCare.code, 'Home care'],
      [world.categories.support.code, 'Support services for home care'],
    ])
    expect((await page(termsRoute, '/api/hsds/taxonomy_terms?search=tukipalv', 'taxonomy_term.json')).body.size).toBe(1)
    expect((await page(termsRoute, `/api/hsds/taxonomy_terms?parent_id=${taxonomyId}`, 'taxonomy_term.json')).body.size).toBe(0)
    const termId = hsdsId('taxonomy_term', world.categories.support.id)
    const term = await get(termRoute, '/?lang=sv', { id: termId })
    expectValid('taxonomy_term.json', term.body)
    expect(term.body).toMatchObject({ id: termId, code: world.categories.support.code, name: 'Stödtjänster inom hemvården', language: 'sv', taxonomy_id: taxonomyId })
    expect((await get(termRoute, '/', { id: hsdsId('taxonomy_term', 'nope') })).response.status).toBe(404)
  })
})

describe('HTTP', () => {
  it('sends validators and caching headers, and 304 for a current copy', async () => {
    const first = await request(servicesRoute, '/api/hsds/services?lang=sv')
    expect(first.status).toBe(200)
    const etag = first.headers.get('ETag')!
    const lastModified = first.headers.get('Last-Modified')!
    expect(etag).toMatch(/^W\/"[\w-]+"$/)
    expect(new Date(lastModified).toUTCString()).toBe(lastModified)
    expect(first.headers.get('Cache-Control')).toBe('public, max-age=300')
    expect(first.headers.get('Access-Control-Allow-Origin')).toBe('*')

    const again = await request(servicesRoute, '/api/hsds/services?lang=sv', { headers: { 'If-None-Match': etag } })
    expect(again.status).toBe(304)
    expect(await again.text()).toBe('')
    expect(again.headers.get('ETag')).toBe(etag)
    expect(again.headers.get('Access-Control-Allow-Origin')).toBe('*')
    // another language is another representation
    expect((await request(servicesRoute, '/api/hsds/services?lang=fi', { headers: { 'If-None-Match': etag } })).status).toBe(200)
    expect((await request(servicesRoute, '/api/hsds/services?lang=sv', { headers: { 'If-None-Match': 'W/"other", ' + etag } })).status).toBe(304)
    expect((await request(servicesRoute, '/api/hsds/services?lang=sv', { headers: { 'If-Modified-Since': lastModified } })).status).toBe(304)
    const earlier = new Date(Date.parse(lastModified) - 1000).toUTCString()
    expect((await request(servicesRoute, '/api/hsds/services?lang=sv', { headers: { 'If-Modified-Since': earlier } })).status).toBe(200)
    // If-None-Match wins over If-Modified-Since
    expect((await request(servicesRoute, '/api/hsds/services?lang=sv', { headers: { 'If-None-Match': 'W/"other"', 'If-Modified-Since': lastModified } })).status).toBe(200)

    const detail = await request(serviceRoute, '/', { id: serviceId('A') })
    expect(detail.headers.get('Last-Modified')).toBe(new Date(Math.floor((now.getTime() - 3 * dayMs) / 1000) * 1000).toUTCString())
    expect((await request(serviceRoute, '/', { id: serviceId('A'), headers: { 'If-None-Match': detail.headers.get('ETag')! } })).status).toBe(304)
  })

  it('answers CORS preflights and refuses writes with 405', async () => {
    for (const route of [servicesRoute, serviceRoute, rootRoute, openapiRoute, termsRoute] as Route[]) {
      const options = await request(route, '/api/hsds/services', { method: 'OPTIONS', id: serviceId('A') })
      expect(options.status).toBe(204)
      expect(options.headers.get('Access-Control-Allow-Origin')).toBe('*')
      expect(options.headers.get('Access-Control-Allow-Methods')).toBe('GET, HEAD, OPTIONS')
      for (const method of ['POST', 'PUT', 'DELETE']) {
        const response = await request(route, '/api/hsds/services', { method })
        expect(response.status).toBe(405)
        expect(response.headers.get('Allow')).toBe('GET, HEAD, OPTIONS')
        expect(await response.json()).toMatchObject({ error: 'method_not_allowed' })
      }
    }
  })
})

describe('only public data', () => {
  it('never gives a client, voucher, document, staff, member, decision reason or hidden offer, in any language or depth', async () => {
    const bodies: string[] = []
    // 404 answers repeat the id asked for; only what the API gives out (200) counts
    const get200 = async (route: Route, path: string, init: { id?: string } = {}) => {
      const { response, text } = await get(route, path, init)
      return response.status === 200 ? text : ''
    }
    for (const lang of ['fi', 'sv', 'en']) {
      const lists: [Route, string][] = [
        [rootRoute, '/api/hsds/'],
        [openapiRoute, '/api/hsds/openapi.json'],
        [servicesRoute, `/api/hsds/services?full=true&per_page=100&lang=${lang}`],
        [organizationsRoute, `/api/hsds/organizations?full=true&full_service=true&per_page=100&lang=${lang}`],
        [serviceAtLocationsRoute, `/api/hsds/service_at_locations?full=true&per_page=100&lang=${lang}`],
        [taxonomiesRoute, `/api/hsds/taxonomies?lang=${lang}`],
        [termsRoute, `/api/hsds/taxonomy_terms?lang=${lang}`],
      ]
      for (const [route, path] of lists) bodies.push(await get200(route, path))
      for (const key of Object.keys(world.offers) as ServiceKey[]) bodies.push(await get200(serviceRoute, `/?lang=${lang}`, { id: serviceId(key) }))
      for (const key of Object.keys(world.organisations) as (keyof CatalogueWorld['organisations'])[]) {
        bodies.push(await get200(organizationRoute, `/?full_service=true&lang=${lang}`, { id: organizationId(key) }))
      }
    }
    const all = bodies.join('\n')
    for (const secret of secrets) expect(all.includes(secret), secret).toBe(false)
    for (const field of ['identityCode', 'storageKey', 'statusReason', 'passwordHash', 'voucher_code', 'dateOfBirth', 'decisionNumber']) {
      expect(all.includes(`"${field}"`), field).toBe(false)
    }
    for (const key of hiddenServices) expect(all.includes(serviceId(key)), key).toBe(false)
  }, 120_000)
})

describe('modified_after follows every part of a service', () => {
  it('includes a service whose organisation, place or voucher value changed, or whose entry was decided', async () => {
    const since = new Date(Date.now() - 1000)
    const query = () => `/api/hsds/services?per_page=100&modified_after=${encodeURIComponent(since.toISOString())}`
    const keys = async () => (await get<Page>(servicesRoute, query())).body.contents.map((service) => keyOfService(service.id))
    expect(await keys()).toEqual([])

    await prisma.organisation.update({ where: { id: world.organisations.B.id }, data: { phone: '+358 6 765 4321' } })
    expect(await keys()).toEqual(['B'])

    const unit = await unitOf('D')
    await prisma.serviceUnit.update({ where: { id: unit.id }, data: { parking: true } })
    expect(await keys()).toEqual(['B', 'D'])

    const today = new Date(`${new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Helsinki' }).format(new Date())}T00:00:00Z`)
    await prisma.voucherValue.create({ data: { categoryId: world.categories.homeCare.id, effectiveFrom: today, minValueCents: 1300, maxValueCents: 3700 } })
    expect(await keys()).toEqual(['homeCareA', 'B', 'homeCareC', 'D'])

    await prisma.registerEntry.update({
      where: { organisationId_categoryId: { organisationId: world.organisations.E.id, categoryId: world.categories.support.id } },
      data: { decidedAt: new Date() },
    })
    expect(await keys()).toEqual(['homeCareA', 'B', 'homeCareC', 'D', 'E'])

    // and each one's last_modified says so
    for (const service of (await get<Page>(servicesRoute, query())).body.contents) {
      expect(Date.parse(String(service.last_modified))).toBeGreaterThanOrEqual(since.getTime())
    }
    const detail = await get(serviceRoute, '/', { id: serviceId('homeCareA') })
    expect((detail.body.cost_options as Json[]).map((cost) => cost.amount)).toEqual([30, 13, 37, 45])
  })
})
