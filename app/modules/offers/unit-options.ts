import type { AppLocale } from '~/i18n'
import { municipalityName, type MunicipalityNames } from '~/modules/organisations/municipality-name'

/** A unit as the offer form's checkbox shows it: its name, and where it is or which municipalities it covers. Pure. */
export type UnitChoiceRow = {
  id: string
  kind: 'LOCATION' | 'HOME_VISIT_AREA'
  name: string
  streetAddress: string | null
  municipality: MunicipalityNames | null
  areaMunicipalities: { municipality: MunicipalityNames }[]
}

export function unitOptions(units: readonly UnitChoiceRow[], locale: AppLocale) {
  return units.map((unit) => ({
    value: unit.id,
    label: unit.name,
    kind: unit.kind,
    where:
      unit.kind === 'LOCATION'
        ? [unit.streetAddress, unit.municipality ? municipalityName(unit.municipality, locale) : null].filter(Boolean).join(', ')
        : unit.areaMunicipalities.map((area) => municipalityName(area.municipality, locale)).join(', '),
  }))
}
