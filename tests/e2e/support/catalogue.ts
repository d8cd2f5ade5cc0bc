import { t, type Lang } from './i18n'
import { literal, municipality, tv } from './provider'

/**
 * Helpers for the public catalogue journeys: plural translations, euro amounts as the app shows them (formatCents:
 * "1 234,50 €" in Finnish and Swedish, "€1,234.50" in English), and municipality names in the reader's language.
 */

function has(lang: Lang, key: string): boolean {
  try {
    t(lang, key)
    return true
  } catch {
    return false
  }
}

/** The plural form of `key` for `count`, as i18next picks it (`_zero` for 0 where the file has one), filled in. */
export function tp(lang: Lang, key: string, count: number, values: Record<string, string | number> = {}): string {
  const form = count === 0 && has(lang, `${key}_zero`) ? 'zero' : new Intl.PluralRules(lang).select(count)
  return tv(lang, `${key}_${form}`, { count, ...values })
}

/** Every plural form of `key` with `{{count}}` standing for any whole number, as one regular expression source. */
export function pluralPattern(lang: Lang, key: string, values: Record<string, string | number> = {}): string {
  const forms = ['zero', 'one', 'other'].filter((form) => has(lang, `${key}_${form}`))
  return `(?:${forms
    .map((form) => {
      const filled = tv(lang, `${key}_${form}`, { ...values, count: '\u0000' })
      return literal(filled).source.replace('\u0000', '\\d+')
    })
    .join('|')})`
}

/** A euro amount as the app formats it, as a regular expression source. */
export function moneyPattern(lang: Lang): string {
  return lang === 'en' ? '€\\d{1,3}(?:,\\d{3})*\\.\\d{2}' : '\\d{1,3}(?:\\s\\d{3})*,\\d{2}\\s€'
}

/** A price per unit of the category ("12,50 € / timme", or a range "0,00 € – 25,00 € / timme"), anchored. */
export function perUnitPattern(lang: Lang, unit: string): RegExp {
  const [before, after] = t(lang, `catalogue:perUnit.${unit}`).split('{{amount}}') as [string, string]
  const money = moneyPattern(lang)
  return new RegExp(`^${literal(before).source}${money}(?: – ${money})?${literal(after).source}$`)
}

/** Cents from an amount as the app shows it ("1 234,50 €", "€1,234.50"). */
export function parseMoney(text: string, lang: Lang): number {
  const decimal = lang === 'en' ? '.' : ','
  const digits = text.replace(new RegExp(`[^\\d${literal(decimal).source}]`, 'g'), '').replace(decimal, '.')
  const value = Number(digits)
  if (!digits || Number.isNaN(value)) throw new Error(`not an amount: "${text}"`)
  return Math.round(value * 100)
}

/** Every euro amount in a text, in cents, in order. */
export function amountsIn(text: string, lang: Lang): number[] {
  return [...text.matchAll(new RegExp(moneyPattern(lang), 'g'))].map((match) => parseMoney(match[0], lang))
}

/**
 * A municipality's name as a reader sees it: Finnish for fi, Swedish for sv, and both for en, the name in the
 * municipality's (first) official language first, e.g. "Närpes (Närpiö)".
 */
export function municipalityIn(name: string, lang: Lang): string {
  const found = municipality(name) as ReturnType<typeof municipality> & { officialLanguages?: string[] }
  if (lang === 'fi') return found.fi
  if (lang === 'sv' || found.fi === found.sv) return found.sv
  return found.officialLanguages?.[0] === 'fi' ? `${found.fi} (${found.sv})` : `${found.sv} (${found.fi})`
}
