import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { anyHostileString, checkHostileForms, hostileSearchParams, localesMissing, parseForm } from '../../../tests/support/hostile-input'
import { issueFormSchema, parseVoucherListFilters, voucherActionSchema, voucherStatuses } from './issuing-schema'
import { formatVoucherCode, isValidVoucherCode, normaliseVoucherCode, VOUCHER_CODE_ALPHABET } from './voucher-code'

const today = '2026-11-23'
const issueValues = {
  clientId: ['client-1'],
  categoryId: ['category-1'],
  decisionNumber: ['VO/2026/12'],
  decisionDate: [today, '2026-01-02'],
  householdSize: ['2', '1'],
  grossMonthlyIncome: ['1 850,00', '1850.5'],
  override: ['on'],
  overrideValue: ['30,00'],
  overrideReason: ['Särskilda skäl.'],
  validFrom: [today],
  validTo: ['2027-11-22'],
  unitsKind: ['perMonth', 'total'],
  units: ['10', '744'],
}

const dataCharacters = fc.string({ unit: fc.constantFrom(...VOUCHER_CODE_ALPHABET), minLength: 7, maxLength: 7 })

describe('voucher forms against hostile input', { timeout: 30_000 }, () => {
  for (const voucherType of ['FIXED', 'INCOME_RELATED'] as const) {
    for (const intent of ['issue', 'calculate']) {
      it(`never throws on a hostile "${intent}" form of a ${voucherType} category`, () => {
        const schema = issueFormSchema(intent, { today, voucherType, unit: 'HOUR' })
        checkHostileForms(schema, { fields: Object.keys(issueValues), intents: [intent], valid: issueValues })
      })
    }
  }

  it('never throws on hostile cancel and extend forms', () => {
    checkHostileForms(voucherActionSchema({ validFrom: '2026-01-01', validTo: '2026-12-31' }), {
      fields: ['reason', 'validTo', 'note'],
      intents: ['cancel', 'extend'],
      valid: { reason: ['Flyttat.'], validTo: ['2027-06-30'], note: ['Förlängt.'] },
    })
  })

  it('has a translated message for every money refusal of the issue form', () => {
    for (const error of ['invalid', 'negative', 'tooManyDecimals', 'tooLarge']) expect(localesMissing(`issuing:errors.money.${error}`), error).toEqual([])
  })

  it('round-trips a valid form: it gives back the cents, dates and whole units typed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 744 }), fc.integer({ min: 1, max: 99_999_99 }), (units, cents) => {
        const income = `${Math.floor(cents / 100)},${String(cents % 100).padStart(2, '0')}`
        const { override: _override, ...typed } = Object.fromEntries(Object.entries(issueValues).map(([name, values]) => [name, values[0]!]))
        const form = { ...typed, intent: 'issue', units: String(units), grossMonthlyIncome: income }
        const submission = parseForm(issueFormSchema('issue', { today, voucherType: 'INCOME_RELATED', unit: 'HOUR' }), form)
        expect(submission.status).toBe('success')
        if (submission.status === 'success') expect(submission.value).toMatchObject({ units, grossMonthlyIncome: cents, validFrom: today, override: false })
      }),
    )
  })

  it('reads the list filters from any address without throwing, keeping only values that fit', () => {
    fc.assert(
      fc.property(hostileSearchParams(['status', 'category', 'q', 'page']), (params) => {
        const filters = parseVoucherListFilters(params)
        if (filters.status) expect(voucherStatuses).toContain(filters.status)
        expect(Number.isSafeInteger(filters.page) && filters.page >= 1 && filters.page <= 10_000).toBe(true)
        expect((filters.q ?? '').length).toBeLessThanOrEqual(100)
      }),
    )
  })
})

describe('voucher codes against hostile input', () => {
  it('never throws on any text, and normalising twice changes nothing', () => {
    fc.assert(
      fc.property(fc.oneof(anyHostileString, fc.string({ unit: 'binary' })), (input) => {
        expect(typeof isValidVoucherCode(input)).toBe('boolean')
        expect(normaliseVoucherCode(normaliseVoucherCode(input))).toBe(normaliseVoucherCode(input))
      }),
    )
  })

  it('accepts a valid code however it is typed: lower case, spaces, with or without the dash', () => {
    fc.assert(
      fc.property(dataCharacters, fc.constantFrom('', ' ', '-', ' - '), fc.boolean(), (data, separator, lower) => {
        const code = formatVoucherCode(data).replace('-', separator)
        expect(isValidVoucherCode(lower ? code.toLowerCase() : code)).toBe(true)
      }),
    )
  })

  it('refuses look-alikes of the alphabet (0, O, 1, I), full-width letters and any other character', () => {
    fc.assert(
      fc.property(dataCharacters, fc.integer({ min: 0, max: 7 }), fc.constantFrom('0', 'O', '1', 'I', 'Ａ', 'Ä', '\u0000', '.'), (data, index, intruder) => {
        const code = normaliseVoucherCode(formatVoucherCode(data))
        expect(isValidVoucherCode(`${code.slice(0, index)}${intruder}${code.slice(index + 1)}`)).toBe(false)
      }),
    )
  })
})
