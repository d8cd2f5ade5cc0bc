import type { Prisma } from '../../app/generated/prisma/client'
import { accessibilityNote } from './accessibility-texts'
import { seedId } from './ids'
import { HOME_VISIT_CATEGORIES, PREMISES_CATEGORIES } from './organisation-catalogue'
import type { OrganisationModel } from './organisations'
import { place } from './places'
import { chance, faker, int, pick } from './random'
import type { MunicipalitySource } from './source-data'

export type UnitsOfOrganisation = { homeVisitAreaId: string | null; locationIds: string[] }

export type ServiceUnitsBuild = {
  units: Prisma.ServiceUnitCreateManyInput[]
  areaMunicipalities: Prisma.ServiceAreaMunicipalityCreateManyInput[]
  byOrganisation: Map<number, UnitsOfOrganisation>
}

const HOUSE_NAMES = {
  sv: ['Solbacka', 'Aftonro', 'Björkgården', 'Strandhemmet', 'Lärkan', 'Rosengården', 'Linnéa'],
  fi: ['Kotipiha', 'Päivärinne', 'Koivukoti', 'Kotikallio', 'Satakieli', 'Rantakoti', 'Kielo'],
}

/** Rough distance for ordering neighbours; good enough at this latitude. */
function distance(a: MunicipalitySource, b: MunicipalitySource): number {
  return Math.hypot(a.lat - b.lat, (a.lon - b.lon) * Math.cos((a.lat * Math.PI) / 180))
}

/** The home municipality and its nearest neighbours. */
function areaAround(home: MunicipalitySource, all: MunicipalitySource[], count: number): string[] {
  return [...all]
    .sort((a, b) => distance(home, a) - distance(home, b))
    .slice(0, count)
    .map((municipality) => municipality.code)
}

function offset(): number {
  return faker.number.float({ min: -0.02, max: 0.02, fractionDigits: 5 })
}

function premisesName(organisation: OrganisationModel, municipality: MunicipalitySource, housing: boolean, index: number): string {
  const { language, spec } = organisation
  if (housing) {
    const names = HOUSE_NAMES[language]
    return `${language === 'fi' ? 'Palvelukoti' : 'Hemmet'} ${names[(spec.number + index) % names.length]}`
  }
  const office = spec.categories.every((code) => HOME_VISIT_CATEGORIES.has(code))
  if (language === 'fi') return `${office ? 'Toimisto' : 'Vastaanotto'}, ${municipality.fi}`
  return `${office ? 'Kontoret' : 'Mottagningen'} i ${municipality.sv}`
}

/**
 * Units per organisation: its premises (one or two), and for home-visit services an area of its home
 * municipality and the nearest neighbours, widened to `mustServe` (where the seeded clients live).
 */
export function buildServiceUnits(
  organisations: OrganisationModel[],
  municipalities: MunicipalitySource[],
  mustServe: Map<number, Set<string>>,
): ServiceUnitsBuild {
  const build: ServiceUnitsBuild = { units: [], areaMunicipalities: [], byOrganisation: new Map() }
  for (const organisation of organisations) {
    const { spec, language, municipality } = organisation
    const housing = spec.categories.some((code) => PREMISES_CATEGORIES.has(code) && !['psychotherapy', 'oral-hygiene'].includes(code))
    const visits = spec.categories.some((code) => HOME_VISIT_CATEGORIES.has(code))
    const units: UnitsOfOrganisation = { homeVisitAreaId: null, locationIds: [] }
    let index = 0

    const second = housing ? spec.number % 3 === 0 : visits && spec.number % 5 === 2
    const neighbour = municipalities.find((candidate) => candidate.code === areaAround(municipality, municipalities, 2)[1])!
    const sites = second ? [municipality, housing ? municipality : neighbour] : [municipality]
    for (const [location, site] of sites.entries()) {
      const id = seedId('unit', spec.number, ++index)
      const places = place(site.code)
      const flags = { stepFreeAccess: housing || chance(0.75), hearingLoop: chance(0.4), parking: chance(0.7) }
      const notes = (target: 'fi' | 'sv' | 'en') => (spec.languages.includes(target) ? accessibilityNote(target, flags) : null)
      build.units.push({
        id,
        organisationId: organisation.id,
        kind: 'LOCATION',
        name: premisesName(organisation, site, housing, location),
        streetAddress: `${pick(places.streets)[language]} ${int(1, 60)}`,
        postalCode: pick(places.postalCodes),
        municipalityCode: site.code,
        latitude: Number((site.lat + offset()).toFixed(5)),
        longitude: Number((site.lon + offset() * 2).toFixed(5)),
        ...flags,
        accessibilityFi: notes('fi'),
        accessibilitySv: notes('sv'),
        accessibilityEn: notes('en'),
        phone: organisation.row.phone,
        createdAt: organisation.createdAt,
        updatedAt: organisation.createdAt,
      })
      units.locationIds.push(id)
    }

    if (visits) {
      const id = seedId('unit', spec.number, ++index)
      const { fiGenitive } = place(municipality.code)
      const byDistance = areaAround(municipality, municipalities, municipalities.length)
      const around = areaAround(municipality, municipalities, spec.number === 1 ? 4 : int(1, 4))
      const wanted = new Set([...around, ...(mustServe.get(spec.number) ?? [])])
      const codes = byDistance.filter((code) => wanted.has(code))
      build.units.push({
        id,
        organisationId: organisation.id,
        kind: 'HOME_VISIT_AREA',
        name: language === 'fi' ? `Kotikäynnit ${fiGenitive} seudulla` : `Hembesök i ${municipality.sv} med omnejd`,
        createdAt: organisation.createdAt,
        updatedAt: organisation.createdAt,
      })
      build.areaMunicipalities.push(...codes.map((municipalityCode) => ({ serviceUnitId: id, municipalityCode })))
      units.homeVisitAreaId = id
    }
    build.byOrganisation.set(spec.number, units)
  }
  return build
}
