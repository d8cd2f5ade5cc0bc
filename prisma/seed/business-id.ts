const WEIGHTS = [7, 9, 10, 5, 8, 4, 2] as const

/** The check digit of a Finnish business ID (Y-tunnus) body of 7 digits; null when no valid check digit exists. */
export function businessIdCheckDigit(body: string): number | null {
  if (!/^\d{7}$/.test(body)) throw new Error('A business ID body has 7 digits')
  const sum = [...body].reduce((total, digit, index) => total + Number(digit) * WEIGHTS[index]!, 0)
  const remainder = sum % 11
  if (remainder === 0) return 0
  if (remainder === 1) return null
  return 11 - remainder
}

/** 1234567-1 style, or null when the body has no valid check digit (remainder 1). */
export function businessIdFromBody(body: string): string | null {
  const check = businessIdCheckDigit(body)
  return check === null ? null : `${body}-${check}`
}

export function isValidBusinessId(value: string): boolean {
  const match = /^(\d{7})-(\d)$/.exec(value)
  if (!match) return false
  return businessIdCheckDigit(match[1]!) === Number(match[2])
}
