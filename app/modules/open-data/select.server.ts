import type { Prisma } from '~/generated/prisma/client'
import { entryInForceWhere } from '~/modules/register/public-offers'

/**
 * What the open-data API reads, and nothing more: public fields of organisations, public offers, their units and
 * categories. No client, voucher, document, member, user or decision-reason field is ever selected, so none can
 * reach a response.
 */
export const municipalitySelect = { code: true, nameFi: true, nameSv: true, officialLanguages: true } as const satisfies Prisma.MunicipalitySelect

export const categorySelect = {
  id: true,
  code: true,
  nameFi: true,
  nameSv: true,
  nameEn: true,
  unit: true,
  voucherType: true,
  sortOrder: true,
} as const satisfies Prisma.ServiceCategorySelect

export const organisationSelect = {
  id: true,
  name: true,
  businessId: true,
  legalForm: true,
  sector: true,
  phone: true,
  email: true,
  website: true,
  descriptionFi: true,
  descriptionSv: true,
  descriptionEn: true,
  updatedAt: true,
} as const satisfies Prisma.OrganisationSelect

export const unitSelect = {
  id: true,
  organisationId: true,
  kind: true,
  name: true,
  streetAddress: true,
  postalCode: true,
  municipality: { select: municipalitySelect },
  latitude: true,
  longitude: true,
  stepFreeAccess: true,
  hearingLoop: true,
  parking: true,
  accessibilityFi: true,
  accessibilitySv: true,
  accessibilityEn: true,
  phone: true,
  updatedAt: true,
  areaMunicipalities: { select: { municipality: { select: municipalitySelect } }, orderBy: { municipalityCode: 'asc' } },
} as const satisfies Prisma.ServiceUnitSelect

/** The register entries in force of an organisation, with the times that change what the public sees. */
export function entriesSelect(now: Date) {
  return {
    where: entryInForceWhere(now),
    select: { categoryId: true, validFrom: true, decidedAt: true, statusChangedAt: true, category: { select: categorySelect } },
    orderBy: [{ category: { sortOrder: 'asc' } }, { category: { code: 'asc' } }],
  } as const satisfies Prisma.Organisation$registerEntriesArgs
}

export function offerSelect(now: Date) {
  return {
    id: true,
    organisationId: true,
    categoryId: true,
    titleFi: true,
    titleSv: true,
    titleEn: true,
    descriptionFi: true,
    descriptionSv: true,
    descriptionEn: true,
    priceCents: true,
    languages: true,
    freePlaces: true,
    capacityConfirmedAt: true,
    updatedAt: true,
    category: { select: categorySelect },
    organisation: { select: { ...organisationSelect, registerEntries: entriesSelect(now) } },
    serviceUnits: { select: { serviceUnit: { select: unitSelect } }, orderBy: { serviceUnitId: 'asc' } },
    prices: { select: { priceCents: true, effectiveFrom: true }, orderBy: { effectiveFrom: 'asc' } },
    extraServices: { select: { id: true, nameFi: true, nameSv: true, nameEn: true, priceCents: true }, orderBy: [{ priceCents: 'asc' }, { id: 'asc' }] },
  } as const satisfies Prisma.OfferSelect
}

export type MunicipalityRow = Prisma.MunicipalityGetPayload<{ select: typeof municipalitySelect }>
export type CategoryRow = Prisma.ServiceCategoryGetPayload<{ select: typeof categorySelect }>
export type OrganisationRow = Prisma.OrganisationGetPayload<{ select: typeof organisationSelect }>
export type UnitRow = Prisma.ServiceUnitGetPayload<{ select: typeof unitSelect }>
export type EntryRow = Prisma.RegisterEntryGetPayload<{ select: ReturnType<typeof entriesSelect>['select'] }>
export type OfferRow = Prisma.OfferGetPayload<{ select: ReturnType<typeof offerSelect> }>

/** The voucher value in force of a category and the change times of its values (for last_modified). */
export type CategoryValue = {
  value: { effectiveFrom: Date; valueCents: number | null; minValueCents: number | null; maxValueCents: number | null } | null
  /** latest createdAt and effectiveFrom among the rows in force by today */
  latestCreatedAt: Date | null
  latestEffectiveFrom: Date | null
}
