import type { AppLocale } from '~/i18n'
import type { TextLanguage } from '~/modules/offers/texts'

/**
 * The languages whose text a reader sees, in the order `textIn` (offers/texts.ts) falls back: the reader's own,
 * then the other national language, then English. The text search matches the text the reader is shown, so it
 * follows the same order (a test keeps the two in step).
 */
export const textOrder: Record<AppLocale, readonly [TextLanguage, TextLanguage, TextLanguage]> = {
  fi: ['fi', 'sv', 'en'],
  sv: ['sv', 'fi', 'en'],
  en: ['en', 'sv', 'fi'],
}

const suffix = { fi: 'Fi', sv: 'Sv', en: 'En' } as const

/** `title` + `sv` → `titleSv`: the column of a text in one language. */
export function column<P extends string>(prefix: P, language: TextLanguage): `${P}${(typeof suffix)[TextLanguage]}` {
  return `${prefix}${suffix[language]}`
}
