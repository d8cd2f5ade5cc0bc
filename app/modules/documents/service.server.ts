import { createHash } from 'node:crypto'
import type { DocumentStatus } from '~/generated/prisma/client'
import { recordAudit } from '~/modules/audit/audit.server'
import { prisma } from '~/utils/db.server'
import { log } from '~/utils/logger.server'
import { newStorageKey, type FileStorage } from '~/utils/storage.server'
import { helsinkiToday, isIsoDate, utcDate } from './dates'
import { detectFileType, maxDocumentBytes, safeDisplayName } from './file-type'
import { registrationNumberMaxLength, type UploadTypeRules } from './schema'
import { documentExpiresOn, documentValidity, type DocumentValidity } from './validity'
import { byDocumentTypeOrder } from './type-order'
import { configuredVirusScanner, type VirusScanner } from './virus-scan.server'

/** The rules of every document type, for the upload form's schema. */
export async function documentTypeRules(): Promise<UploadTypeRules[]> {
  const types = await prisma.documentType.findMany({ select: { code: true, validUntilRequired: true, hasRegistrationNumber: true } })
  return types.sort(byDocumentTypeOrder)
}

export type UploadErrorField = 'documentType' | 'issueDate' | 'validUntil' | 'registrationNumber' | 'file'
export type UploadDocumentResult =
  | { ok: true; documentId: string }
  /** `error` is a translation key (documents namespace) for the named form field */
  | { ok: false; field: UploadErrorField; error: `documents:errors.${string}` }

export type UploadDocumentInput = {
  actorId: string
  organisationId: string
  typeCode: string
  /** `YYYY-MM-DD` */
  issueDate: string
  /** `YYYY-MM-DD`, or null */
  validUntil: string | null
  registrationNumber: string | null
  /** the name as uploaded (shown, after cleaning, but never used as a path) and the content */
  file: { name: string; bytes: Uint8Array }
}

/**
 * Stores a new compliance document: its type is decided by the content (PDF, PNG or JPEG, at most 10 MB), the
 * virus scanner (if one is configured) must find it clean, it is kept under a server-generated key, and in one
 * transaction it replaces the organisation's document of that type in use (the old one stays in history) and writes
 * the audit event. If the transaction fails, the stored file is removed again.
 */
export async function uploadDocument(
  input: UploadDocumentInput,
  storage: FileStorage,
  now = new Date(),
  scanner: VirusScanner = configuredVirusScanner(),
): Promise<UploadDocumentResult> {
  const type = await prisma.documentType.findUnique({
    where: { code: input.typeCode },
    select: { code: true, validUntilRequired: true, hasRegistrationNumber: true },
  })
  if (!type) return { ok: false, field: 'documentType', error: 'documents:errors.typeRequired' }
  if (!isIsoDate(input.issueDate)) return { ok: false, field: 'issueDate', error: 'documents:errors.dateInvalid' }
  if (input.issueDate > helsinkiToday(now)) return { ok: false, field: 'issueDate', error: 'documents:errors.issueDateInFuture' }
  if (input.validUntil !== null) {
    if (!isIsoDate(input.validUntil)) return { ok: false, field: 'validUntil', error: 'documents:errors.dateInvalid' }
    if (input.validUntil <= input.issueDate) {
      return { ok: false, field: 'validUntil', error: 'documents:errors.validUntilBeforeIssueDate' }
    }
  } else if (type.validUntilRequired) {
    return { ok: false, field: 'validUntil', error: 'documents:errors.validUntilRequired' }
  }
  const registrationNumber = type.hasRegistrationNumber ? input.registrationNumber?.trim() || null : null
  if (type.hasRegistrationNumber && !registrationNumber) {
    return { ok: false, field: 'registrationNumber', error: 'documents:errors.registrationNumberRequired' }
  }
  if (registrationNumber && registrationNumber.length > registrationNumberMaxLength) {
    return { ok: false, field: 'registrationNumber', error: 'documents:errors.registrationNumberTooLong' }
  }

  const { bytes } = input.file
  if (bytes.byteLength === 0) return { ok: false, field: 'file', error: 'documents:errors.fileEmpty' }
  if (bytes.byteLength > maxDocumentBytes) return { ok: false, field: 'file', error: 'documents:errors.fileTooLarge' }
  const fileType = detectFileType(bytes)
  if (!fileType) return { ok: false, field: 'file', error: 'documents:errors.fileType' }

  const sha256 = createHash('sha256').update(bytes).digest('hex')
  const refused = await scanForViruses(input, bytes, sha256, scanner)
  if (refused) return refused
  const storageKey = newStorageKey(`documents/${input.organisationId}`, fileType.extension)
  const originalFilename = safeDisplayName(input.file.name, fileType)
  await storage.put(storageKey, bytes)
  try {
    const documentId = await prisma.$transaction(async (tx) => {
      // one upload per organisation at a time, so two concurrent uploads never leave two documents in use
      await tx.$queryRaw`SELECT id FROM "Organisation" WHERE id = ${input.organisationId} FOR UPDATE`
      const replaced = await tx.complianceDocument.findMany({
        where: { organisationId: input.organisationId, documentTypeCode: type.code, supersededAt: null },
        select: { id: true },
      })
      if (replaced.length) {
        await tx.complianceDocument.updateMany({
          where: { id: { in: replaced.map((document) => document.id) }, supersededAt: null },
          data: { supersededAt: now },
        })
      }
      const created = await tx.complianceDocument.create({
        data: {
          organisationId: input.organisationId,
          documentTypeCode: type.code,
          issueDate: utcDate(input.issueDate),
          validUntil: input.validUntil ? utcDate(input.validUntil) : null,
          registrationNumber,
          status: 'PENDING',
          storageKey,
          originalFilename,
          mimeType: fileType.mimeType,
          sizeBytes: bytes.byteLength,
          sha256,
          uploadedById: input.actorId,
          createdAt: now,
        },
        select: { id: true },
      })
      await recordAudit(tx, {
        actorId: input.actorId,
        action: 'document.upload',
        entityType: 'ComplianceDocument',
        entityId: created.id,
        before: replaced.length ? { inUse: replaced.map((document) => document.id) } : undefined,
        after: {
          organisationId: input.organisationId,
          documentTypeCode: type.code,
          issueDate: input.issueDate,
          validUntil: input.validUntil,
          registrationNumber,
          originalFilename,
          mimeType: fileType.mimeType,
          sizeBytes: bytes.byteLength,
          sha256,
          status: 'PENDING',
        },
      })
      return created.id
    })
    return { ok: true, documentId }
  } catch (error) {
    await storage.delete(storageKey).catch(() => undefined)
    throw error
  }
}

/**
 * Asks the virus scanner about the bytes before anything is stored. An infected file is refused and leaves an audit
 * event (on the organisation: no document exists) and a warning; a scanner that cannot answer refuses the upload too
 * (fail-closed) and logs an error for the operators.
 */
async function scanForViruses(
  input: UploadDocumentInput,
  bytes: Uint8Array,
  sha256: string,
  scanner: VirusScanner,
): Promise<Extract<UploadDocumentResult, { ok: false }> | null> {
  const result = await scanner.scan(bytes)
  if (result.verdict === 'clean') return null
  if (result.verdict === 'unavailable') {
    log.error('virus scanner unavailable, upload refused', { scanner: scanner.name, actorId: input.actorId, reason: result.reason })
    return { ok: false, field: 'file', error: 'documents:errors.fileScanUnavailable' }
  }
  log.warn('infected upload refused', {
    scanner: scanner.name,
    actorId: input.actorId,
    organisationId: input.organisationId,
    signature: result.signature,
    sha256,
  })
  await prisma.$transaction((tx) =>
    recordAudit(tx, {
      actorId: input.actorId,
      action: 'document.upload-refused',
      entityType: 'Organisation',
      entityId: input.organisationId,
      after: { reason: 'infected', scanner: scanner.name, signature: result.signature, sha256, sizeBytes: bytes.byteLength },
    }),
  )
  return { ok: false, field: 'file', error: 'documents:errors.fileInfected' }
}

export type DocumentVersion = {
  id: string
  originalFilename: string
  issueDate: Date
  validUntil: Date | null
  registrationNumber: string | null
  status: DocumentStatus
  uploadedAt: Date
  supersededAt: Date | null
}

export type DocumentTypeOverview = {
  type: {
    code: string
    nameFi: string
    nameSv: string
    nameEn: string
    maxAgeDays: number | null
    validUntilRequired: boolean
    employersOnly: boolean
    hasRegistrationNumber: boolean
  }
  /** the document in use, or null when none has been uploaded */
  current: (DocumentVersion & { validity: DocumentValidity; expiresOn: Date | null }) | null
  /** earlier versions, newest first */
  history: DocumentVersion[]
}

/**
 * Every document type with the organisation's document in use (its validity on `today` and the last day it is
 * valid) and the versions it replaced.
 */
export async function listDocuments(organisationId: string, today: Date): Promise<DocumentTypeOverview[]> {
  const [types, documents] = await Promise.all([
    prisma.documentType.findMany({
      select: {
        code: true,
        nameFi: true,
        nameSv: true,
        nameEn: true,
        maxAgeDays: true,
        validUntilRequired: true,
        employersOnly: true,
        hasRegistrationNumber: true,
      },
    }),
    prisma.complianceDocument.findMany({
      where: { organisationId },
      select: {
        id: true,
        documentTypeCode: true,
        originalFilename: true,
        issueDate: true,
        validUntil: true,
        registrationNumber: true,
        status: true,
        createdAt: true,
        supersededAt: true,
      },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    }),
  ])
  return types.sort(byDocumentTypeOrder).map((type) => {
    const versions: DocumentVersion[] = documents
      .filter((document) => document.documentTypeCode === type.code)
      .map(({ documentTypeCode: _code, createdAt, ...document }) => ({ ...document, uploadedAt: createdAt }))
    const inUse = versions.find((version) => version.supersededAt === null)
    return {
      type,
      current: inUse
        ? { ...inUse, validity: documentValidity(inUse, type, today), expiresOn: documentExpiresOn(inUse, type) }
        : null,
      history: versions.filter((version) => version !== inUse),
    }
  })
}

export type DownloadableDocument = {
  id: string
  storageKey: string
  mimeType: string
  originalFilename: string
  sizeBytes: number
}

const downloadSelect = { id: true, storageKey: true, mimeType: true, originalFilename: true, sizeBytes: true } as const

/** A document of this organisation (and only of it), for its members to download. */
export function documentForDownload(organisationId: string, documentId: string): Promise<DownloadableDocument | null> {
  return prisma.complianceDocument.findFirst({ where: { id: documentId, organisationId }, select: downloadSelect })
}

/**
 * A document for staff to download (optionally only when it belongs to the organisation named in the address);
 * every staff view is written to the audit log.
 */
export async function documentForStaffDownload(input: {
  actorId: string
  documentId: string
  organisationId?: string
}): Promise<DownloadableDocument | null> {
  return prisma.$transaction(async (tx) => {
    const document = await tx.complianceDocument.findFirst({
      where: { id: input.documentId, ...(input.organisationId ? { organisationId: input.organisationId } : {}) },
      select: { ...downloadSelect, organisationId: true, documentTypeCode: true },
    })
    if (!document) return null
    const { organisationId, documentTypeCode, ...downloadable } = document
    await recordAudit(tx, {
      actorId: input.actorId,
      action: 'document.view',
      entityType: 'ComplianceDocument',
      entityId: document.id,
      after: { organisationId, documentTypeCode },
    })
    return downloadable
  })
}
