import { intlLocale, type AppLocale } from '~/i18n'
import { intlCollator } from '~/utils/intl'

export type MunicipalityNames = {
  nameFi: string
  nameSv: string
  /** the municipality's official languages, the majority language first (Municipality.officialLanguages) */
  officialLanguages?: readonly string[]
}

/**
 * A municipality's name in the reader's language: Finnish readers see the Finnish name ("Närpiö"), Swedish readers
 * the Swedish one ("Närpes"). English has no name of its own, so English readers see the name in the
 * municipality's majority language with the other in brackets ("Närpes (Närpiö)", "Vaasa (Vasa)"); one name
 * when both are the same ("Korsnäs"). Without language information Swedish comes first.
 */
export function municipalityName(municipality: MunicipalityNames, locale: AppLocale): string {
  const { nameFi, nameSv, officialLanguages } = municipality
  if (locale === 'fi') return nameFi
  if (locale === 'sv') return nameSv
  if (nameFi === nameSv) return nameSv
  return officialLanguages?.[0] === 'fi' ? `${nameFi} (${nameSv})` : `${nameSv} (${nameFi})`
}

/** Municipalities as select options, named and sorted alphabetically in the reader's language. */
export function municipalityOptions<T extends MunicipalityNames & { code: string }>(
  municipalities: readonly T[],
  locale: AppLocale,
): { value: string; label: string }[] {
  const collator = intlCollator(intlLocale[locale])
  return municipalities
    .map((municipality) => ({ value: municipality.code, label: municipalityName(municipality, locale) }))
    .sort((a, b) => collator.compare(a.label, b.label))
}
