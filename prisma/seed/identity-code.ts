import { isoDate } from './dates'

const CHECK_CHARACTERS = '0123456789ABCDEFHJKLMNPRSTUVWXY'

/** Century signs: '-' and (since 2023) Y X W V U for the 1900s, A–F for the 2000s, '+' for the 1800s. */
const CENTURY_BY_SIGN: Record<string, number> = {
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

/** The check character of a personal identity code: DDMMYYNNN as a number, mod 31. */
export function identityCodeCheckCharacter(dateDigits: string, individualNumber: string): string {
  return CHECK_CHARACTERS.charAt(Number(dateDigits + individualNumber) % 31)
}

/** A personal identity code (henkilötunnus) for a date of birth, a century sign and an individual number 2–899. */
export function makeIdentityCode(dateOfBirth: Date, centurySign: string, individualNumber: number): string {
  const [year, month, date] = isoDate(dateOfBirth).split('-') as [string, string, string]
  const dateDigits = `${date}${month}${year.slice(2)}`
  const number = String(individualNumber).padStart(3, '0')
  return `${dateDigits}${centurySign}${number}${identityCodeCheckCharacter(dateDigits, number)}`
}

/** The date of birth a valid identity code encodes ('YYYY-MM-DD'), or null when the code is not valid. */
export function identityCodeDateOfBirth(code: string): string | null {
  const match = /^(\d{2})(\d{2})(\d{2})([-+A-FU-Y])(\d{3})([0-9A-Y])$/.exec(code)
  if (!match) return null
  const [, dd = '', mm = '', yy = '', sign = '', number = '', check = ''] = match
  const individual = Number(number)
  if (individual < 2 || individual > 899) return null
  if (identityCodeCheckCharacter(`${dd}${mm}${yy}`, number) !== check) return null
  const iso = `${CENTURY_BY_SIGN[sign]! + Number(yy)}-${mm}-${dd}`
  const parsed = new Date(`${iso}T00:00:00Z`)
  return Number.isNaN(parsed.getTime()) || isoDate(parsed) !== iso ? null : iso
}

export function isValidIdentityCode(code: string): boolean {
  return identityCodeDateOfBirth(code) !== null
}
