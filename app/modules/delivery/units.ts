import { intlLocale, type AppLocale } from '~/i18n'
import { numberFormat } from '~/utils/intl'

/**
 * Units typed by providers (hours, days, visits) → integer hundredths, and back. Pure; shared by server and browser.
 * The parser works on the digits as text, never through floating point ("0,29" is 29 hundredths): a comma or a dot
 * as the decimal separator, at most two decimals. A minus sign only where corrections allow it.
 */
export type UnitsError = 'required' | 'invalid' | 'tooManyDecimals' | 'negative' | 'zero' | 'tooLarge'
export type UnitsResult = { ok: true; hundredths: number } | { ok: false; error: UnitsError }

/** 999,99 units: more than any month has hours, far below the database's integer limit. */
export const maxUnitsHundredths = 99_999

const unitsPattern = /^(\d+)(?:[.,](\d+))?$/
const minusSign = /^[-\u2212\u2013]\s*/

export function parseUnits(input: string, options: { allowNegative?: boolean } = {}): UnitsResult {
  let text = input.trim()
  if (text === '') return { ok: false, error: 'required' }
  const negative = minusSign.test(text)
  text = text.replace(minusSign, '')
  const match = unitsPattern.exec(text)
  if (!match) return { ok: false, error: 'invalid' }
  const whole = (match[1] ?? '').replace(/^0+(?=\d)/, '')
  const fraction = match[2] ?? ''
  if (negative && !options.allowNegative) return { ok: false, error: 'negative' }
  if (fraction.length > 2) return { ok: false, error: 'tooManyDecimals' }
  if (whole.length > 5) return { ok: false, error: 'tooLarge' }
  const hundredths = Number(whole) * 100 + Number(fraction.padEnd(2, '0'))
  if (hundredths === 0) return { ok: false, error: 'zero' }
  if (hundredths > maxUnitsHundredths) return { ok: false, error: 'tooLarge' }
  return { ok: true, hundredths: negative ? -hundredths : hundredths }
}

/** Hundredths → what a form field shows, without trailing zeros: 150 → "1,5", 100 → "1", -25 → "-0,25". */
export function formatUnitsForInput(hundredths: number, decimalSeparator: ',' | '.' = ','): string {
  if (!Number.isSafeInteger(hundredths)) throw new RangeError(`Not a unit amount: ${hundredths}`)
  const sign = hundredths < 0 ? '-' : ''
  const absolute = Math.abs(hundredths)
  const fraction = String(absolute % 100)
    .padStart(2, '0')
    .replace(/0+$/, '')
  return `${sign}${Math.floor(absolute / 100)}${fraction ? `${decimalSeparator}${fraction}` : ''}`
}

/** Hundredths on screen with Finland's conventions in the reader's language (intlLocale): 150 → "1,5"; a real minus sign. */
export function formatUnits(hundredths: number, locale: AppLocale): string {
  return numberFormat(intlLocale[locale], { maximumFractionDigits: 2 }).format(hundredths / 100)
}

export type UnitOfMeasure = 'HOUR' | 'DAY' | 'VISIT' | 'MONTH'
type Translate = (key: string, options: Record<string, unknown>) => string

/** "1,5 hours", "1 visit": units with the category's unit in the reader's language (delivery:unitCount). */
export function unitText(t: Translate, hundredths: number, unit: UnitOfMeasure, locale: AppLocale): string {
  return t(`delivery:unitCount.${unit}`, { count: hundredths / 100, units: formatUnits(hundredths, locale) })
}
