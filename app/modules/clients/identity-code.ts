/**
 * The Finnish personal identity code (henkilötunnus / personbeteckning): DDMMYY, a century sign, a three-digit
 * individual number and a check character, e.g. 131052-308T. Pure and browser-safe: the forms validate with it,
 * the server and the seed make and read codes with it. (Encryption and the lookup hash live in
 * identity-code.server.ts.)
 *
 * Century signs: '+' for the 1800s; '-' and, since 2023, Y X W V U for the 1900s; A and, since 2023, B C D E F for
 * the 2000s. Individual numbers 002–899 are given to people (900–999 are temporary codes and are refused here).
 * The check character is the nine digits DDMMYYNNN as one number, mod 31, looked up in
 * "0123456789ABCDEFHJKLMNPRSTUVWXY" (no G, I, O, Q or Z).
 */
export const IDENTITY_CHECK_CHARACTERS = '0123456789ABCDEFHJKLMNPRSTUVWXY'

export const CENTURY_BY_SIGN: Readonly<Record<string, number>> = {
  '+': 1800,
  '-': 1900,
  Y: 1900,
  X: 1900,
  W: 1900,
  V: 1900,
  U: 1900,
  A: 2000,
  B: 2000,
  C: 2000,
  D: 2000,
  E: 2000,
  F: 2000,
}

export const CENTURY_SIGNS = Object.keys(CENTURY_BY_SIGN)

export const minIndividualNumber = 2
export const maxIndividualNumber = 899

export type IdentityCodeError = 'required' | 'format' | 'date' | 'individualNumber' | 'checkCharacter'

export type ParsedIdentityCode =
  | { ok: true; code: string; dateOfBirth: string; centurySign: string; individualNumber: number }
  | { ok: false; error: IdentityCodeError }

/** Upper case, no spaces anywhere, and typographic dashes (– − ‐) as the hyphen-minus the code uses. */
export function normaliseIdentityCode(input: string): string {
  return input.replace(/\s+/g, '').replace(/[\u2010-\u2015\u2212]/g, '-').toUpperCase()
}

/** The check character of the date digits DDMMYY and the individual number NNN. */
export function identityCodeCheckCharacter(dateDigits: string, individualNumber: string): string {
  if (!/^\d{6}$/.test(dateDigits) || !/^\d{3}$/.test(individualNumber)) {
    throw new Error('An identity code has six date digits and a three-digit individual number')
  }
  return IDENTITY_CHECK_CHARACTERS.charAt(Number(dateDigits + individualNumber) % 31)
}

function isoDay(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day))
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

const pattern = /^(\d{2})(\d{2})(\d{2})([-+A-FU-Y])(\d{3})([0-9A-Y])$/

/** Reads a code (any case, spaces ignored): its normal form and date of birth ('YYYY-MM-DD'), or why it is refused. */
export function parseIdentityCode(input: string): ParsedIdentityCode {
  const code = normaliseIdentityCode(input)
  if (code === '') return { ok: false, error: 'required' }
  const match = pattern.exec(code)
  if (!match) return { ok: false, error: 'format' }
  const [, dd = '', mm = '', yy = '', sign = '', number = '', check = ''] = match
  const century = CENTURY_BY_SIGN[sign]
  if (century === undefined) return { ok: false, error: 'format' }
  const dateOfBirth = isoDay(century + Number(yy), Number(mm), Number(dd))
  if (!dateOfBirth) return { ok: false, error: 'date' }
  const individualNumber = Number(number)
  if (individualNumber < minIndividualNumber || individualNumber > maxIndividualNumber) return { ok: false, error: 'individualNumber' }
  if (identityCodeCheckCharacter(`${dd}${mm}${yy}`, number) !== check) return { ok: false, error: 'checkCharacter' }
  return { ok: true, code, dateOfBirth, centurySign: sign, individualNumber }
}

/** The date of birth ('YYYY-MM-DD') a valid code encodes, or null when the code is not valid. */
export function identityCodeDateOfBirth(input: string): string | null {
  const parsed = parseIdentityCode(input)
  return parsed.ok ? parsed.dateOfBirth : null
}

export function isValidIdentityCode(input: string): boolean {
  return parseIdentityCode(input).ok
}

/**
 * The code of a date of birth ('YYYY-MM-DD' or a UTC-midnight Date), a century sign and an individual number
 * 0–999, with its check character. It is built as asked: `parseIdentityCode` says whether it is a valid code (an
 * individual number outside 2–899, or a sign of another century, is not).
 */
export function makeIdentityCode(dateOfBirth: string | Date, centurySign: string, individualNumber: number): string {
  const iso = typeof dateOfBirth === 'string' ? dateOfBirth : dateOfBirth.toISOString().slice(0, 10)
  const [year = '', month = '', day = ''] = iso.split('-')
  if (!Number.isInteger(individualNumber) || individualNumber < 0 || individualNumber > 999) {
    throw new Error(`An individual number has three digits, not ${individualNumber}`)
  }
  const dateDigits = `${day}${month}${year.slice(2)}`
  const number = String(individualNumber).padStart(3, '0')
  return `${dateDigits}${centurySign}${number}${identityCodeCheckCharacter(dateDigits, number)}`
}

/**
 * What staff see until they open the code: the date part and century sign, the rest hidden ("140341A****").
 * The individual number and check character together would tell the code from its date of birth.
 */
export function maskIdentityCode(code: string): string {
  const normal = normaliseIdentityCode(code)
  return `${normal.slice(0, 7)}${'*'.repeat(Math.max(0, normal.length - 7))}`
}
