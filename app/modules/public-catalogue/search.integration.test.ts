import type { LoaderFunctionArgs } from '@remix-run/node'
import { beforeAll, describe, expect, it } from 'vitest'
import type { AppLocale } from '~/i18n'
/* eslint-disable no-restricted-imports -- the public pages' loaders are exercised here (they are public in route-access) */
import { loader as profileLoader } from '~/routes/producers.$organisationId'
import { loader as compareLoader } from '~/routes/services.compare'
import { loader as searchLoader } from '~/routes/services._index'
import { loader as calculatorLoader } from '~/routes/services.what-would-i-pay'
/* eslint-enable no-restricted-imports */
import { createCatalogueWorld, type CatalogueWorld } from '../../../tests/support/catalogue-fixtures'
import { makeRequest, statusOf } from '../../../tests/support/request'
import { whatWouldIPay } from './calculator.server'
import { compareOffers, producerProfile } from './details.server'
import { parseCalculatorParams, parseSearchParams, type SearchFilters } from './schema'
import { categoryCounts, searchFormOptions, searchOffers } from './search.server'

type Key = 'A' | 'B' | 'C' | 'D' | 'E'
type AnyKey = keyof CatalogueWorld['offers']

let world: CatalogueWorld
const now = new Date()

beforeAll(async () => {
  world = await createCatalogueWorld(now)
})

/** The filters of a search address ("municipality=545&lang=sv") in the support-services category. */
function filters(query: string, category: 'support' | 'homeCare' = 'support'): SearchFilters {
  const params = new URLSearchParams(query)
  params.set('category', world.categories[category].code)
  return parseSearchParams(params)
}

async function keysFor(query: string, options: { locale?: AppLocale; category?: 'support' | 'homeCare'; pageSize?: number; at?: Date } = {}) {
  const result = await searchOffers(filters(query, options.category), options.locale ?? 'sv', { now: options.at ?? now, pageSize: options.pageSize })
  if (result.kind !== 'results') throw new Error('expected results')
  const names = new Map(Object.entries(world.offers).map(([key, offer]) => [offer.id, key]))
  return { keys: result.cards.map((card) => names.get(card.id) ?? card.id), result }
}

describe('the public search', () => {
  const cases: [string, string, Key[]][] = [
    // each filter alone (default sort: co-payment — covered by the voucher by name, then by price)
    ['no filters', '', ['A', 'B', 'D', 'C', 'E']],
    ['municipality with a location only (Vasa)', 'municipality=905', ['A', 'E']],
    ['municipality with a location and a covering area (Korsholm)', 'municipality=499', ['C', 'E']],
    ['municipality with a location and an area (Närpes)', 'municipality=545', ['B', 'D']],
    ['municipality covered only by an area (Kristinestad)', 'municipality=287', ['B']],
    ['one language', 'lang=fi', ['A', 'C', 'E']],
    ['any of several languages', 'lang=ar&lang=fse', ['D', 'C']],
    ['national languages', 'lang=sv&lang=en', ['A', 'B', 'D', 'C']],
    ['free places now', 'free=on', ['A', 'D', 'E']],
    ['no co-payment (price ≤ 26,00 €)', 'nocopay=on', ['A', 'B']],
    ['companies (company, sole trader, cooperative)', 'type=company', ['A', 'C', 'E']],
    ['associations (association, foundation)', 'type=association', ['B', 'D']],
    ['text in the title', 'q=STÄDNING', ['A', 'E']],
    ['text in the description', 'q=rullstol', ['D']],
    ['text in the organisation name', 'q=cedar', ['C']],
    // combinations
    ['Närpes, Swedish, free places', 'municipality=545&lang=sv&free=on', ['D']],
    ['Korsholm, companies, free places', 'municipality=499&type=company&free=on', ['E']],
    ['Finnish, no co-payment', 'lang=fi&nocopay=on', ['A']],
    ['associations in Närpes sorted by price', 'type=association&municipality=545&sort=price', ['B', 'D']],
    ['nothing matches', 'municipality=287&lang=fi', []],
    // sorts
    ['sort by co-payment', 'sort=copayment', ['A', 'B', 'D', 'C', 'E']],
    ['sort by price', 'sort=price', ['B', 'A', 'D', 'C', 'E']],
    ['sort by name', 'sort=name', ['A', 'B', 'C', 'D', 'E']],
    ['sort by recently updated', 'sort=updated', ['E', 'C', 'A', 'D', 'B']],
    ['sort by distance within Närpes', 'municipality=545&sort=distance', ['B', 'D']],
    ['sort by distance from Närpes, other municipalities too', 'municipality=545&elsewhere=on&sort=distance', ['B', 'D', 'C', 'A', 'E']],
    ['sort by distance from Kristinestad, other municipalities too', 'municipality=287&elsewhere=on&sort=distance', ['B', 'D', 'C', 'A', 'E']],
    ['sort by distance from Korsholm', 'municipality=499&elsewhere=on&sort=distance', ['E', 'A', 'C', 'D', 'B']],
    ['distance with filters', 'municipality=545&elsewhere=on&sort=distance&lang=fi', ['C', 'A', 'E']],
    ['distance without a municipality falls back to co-payment', 'sort=distance', ['A', 'B', 'D', 'C', 'E']],
    ['an unknown municipality is ignored', 'municipality=999&elsewhere=on&sort=distance', ['A', 'B', 'D', 'C', 'E']],
  ]

  for (const [name, query, expected] of cases) {
    it(`${name}: ${query || '(none)'}`, async () => {
      const { keys, result } = await keysFor(query)
      expect(keys).toEqual(expected)
      expect(result.total).toBe(expected.length)
    })
  }

  it('never shows a suspended entry’s, draft, archived or other-category offer, whatever the sort', async () => {
    const hidden: AnyKey[] = ['F', 'G', 'H', 'homeCareD']
    const hiddenIds = hidden.map((key) => world.offers[key].id)
    for (const sort of ['copayment', 'price', 'distance', 'name', 'updated']) {
      for (const category of ['support', 'homeCare'] as const) {
        const { result } = await keysFor(`sort=${sort}&municipality=545&elsewhere=on`, { category })
        if (result.kind !== 'results') throw new Error('expected results')
        expect(result.cards.map((card) => card.id).filter((id) => hiddenIds.includes(id))).toEqual([])
      }
    }
  })

  it('hides an offer once its scheduled suspension has started', async () => {
    const nextMonth = new Date(now.getTime() + 30 * 24 * 60 * 60 * 1000)
    expect((await keysFor('sort=name', { at: nextMonth })).keys).toEqual(['A', 'B', 'C', 'D'])
  })

  it('pages by the page size, counts every match and keeps an old link past the end on the last page', async () => {
    const page = async (number: number) => keysFor(`sort=price&page=${number}`, { pageSize: 2 })
    const first = await page(1)
    expect(first.keys).toEqual(['B', 'A'])
    expect(first.result).toMatchObject({ total: 5, page: 1, pageCount: 3 })
    expect((await page(2)).keys).toEqual(['D', 'C'])
    expect((await page(3)).keys).toEqual(['E'])
    const past = await page(9)
    expect(past.keys).toEqual(['E'])
    expect(past.result).toMatchObject({ page: 3, pageCount: 3 })
  })

  it('pages the co-payment order across the covered and the paying offers', async () => {
    const pages = []
    for (const number of [1, 2, 3]) pages.push((await keysFor(`page=${number}`, { pageSize: 2 })).keys)
    expect(pages).toEqual([['A', 'B'], ['D', 'C'], ['E']])
  })

  it('pages the distance order', async () => {
    const query = 'municipality=545&elsewhere=on&sort=distance'
    const second = await keysFor(`${query}&page=2`, { pageSize: 2 })
    expect(second.keys).toEqual(['C', 'A'])
    expect(second.result.total).toBe(5)
    const distances = second.result.kind === 'results' ? second.result.cards.map((card) => Math.round(card.distanceKm ?? -1)) : []
    expect(distances).toEqual([67, 71])
  })

  it('searches the text in the reader’s language, and the shown fallback when theirs is missing', async () => {
    expect((await keysFor('q=siivous', { locale: 'fi' })).keys).toEqual(['A', 'E'])
    expect((await keysFor('q=siivous', { locale: 'sv' })).keys).toEqual([])
    expect((await keysFor('q=städning', { locale: 'fi' })).keys).toEqual([])
    // B has only a Swedish title: a Finnish reader is shown it, so it is searched
    expect((await keysFor('q=hemhjälp', { locale: 'fi' })).keys).toEqual(['B'])
    expect((await keysFor('q=hemhjälp', { locale: 'sv' })).keys).toEqual(['B'])
    expect((await keysFor('q=arabic', { locale: 'en' })).keys).toEqual(['C'])
    expect((await keysFor('q=arabiaksi', { locale: 'en' })).keys).toEqual([])
    // LIKE wildcards are text, not patterns
    expect((await keysFor('q=%25', { locale: 'sv' })).keys).toEqual([])
    expect((await keysFor('q=_', { locale: 'sv' })).keys).toEqual([])
    expect((await keysFor('q=%5C', { locale: 'sv' })).keys).toEqual([])
  })

  it('uses the income-related range, or the reader’s own estimate, for the co-payment', async () => {
    const homeCare = { category: 'homeCare' as const }
    // no estimate: the largest value (36,00 €) decides "no co-payment"
    expect((await keysFor('nocopay=on', homeCare)).keys).toEqual(['homeCareA'])
    // 1 person, 1 850,00 €: 36,00 − (1 850,00 − 675,00) × 2 % = 12,50 €: both pay
    expect((await keysFor('nocopay=on&household=1&income=1850,00', homeCare)).keys).toEqual([])
    expect((await keysFor('household=1&income=1850', homeCare)).keys).toEqual(['homeCareA', 'homeCareC'])
    // a low income gets the largest value
    expect((await keysFor('nocopay=on&household=2&income=900', homeCare)).keys).toEqual(['homeCareA'])
    const { result } = await keysFor('household=1&income=1850', homeCare)
    expect(result.kind === 'results' && result.value).toEqual({
      kind: 'estimate',
      valueCents: 1250,
      minValueCents: 1200,
      maxValueCents: 3600,
      householdSize: 1,
      incomeCents: 185000,
    })
  })

  it('reads the voucher value in force today, not a scheduled one', async () => {
    const { result } = await keysFor('')
    expect(result.kind === 'results' && result.value).toEqual({ kind: 'fixed', valueCents: 2600 })
  })

  it('gives the cards what they show', async () => {
    const { result } = await keysFor('sort=name')
    if (result.kind !== 'results') throw new Error('expected results')
    const [a, b] = result.cards
    expect(a).toMatchObject({
      titleSv: 'Städning i Vasa',
      priceCents: 2400,
      languages: ['sv', 'fi'],
      freePlaces: 3,
      organisation: { id: world.organisations.A.id, name: 'Alfa Städ Ab' },
      inRegisterSince: new Date('2025-03-01T00:00:00Z'),
      locationMunicipalities: ['905'],
      areaMunicipalities: [],
    })
    expect(b?.locationMunicipalities).toEqual([])
    expect(b?.areaMunicipalities.sort()).toEqual(['287', '545'])
  })

  it('lists the categories when none (or an unknown one) is chosen, with counts under the other filters', async () => {
    expect(await searchOffers(parseSearchParams(new URLSearchParams()), 'sv')).toEqual({ kind: 'noCategory', unknownCategory: false })
    expect(await searchOffers(parseSearchParams(new URLSearchParams('category=nope')), 'sv')).toEqual({ kind: 'noCategory', unknownCategory: true })
    const counts = await categoryCounts(parseSearchParams(new URLSearchParams('municipality=545')), 'sv', now)
    expect(counts.get(world.categories.support.id)).toBe(2)
    expect(counts.get(world.categories.homeCare.id)).toBeUndefined()
  })

  it('offers the languages present in public offers', async () => {
    const options = await searchFormOptions(world.categories.support.code, now)
    expect(options.languages.sort()).toEqual(['ar', 'en', 'fi', 'fse', 'sv'])
    expect((await searchFormOptions(world.categories.homeCare.code, now)).languages.sort()).toEqual(['fi', 'sv'])
  })
})

describe('comparing offers', () => {
  it('keeps the asked order and skips offers that are not public', async () => {
    const ids = [world.offers.D.id, world.offers.F.id, world.offers.A.id, world.offers.G.id]
    const { offers, skipped } = await compareOffers(ids, {}, now)
    expect(offers.map((offer) => offer.id)).toEqual([world.offers.D.id, world.offers.A.id])
    expect(skipped).toBe(2)
    expect(offers[0]).toMatchObject({
      value: { kind: 'fixed', valueCents: 2600 },
      inRegisterSince: new Date('2025-03-01T00:00:00Z'),
      units: [{ name: 'Dalens hus', stepFreeAccess: true, accessibilitySv: 'Ramp vid ingången' }],
      extraServices: [{ nameSv: 'Fönstertvätt', priceCents: 4500 }],
    })
  })
})

describe('the producer profile', () => {
  it('shows the public offers, units, languages and entries in force', async () => {
    const profile = await producerProfile(world.organisations.A.id, {}, now)
    expect(profile?.offers.map((offer) => offer.id)).toEqual([world.offers.homeCareA.id, world.offers.A.id])
    expect(profile?.units.map((unit) => unit.name)).toEqual(['Alfa Vasa'])
    expect(profile?.languages).toEqual(['sv', 'fi'])
    expect(profile?.organisation.registerEntries.map((entry) => entry.category.id)).toEqual([world.categories.homeCare.id, world.categories.support.id])
    expect(profile?.offers[1]?.prices).toEqual([{ priceCents: 2400, effectiveFrom: new Date('2025-04-01T00:00:00Z') }])
  })

  it('leaves out offers that are not public', async () => {
    const profile = await producerProfile(world.organisations.D.id, {}, now)
    expect(profile?.offers.map((offer) => offer.id)).toEqual([world.offers.D.id])
  })

  it('is not found for a suspended producer, one with only a draft or archive… and an unknown id', async () => {
    expect(await producerProfile(world.organisations.F.id, {}, now)).toBeNull()
    expect(await producerProfile('no-such-organisation', {}, now)).toBeNull()
    // G has an entry in force (and only a draft): the profile shows the entry
    expect((await producerProfile(world.organisations.G.id, {}, now))?.offers).toEqual([])
  })
})

describe('what would I pay', () => {
  it('estimates the value, explains it and lists the producers by co-payment', async () => {
    const params = parseCalculatorParams(new URLSearchParams({ category: world.categories.homeCare.code, household: '1', income: '1 850,00' }))
    const result = await whatWouldIPay(params, 'sv', now)
    if (result.kind !== 'results') throw new Error('expected results')
    expect(result.explanation).toMatchObject({ limitCents: 67500, reductionCents: 2350, unclampedCents: 1250, valueCents: 1250, clamped: null })
    expect(result.cards.map((card) => card.id)).toEqual([world.offers.homeCareA.id, world.offers.homeCareC.id])
  })

  it('shows a fixed value directly', async () => {
    const result = await whatWouldIPay(parseCalculatorParams(new URLSearchParams({ category: world.categories.support.code })), 'sv', now)
    if (result.kind !== 'results') throw new Error('expected results')
    expect(result.value).toEqual({ kind: 'fixed', valueCents: 2600 })
    expect(result.explanation).toBeNull()
    expect(result.cards).toHaveLength(5)
  })
})

describe('the public pages', () => {
  type Loader = (args: LoaderFunctionArgs) => Promise<unknown>
  const run = (loader: Loader, path: string, params = {}) => statusOf(() => loader({ request: makeRequest(path), params, context: {} }))

  it('answer anonymous readers, also for addresses with values that do not fit', async () => {
    const support = world.categories.support.code
    const homeCare = world.categories.homeCare.code
    const paths: [Loader, string][] = [
      [searchLoader, '/services'],
      [searchLoader, `/services?category=${support}&municipality=545&lang=sv&free=on&sort=distance&units=8`],
      [searchLoader, `/services?category=${homeCare}&household=2&income=1850,00&nocopay=on&elsewhere=on&municipality=287&sort=distance`],
      [searchLoader, `/services?category=${support}&page=-1&sort=%3Cscript%3E&units=abc&lang=%22&type=x&household=99&income=lots&municipality=nope`],
      [searchLoader, `/services?category=${support}&sort=distance&municipality=nope&elsewhere=on`],
      [compareLoader, `/services/compare?offer=${world.offers.A.id}&offer=${world.offers.C.id}&offer=${world.offers.F.id}`],
      [compareLoader, '/services/compare?offer=a&offer=b&offer=c&offer=d&offer=e&units=-4'],
      [compareLoader, '/services/compare'],
      [calculatorLoader, `/services/what-would-i-pay?category=${homeCare}&household=3&income=2+400,50`],
      [calculatorLoader, `/services/what-would-i-pay?category=${homeCare}&household=0&income=x`],
      [calculatorLoader, '/services/what-would-i-pay'],
    ]
    for (const [loader, path] of paths) expect({ path, ...(await run(loader, path)) }).toEqual({ path, status: 200, location: null })
  })

  it('show a producer, and answer 404 for a suspended or unknown one', async () => {
    const profile = (id: string) => run(profileLoader, `/producers/${id}`, { organisationId: id })
    expect((await profile(world.organisations.A.id)).status).toBe(200)
    expect((await profile(world.organisations.F.id)).status).toBe(404)
    expect((await profile('no-such-organisation')).status).toBe(404)
  })
})
