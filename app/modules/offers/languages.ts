import { intlLocale, type AppLocale } from '~/i18n'
import { intlCollator } from '~/utils/intl'

/**
 * Service languages: ISO 639-1 codes (two lowercase letters) plus Finnish Sign Language (`fse`) and Finland-Swedish
 * Sign Language (`fss`), which have no two-letter code. Pure; shared by the server, the browser and the public
 * catalogue (`languageName`).
 *
 * The list holds the languages that matter in Ostrobothnia (the national languages, Sami, the largest immigrant
 * languages) and the common European ones, each named in Finnish, Swedish and English. Finnish and Swedish write
 * language names in lower case ("suomi", "arabiska"), as in running text; `capitalised` is for labels.
 */
export type LanguageNames = { fi: string; sv: string; en: string }

export const serviceLanguages = {
  fi: { fi: 'suomi', sv: 'finska', en: 'Finnish' },
  sv: { fi: 'ruotsi', sv: 'svenska', en: 'Swedish' },
  en: { fi: 'englanti', sv: 'engelska', en: 'English' },
  fse: { fi: 'suomalainen viittomakieli', sv: 'finskt teckenspråk', en: 'Finnish Sign Language' },
  fss: { fi: 'suomenruotsalainen viittomakieli', sv: 'finlandssvenskt teckenspråk', en: 'Finland-Swedish Sign Language' },
  se: { fi: 'pohjoissaame', sv: 'nordsamiska', en: 'Northern Sami' },
  ar: { fi: 'arabia', sv: 'arabiska', en: 'Arabic' },
  so: { fi: 'somali', sv: 'somaliska', en: 'Somali' },
  ru: { fi: 'venäjä', sv: 'ryska', en: 'Russian' },
  et: { fi: 'viro', sv: 'estniska', en: 'Estonian' },
  fa: { fi: 'persia', sv: 'persiska', en: 'Persian' },
  ku: { fi: 'kurdi', sv: 'kurdiska', en: 'Kurdish' },
  de: { fi: 'saksa', sv: 'tyska', en: 'German' },
  fr: { fi: 'ranska', sv: 'franska', en: 'French' },
  es: { fi: 'espanja', sv: 'spanska', en: 'Spanish' },
  pt: { fi: 'portugali', sv: 'portugisiska', en: 'Portuguese' },
  it: { fi: 'italia', sv: 'italienska', en: 'Italian' },
  nl: { fi: 'hollanti', sv: 'nederländska', en: 'Dutch' },
  no: { fi: 'norja', sv: 'norska', en: 'Norwegian' },
  da: { fi: 'tanska', sv: 'danska', en: 'Danish' },
  is: { fi: 'islanti', sv: 'isländska', en: 'Icelandic' },
  pl: { fi: 'puola', sv: 'polska', en: 'Polish' },
  uk: { fi: 'ukraina', sv: 'ukrainska', en: 'Ukrainian' },
  be: { fi: 'valkovenäjä', sv: 'belarusiska', en: 'Belarusian' },
  lt: { fi: 'liettua', sv: 'litauiska', en: 'Lithuanian' },
  lv: { fi: 'latvia', sv: 'lettiska', en: 'Latvian' },
  cs: { fi: 'tšekki', sv: 'tjeckiska', en: 'Czech' },
  sk: { fi: 'slovakki', sv: 'slovakiska', en: 'Slovak' },
  hu: { fi: 'unkari', sv: 'ungerska', en: 'Hungarian' },
  ro: { fi: 'romania', sv: 'rumänska', en: 'Romanian' },
  bg: { fi: 'bulgaria', sv: 'bulgariska', en: 'Bulgarian' },
  el: { fi: 'kreikka', sv: 'grekiska', en: 'Greek' },
  sq: { fi: 'albania', sv: 'albanska', en: 'Albanian' },
  bs: { fi: 'bosnia', sv: 'bosniska', en: 'Bosnian' },
  hr: { fi: 'kroatia', sv: 'kroatiska', en: 'Croatian' },
  sr: { fi: 'serbia', sv: 'serbiska', en: 'Serbian' },
  mk: { fi: 'makedonia', sv: 'makedonska', en: 'Macedonian' },
  sl: { fi: 'sloveeni', sv: 'slovenska', en: 'Slovenian' },
  tr: { fi: 'turkki', sv: 'turkiska', en: 'Turkish' },
  ka: { fi: 'georgia', sv: 'georgiska', en: 'Georgian' },
  hy: { fi: 'armenia', sv: 'armeniska', en: 'Armenian' },
  az: { fi: 'azeri', sv: 'azerbajdzjanska', en: 'Azerbaijani' },
  uz: { fi: 'uzbekki', sv: 'uzbekiska', en: 'Uzbek' },
  he: { fi: 'heprea', sv: 'hebreiska', en: 'Hebrew' },
  ti: { fi: 'tigrinja', sv: 'tigrinja', en: 'Tigrinya' },
  am: { fi: 'amhara', sv: 'amhariska', en: 'Amharic' },
  sw: { fi: 'swahili', sv: 'swahili', en: 'Swahili' },
  ps: { fi: 'paštu', sv: 'pashto', en: 'Pashto' },
  ur: { fi: 'urdu', sv: 'urdu', en: 'Urdu' },
  hi: { fi: 'hindi', sv: 'hindi', en: 'Hindi' },
  pa: { fi: 'pandžabi', sv: 'panjabi', en: 'Punjabi' },
  bn: { fi: 'bengali', sv: 'bengali', en: 'Bengali' },
  ta: { fi: 'tamili', sv: 'tamil', en: 'Tamil' },
  ne: { fi: 'nepali', sv: 'nepali', en: 'Nepali' },
  my: { fi: 'burma', sv: 'burmesiska', en: 'Burmese' },
  th: { fi: 'thai', sv: 'thailändska', en: 'Thai' },
  vi: { fi: 'vietnam', sv: 'vietnamesiska', en: 'Vietnamese' },
  zh: { fi: 'kiina', sv: 'kinesiska', en: 'Chinese' },
  ja: { fi: 'japani', sv: 'japanska', en: 'Japanese' },
  ko: { fi: 'korea', sv: 'koreanska', en: 'Korean' },
  tl: { fi: 'tagalog', sv: 'tagalog', en: 'Tagalog' },
  id: { fi: 'indonesia', sv: 'indonesiska', en: 'Indonesian' },
} as const satisfies Record<string, LanguageNames>

export type ServiceLanguageCode = keyof typeof serviceLanguages

/** The languages with a checkbox of their own on the offer form; every other language goes in "other languages". */
export const checkboxLanguages = ['fi', 'sv', 'en', 'fse', 'fss'] as const satisfies readonly ServiceLanguageCode[]

/** The sign languages, which have no ISO 639-1 code (ISO 639-3). */
export const signLanguages = ['fse', 'fss'] as const satisfies readonly ServiceLanguageCode[]

export function isKnownLanguage(code: string): code is ServiceLanguageCode {
  return Object.hasOwn(serviceLanguages, code)
}

/** A language's name in the reader's language; an unknown code is shown as it is (old data, say). */
export function languageName(code: string, locale: AppLocale): string {
  return isKnownLanguage(code) ? serviceLanguages[code][locale] : code
}

/** "suomi" → "Suomi", for labels that stand alone. */
export function capitalised(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1)
}

/**
 * Codes in the order readers expect: the checkbox languages first (fi, sv, en, the sign languages), then the others
 * alphabetically by their name in the reader's language. Duplicates are dropped.
 */
export function sortLanguages(codes: readonly string[], locale: AppLocale): string[] {
  const collator = intlCollator(intlLocale[locale])
  const fixed = checkboxLanguages as readonly string[]
  const unique = [...new Set(codes)]
  return [
    ...fixed.filter((code) => unique.includes(code)),
    ...unique.filter((code) => !fixed.includes(code)).sort((a, b) => collator.compare(languageName(a, locale), languageName(b, locale))),
  ]
}

/** "suomi, ruotsi, arabia": the languages as readable names, in the reader's language. */
export function languageList(codes: readonly string[], locale: AppLocale): string {
  return sortLanguages(codes, locale)
    .map((code) => languageName(code, locale))
    .join(', ')
}

/** Every known language, as options sorted by name in the reader's language (the list under the input). */
export function languageOptions(locale: AppLocale): { code: ServiceLanguageCode; name: string }[] {
  const collator = intlCollator(intlLocale[locale])
  return (Object.keys(serviceLanguages) as ServiceLanguageCode[])
    .map((code) => ({ code, name: languageName(code, locale) }))
    .sort((a, b) => collator.compare(a.name, b.name))
}

export type LanguageCodesResult =
  | { ok: true; codes: ServiceLanguageCode[] }
  /** `format`: not a two-letter code (nor fse/fss); `unknown`: a two-letter code the list does not have */
  | { ok: false; error: 'format' | 'unknown'; invalid: string[] }

const codePattern = /^[a-z]{2}$/

/**
 * The "other languages" input: ISO 639-1 codes separated by commas (spaces and semicolons are accepted too), in any
 * case ("AR, so" → ["ar", "so"]). Each must be two letters, or fse/fss, and a language of the list. Duplicates are
 * dropped; an empty input is no languages. A format error wins over an unknown code; `invalid` names the culprits.
 */
export function parseLanguageCodes(input: string): LanguageCodesResult {
  const tokens = input
    .split(/[\s,;]+/)
    .map((token) => token.trim().toLowerCase())
    .filter(Boolean)
  const malformed = tokens.filter((token) => !codePattern.test(token) && !(signLanguages as readonly string[]).includes(token))
  if (malformed.length > 0) return { ok: false, error: 'format', invalid: [...new Set(malformed)] }
  const unknown = tokens.filter((token) => !isKnownLanguage(token))
  if (unknown.length > 0) return { ok: false, error: 'unknown', invalid: [...new Set(unknown)] }
  return { ok: true, codes: [...new Set(tokens)] as ServiceLanguageCode[] }
}

/** A stored language list split into the form's parts: the ticked boxes and the "other languages" text. */
export function splitLanguages(codes: readonly string[]): { checked: string[]; other: string } {
  const fixed = checkboxLanguages as readonly string[]
  return { checked: codes.filter((code) => fixed.includes(code)), other: codes.filter((code) => !fixed.includes(code)).join(', ') }
}
