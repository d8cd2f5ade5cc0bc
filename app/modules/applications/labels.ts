import type { AppLocale } from '~/i18n'

/** Catalogue rows carry their name in the three languages; the reader sees their own. Pure; used by pages and emails. */
export type Names = { nameFi: string; nameSv: string; nameEn: string }

export function nameIn(locale: AppLocale, names: Names): string {
  return locale === 'fi' ? names.nameFi : locale === 'en' ? names.nameEn : names.nameSv
}

/** A returned section ("organisation", "categories", "rulebook", "documents:<TYPE>") split into its kind and document type. */
export function parseSection(section: string): { kind: 'organisation' | 'categories' | 'rulebook' } | { kind: 'document'; code: string } | { kind: 'other' } {
  if (section === 'organisation' || section === 'categories' || section === 'rulebook') return { kind: section }
  if (section.startsWith('documents:')) return { kind: 'document', code: section.slice('documents:'.length) }
  return { kind: 'other' }
}
