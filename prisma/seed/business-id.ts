import { businessIdCheckDigit } from '../../app/modules/organisations/business-id'

/** NNNNNNN-N from a seven-digit body, or null when no check digit exists for it (remainder 1). */
export function businessIdFromBody(body: string): string | null {
  const check = businessIdCheckDigit(body)
  return check === null ? null : `${body}-${check}`
}
