import { randomUUID } from 'node:crypto'
import type { DocumentStatus } from '~/generated/prisma/client'
import { prisma } from '~/utils/db.server'

/**
 * Catalogue, rulebook and documents for application tests. Document types are shared (upserted by code); every
 * call of createCategories makes new categories, so tests in one file do not see each other's applications.
 */
export const documentTypes = [
  { code: 'TRADE_REGISTER_EXTRACT', nameFi: 'Kaupparekisteriote', nameSv: 'Handelsregisterutdrag', nameEn: 'Trade register extract', maxAgeDays: 90 },
  { code: 'TAX_DEBT_CERTIFICATE', nameFi: 'Verovelkatodistus', nameSv: 'Skatteskuldsintyg', nameEn: 'Tax debt certificate', maxAgeDays: 90 },
  { code: 'LIABILITY_INSURANCE', nameFi: 'Vastuuvakuutustodistus', nameSv: 'Intyg över ansvarsförsäkring', nameEn: 'Liability insurance certificate', validUntilRequired: true },
  { code: 'OCCUPATIONAL_HEALTHCARE', nameFi: 'Työterveyshuoltosopimus', nameSv: 'Avtal om företagshälsovård', nameEn: 'Occupational health care agreement', employersOnly: true },
  { code: 'SOTERI_REGISTRATION', nameFi: 'Soteri-rekisteröinti', nameSv: 'Registrering i Soteri', nameEn: 'Soteri registration', hasRegistrationNumber: true },
] as const

const general = ['TRADE_REGISTER_EXTRACT', 'TAX_DEBT_CERTIFICATE', 'LIABILITY_INSURANCE', 'OCCUPATIONAL_HEALTHCARE']

let counter = 0

export async function createDocumentTypes() {
  for (const type of documentTypes) {
    await prisma.documentType.upsert({ where: { code: type.code }, update: {}, create: { ...type } })
  }
}

/** Two categories as the seed makes them: home care needs Soteri, support services do not. */
export async function createCategories() {
  await createDocumentTypes()
  counter++
  const homeCare = await prisma.serviceCategory.create({
    data: {
      code: `home-care-${counter}`,
      nameFi: 'Kotihoito',
      nameSv: 'Hemvård',
      nameEn: 'Home care',
      unit: 'HOUR',
      voucherType: 'INCOME_RELATED',
      requiresSoteri: true,
      sortOrder: 1,
      requirements: { create: [...general, 'SOTERI_REGISTRATION'].map((documentTypeCode) => ({ documentTypeCode })) },
    },
  })
  const supportServices = await prisma.serviceCategory.create({
    data: {
      code: `support-services-${counter}`,
      nameFi: 'Kotihoidon tukipalvelut',
      nameSv: 'Stödtjänster inom hemvården',
      nameEn: 'Support services for home care',
      unit: 'HOUR',
      voucherType: 'FIXED',
      sortOrder: 2,
      requirements: { create: general.map((documentTypeCode) => ({ documentTypeCode })) },
    },
  })
  const closed = await prisma.serviceCategory.create({
    data: {
      code: `closed-${counter}`,
      nameFi: 'Lopetettu palvelu',
      nameSv: 'Nedlagd tjänst',
      nameEn: 'Discontinued service',
      unit: 'VISIT',
      voucherType: 'FIXED',
      active: false,
      sortOrder: 3,
    },
  })
  return { homeCare, supportServices, closed }
}

/** An outdated version, the one in force (from 2025-01-01) and a future one. */
export async function createRulebooks() {
  const make = (version: string, effectiveFrom: string) =>
    prisma.rulebook.upsert({
      where: { version },
      update: {},
      create: {
        version,
        effectiveFrom: new Date(`${effectiveFrom}T00:00:00Z`),
        titleFi: `Sääntökirja ${version}`,
        titleSv: `Regelbok ${version}`,
        titleEn: `Rulebook ${version}`,
        bodyFi: 'Palveluntuottaja noudattaa sääntökirjaa.',
        bodySv: 'Serviceproducenten följer regelboken.',
        bodyEn: 'The service provider follows the rulebook.',
      },
    })
  return { outdated: await make('2024-1', '2024-01-01'), current: await make('2025-1', '2025-01-01'), future: await make('2099-1', '2099-01-01') }
}

export function daysAgo(days: number): Date {
  const today = new Date()
  return new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() - days))
}

export async function addDocument(
  organisationId: string,
  uploadedById: string,
  documentTypeCode: string,
  options: { issueDate?: Date; validUntil?: Date | null; status?: DocumentStatus } = {},
) {
  return prisma.complianceDocument.create({
    data: {
      organisationId,
      documentTypeCode,
      issueDate: options.issueDate ?? daysAgo(10),
      validUntil: options.validUntil === undefined ? (documentTypeCode === 'LIABILITY_INSURANCE' ? daysAgo(-300) : null) : options.validUntil,
      registrationNumber: documentTypeCode === 'SOTERI_REGISTRATION' ? 'SOTERI-123' : null,
      status: options.status ?? 'PENDING',
      storageKey: randomUUID(),
      originalFilename: `${documentTypeCode.toLowerCase()}.pdf`,
      mimeType: 'application/pdf',
      sizeBytes: 1234,
      sha256: '0'.repeat(64),
      uploadedById,
    },
  })
}

/** Valid documents of every type the fixture categories can require. */
export async function addAllDocuments(organisationId: string, uploadedById: string) {
  for (const type of documentTypes) await addDocument(organisationId, uploadedById, type.code)
}
