import { readFileSync } from 'node:fs'
import { t, type Lang } from './i18n'

/**
 * Helpers for the provider journeys: interpolated translations, business IDs, small upload files, Helsinki dates,
 * and the names of the seeded catalogue (document types, categories, municipalities) read from the seed's data
 * files, as the app shows them.
 */

/** `t` with i18next's `{{name}}` placeholders filled in. */
export function tv(lang: Lang, key: string, values: Record<string, string | number>): string {
  return t(lang, key).replace(/\{\{\s*(\w+)\s*\}\}/g, (placeholder, name: string) => {
    if (!(name in values)) throw new Error(`no value for ${placeholder} in ${lang}/${key}`)
    return String(values[name])
  })
}

/** A regular expression matching `text` literally. */
export function literal(text: string): RegExp {
  return new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
}

const businessIdWeights = [7, 9, 10, 5, 8, 4, 2] as const

/**
 * The Finnish business ID check digit of a seven-digit body (weights 7, 9, 10, 5, 8, 4, 2; sum mod 11: 0 → 0,
 * 1 → no ID has this body, else 11 − remainder). Written out here rather than imported, so the test checks the app.
 */
function checkDigit(body: string): number | null {
  const remainder = businessIdWeights.reduce((sum, weight, index) => sum + weight * Number(body[index]), 0) % 11
  if (remainder === 0) return 0
  if (remainder === 1) return null
  return 11 - remainder
}

/**
 * A valid business ID unique to this moment: the body is taken from the clock (`seed`, e.g. Date.now()), starting
 * with 9 to stay clear of the seed's organisations (prisma/seed/organisations.ts draws bodies from 2000000–3299999);
 * a body whose remainder is 1 is skipped.
 */
export function uniqueBusinessId(seed: number): string {
  let number = 9_000_000 + (seed % 1_000_000)
  for (;;) {
    const body = String(number).padStart(7, '0')
    const check = checkDigit(body)
    if (check !== null) return `${body}-${check}`
    number = number + 1 > 9_999_999 ? 9_000_000 : number + 1
  }
}

/** The same business ID with a wrong check digit. */
export function withWrongCheckDigit(businessId: string): string {
  const [body, check] = businessId.split('-') as [string, string]
  return `${body}-${(Number(check) + 1) % 10}`
}

/** A minimal valid one-page PDF (header, catalog, pages, page, cross-reference table, trailer, %%EOF). */
export function minimalPdf(): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
  ]
  let body = '%PDF-1.4\n'
  const offsets: number[] = []
  objects.forEach((object, index) => {
    offsets.push(Buffer.byteLength(body, 'latin1'))
    body += `${index + 1} 0 obj\n${object}\nendobj\n`
  })
  const xrefOffset = Buffer.byteLength(body, 'latin1')
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`
  body += offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('')
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xrefOffset}\n%%EOF\n`
  return Buffer.from(body, 'latin1')
}

/** An HTML page: what a browser would save, renamed to .pdf by the test. */
export function htmlPage(): Buffer {
  return Buffer.from('<!doctype html>\n<html lang="sv"><head><title>Intyg</title></head><body><p>Intyg</p></body></html>\n', 'utf8')
}

/** Today in Finland (Europe/Helsinki) as YYYY-MM-DD, as the app counts document dates. */
export function helsinkiToday(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Helsinki', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now)
}

/** The same calendar day a year later (28 February for 29 February). */
export function nextYear(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number]
  const date = new Date(Date.UTC(year + 1, month - 1, day))
  if (date.getUTCMonth() !== month - 1) date.setUTCDate(0)
  return date.toISOString().slice(0, 10)
}

const intlLocale: Record<Lang, string> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-FI' }

/** A date as the app shows it (medium date style, Helsinki time, the reader's conventions). */
export function shownDate(value: Date, lang: Lang): string {
  return new Intl.DateTimeFormat(intlLocale[lang], { dateStyle: 'medium', timeZone: 'Europe/Helsinki' }).format(value)
}

type Names = { fi: string; sv: string; en: string }
export type DocumentTypeEntry = Names & {
  code: string
  maxAgeDays?: number
  validUntilRequired?: boolean
  employersOnly?: boolean
  hasRegistrationNumber?: boolean
}
export type CategoryEntry = Names & { code: string; requiresSoteri: boolean }
type MunicipalityEntry = { code: string; fi: string; sv: string }

function seedData<T>(file: string): T {
  return JSON.parse(readFileSync(new URL(`../../../prisma/seed/data/${file}`, import.meta.url), 'utf8')) as T
}

const catalogue = seedData<{ documentTypes: DocumentTypeEntry[]; categories: CategoryEntry[] }>('service-catalogue.json')
const municipalities = seedData<{ municipalities: MunicipalityEntry[] } | MunicipalityEntry[]>('municipalities.json')

export function documentType(code: string): DocumentTypeEntry {
  const type = catalogue.documentTypes.find((candidate) => candidate.code === code)
  if (!type) throw new Error(`no document type ${code} in the service catalogue`)
  return type
}

export function category(code: string): CategoryEntry {
  const found = catalogue.categories.find((candidate) => candidate.code === code)
  if (!found) throw new Error(`no category ${code} in the service catalogue`)
  return found
}

/** A municipality by its name in either language (the seed's municipalities.json). */
export function municipality(name: string): MunicipalityEntry {
  const list = Array.isArray(municipalities) ? municipalities : municipalities.municipalities
  const found = list.find((candidate) => candidate.fi === name || candidate.sv === name)
  if (!found) throw new Error(`no municipality ${name} in the seed data`)
  return found
}

/**
 * The document types a category requires in the seed (prisma/seed/reference-data.ts): every general type, and the
 * registration (Soteri) where the category requires it; employer-only types only for organisations with staff.
 * In catalogue order, as the application page lists them.
 */
export function requiredDocumentTypes(categoryCode: string, employsStaff: boolean): DocumentTypeEntry[] {
  const { requiresSoteri } = category(categoryCode)
  return catalogue.documentTypes.filter(
    (type) => (employsStaff || !type.employersOnly) && (requiresSoteri || !type.hasRegistrationNumber),
  )
}
