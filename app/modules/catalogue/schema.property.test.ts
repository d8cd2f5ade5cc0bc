import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { checkHostileForms, localesMissing, parseForm } from '../../../tests/support/hostile-input'
import { formatCentsForInput, maxCents, parseEuroToCents, type MoneyError } from './money'
import { categorySchema, voucherValueSchema } from './schema'

const categoryValues = {
  nameFi: ['Kotihoito'],
  nameSv: ['Hemvård'],
  nameEn: ['Home care'],
  unit: ['HOUR', 'VISIT'],
  voucherType: ['FIXED', 'INCOME_RELATED'],
  reviewMode: ['SINGLE_STEP', 'TWO_STEP'],
  requiresSoteri: ['on'],
  active: ['on'],
  documentTypes: ['TRADE_REGISTER_EXTRACT'],
}
const valueValues = { effectiveFrom: ['2027-01-01'], value: ['30,00', '30.5'], minValue: ['12,00'], maxValue: ['36,00'] }
const moneyErrors: MoneyError[] = ['invalid', 'negative', 'tooManyDecimals', 'tooLarge']

describe('catalogue forms against hostile input', { timeout: 30_000 }, () => {
  it('never throws on a hostile category form, and names each problem with a translated message', () => {
    checkHostileForms(categorySchema, { fields: Object.keys(categoryValues), valid: categoryValues })
  })

  it('never throws on hostile value forms of either voucher type', () => {
    checkHostileForms(voucherValueSchema('FIXED'), { fields: Object.keys(valueValues), valid: valueValues })
    checkHostileForms(voucherValueSchema('INCOME_RELATED'), { fields: Object.keys(valueValues), valid: valueValues })
  })

  it('has a translated message for every money refusal, in every form that reads euros', () => {
    for (const namespace of ['admin', 'offers', 'issuing', 'followup']) {
      for (const error of moneyErrors) expect(localesMissing(`${namespace}:errors.money.${error}`), `${namespace} ${error}`).toEqual([])
    }
  })

  it('round-trips a value with either decimal separator, and refuses amounts above the limit', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: maxCents }), fc.constantFrom(',' as const, '.' as const), (cents, separator) => {
        const submission = parseForm(voucherValueSchema('FIXED'), { effectiveFrom: '2027-01-01', value: formatCentsForInput(cents, separator) })
        expect(submission.status === 'success' && submission.value).toEqual({ effectiveFrom: '2027-01-01', value: cents })
      }),
    )
    fc.assert(
      fc.property(fc.bigInt({ min: BigInt(maxCents) + 1n, max: 10n ** 30n }), (cents) => {
        const text = `${cents / 100n},${String(cents % 100n).padStart(2, '0')}`
        expect(parseEuroToCents(text)).toEqual({ ok: false, error: 'tooLarge' })
        expect(parseForm(voucherValueSchema('FIXED'), { effectiveFrom: '2027-01-01', value: text }).reply().error?.value).toEqual(['admin:errors.money.tooLarge'])
      }),
    )
  })

  it('refuses what Number() would read but people do not write: exponents, hex, NaN, Infinity, underscores', () => {
    for (const text of ['1e3', '1E3', '0x10', 'NaN', 'Infinity', '-Infinity', '1_000', '+5', '.5', '5.', '٥', '５']) {
      expect(parseEuroToCents(text), text).toMatchObject({ ok: false })
    }
  })
})
