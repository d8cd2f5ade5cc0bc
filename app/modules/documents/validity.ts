/** When a compliance document stops being valid, from its own dates and its type's rules. Pure; shared with the UI. */
export type DocumentDates = { issueDate: Date | string; validUntil: Date | string | null; status: string }
export type DocumentTypeRules = { maxAgeDays: number | null }

const dayMs = 24 * 60 * 60 * 1000

/** The last day (UTC date) the document is valid, or null when it does not expire. */
export function documentExpiresOn(document: DocumentDates, type: DocumentTypeRules): Date | null {
  const limits: number[] = []
  if (document.validUntil) limits.push(new Date(document.validUntil).getTime())
  if (type.maxAgeDays !== null) limits.push(new Date(document.issueDate).getTime() + type.maxAgeDays * dayMs)
  return limits.length ? new Date(Math.min(...limits)) : null
}

export type DocumentValidity = 'valid' | 'expired' | 'rejected'

/** A document is usable until it is rejected by staff, marked expired, or its expiry day has passed. */
export function documentValidity(document: DocumentDates, type: DocumentTypeRules, today: Date): DocumentValidity {
  if (document.status === 'REJECTED') return 'rejected'
  if (document.status === 'EXPIRED') return 'expired'
  const expiresOn = documentExpiresOn(document, type)
  const startOfToday = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate())
  return expiresOn && expiresOn.getTime() < startOfToday ? 'expired' : 'valid'
}
