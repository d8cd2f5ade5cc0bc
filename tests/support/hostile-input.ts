import { existsSync, readFileSync } from 'node:fs'
import { parseWithZod } from '@conform-to/zod/v4'
import fc from 'fast-check'
import type { z } from 'zod'
// the app's message for refusals a schema has none for (the root route loads it in the app)
import '../../app/utils/zod-messages'

/**
 * Hostile form input for the property-based and fuzz tests: what a careless or malicious client may send instead of
 * what our forms send. Values stay strings (that is all a form body carries); "wrong types" are numbers where text
 * is expected and text where numbers, dates or ids are expected.
 */

/** 100 kB of text, in one-, two- and four-byte characters and NULs. */
export const longStrings = ['a'.repeat(100_000), 'ä'.repeat(50_000), '😀'.repeat(25_000), '\u0000'.repeat(100_000)]

export const controlStrings = ['\u0000', 'a\u0000b', '\u0000'.repeat(8), '\u0007\u0008\u001b[31m', '\r\n\r\n', '\t\v\f', '\u007f\u0085\u009f', '\uFEFF']

export const unicodeEdgeCases = [
  '\u202Eevil\u202C', // right-to-left override
  'مرحبا بالعالم',
  'e\u0301'.repeat(50), // combining accents
  'Z\u0351\u0352\u0353\u0354\u0355\u0356\u0357\u0358\u0359',
  '👩‍👩‍👧‍👦🏳️‍🌈',
  '\uD800', // lone high surrogate
  '\uDFFF', // lone low surrogate
  'a\uD83D', // half an emoji
  '\u200B\u200C\u200D\u2060', // zero-width
  '\u00A0\u202F\u3000', // spaces that trim() does not always remove
  'Ａ１２３', // full-width letters and digits
  '١٢٣٤٥', // Arabic-Indic digits
  '𝟏𝟐𝟑',
]

export const numberLike = [
  '0',
  '-0',
  '-1',
  '1.5',
  '1,5',
  '1e309',
  '-1e309',
  'NaN',
  'Infinity',
  '-Infinity',
  '0x10',
  '1_000',
  '9'.repeat(400),
  '9007199254740993',
  '2147483648',
  '-9223372036854775809',
  '00000000000000000001',
  ' 1 ',
]

export const dateLike = ['2026-02-30', '2026-13-01', '0000-01-01', '0001-01-01', '9999-12-31', '+275760-09-13', '2026-1-1', '31.12.2026', '2026-11-23T00:00:00Z', '1900-02-29', '2024-02-29']

export const injection = [
  "' OR '1'='1",
  "'; DROP TABLE \"User\"; --",
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '{{constructor.constructor("return process")()}}',
  '${7*7}',
  '../../../../etc/passwd',
  '%00',
  '%',
  'javascript:alert(1)',
  '//evil.example/',
  '\\\\evil.example\\share',
  '__proto__',
  '[object Object]',
  'null',
  'undefined',
  'true',
  '[]',
  '{}',
]

/** Field names no form of ours has, some of them names of columns a request must never set. */
export const extraFieldNames = [
  'role',
  'staffRole',
  'status',
  'moderation',
  'organisationId',
  'userId',
  'valueCents',
  'priceCents',
  'id',
  'version',
  'createdById',
  'decidedById',
  'emailVerifiedAt',
  '__proto__',
  'constructor',
  'prototype',
  'rows[99999].budget',
  'extras[1000000].price',
  'a.b.c.d.e.f',
  '[]',
  '',
]

export const extraFieldValues = ['ADMIN', 'REVIEWER', 'OWNER', 'APPROVED', 'ACTIVE', 'PUBLISHED', 'on', 'true', '1', '999999999']

/** Unknown intents, beside each route's real ones. */
export const unknownIntents = ['', 'delete', 'admin', 'approve', 'update', 'INTENT', 'save ', 'x'.repeat(1000), '\u0000save']

/** Raw bytes that are not UTF-8 or not well-formed percent-encoding, appended to a body as they are. */
export const rawBodySuffixes = ['%FF%FE', '%ED%A0%80', '%C0%80', '%E0%A4%A', '%', '%%', '%2', '=&=&', '&&&', 'a=%00%00']

export const anyHostileString: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...controlStrings, ...unicodeEdgeCases, ...numberLike, ...dateLike, ...injection), weight: 6 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 30 }), weight: 2 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }), weight: 1 },
  { arbitrary: fc.constantFrom(...longStrings), weight: 1 },
)

export type FormEntries = [string, string][]

export type FormSpec = {
  /** the route's real field names (conform's `rows[0].budget` style included) */
  fields: string[]
  /** the route's real `intent` values; none when the route has no intent field */
  intents?: string[]
  /** plausible values per field name (ids of the test world, valid dates, amounts…) */
  valid: Record<string, string[]>
}

function pick<T>(values: readonly T[]): fc.Arbitrary<T> {
  return fc.constantFrom(...values)
}

/**
 * A form as the page would send it with valid values, then one hostile change (or none, or up to three): a field replaced by a
 * hostile value, dropped, repeated, or an extra field added. Near-valid forms get past the schema to the service and
 * the database, where unchecked input does its harm.
 */
function nearValidForm(spec: FormSpec): fc.Arbitrary<FormEntries> {
  // the first valid value most often: the one that fits the others (the organisation's own unit, say)
  const validValue = (values: string[]) => fc.oneof({ arbitrary: fc.constant(values[0]!), weight: 3 }, { arbitrary: pick(values), weight: 1 })
  const baseline = fc.tuple(
    ...spec.fields.map((name) => (spec.valid[name]?.length ? validValue(spec.valid[name]!) : anyHostileString).map((value): [string, string] => [name, value])),
  )
  const intent = spec.intents?.length ? fc.oneof({ arbitrary: pick(spec.intents), weight: 4 }, { arbitrary: pick(unknownIntents), weight: 1 }) : fc.constant(null)
  const mutation = fc.oneof(
    { arbitrary: fc.record({ kind: fc.constant('replace' as const), index: fc.nat(), value: anyHostileString }), weight: 3 },
    // a valid value with something hostile inside: passes loose checks (free text) and reaches the database
    { arbitrary: fc.record({ kind: fc.constant('embed' as const), index: fc.nat(), value: pick([...controlStrings, ...unicodeEdgeCases, ...injection]) }), weight: 3 },
    { arbitrary: fc.record({ kind: fc.constant('drop' as const), index: fc.nat() }), weight: 1 },
    { arbitrary: fc.record({ kind: fc.constant('repeat' as const), index: fc.nat(), value: anyHostileString }), weight: 1 },
    { arbitrary: fc.record({ kind: fc.constant('extra' as const), name: pick(extraFieldNames), value: fc.oneof(pick(extraFieldValues), anyHostileString) }), weight: 2 },
  )
  return fc.tuple(baseline, intent, fc.oneof({ arbitrary: fc.array(mutation, { minLength: 1, maxLength: 1 }), weight: 3 }, { arbitrary: fc.array(mutation, { maxLength: 3 }), weight: 2 })).map(([fields, intentValue, mutations]) => {
    const entries: FormEntries = intentValue === null ? [...fields] : [['intent', intentValue], ...fields]
    for (const change of mutations) {
      if (change.kind === 'extra') {
        entries.push([change.name, change.value])
        continue
      }
      if (entries.length === 0) continue
      const index = change.index % entries.length
      const [name, current] = entries[index]!
      if (change.kind === 'replace') entries[index] = [name, change.value]
      else if (change.kind === 'embed') entries[index] = [name, `${current}${change.value}`]
      else if (change.kind === 'drop') entries.splice(index, 1)
      else entries.push([name, change.value])
    }
    return entries
  })
}

/** Anything at all: random names (real, extra and made up) with hostile values. */
function junkForm(spec: FormSpec): fc.Arbitrary<FormEntries> {
  const names = [...spec.fields, ...(spec.intents?.length ? ['intent'] : []), ...extraFieldNames]
  const name = fc.oneof({ arbitrary: pick(names), weight: 4 }, { arbitrary: fc.string({ maxLength: 20 }), weight: 1 })
  const value = fc.oneof(anyHostileString, ...(spec.intents?.length ? [pick([...spec.intents, ...unknownIntents])] : []))
  return fc.array(fc.tuple(name, value), { maxLength: 12 })
}

export type HostileBody = { entries: FormEntries; rawSuffix: string | null }

export function hostileForm(spec: FormSpec): fc.Arbitrary<HostileBody> {
  return fc.record({
    entries: fc.oneof({ arbitrary: nearValidForm(spec), weight: 3 }, { arbitrary: junkForm(spec), weight: 1 }),
    rawSuffix: fc.option(pick(rawBodySuffixes), { freq: 5 }),
  })
}

/**
 * The urlencoded body. Lone surrogates cannot be UTF-8 encoded, so URLSearchParams turns them into U+FFFD as a
 * browser does; `rawSuffix` adds bytes no browser sends.
 */
export function encodeBody({ entries, rawSuffix }: HostileBody): string {
  const params = new URLSearchParams()
  for (const [name, value] of entries) params.append(name, value)
  const body = params.toString()
  if (rawSuffix === null) return body
  return body ? `${body}&${rawSuffix}` : rawSuffix
}

// ─── Checking a schema against hostile forms ────────────────────────────────

const localesDir = new URL('../../app/locales/', import.meta.url)
const locales = ['fi', 'sv', 'en'] as const
const namespaces = new Map<string, unknown>()

function namespace(locale: string, name: string): unknown {
  const key = `${locale}/${name}`
  if (!namespaces.has(key)) {
    const file = new URL(`${locale}/${name}.json`, localesDir)
    namespaces.set(key, existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined)
  }
  return namespaces.get(key)
}

/** The locales in which a translation key (`namespace:path.to.key`, or a common-namespace path) has no text. */
export function localesMissing(key: string): string[] {
  const [ns, path] = key.includes(':') ? (key.split(':', 2) as [string, string]) : ['common', key]
  return locales.filter((locale) => {
    let node: unknown = namespace(locale, ns)
    for (const part of path.split('.')) node = node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined
    return typeof node !== 'string' || node === ''
  })
}

export function formDataOf(entries: FormEntries): FormData {
  const data = new FormData()
  for (const [name, value] of entries) data.append(name, value)
  return data
}

/**
 * Every message of a failed submission that is not a translation key with a text in fi, sv and en: the schema's own
 * keys, or the app's "not valid" for refusals the schema has no message for (app/utils/zod-messages.ts).
 */
export function untranslatedErrors(error: Record<string, string[] | null> | undefined): string[] {
  const problems: string[] = []
  for (const [field, messages] of Object.entries(error ?? {})) {
    for (const message of messages ?? []) {
      const missing = localesMissing(message)
      if (missing.length > 0) problems.push(`${field}: "${message}" (no text in ${missing.join(', ')})`)
    }
  }
  return problems
}

/** Hostile forms for a schema: near-valid ones with a few hostile changes and pure junk. */
export function hostileEntries(spec: FormSpec): fc.Arbitrary<FormEntries> {
  return hostileForm(spec).map((body) => body.entries)
}

type Schema = z.ZodType

/**
 * Parses hostile forms with the schema as the routes do (Conform's parseWithZod): it never throws, and every refusal
 * is a translation key with a text in fi, sv and en.
 */
export function checkHostileForms(schema: Schema, check: FormSpec, options: { numRuns?: number; seed?: number } = {}) {
  const seed = options.seed ?? 20261123
  const result = fc.check(
    fc.property(hostileEntries(check), (entries) => {
      const submission = parseWithZod(formDataOf(entries), { schema })
      if (submission.status === 'success') return
      const problems = untranslatedErrors(submission.reply().error)
      if (problems.length > 0) throw new Error(problems.join('\n'))
    }),
    { numRuns: options.numRuns ?? 60, seed },
  )
  if (result.failed) {
    const [entries] = result.counterexample ?? []
    const reason = result.errorInstance instanceof Error ? result.errorInstance.message : String(result.errorInstance)
    throw new Error(`seed ${seed}: ${entries ? describeEntries(entries) : '?'}\n${reason}`)
  }
}

/** A form short enough to print: long values by their length and first characters. */
export function describeEntries(entries: FormEntries): string {
  const show = (value: string) => (value.length > 60 ? `${JSON.stringify(value.slice(0, 40))}… (${value.length} chars)` : JSON.stringify(value))
  return entries.map(([name, value]) => `${show(name)}=${show(value)}`).join(' & ')
}

/** The value of a form the page sends, or the errors it got (for round-trip properties). */
export function parseForm<S extends Schema>(schema: S, entries: FormEntries | Record<string, string>) {
  const list = Array.isArray(entries) ? entries : Object.entries(entries)
  return parseWithZod(formDataOf(list), { schema })
}

/** Any query string: real parameter names and made-up ones, each with hostile values, some repeated. */
export function hostileSearchParams(names: string[]): fc.Arbitrary<URLSearchParams> {
  const name = fc.oneof({ arbitrary: pick(names), weight: 4 }, { arbitrary: fc.string({ maxLength: 10 }), weight: 1 })
  return fc.array(fc.tuple(name, anyHostileString), { maxLength: 10 }).map((entries) => new URLSearchParams(entries))
}
