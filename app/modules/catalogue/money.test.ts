import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { formatCents } from '~/utils/format'
import { formatCentsForInput, maxCents, parseEuroToCents } from './money'

const cents = fc.integer({ min: 0, max: maxCents })
const twoDigits = fc.integer({ min: 0, max: 99 }).map((n) => String(n).padStart(2, '0'))
const separator = fc.constantFrom(',', '.')

describe('parseEuroToCents', () => {
  it('reads the usual ways of writing an amount', () => {
    expect(parseEuroToCents('36,00')).toEqual({ ok: true, cents: 3600 })
    expect(parseEuroToCents('36.00')).toEqual({ ok: true, cents: 3600 })
    expect(parseEuroToCents('36')).toEqual({ ok: true, cents: 3600 })
    expect(parseEuroToCents('36,5')).toEqual({ ok: true, cents: 3650 })
    expect(parseEuroToCents('0,29')).toEqual({ ok: true, cents: 29 })
    expect(parseEuroToCents('0.07')).toEqual({ ok: true, cents: 7 })
    expect(parseEuroToCents('  1 200,00 € ')).toEqual({ ok: true, cents: 120000 })
    expect(parseEuroToCents('€ 12,90')).toEqual({ ok: true, cents: 1290 })
    expect(parseEuroToCents('234\u00a0567,89\u00a0€')).toEqual({ ok: true, cents: 23456789 })
    expect(parseEuroToCents('007,50')).toEqual({ ok: true, cents: 750 })
    expect(parseEuroToCents('0')).toEqual({ ok: true, cents: 0 })
  })

  it('refuses empty input, negatives, a third decimal and garbage, each with its own reason', () => {
    expect(parseEuroToCents('   ')).toEqual({ ok: false, error: 'required' })
    expect(parseEuroToCents('-5')).toEqual({ ok: false, error: 'negative' })
    expect(parseEuroToCents('−5,00 €')).toEqual({ ok: false, error: 'negative' })
    expect(parseEuroToCents('1,234')).toEqual({ ok: false, error: 'tooManyDecimals' })
    expect(parseEuroToCents('0.001')).toEqual({ ok: false, error: 'tooManyDecimals' })
    for (const garbage of ['abc', '12a', '1,2,3', '1.234,50', '12 34', ',5', '5,', '1e3', 'NaN', 'Infinity', '+5', '0x10', '5 €€', '--5', '٣']) {
      expect(parseEuroToCents(garbage), garbage).toEqual({ ok: false, error: 'invalid' })
    }
    expect(parseEuroToCents('1 000 000,01')).toEqual({ ok: false, error: 'tooLarge' })
    expect(parseEuroToCents('99999999999999999999')).toEqual({ ok: false, error: 'tooLarge' })
    expect(parseEuroToCents('10,00', { max: 999 })).toEqual({ ok: false, error: 'tooLarge' })
  })

  it('round-trips with the form formatting, with either decimal separator', () => {
    fc.assert(
      fc.property(cents, separator, (amount, sep) => {
        expect(parseEuroToCents(formatCentsForInput(amount, sep))).toEqual({ ok: true, cents: amount })
      }),
    )
  })

  it('round-trips with the on-screen formatting in Finnish and Swedish ("1 234,50 €")', () => {
    fc.assert(
      fc.property(cents, fc.constantFrom('fi' as const, 'sv' as const), (amount, locale) => {
        expect(parseEuroToCents(formatCents(amount, locale))).toEqual({ ok: true, cents: amount })
      }),
    )
  })

  it('never goes through floating point: euros and two decimal digits add up exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999 }), twoDigits, separator, (euros, decimals, sep) => {
        const result = parseEuroToCents(`${euros}${sep}${decimals}`)
        expect(result).toEqual({ ok: true, cents: euros * 100 + Number(decimals) })
      }),
    )
  })

  it('refuses every negative amount', () => {
    fc.assert(
      fc.property(cents, separator, fc.constantFrom('-', '−', '- '), (amount, sep, minus) => {
        expect(parseEuroToCents(`${minus}${formatCentsForInput(amount, sep)}`)).toEqual({ ok: false, error: 'negative' })
      }),
    )
  })

  it('refuses more than two decimals', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999 }), fc.stringMatching(/^\d{3,8}$/), separator, (euros, decimals, sep) => {
        expect(parseEuroToCents(`${euros}${sep}${decimals}`)).toEqual({ ok: false, error: 'tooManyDecimals' })
      }),
    )
  })

  it('refuses anything with a character that is not part of an amount', () => {
    const notAmount = fc.string({ minLength: 1 }).filter((text) => /[^\d\s.,€\-−–\u00a0\u202f]/.test(text))
    fc.assert(
      fc.property(notAmount, (text) => {
        expect(parseEuroToCents(text).ok).toBe(false)
      }),
    )
  })

  it('never throws, and a success is always a whole number of cents within the limit', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const result = parseEuroToCents(text)
        if (result.ok) {
          expect(Number.isSafeInteger(result.cents)).toBe(true)
          expect(result.cents).toBeGreaterThanOrEqual(0)
          expect(result.cents).toBeLessThanOrEqual(maxCents)
        }
      }),
    )
  })
})

describe('formatCentsForInput', () => {
  it('writes euros with two decimals', () => {
    expect(formatCentsForInput(3600)).toBe('36,00')
    expect(formatCentsForInput(29)).toBe('0,29')
    expect(formatCentsForInput(123456, '.')).toBe('1234.56')
    expect(() => formatCentsForInput(-1)).toThrow(RangeError)
    expect(() => formatCentsForInput(1.5)).toThrow(RangeError)
  })
})
