// The benchmark's national-scale register: 5,000 organisations, 10,000 service units and 25,000 offers over the
// 10 categories of the welfare area, deterministic (a seeded PRNG, fixed dates: no clock in the data).
// Reference data (municipalities, categories, voucher values, document types, income rule, rulebook) comes from the
// demo seed's own `seedReferenceData`; the bulk rows go in with multi-row INSERTs over the raw connection.
//
// `npx tsx scripts/bench/generate.ts` fills the configured database (DATABASE_URL, or PGLITE_DIR) after migrating
// it; `npm run bench` (scripts/bench/run.ts) calls `generateInto` itself.
import { mkdirSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { PGlite } from '@electric-sql/pglite'
import type { PrismaClient } from '../../app/generated/prisma/client'
import { businessIdCheckDigit } from '../../app/modules/organisations/business-id'
import { prismaForPGlite, prismaForPostgres } from '../../app/utils/db.server'
import { applyMigrations, pgliteConnection, postgresConnection, type SqlConnection } from '../../app/utils/migrate.server'
import { seedReferenceData } from '../../prisma/seed/reference-data'
import { readMunicipalities, readServiceCatalogue, type MunicipalitySource } from '../../prisma/seed/source-data'

/** Bump when the generated data changes: the cached PGlite directory is rebuilt when it differs. */
export const GENERATOR_VERSION = 1

export const SIZES = { organisations: 5_000, serviceUnits: 10_000, offers: 25_000 } as const

/** The date the data set pretends it is (statuses and "confirmed N days ago" are relative to it). */
const REFERENCE_DAY = Date.UTC(2026, 10, 1)
const DAY_MS = 86_400_000

// ─── Deterministic randomness ────────────────────────────────────────────────

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

class Random {
  private next: () => number
  constructor(seed: number) {
    this.next = mulberry32(seed)
  }
  float(): number {
    return this.next()
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1))
  }
  chance(probability: number): boolean {
    return this.next() < probability
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!
  }
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    const total = items.reduce((sum, [, weight]) => sum + weight, 0)
    let r = this.next() * total
    for (const [item, weight] of items) {
      r -= weight
      if (r < 0) return item
    }
    return items[items.length - 1]![0]
  }
  /** k distinct items */
  sample<T>(items: readonly T[], k: number): T[] {
    const copy = [...items]
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1))
      ;[copy[i], copy[j]] = [copy[j]!, copy[i]!]
    }
    return copy.slice(0, Math.min(k, copy.length))
  }
}

// ─── Word lists ──────────────────────────────────────────────────────────────

/** Rough population (thousands): where the providers are. */
const MUNICIPALITY_WEIGHT: Record<string, number> = {
  '905': 68, '499': 20, '598': 19, '599': 11, '893': 7.5, '440': 5.5, '946': 6.5,
  '475': 5.6, '280': 2.2, '545': 9.4, '231': 1.2, '287': 6.3, '399': 8, '152': 4.6,
}
const POSTAL_CODE: Record<string, string> = {
  '905': '65100', '499': '65610', '598': '68600', '599': '68910', '893': '66900', '440': '68570', '946': '66600',
  '475': '66100', '280': '66200', '545': '64200', '231': '64260', '287': '64100', '399': '66400', '152': '61500',
}
const FI_STREETS = ['Kauppapuistikko', 'Hovioikeudenpuistikko', 'Koulukatu', 'Rantakatu', 'Kirkkotie', 'Myllytie', 'Asematie', 'Koivukuja', 'Pappilantie', 'Teollisuustie']
const SV_STREETS = ['Storgatan', 'Skolgatan', 'Kyrkvägen', 'Strandvägen', 'Kvarnvägen', 'Stationsvägen', 'Björkgränd', 'Prästgårdsvägen', 'Industrivägen', 'Torggatan']
const FI_WORDS = ['Hoiva', 'Koti', 'Apu', 'Arki', 'Vire', 'Lähi', 'Hyvä', 'Seniori', 'Huolenpito', 'Kumppani', 'Tuki', 'Valo', 'Sydän', 'Kotiapu', 'Palvelu', 'Elo', 'Kaste', 'Pohjan', 'Lakeus', 'Meri']
const SV_WORDS = ['Omsorg', 'Hem', 'Vård', 'Trygg', 'Hjälp', 'Vardag', 'Livs', 'Senior', 'Omtanke', 'Stöd', 'Ljus', 'Hjärt', 'Hemhjälp', 'Service', 'Kust', 'Skärgårds', 'Österbottens', 'Solros', 'Havs', 'Gemenskap']
const FI_FIRST = ['Anna', 'Maria', 'Liisa', 'Sari', 'Tiina', 'Jukka', 'Mikko', 'Timo', 'Päivi', 'Heikki', 'Kaisa', 'Riitta']
const SV_FIRST = ['Anna', 'Maria', 'Karin', 'Eva', 'Johan', 'Mikael', 'Jonas', 'Lena', 'Ulla', 'Anders', 'Sofia', 'Birgitta']
const FI_LAST = ['Mäkinen', 'Koskinen', 'Heikkilä', 'Järvinen', 'Lehtonen', 'Saarinen', 'Niemi', 'Hautala', 'Rinta-Jaskari', 'Ketola']
const SV_LAST = ['Holm', 'Sundqvist', 'Nyman', 'Björk', 'Granholm', 'Forsman', 'Lindqvist', 'Back', 'Westerlund', 'Ehrström']
const QUALIFIERS = [
  { fi: 'ympäri vuoden', sv: 'året runt', en: 'all year round' },
  { fi: 'joustavasti', sv: 'flexibelt', en: 'flexibly' },
  { fi: 'kotiin tuotuna', sv: 'hemma hos dig', en: 'in your home' },
  { fi: 'kokeneelta tiimiltä', sv: 'av ett erfaret team', en: 'by an experienced team' },
  { fi: 'lähelläsi', sv: 'nära dig', en: 'near you' },
  { fi: 'myös iltaisin', sv: 'även kvällstid', en: 'evenings too' },
  { fi: 'omalla kielelläsi', sv: 'på ditt eget språk', en: 'in your own language' },
  { fi: 'yksilöllisesti', sv: 'individuellt', en: 'tailored to you' },
]
const SENTENCES = [
  { fi: 'Palvelu suunnitellaan yhdessä asiakkaan ja omaisten kanssa.', sv: 'Tjänsten planeras tillsammans med klienten och de anhöriga.', en: 'The service is planned together with the client and their family.' },
  { fi: 'Henkilökuntamme on koulutettua ja pysyvää.', sv: 'Vår personal är utbildad och fast anställd.', en: 'Our staff are trained and permanent.' },
  { fi: 'Aloitamme yleensä viikon sisällä.', sv: 'Vi börjar oftast inom en vecka.', en: 'We usually start within a week.' },
  { fi: 'Palvelemme myös viikonloppuisin.', sv: 'Vi betjänar även under veckoslut.', en: 'We also serve at weekends.' },
  { fi: 'Toimitiloihin on esteetön kulku.', sv: 'Lokalerna är tillgängliga utan trappor.', en: 'The premises are step-free.' },
  { fi: 'Kysy meiltä lisää puhelimitse.', sv: 'Fråga mer per telefon.', en: 'Ask us more by phone.' },
]

/** Categories: how often producers offer them, and whether the work is done at the client's home. */
const CATEGORY_MIX: Record<string, { weight: number; homeVisits: boolean }> = {
  'home-care': { weight: 20, homeVisits: true },
  'support-services': { weight: 18, homeVisits: true },
  'round-the-clock-housing': { weight: 6, homeVisits: false },
  'community-housing': { weight: 5, homeVisits: false },
  'short-term-care': { weight: 6, homeVisits: false },
  'carer-respite': { weight: 8, homeVisits: true },
  'personal-assistance': { weight: 12, homeVisits: true },
  'family-home-help': { weight: 10, homeVisits: true },
  psychotherapy: { weight: 9, homeVisits: false },
  'oral-hygiene': { weight: 6, homeVisits: false },
}

const LEGAL_FORMS = [
  ['COMPANY', 55],
  ['SOLE_TRADER', 24],
  ['REGISTERED_ASSOCIATION', 10],
  ['FOUNDATION', 4],
  ['COOPERATIVE', 7],
] as const
type LegalForm = (typeof LEGAL_FORMS)[number][0]

const RARE_LANGUAGES = ['ar', 'so', 'ru', 'et', 'fa'] as const

// ─── The data set ────────────────────────────────────────────────────────────

export type Row = unknown[]
export type Table = { name: string; columns: string[]; rows: Row[] }

export type CategoryRef = { id: string; code: string; nameFi: string; nameSv: string; nameEn: string; referenceCents: number }

export type Dataset = {
  tables: Table[]
  /** organisations with at least one offer the public can see (ACTIVE entry, published), in id order */
  publicOrganisationIds: string[]
}

const iso = (ms: number) => new Date(ms).toISOString()
const date = (ms: number) => new Date(ms).toISOString().slice(0, 10)
const pad = (n: number, width = 5) => String(n).padStart(width, '0')
const roundTo10 = (cents: number) => Math.max(10, Math.round(cents / 10) * 10)

function businessId(index: number): string {
  // bodies from 2,400,000 on, stepping over those without a check digit; unique by construction
  for (let body = 2_400_000 + index * 7; ; body++) {
    const text = String(body)
    const check = businessIdCheckDigit(text)
    if (check !== null) return `${text}-${check}`
  }
}

export function buildDataset(municipalities: MunicipalitySource[], categories: CategoryRef[]): Dataset {
  const rng = new Random(20261123)
  const byCode = new Map(municipalities.map((m) => [m.code, m]))
  const municipalityWeights = municipalities.map((m) => [m.code, MUNICIPALITY_WEIGHT[m.code] ?? 1] as const)
  const categoryWeights = categories.map((c) => [c, CATEGORY_MIX[c.code]?.weight ?? 5] as const)
  const swedishFirst = (code: string) => byCode.get(code)!.officialLanguages[0] === 'sv'
  const nearest = (code: string, k: number) => {
    const home = byCode.get(code)!
    return [...municipalities]
      .sort((a, b) => (a.lat - home.lat) ** 2 + ((a.lon - home.lon) * 0.45) ** 2 - ((b.lat - home.lat) ** 2 + ((b.lon - home.lon) * 0.45) ** 2))
      .slice(0, k)
      .map((m) => m.code)
  }

  const orgCols = ['id', 'name', 'businessId', 'legalForm', 'sector', 'employsStaff', 'streetAddress', 'postalCode', 'postOffice',
    'municipalityCode', 'phone', 'email', 'website', 'descriptionFi', 'descriptionSv', 'descriptionEn', 'createdAt', 'updatedAt']
  const unitCols = ['id', 'organisationId', 'kind', 'name', 'streetAddress', 'postalCode', 'municipalityCode', 'latitude', 'longitude',
    'stepFreeAccess', 'hearingLoop', 'parking', 'accessibilityFi', 'accessibilitySv', 'accessibilityEn', 'phone', 'createdAt', 'updatedAt']
  const areaCols = ['serviceUnitId', 'municipalityCode']
  const entryCols = ['id', 'organisationId', 'categoryId', 'status', 'validFrom', 'decidedAt', 'statusReason', 'statusChangedAt']
  const offerCols = ['id', 'organisationId', 'categoryId', 'titleFi', 'titleSv', 'titleEn', 'descriptionFi', 'descriptionSv',
    'descriptionEn', 'priceCents', 'languages', 'freePlaces', 'capacityConfirmedAt', 'status', 'publishedAt', 'archivedAt', 'createdAt', 'updatedAt']
  const offerUnitCols = ['offerId', 'serviceUnitId']
  const priceCols = ['id', 'offerId', 'priceCents', 'effectiveFrom', 'createdAt']

  const orgs: Row[] = []
  const units: Row[] = []
  const areas: Row[] = []
  const entries: Row[] = []
  const offers: Row[] = []
  const offerUnits: Row[] = []
  const prices: Row[] = []

  // how many units and offers each organisation gets: one each, the rest spread with a long tail
  const unitCount = new Array<number>(SIZES.organisations).fill(1)
  const offerCount = new Array<number>(SIZES.organisations).fill(1)
  const size = Array.from({ length: SIZES.organisations }, () => (rng.chance(0.08) ? 6 : rng.chance(0.3) ? 2 : 1))
  const sizeWeights = size.map((weight, index) => [index, weight] as const)
  for (let i = SIZES.organisations; i < SIZES.serviceUnits; i++) unitCount[rng.weighted(sizeWeights)]! += 1
  for (let i = SIZES.organisations; i < SIZES.offers; i++) offerCount[rng.weighted(sizeWeights)]! += 1

  const publicOrganisationIds: string[] = []
  let unitSeq = 0
  let offerSeq = 0
  let entrySeq = 0

  for (let o = 0; o < SIZES.organisations; o++) {
    const orgId = `bench-org-${pad(o + 1)}`
    const home = rng.weighted(municipalityWeights)
    const municipality = byCode.get(home)!
    const sv = swedishFirst(home) ? rng.chance(0.8) : rng.chance(0.2)
    const legalForm: LegalForm = rng.weighted(LEGAL_FORMS)
    const sector = legalForm === 'REGISTERED_ASSOCIATION' || legalForm === 'FOUNDATION' || (legalForm === 'COOPERATIVE' && rng.chance(0.3)) ? 'THIRD_SECTOR' : 'PRIVATE'
    const place = sv ? municipality.sv : municipality.fi
    const word = sv ? rng.pick(SV_WORDS) : rng.pick(FI_WORDS)
    const word2 = sv ? rng.pick(['vård', 'omsorg', 'hjälp', 'service', 'hemmet', 'tjänst']) : rng.pick(['hoiva', 'palvelu', 'apu', 'koti', 'tiimi', 'tuki'])
    let name: string
    switch (legalForm) {
      case 'COMPANY':
        name = `${rng.chance(0.5) ? `${place} ` : ''}${word}${word2} ${sv ? rng.pick(['Ab', 'Oy Ab']) : rng.pick(['Oy', 'Oy Ab'])}`
        break
      case 'SOLE_TRADER':
        name = sv
          ? `${rng.pick(SV_FIRST)} ${rng.pick(SV_LAST)} ${rng.pick(['Hemservice', 'Vård', 'Omsorg'])}`
          : `${rng.pick(FI_FIRST)} ${rng.pick(FI_LAST)} ${rng.pick(['Kotipalvelu', 'Tmi', 'Hoiva'])}`
        break
      case 'REGISTERED_ASSOCIATION':
        name = sv ? `${place} ${word.toLowerCase()}förening rf` : `${place}n ${word.toLowerCase()}yhdistys ry`
        break
      case 'FOUNDATION':
        name = sv ? `Stiftelsen ${word}hemmet i ${place} sr` : `${word}säätiö ${place} sr`
        break
      case 'COOPERATIVE':
        name = sv ? `${word}andelslaget ${place}` : `${word}osuuskunta ${place}`
        break
    }
    const createdAt = REFERENCE_DAY - rng.int(60, 1500) * DAY_MS
    const updatedAt = createdAt + rng.int(0, 50) * DAY_MS
    const street = `${sv ? rng.pick(SV_STREETS) : rng.pick(FI_STREETS)} ${rng.int(1, 60)}`
    const descFi = `${name} tuottaa sosiaali- ja terveyspalveluja Pohjanmaalla. ${rng.pick(SENTENCES).fi}`
    const descSv = `${name} producerar social- och hälsovårdstjänster i Österbotten. ${rng.pick(SENTENCES).sv}`
    const descEn = rng.chance(0.5) ? `${name} provides social and health services in Ostrobothnia. ${rng.pick(SENTENCES).en}` : null
    orgs.push([orgId, name, businessId(o), legalForm, sector, legalForm !== 'SOLE_TRADER' || rng.chance(0.2), street, POSTAL_CODE[home] ?? '65100',
      sv ? municipality.sv : municipality.fi, home, `+358 40 ${pad(1_000_000 + o * 37, 7)}`, `info@bench-org-${pad(o + 1)}.example`,
      rng.chance(0.6) ? `https://bench-org-${pad(o + 1)}.example` : null, descFi, descSv, descEn, iso(createdAt), iso(updatedAt)])

    // categories: 1–4, popular ones more often; home-visit work decides the unit kinds
    const categoryCount = Math.min(offerCount[o]!, rng.weighted([[1, 45], [2, 30], [3, 17], [4, 8]] as const))
    const orgCategories: CategoryRef[] = []
    while (orgCategories.length < categoryCount) {
      const category = rng.weighted(categoryWeights)
      if (!orgCategories.includes(category)) orgCategories.push(category)
    }
    const homeVisitWork = orgCategories.some((c) => CATEGORY_MIX[c.code]?.homeVisits)

    // service units
    const orgUnits: string[] = []
    for (let u = 0; u < unitCount[o]!; u++) {
      const unitId = `bench-unit-${pad(++unitSeq)}`
      orgUnits.push(unitId)
      const homeVisit = homeVisitWork && (u === 1 || rng.chance(0.35))
      const unitCreated = createdAt + rng.int(0, 30) * DAY_MS
      if (homeVisit) {
        const covered = rng.sample(nearest(home, 6), rng.int(1, 4))
        if (!covered.includes(home) && rng.chance(0.7)) covered[0] = home
        units.push([unitId, orgId, 'HOME_VISIT_AREA', sv ? `Hemvård ${place}` : `Kotikäynnit ${place}`, null, null, null, null, null,
          false, false, false, null, null, null, null, iso(unitCreated), iso(unitCreated)])
        for (const code of new Set(covered)) areas.push([unitId, code])
      } else {
        const where = rng.chance(0.85) ? home : rng.pick(nearest(home, 4))
        const centre = byCode.get(where)!
        const accessible = rng.chance(0.6)
        units.push([unitId, orgId, 'LOCATION', `${name} – ${sv ? centre.sv : centre.fi}${u > 0 ? ` ${u + 1}` : ''}`,
          `${sv ? rng.pick(SV_STREETS) : rng.pick(FI_STREETS)} ${rng.int(1, 80)}`, POSTAL_CODE[where] ?? '65100', where,
          Number((centre.lat + (rng.float() - 0.5) * 0.08).toFixed(5)), Number((centre.lon + (rng.float() - 0.5) * 0.16).toFixed(5)),
          accessible, rng.chance(0.2), rng.chance(0.7),
          accessible ? 'Esteetön sisäänkäynti.' : null, accessible ? 'Tillgänglig ingång.' : null, accessible ? 'Step-free entrance.' : null,
          `+358 6 ${pad(300_000 + unitSeq, 6)}`, iso(unitCreated), iso(unitCreated)])
      }
    }

    // register entries: each of the organisation's categories; a few suspended (before the reference day)
    const entryActive = new Map<string, boolean>()
    for (const category of orgCategories) {
      const active = !rng.chance(0.03)
      entryActive.set(category.id, active)
      const validFrom = createdAt + rng.int(14, 60) * DAY_MS
      entries.push([`bench-entry-${pad(++entrySeq, 6)}`, orgId, category.id, active ? 'ACTIVE' : 'SUSPENDED', date(validFrom), iso(validFrom - DAY_MS),
        active ? null : 'Vakuutustodistus puuttuu / Försäkringsintyg saknas', iso(active ? validFrom - DAY_MS : REFERENCE_DAY - rng.int(5, 200) * DAY_MS)])
    }

    // offers
    let hasPublic = false
    for (let k = 0; k < offerCount[o]!; k++) {
      const offerId = `bench-offer-${pad(++offerSeq)}`
      const category = k < orgCategories.length ? orgCategories[k]! : rng.pick(orgCategories)
      const qualifier = rng.pick(QUALIFIERS)
      const sentence = rng.pick(SENTENCES)
      const languages: string[] = []
      const svHome = swedishFirst(home)
      if (sv || rng.chance(svHome ? 0.6 : 0.25)) languages.push('sv')
      if (!sv || rng.chance(svHome ? 0.55 : 0.85)) languages.push('fi')
      if (rng.chance(0.15)) languages.push('en')
      if (rng.chance(0.04)) languages.push(rng.pick(RARE_LANGUAGES))
      const status = rng.weighted([['PUBLISHED', 92], ['DRAFT', 5], ['ARCHIVED', 3]] as const)
      const freePlaces = rng.chance(0.12) ? null : rng.chance(0.4) ? 0 : rng.int(1, 12)
      const created = createdAt + rng.int(30, 90) * DAY_MS
      const updated = Math.min(REFERENCE_DAY - DAY_MS, created + rng.int(0, 400) * DAY_MS)
      const price = roundTo10(category.referenceCents * (0.8 + rng.float() * 0.6))
      const hasEn = languages.includes('en') || rng.chance(0.4)
      offers.push([offerId, orgId, category.id,
        `${category.nameFi} ${qualifier.fi}`, `${category.nameSv} ${qualifier.sv}`, hasEn ? `${category.nameEn} ${qualifier.en}` : null,
        `${category.nameFi}: ${name}. ${sentence.fi}`, `${category.nameSv}: ${name}. ${sentence.sv}`, hasEn ? `${category.nameEn}: ${name}. ${sentence.en}` : null,
        price, languages, freePlaces, freePlaces === null ? null : iso(REFERENCE_DAY - rng.int(0, 90) * DAY_MS - rng.int(0, 86_399) * 1000),
        status, status === 'DRAFT' ? null : iso(created + DAY_MS), status === 'ARCHIVED' ? iso(updated) : null, iso(created), iso(updated)])
      for (const unitId of rng.sample(orgUnits, rng.chance(0.7) ? 1 : 2)) offerUnits.push([offerId, unitId])
      // price history: the price in force since 2026, and for older offers the 2025 price before it
      if (created < Date.UTC(2026, 0, 1) && rng.chance(0.6)) {
        prices.push([`bench-price-${pad(offerSeq)}-a`, offerId, roundTo10(price * 0.95), date(created), iso(created)])
        prices.push([`bench-price-${pad(offerSeq)}-b`, offerId, price, '2026-01-01', iso(Date.UTC(2025, 11, 15))])
      } else {
        prices.push([`bench-price-${pad(offerSeq)}-a`, offerId, price, date(created), iso(created)])
      }
      if (status === 'PUBLISHED' && entryActive.get(category.id)) hasPublic = true
    }
    if (hasPublic) publicOrganisationIds.push(orgId)
  }

  return {
    tables: [
      { name: 'Organisation', columns: orgCols, rows: orgs },
      { name: 'ServiceUnit', columns: unitCols, rows: units },
      { name: 'ServiceAreaMunicipality', columns: areaCols, rows: areas },
      { name: 'RegisterEntry', columns: entryCols, rows: entries },
      { name: 'Offer', columns: offerCols, rows: offers },
      { name: 'OfferServiceUnit', columns: offerUnitCols, rows: offerUnits },
      { name: 'OfferPrice', columns: priceCols, rows: prices },
    ],
    publicOrganisationIds,
  }
}

/** The categories as the data set needs them, from the service catalogue (ids as the seed gives them). */
export function categoryRefs(idByCode: Map<string, string>): CategoryRef[] {
  return readServiceCatalogue().categories.map((source) => ({
    id: idByCode.get(source.code)!,
    code: source.code,
    nameFi: source.fi,
    nameSv: source.sv,
    nameEn: source.en,
    referenceCents: source.valueCents ?? source.maxValueCents ?? 3000,
  }))
}

// ─── Loading ─────────────────────────────────────────────────────────────────

const BATCH_ROWS = 1_000
/** PostgreSQL's protocol allows 65,535 bound parameters per statement. */
const MAX_PARAMS = 60_000

async function insertTable(connection: SqlConnection, table: Table): Promise<void> {
  const columns = table.columns.map((column) => `"${column}"`).join(', ')
  const perBatch = Math.max(1, Math.min(BATCH_ROWS, Math.floor(MAX_PARAMS / table.columns.length)))
  for (let start = 0; start < table.rows.length; start += perBatch) {
    const batch = table.rows.slice(start, start + perBatch)
    const params: unknown[] = []
    const values = batch.map((row) => `(${row.map((value) => `$${params.push(value)}`).join(', ')})`)
    await connection.query(`INSERT INTO "${table.name}" (${columns}) VALUES ${values.join(', ')}`, params)
  }
}

export type GenerateResult = { counts: Record<string, number>; publicOrganisationIds: string[]; seconds: number }

/**
 * Writes reference data (the seed's functions, through Prisma) and the data set (raw multi-row INSERTs, one
 * transaction), then ANALYZEs. The database must be migrated and hold no benchmark rows yet.
 */
export async function generateInto(connection: SqlConnection, prisma: PrismaClient): Promise<GenerateResult> {
  const started = performance.now()
  const reference = await prisma.$transaction((tx) => seedReferenceData(tx), { maxWait: 20_000, timeout: 120_000 })
  const idByCode = new Map([...reference.categories.values()].map((category) => [category.code, category.id]))
  const dataset = buildDataset(readMunicipalities(), categoryRefs(idByCode))
  await connection.exec('BEGIN')
  try {
    for (const table of dataset.tables) await insertTable(connection, table)
    await connection.exec('COMMIT')
  } catch (error) {
    await connection.exec('ROLLBACK')
    throw error
  }
  await connection.exec('ANALYZE')
  return {
    counts: Object.fromEntries(dataset.tables.map((table) => [table.name, table.rows.length])),
    publicOrganisationIds: dataset.publicOrganisationIds,
    seconds: (performance.now() - started) / 1000,
  }
}

/** Migrates and fills one database: PostgreSQL when `databaseUrl` is given, else the PGlite directory. */
export async function migrateAndGenerate(target: { databaseUrl?: string; pgliteDir?: string }): Promise<GenerateResult> {
  if (target.databaseUrl) {
    const connection = await postgresConnection(target.databaseUrl)
    const prisma = prismaForPostgres(target.databaseUrl)
    try {
      await applyMigrations(connection)
      return await generateInto(connection, prisma)
    } finally {
      await prisma.$disconnect()
      await connection.close()
    }
  }
  const dir = resolve(target.pgliteDir ?? './data/bench/pglite')
  mkdirSync(dirname(dir), { recursive: true })
  const pglite = new PGlite(dir)
  const connection = pgliteConnection(pglite)
  const prisma = prismaForPGlite(pglite)
  try {
    await applyMigrations(connection)
    return await generateInto(connection, prisma)
  } finally {
    await prisma.$disconnect()
    await pglite.close()
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  migrateAndGenerate({ databaseUrl: process.env.DATABASE_URL, pgliteDir: process.env.PGLITE_DIR ?? './data/bench/pglite' })
    .then((result) => console.log(`Generated in ${result.seconds.toFixed(1)} s: ${JSON.stringify(result.counts)}`))
    .catch((error: unknown) => {
      console.error(error)
      process.exitCode = 1
    })
}
