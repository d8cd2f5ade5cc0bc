import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { monthOf } from './months'
import { acceptSchema, earliestStartDate, pageParam, recordSchema } from './schema'
import { formatUnits, formatUnitsForInput, maxUnitsHundredths, parseUnits } from './units'

const positive = fc.integer({ min: 1, max: maxUnitsHundredths })
const signed = fc.integer({ min: -maxUnitsHundredths, max: maxUnitsHundredths }).filter((n) => n !== 0)
const separator = fc.constantFrom<',' | '.'>(',', '.')

describe('parseUnits', () => {
  it('reads hours the way people type them, to hundredths, never through floating point', () => {
    expect(parseUnits('1,5')).toEqual({ ok: true, hundredths: 150 })
    expect(parseUnits('1.5')).toEqual({ ok: true, hundredths: 150 })
    expect(parseUnits(' 2 ')).toEqual({ ok: true, hundredths: 200 })
    expect(parseUnits('0,25')).toEqual({ ok: true, hundredths: 25 })
    expect(parseUnits('0,29')).toEqual({ ok: true, hundredths: 29 })
    expect(parseUnits('1,05')).toEqual({ ok: true, hundredths: 105 })
    expect(parseUnits('007,5')).toEqual({ ok: true, hundredths: 750 })
    expect(parseUnits('999,99')).toEqual({ ok: true, hundredths: 99_999 })
  })

  it('refuses empty input, zero, negatives, a third decimal, too much and garbage, each with its reason', () => {
    expect(parseUnits('  ')).toEqual({ ok: false, error: 'required' })
    expect(parseUnits('0')).toEqual({ ok: false, error: 'zero' })
    expect(parseUnits('0,00')).toEqual({ ok: false, error: 'zero' })
    expect(parseUnits('-1')).toEqual({ ok: false, error: 'negative' })
    expect(parseUnits('1,255')).toEqual({ ok: false, error: 'tooManyDecimals' })
    expect(parseUnits('1000')).toEqual({ ok: false, error: 'tooLarge' })
    expect(parseUnits('99999999999999999999')).toEqual({ ok: false, error: 'tooLarge' })
    for (const garbage of ['abc', '1,5h', '1,2,3', ',5', '5,', '1e2', 'NaN', '+1', '1 5', '--1', '½', '٣']) {
      expect(parseUnits(garbage), garbage).toEqual({ ok: false, error: 'invalid' })
    }
  })

  it('takes a minus sign only for corrections', () => {
    expect(parseUnits('-0,5', { allowNegative: true })).toEqual({ ok: true, hundredths: -50 })
    expect(parseUnits('−2', { allowNegative: true })).toEqual({ ok: true, hundredths: -200 })
    expect(parseUnits('-0', { allowNegative: true })).toEqual({ ok: false, error: 'zero' })
  })

  it('round-trips with the form formatting, with either separator: parse(format(x)) = x', () => {
    fc.assert(
      fc.property(positive, separator, (hundredths, decimalSeparator) => {
        expect(parseUnits(formatUnitsForInput(hundredths, decimalSeparator))).toEqual({ ok: true, hundredths })
      }),
    )
    fc.assert(
      fc.property(signed, separator, (hundredths, decimalSeparator) => {
        expect(parseUnits(formatUnitsForInput(hundredths, decimalSeparator), { allowNegative: true })).toEqual({ ok: true, hundredths })
      }),
    )
  })

  it('reads whole units and up to two decimals exactly, whatever the digits', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999 }), fc.integer({ min: 0, max: 99 }), separator, (whole, fraction, decimalSeparator) => {
        const hundredths = whole * 100 + fraction
        fc.pre(hundredths > 0)
        const text = `${whole}${decimalSeparator}${String(fraction).padStart(2, '0')}`
        expect(parseUnits(text)).toEqual({ ok: true, hundredths })
      }),
    )
  })
})

describe('formatting units', () => {
  it('drops trailing zeros in forms and writes Finland’s decimal comma on screen in every language', () => {
    expect(formatUnitsForInput(150)).toBe('1,5')
    expect(formatUnitsForInput(100)).toBe('1')
    expect(formatUnitsForInput(105, '.')).toBe('1.05')
    expect(formatUnitsForInput(-25)).toBe('-0,25')
    expect(formatUnits(150, 'fi')).toBe('1,5')
    expect(formatUnits(150, 'sv')).toBe('1,5')
    expect(formatUnits(150, 'en')).toBe('1,5')
    expect(formatUnits(1029, 'fi')).toBe('10,29')
  })
})

describe('the record and decision forms', () => {
  const today = '2026-11-23'

  it('reads a record with its units and an extra service, and refuses a day in the future', () => {
    const ok = recordSchema(today).safeParse({ intent: 'record', serviceDate: '2026-11-23', units: '1,5', extraServiceId: 'x1', extraQuantity: 2 })
    expect(ok.success && ok.data).toEqual({ intent: 'record', serviceDate: '2026-11-23', units: 150, note: null, extra: { id: 'x1', quantity: 2 } })
    const future = recordSchema(today).safeParse({ intent: 'record', serviceDate: '2026-11-24', units: '1' })
    expect(future.success ? [] : future.error.issues.map((issue) => issue.message)).toEqual(['delivery:errors.serviceDateFuture'])
    const badUnits = recordSchema(today).safeParse({ intent: 'record', serviceDate: '2026-11-20', units: '1,255' })
    expect(badUnits.success ? [] : badUnits.error.issues.map((issue) => issue.message)).toEqual(['delivery:errors.units.tooManyDecimals'])
  })

  it('takes a start date from the first day of last month on', () => {
    expect(acceptSchema(today).safeParse({ intent: 'accept', startDate: '2026-10-01' }).success).toBe(true)
    const early = acceptSchema(today).safeParse({ intent: 'accept', startDate: '2026-09-30' })
    expect(early.success ? [] : early.error.issues.map((issue) => issue.message)).toEqual(['delivery:errors.startDateTooEarly'])
    expect(earliestStartDate('2026-01-31')).toBe('2025-12-01')
    expect(acceptSchema(today).safeParse({ intent: 'accept', startDate: '2026-02-30' }).success).toBe(false)
  })

  it('reads a page number, and falls back to the first page', () => {
    expect(pageParam('3')).toBe(3)
    for (const bad of [null, '', '0', '-1', '1.5', 'x']) expect(pageParam(bad)).toBe(1)
  })

  it('puts a day in its month', () => {
    expect(monthOf('2026-11-23')).toEqual(new Date('2026-11-01'))
    expect(monthOf(new Date('2026-12-31'))).toEqual(new Date('2026-12-01'))
  })
})
