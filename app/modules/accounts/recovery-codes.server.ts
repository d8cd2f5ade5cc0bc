import { createHash, randomInt } from 'node:crypto'

/** Ten single-use codes; letters and digits that cannot be mistaken for each other (no 0/o, 1/l/i). */
export const recoveryCodeCount = 10
const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789'
const groups = 3
const groupLength = 4

/** One code: three groups of four, e.g. `k7mq-x2hd-9rta` (about 59 bits). */
function newRecoveryCode(): string {
  return Array.from({ length: groups }, () =>
    Array.from({ length: groupLength }, () => alphabet[randomInt(alphabet.length)]).join(''),
  ).join('-')
}

export function newRecoveryCodes(): string[] {
  return Array.from({ length: recoveryCodeCount }, newRecoveryCode)
}

/** What the user typed, without case, spaces and dashes. */
export function normaliseRecoveryCode(input: string): string {
  return input.toLowerCase().replace(/[\s-]/g, '')
}

/** Whether typed text has the shape of a recovery code (rather than a six-digit code from the app). */
export function looksLikeRecoveryCode(input: string): boolean {
  return new RegExp(`^[${alphabet}]{${groups * groupLength}}$`).test(normaliseRecoveryCode(input))
}

/** The codes are random and long, so a plain SHA-256 is enough to keep them out of a database dump. */
export function hashRecoveryCode(input: string): string {
  return createHash('sha256').update(`recovery:${normaliseRecoveryCode(input)}`).digest('hex')
}
