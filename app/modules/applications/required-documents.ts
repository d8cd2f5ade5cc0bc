import { documentExpiresOn, documentValidity } from '~/modules/documents/validity'

/**
 * Which compliance documents an application needs, and whether the organisation has them (pure; shared by the
 * application pages, submission and the staff review).
 */
export type RequirementCategory = {
  id: string
  /** the category needs the provider's registration in Soteri (the national register of social and health care providers) */
  requiresSoteri: boolean
  /** the document types linked to the category (CategoryDocumentRequirement) */
  documentTypeCodes: readonly string[]
}

export type RequirementDocumentType = {
  code: string
  maxAgeDays: number | null
  /** only organisations that employ staff need it (occupational health care, collective agreement) */
  employersOnly: boolean
  /** a registration such as Soteri, identified by its registration number */
  hasRegistrationNumber: boolean
}

export type RequiredDocuments<T extends RequirementDocumentType> = {
  /** every required type once, in the order of `documentTypes` */
  types: T[]
  /** category id → the codes required because of that category, in the order of `documentTypes` */
  byCategory: Record<string, string[]>
}

/**
 * The document types required for the chosen categories: each category's linked types, plus the registration
 * (Soteri) types where the category requires Soteri. Employer-only types only when the organisation employs staff.
 */
export function requiredDocuments<T extends RequirementDocumentType>(input: {
  categories: readonly RequirementCategory[]
  documentTypes: readonly T[]
  employsStaff: boolean
}): RequiredDocuments<T> {
  const applies = (type: T) => input.employsStaff || !type.employersOnly
  const byCategory: Record<string, string[]> = {}
  const all = new Set<string>()
  for (const category of input.categories) {
    const codes = input.documentTypes
      .filter(
        (type) =>
          applies(type) &&
          (category.documentTypeCodes.includes(type.code) || (category.requiresSoteri && type.hasRegistrationNumber)),
      )
      .map((type) => type.code)
    byCategory[category.id] = codes
    for (const code of codes) all.add(code)
  }
  return { types: input.documentTypes.filter((type) => all.has(type.code)), byCategory }
}

export type DocumentInUse = {
  id: string
  documentTypeCode: string
  issueDate: Date | string
  validUntil: Date | string | null
  status: string
  /** set when a newer version replaced it; such documents are ignored */
  supersededAt?: Date | string | null
}

export type ChecklistValidity = 'valid' | 'expired' | 'rejected' | 'missing'

export type ChecklistItem = {
  code: string
  present: boolean
  validity: ChecklistValidity
  /** the last valid day, or null when the document does not expire (or is missing) */
  expiresOn: Date | null
  documentId: string | null
}

/**
 * Per required type: the organisation's document in use (the newest, when there are several), whether it is
 * valid today, and when it expires. Pending documents count as valid: staff check them in the review.
 */
export function checklist(
  required: readonly RequirementDocumentType[],
  documentsInUse: readonly DocumentInUse[],
  today: Date,
): ChecklistItem[] {
  return required.map((type) => {
    const [document] = documentsInUse
      .filter((doc) => doc.documentTypeCode === type.code && !doc.supersededAt)
      .sort((a, b) => new Date(b.issueDate).getTime() - new Date(a.issueDate).getTime())
    if (!document) return { code: type.code, present: false, validity: 'missing', expiresOn: null, documentId: null }
    const expiresOn = documentExpiresOn(document, type)
    const validity = document.status === 'EXPIRED' ? 'expired' : documentValidity(document, type, today)
    return { code: type.code, present: true, validity, expiresOn, documentId: document.id }
  })
}

/** The items that stop a submission: missing, expired or rejected documents. */
export function documentProblems(items: readonly ChecklistItem[]): ChecklistItem[] {
  return items.filter((item) => item.validity !== 'valid')
}
