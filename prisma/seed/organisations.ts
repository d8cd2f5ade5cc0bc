import type { Prisma } from '../../app/generated/prisma/client'
import { businessIdFromBody } from './business-id'
import { landline } from './contact'
import { addDays, at, day } from './dates'
import { seedId } from './ids'
import { ORGANISATION_SPECS, type OrganisationSpec } from './organisation-catalogue'
import { organisationDescriptions } from './organisation-texts'
import { place } from './places'
import { chance, int, pick } from './random'
import type { MunicipalitySource } from './source-data'

export type OrganisationModel = {
  spec: OrganisationSpec
  id: string
  /** the organisation's own language, used for its addresses and file names */
  language: 'fi' | 'sv'
  municipality: MunicipalitySource
  employsStaff: boolean
  createdAt: Date
  row: Prisma.OrganisationCreateManyInput
}

/** A seven-digit body in the range of business IDs given since the 2000s, with a valid check digit. */
function newBusinessId(taken: Set<string>): string {
  for (;;) {
    const candidate = businessIdFromBody(String(int(2_000_000, 3_299_999)))
    if (candidate && !taken.has(candidate)) {
      taken.add(candidate)
      return candidate
    }
  }
}

/**
 * When the organisation joined the service: approved ones 1–24 during 2025 (they serve the older
 * vouchers), 25–30 later; the applicants this summer.
 */
function joinedAt(spec: OrganisationSpec): Date {
  if (spec.number === 1) return at(day('2025-01-08'), 9, 14)
  const [start, span] =
    spec.status !== 'APPROVED' ? [day('2026-07-01'), 75] : spec.number <= 24 ? [day('2024-12-16'), 280] : [day('2025-10-01'), 270]
  return at(addDays(start, int(0, span)), int(7, 16), int(0, 59))
}

export function buildOrganisations(municipalities: MunicipalitySource[]): OrganisationModel[] {
  const taken = new Set<string>()
  return ORGANISATION_SPECS.map((spec) => {
    const municipality = municipalities.find((candidate) => candidate.code === spec.municipalityCode)
    if (!municipality) throw new Error(`Unknown municipality ${spec.municipalityCode}`)
    const language = spec.languages[0] === 'fi' ? 'fi' : 'sv'
    const places = place(spec.municipalityCode)
    const employsStaff = spec.legalForm !== 'SOLE_TRADER'
    const createdAt = joinedAt(spec)
    const id = seedId('org', spec.number)
    const row: Prisma.OrganisationCreateManyInput = {
      id,
      name: spec.name,
      businessId: newBusinessId(taken),
      legalForm: spec.legalForm,
      sector: spec.legalForm === 'REGISTERED_ASSOCIATION' || spec.legalForm === 'FOUNDATION' ? 'THIRD_SECTOR' : 'PRIVATE',
      employsStaff,
      streetAddress: `${pick(places.streets)[language]} ${int(1, 48)}`,
      postalCode: pick(places.postalCodes),
      postOffice: places.postOffice[language],
      municipalityCode: spec.municipalityCode,
      phone: landline(),
      email: `info@${spec.slug}.example`,
      website: chance(0.6) ? `https://www.${spec.slug}.example` : null,
      ...organisationDescriptions({
        name: spec.name,
        legalForm: spec.legalForm,
        categories: spec.categories,
        municipalityCode: spec.municipalityCode,
        municipalityFi: municipality.fi,
        municipalitySv: municipality.sv,
        languages: spec.languages,
      }),
      createdAt,
      updatedAt: createdAt,
    }
    return { spec, id, language, municipality, employsStaff, createdAt, row }
  })
}
