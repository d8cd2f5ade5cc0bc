/**
 * Euro amounts typed by people → integer cents, and back. Pure; shared by the server and the browser.
 *
 * The parser works on the digits as text, never through floating point ("0,29" is 29 cents, not 28.999…). It takes
 * a comma or a dot as the decimal separator, at most two decimals, spaces (also the no-break spaces Finnish and
 * Swedish number formatting writes) between groups of three digits, and a euro sign before or after. It refuses
 * negative amounts, a third decimal, anything else, and amounts over `maxCents`.
 */
export type MoneyError = 'required' | 'invalid' | 'negative' | 'tooManyDecimals' | 'tooLarge'
export type MoneyResult = { ok: true; cents: number } | { ok: false; error: MoneyError }

/** 1 000 000,00 €: well above any voucher value, well below the database's integer limit. */
export const maxCents = 100_000_000

const space = '[ \\u00a0\\u202f]'
const amountPattern = new RegExp(`^(\\d{1,3}(?:${space}\\d{3})+|\\d+)(?:[.,](\\d+))?$`)
const minusSigns = /^[-\u2212\u2013]\s*/

function stripEuroSign(text: string): string {
  return text.replace(new RegExp(`^€${space}*`), '').replace(new RegExp(`${space}*€$`), '')
}

export function parseEuroToCents(input: string, options: { max?: number } = {}): MoneyResult {
  const max = options.max ?? maxCents
  let text = input.trim()
  if (text === '') return { ok: false, error: 'required' }
  const negative = minusSigns.test(text)
  text = stripEuroSign(text.replace(minusSigns, '')).trim()
  const match = amountPattern.exec(text)
  if (!match) return { ok: false, error: 'invalid' }
  const whole = (match[1] ?? '').replace(/\D/g, '').replace(/^0+(?=\d)/, '')
  const fraction = match[2] ?? ''
  if (negative) return { ok: false, error: 'negative' }
  if (fraction.length > 2) return { ok: false, error: 'tooManyDecimals' }
  // 13 digits of euros times 100 is still far inside Number's exact integers.
  if (whole.length > 13) return { ok: false, error: 'tooLarge' }
  const cents = Number(whole) * 100 + Number(fraction.padEnd(2, '0'))
  if (cents > max) return { ok: false, error: 'tooLarge' }
  return { ok: true, cents }
}

/** Integer cents → the plain text a form field shows: 3600 → "36,00" (or "36.00" with a dot). */
export function formatCentsForInput(cents: number, decimalSeparator: ',' | '.' = ','): string {
  if (!Number.isSafeInteger(cents) || cents < 0) throw new RangeError(`Not a cent amount: ${cents}`)
  return `${Math.floor(cents / 100)}${decimalSeparator}${String(cents % 100).padStart(2, '0')}`
}
