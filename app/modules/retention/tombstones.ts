/**
 * What an anonymised client's fields become (pure). The values are fixed text, not derived from the person, so
 * nothing can be recovered from them; the tombstones of unique columns carry the row's own id to stay unique.
 */
export const ANONYMISED_NAME = '—'
export const ANONYMISED_CIPHER = 'anonymised'

/** The client's columns that identify the person, emptied. */
export function anonymisedClient(clientId: string) {
  return {
    firstName: ANONYMISED_NAME,
    lastName: ANONYMISED_NAME,
    identityCodeCipher: ANONYMISED_CIPHER,
    identityCodeHash: `anonymised:${clientId}`,
    streetAddress: null,
    postalCode: null,
    phone: null,
    email: null,
  }
}

/** A voucher code nobody can type (not the XXXX-XXXX form), unique per voucher. */
export function anonymisedVoucherCode(voucherId: string): string {
  return `anonymised:${voucherId}`
}

/** The date of birth reduced to its year (1 January), so statistics by age group still work. */
export function dayOneOfBirthYear(dateOfBirth: Date): Date {
  return new Date(Date.UTC(dateOfBirth.getUTCFullYear(), 0, 1))
}
