import type { AppLocale } from '~/i18n'

/** Texts stored per language (title, description, an extra service's name). Pure; shared by pages and emails. */
export type TextLanguage = 'fi' | 'sv' | 'en'
export type LocalisedText = {
  text: string
  /** the language the text is in: the reader's, or another when theirs is missing */
  lang: TextLanguage
  /** true when the reader's language is missing and `text` is in another language */
  fallback: boolean
}

/** Which language to show when the reader's is missing: the other national language first, then English. */
const fallbackOrder: Record<AppLocale, TextLanguage[]> = {
  fi: ['fi', 'sv', 'en'],
  sv: ['sv', 'fi', 'en'],
  en: ['en', 'sv', 'fi'],
}

/**
 * The text in the reader's language, or in another language marked as such (the page says the reader's language
 * is missing and gives the text a `lang` attribute). Null when every language is empty.
 */
export function textIn(
  texts: { fi?: string | null; sv?: string | null; en?: string | null },
  locale: AppLocale,
): LocalisedText | null {
  for (const lang of fallbackOrder[locale]) {
    const text = texts[lang]?.trim()
    if (text) return { text, lang, fallback: lang !== locale }
  }
  return null
}

/** An offer's title in the reader's language, with the fallback rule of `textIn`. */
export function offerTitle(offer: { titleFi: string | null; titleSv: string | null; titleEn: string | null }, locale: AppLocale) {
  return textIn({ fi: offer.titleFi, sv: offer.titleSv, en: offer.titleEn }, locale)
}

/** An extra service's name in the reader's language, with the fallback rule of `textIn`. */
export function extraName(extra: { nameFi: string | null; nameSv: string | null; nameEn: string | null }, locale: AppLocale) {
  return textIn({ fi: extra.nameFi, sv: extra.nameSv, en: extra.nameEn }, locale)
}
