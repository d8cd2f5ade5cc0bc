import { z } from 'zod'
import { isIsoDate } from './dates'
import { maxDocumentBytes } from './file-type'

/** What the upload form needs to know of a document type (from the DocumentType table). */
export type UploadTypeRules = { code: string; validUntilRequired: boolean; hasRegistrationNumber: boolean }

export const registrationNumberMaxLength = 50

/** The form's value once valid: dates as `YYYY-MM-DD`, optional fields as null. */
export type DocumentUpload = {
  documentType: string
  issueDate: string
  validUntil: string | null
  registrationNumber: string | null
  file: File
}

const optionalText = z.string().trim().optional()

/**
 * The upload form, shared by server and browser. The rules depend on the chosen type (valid-until required,
 * registration number), so every check runs in one pass and all errors show at once. `today` is Helsinki's date
 * (`YYYY-MM-DD`). Messages are translation keys in the documents namespace.
 */
export function documentUploadSchema({ types, today }: { types: readonly UploadTypeRules[]; today: string }) {
  return z
    .object({
      documentType: optionalText,
      issueDate: optionalText,
      validUntil: optionalText,
      registrationNumber: optionalText,
      file: z.file().optional(),
    })
    .superRefine((value, ctx) => {
      const issue = (path: keyof typeof value, message: string) => ctx.addIssue({ code: 'custom', path: [path], message })
      const type = types.find((candidate) => candidate.code === value.documentType)
      if (!type) issue('documentType', 'documents:errors.typeRequired')

      if (!value.issueDate) issue('issueDate', 'documents:errors.issueDateRequired')
      else if (!isIsoDate(value.issueDate)) issue('issueDate', 'documents:errors.dateInvalid')
      else if (value.issueDate > today) issue('issueDate', 'documents:errors.issueDateInFuture')

      if (!value.validUntil) {
        if (type?.validUntilRequired) issue('validUntil', 'documents:errors.validUntilRequired')
      } else if (!isIsoDate(value.validUntil)) {
        issue('validUntil', 'documents:errors.dateInvalid')
      } else if (value.issueDate && isIsoDate(value.issueDate) && value.validUntil <= value.issueDate) {
        issue('validUntil', 'documents:errors.validUntilBeforeIssueDate')
      }

      if (type?.hasRegistrationNumber) {
        if (!value.registrationNumber) issue('registrationNumber', 'documents:errors.registrationNumberRequired')
        else if (value.registrationNumber.length > registrationNumberMaxLength) {
          issue('registrationNumber', 'documents:errors.registrationNumberTooLong')
        }
      }

      if (!value.file) issue('file', 'documents:errors.fileRequired')
      else if (value.file.size > maxDocumentBytes) issue('file', 'documents:errors.fileTooLarge')
      else if (value.file.size === 0) issue('file', 'documents:errors.fileEmpty')
    })
    .transform(
      (value): DocumentUpload => ({
        documentType: value.documentType ?? '',
        issueDate: value.issueDate ?? '',
        validUntil: value.validUntil || null,
        registrationNumber: types.find((type) => type.code === value.documentType)?.hasRegistrationNumber
          ? (value.registrationNumber ?? null)
          : null,
        file: value.file as File,
      }),
    )
}
