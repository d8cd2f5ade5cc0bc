import type { DocumentStatus, Prisma } from '../../app/generated/prisma/client'
import { RETURNED_SECTIONS } from './application-texts'
import { addDays, addMonths, daysBeforeReference, isoDate, REFERENCE_DATE, startOfDay } from './dates'
import { seedId } from './ids'
import type { OrganisationModel } from './organisations'
import { onePagePdf } from './pdf'
import { int } from './random'
import type { Category } from './reference-data'
import type { DocumentTypeSource } from './source-data'
import {
  EXPIRED_LIABILITY,
  EXPIRED_TAX_DEBT,
  LIABILITY_ENDING_SOON,
  SUPERSEDED_DOCUMENTS,
  TRADE_REGISTER_AGEING,
} from './watch-scenarios'

export type SeedFile = { relativePath: string; bytes: Buffer }

export type DocumentsBuild = { rows: Prisma.ComplianceDocumentCreateManyInput[]; files: SeedFile[] }

type Input = {
  organisation: OrganisationModel
  businessId: string
  /** every category the organisation has applied for */
  categoryCodes: string[]
  uploadedById: string
  firstSubmittedAt: Date | undefined
}

const FILE_NAMES: Record<string, { fi: string; sv: string }> = {
  TRADE_REGISTER_EXTRACT: { fi: 'kaupparekisteriote.pdf', sv: 'handelsregisterutdrag.pdf' },
  PREPAYMENT_REGISTER: { fi: 'ennakkoperintarekisteriote.pdf', sv: 'forskottsuppbordsregistret.pdf' },
  TAX_DEBT_CERTIFICATE: { fi: 'verovelkatodistus.pdf', sv: 'skatteskuldsintyg.pdf' },
  PENSION_INSURANCE: { fi: 'tyoelakevakuutustodistus.pdf', sv: 'intyg-pensionsforsakring.pdf' },
  LIABILITY_INSURANCE: { fi: 'vastuuvakuutustodistus.pdf', sv: 'ansvarsforsakring.pdf' },
  OCCUPATIONAL_HEALTHCARE: { fi: 'tyoterveyshuoltosopimus.pdf', sv: 'avtal-foretagshalsovard.pdf' },
  COLLECTIVE_AGREEMENT: { fi: 'selvitys-tyoehtosopimuksesta.pdf', sv: 'utredning-kollektivavtal.pdf' },
  SELF_MONITORING_PLAN: { fi: 'omavalvontasuunnitelma-2026.pdf', sv: 'plan-for-egenkontroll-2026.pdf' },
  SOTERI_REGISTRATION: { fi: 'soteri-rekisterointi.pdf', sv: 'soteri-registrering.pdf' },
}

const ASSOCIATION_EXTRACT = { fi: 'yhdistysrekisteriote.pdf', sv: 'foreningsregisterutdrag.pdf' }

/** The document types the organisation must hold for its categories, in catalogue order. */
export function requiredDocumentTypes(
  documentTypes: DocumentTypeSource[],
  categories: Map<string, Category>,
  categoryCodes: string[],
  employsStaff: boolean,
): string[] {
  const needed = new Set(categoryCodes.flatMap((code) => categories.get(code)?.documentTypeCodes ?? []))
  return documentTypes.filter((type) => needed.has(type.code) && (employsStaff || !type.employersOnly)).map((type) => type.code)
}

function fileName(input: Input, type: string): string {
  const names =
    type === 'TRADE_REGISTER_EXTRACT' && input.organisation.spec.legalForm === 'REGISTERED_ASSOCIATION'
      ? ASSOCIATION_EXTRACT
      : FILE_NAMES[type]!
  return names[input.organisation.language]
}

type Dates = { issueDate: Date; validUntil: Date | null; status: DocumentStatus }

/** The current version of a document of an approved organisation, with the watch stories applied. */
function approvedDates(number: number, type: string): Dates {
  if (type === 'LIABILITY_INSURANCE') {
    if (number === EXPIRED_LIABILITY.organisation) {
      const { validUntil } = EXPIRED_LIABILITY
      return { issueDate: addDays(addMonths(validUntil, -12), 1), validUntil, status: 'EXPIRED' }
    }
    const endingIn = LIABILITY_ENDING_SOON[number]
    const validUntil = endingIn === undefined ? null : addDays(REFERENCE_DATE, endingIn)
    if (validUntil) return { issueDate: addDays(addMonths(validUntil, -12), 1), validUntil, status: 'ACCEPTED' }
    const issueDate = daysBeforeReference(int(5, 60))
    return { issueDate, validUntil: addDays(addMonths(issueDate, 12), -1), status: 'ACCEPTED' }
  }
  if (type === 'TAX_DEBT_CERTIFICATE' && number === EXPIRED_TAX_DEBT.organisation) {
    return { issueDate: EXPIRED_TAX_DEBT.issueDate, validUntil: null, status: 'EXPIRED' }
  }
  const ageing = type === 'TRADE_REGISTER_EXTRACT' ? TRADE_REGISTER_AGEING[number] : undefined
  return { issueDate: daysBeforeReference(ageing ?? int(5, 60)), validUntil: null, status: 'ACCEPTED' }
}

function applicantStatus(input: Input, type: string): DocumentStatus {
  const { spec } = input.organisation
  if (spec.status === 'REJECTED') return 'ACCEPTED'
  const returned = spec.status === 'RETURNED' && (RETURNED_SECTIONS[spec.number] ?? []).includes(`documents:${type}`)
  return returned ? 'REJECTED' : 'PENDING'
}

/** Documents of an applicant, dated shortly before it submitted (or recently, for a draft). */
function applicantDates(input: Input, type: string): Dates {
  const anchor = input.firstSubmittedAt ?? daysBeforeReference(2)
  const issueDate = addDays(startOfDay(anchor), -int(2, 25))
  const validUntil = type === 'LIABILITY_INSURANCE' ? addDays(addMonths(issueDate, 12), -1) : null
  return { issueDate, validUntil, status: applicantStatus(input, type) }
}

/** Soteri registration is a lasting decision: dated well before the organisation applied. */
function soteriDates(input: Input, status: DocumentStatus): Dates {
  const anchor = input.firstSubmittedAt ?? REFERENCE_DATE
  return { issueDate: addDays(startOfDay(anchor), -int(30, 400)), validUntil: null, status }
}

/** A moment within three days after `from` (but not before the organisation joined), and before `notAfter`. */
function uploadedAt(from: Date, notBefore: Date, notAfter: Date): Date {
  const start = Math.max(from.getTime() + 8 * 3_600_000, notBefore.getTime() + 3_600_000)
  const end = Math.min(start + 3 * 86_400_000, notAfter.getTime() - 3_600_000)
  return new Date(start + int(0, Math.max(0, Math.floor((end - start) / 60_000))) * 60_000)
}

function documentTypesOf(input: Input, required: string[]): string[] {
  const { spec } = input.organisation
  if (spec.status === 'DRAFT') return required.slice(0, spec.number % 2 === 0 ? 2 : 3)
  if (spec.status === 'REJECTED') return required.filter((type) => type !== 'SOTERI_REGISTRATION')
  return required
}

export function buildDocuments(
  inputs: Input[],
  documentTypes: DocumentTypeSource[],
  categories: Map<string, Category>,
): DocumentsBuild {
  const build: DocumentsBuild = { rows: [], files: [] }
  const typeNames = new Map(documentTypes.map((type) => [type.code, type]))
  for (const input of inputs) {
    const { organisation } = input
    const number = organisation.spec.number
    const approved = organisation.spec.status === 'APPROVED'
    const required = requiredDocumentTypes(documentTypes, categories, input.categoryCodes, organisation.employsStaff)
    let index = 0

    const add = (type: string, dates: Dates, createdAt: Date, supersededAt: Date | null) => {
      const id = seedId('doc', number, ++index)
      const typeName = typeNames.get(type)!
      const registrationNumber =
        type === 'SOTERI_REGISTRATION' ? `1.2.246.10.${input.businessId.replace('-', '')}.10.${int(1, 9)}` : null
      const pdf = onePagePdf([
        typeName[organisation.language],
        organisation.spec.name,
        `${organisation.language === 'fi' ? 'Y-tunnus' : 'FO-nummer'} ${input.businessId}`,
        `${organisation.language === 'fi' ? 'Päivämäärä' : 'Datum'} ${isoDate(dates.issueDate)}`,
        ...(dates.validUntil ? [`${organisation.language === 'fi' ? 'Voimassa' : 'Giltigt till'} ${isoDate(dates.validUntil)}`] : []),
        ...(registrationNumber ? [registrationNumber] : []),
        'Esimerkkiasiakirja - Exempeldokument - Demo document (Palvelutori / Servicetorget)',
      ])
      build.files.push({ relativePath: `seed/${id}.pdf`, bytes: pdf.bytes })
      build.rows.push({
        id,
        organisationId: organisation.id,
        documentTypeCode: type,
        issueDate: dates.issueDate,
        validUntil: dates.validUntil,
        registrationNumber,
        status: dates.status,
        storageKey: `seed/${id}.pdf`,
        originalFilename: fileName(input, type),
        mimeType: 'application/pdf',
        sizeBytes: pdf.sizeBytes,
        sha256: pdf.sha256,
        uploadedById: input.uploadedById,
        supersededAt,
        createdAt,
      })
    }

    const joined = organisation.createdAt
    const submitted = input.firstSubmittedAt ?? REFERENCE_DATE
    for (const type of documentTypesOf(input, required)) {
      if (type === 'SOTERI_REGISTRATION') {
        const dates = soteriDates(input, approved ? 'ACCEPTED' : applicantStatus(input, type))
        add(type, dates, uploadedAt(addDays(submitted, -3), joined, submitted), null)
        continue
      }
      const dates = approved ? approvedDates(number, type) : applicantDates(input, type)
      const createdAt = uploadedAt(dates.issueDate, joined, approved ? REFERENCE_DATE : submitted)
      const replacesOlder = SUPERSEDED_DOCUMENTS.has(number) && (type === 'TRADE_REGISTER_EXTRACT' || type === 'TAX_DEBT_CERTIFICATE')
      if (approved && replacesOlder) {
        const older = addDays(startOfDay(submitted), -int(2, 20))
        add(type, { issueDate: older, validUntil: null, status: 'ACCEPTED' }, uploadedAt(older, joined, submitted), createdAt)
      }
      add(type, dates, createdAt, null)
    }
  }
  return build
}
