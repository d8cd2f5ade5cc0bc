/**
 * Finnish business ID (Y-tunnus / FO-nummer): seven digits, a hyphen and a check digit (NNNNNNN-N).
 * The check digit: weights 7, 9, 10, 5, 8, 4, 2 on the seven digits, sum modulo 11; remainder 0 gives 0,
 * remainder 1 is never issued (no valid ID has such a body), otherwise 11 − remainder.
 * Shared by the browser (form validation) and the server.
 */
const weights = [7, 9, 10, 5, 8, 4, 2] as const

const businessIdPattern = /^(\d{7})-(\d)$/

/** The check digit of a seven-digit body, or null when the body can have none (remainder 1). */
export function businessIdCheckDigit(body: string): number | null {
  if (!/^\d{7}$/.test(body)) throw new Error('A business ID body has exactly 7 digits')
  let sum = 0
  for (let index = 0; index < weights.length; index++) sum += Number(body[index]) * weights[index]!
  const remainder = sum % 11
  if (remainder === 0) return 0
  if (remainder === 1) return null
  return 11 - remainder
}

/** True for a well-formed business ID (exactly NNNNNNN-N, no spaces) whose check digit is right. */
export function isValidBusinessId(value: string): boolean {
  const match = businessIdPattern.exec(value)
  if (!match) return false
  return businessIdCheckDigit(match[1]!) === Number(match[2])
}

/**
 * What a person typed, in the stored form: surrounding spaces removed and typographic dashes (which phones and
 * word processors put in place of the hyphen) turned into "-". Seven digits are required: a body with a missing
 * leading zero is not guessed. Returns null when the result is not a valid business ID.
 */
export function normaliseBusinessId(value: string): string | null {
  const normalised = value.trim().replace(/[\u2010-\u2015\u2212]/g, '-')
  return isValidBusinessId(normalised) ? normalised : null
}
