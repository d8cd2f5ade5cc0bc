/** 32 characters without the look-alikes 0/O and 1/I. */
export const VOUCHER_CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ'

const DATA_LENGTH = 7

/**
 * Odd weights only: with a 32-character alphabet and mod 32, an even weight would miss some
 * substitutions (2 × 16 ≡ 0), while an odd weight is invertible mod 32, so every single-character
 * substitution changes the check character.
 */
const WEIGHTS = [1, 3, 5, 7, 9, 11, 13] as const

/** The check character of 7 data characters (weighted sum of alphabet indexes mod 32). */
export function voucherCheckCharacter(data: string): string {
  if (data.length !== DATA_LENGTH) throw new Error(`A voucher code has ${DATA_LENGTH} data characters`)
  let sum = 0
  for (let index = 0; index < DATA_LENGTH; index++) {
    const position = VOUCHER_CODE_ALPHABET.indexOf(data.charAt(index))
    if (position < 0) throw new Error(`'${data.charAt(index)}' is not a voucher code character`)
    sum += position * WEIGHTS[index]!
  }
  return VOUCHER_CODE_ALPHABET.charAt(sum % VOUCHER_CODE_ALPHABET.length)
}

/** XXXX-XXXX from 7 data characters and their check character. */
export function formatVoucherCode(data: string): string {
  const full = data + voucherCheckCharacter(data)
  return `${full.slice(0, 4)}-${full.slice(4)}`
}

/** A new code; `random` returns numbers in [0, 1) like Math.random (pass a seeded one for repeatable codes). */
export function generateVoucherCode(random: () => number): string {
  let data = ''
  for (let index = 0; index < DATA_LENGTH; index++) {
    data += VOUCHER_CODE_ALPHABET.charAt(Math.floor(random() * VOUCHER_CODE_ALPHABET.length))
  }
  return formatVoucherCode(data)
}

/** Upper-cases and drops spaces and dashes, so "hemv ard7" and "HEMV-ARD7" compare equal. */
export function normaliseVoucherCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '')
}

export function isValidVoucherCode(input: string): boolean {
  const code = normaliseVoucherCode(input)
  if (code.length !== DATA_LENGTH + 1) return false
  if (![...code].every((character) => VOUCHER_CODE_ALPHABET.includes(character))) return false
  return voucherCheckCharacter(code.slice(0, DATA_LENGTH)) === code.charAt(DATA_LENGTH)
}
