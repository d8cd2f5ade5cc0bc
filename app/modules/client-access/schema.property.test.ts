import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { anyHostileString, checkHostileForms, parseForm } from '../../../tests/support/hostile-input'
import { formatVoucherCode, VOUCHER_CODE_ALPHABET } from '~/modules/vouchers/voucher-code'
import { parseDateOfBirth, voucherLoginSchema, voucherRedirectTo } from './schema'

const today = '2026-11-23'
const code = fc.string({ unit: fc.constantFrom(...VOUCHER_CODE_ALPHABET), minLength: 7, maxLength: 7 }).map(formatVoucherCode)
const values = {
  code: ['HEMV-ARD5', 'hemv ard5'],
  'dateOfBirth.day': ['14', '5'],
  'dateOfBirth.month': ['3', '09'],
  'dateOfBirth.year': ['1941'],
  redirectTo: ['/my-voucher', '/my-voucher/producers?municipality=545'],
}

describe('the voucher form against hostile input', { timeout: 30_000 }, () => {
  it('never throws on a hostile form, and names each problem with a translated message', () => {
    checkHostileForms(voucherLoginSchema(today), { fields: Object.keys(values), valid: values })
  })

  it('opens with any valid code and a real date of birth typed in three boxes, padded or not', () => {
    const birthDay = fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.parse(`${today}T00:00:00Z`) }).map((ms) => new Date(ms - (ms % 86_400_000)))
    fc.assert(
      fc.property(code, birthDay, fc.boolean(), (typed, born, padded) => {
        const [day, month] = [born.getUTCDate(), born.getUTCMonth() + 1].map((n) => (padded ? String(n).padStart(2, '0') : String(n)))
        const submission = parseForm(voucherLoginSchema(today), {
          code: typed.toLowerCase(),
          'dateOfBirth.day': day!,
          'dateOfBirth.month': month!,
          'dateOfBirth.year': String(born.getUTCFullYear()),
        })
        expect(submission.status === 'success' && submission.value.dateOfBirth).toBe(born.toISOString().slice(0, 10))
      }),
    )
  })

  it('never gives a date of birth after today, before 1900 or off the calendar', () => {
    const part = fc.oneof(fc.integer({ min: -5, max: 3000 }).map(String), anyHostileString)
    fc.assert(
      fc.property(part, part, part, (day, month, year) => {
        const parsed = parseDateOfBirth({ day, month, year }, today)
        if (parsed.ok) {
          expect(parsed.date <= today && parsed.date >= '1900-01-01').toBe(true)
          expect(new Date(`${parsed.date}T00:00:00Z`).toISOString().slice(0, 10)).toBe(parsed.date)
        } else {
          expect(parsed.error).toMatch(/^voucher:login\.errors\.date(Required|Invalid|InFuture)$/)
        }
      }),
    )
  })

  it('sends the client only to a page of their voucher, with an address a Location header can carry', () => {
    fc.assert(
      fc.property(fc.oneof(anyHostileString, fc.string({ unit: 'binary' }).map((rest) => `/my-voucher/${rest}`)), (value) => {
        const target = voucherRedirectTo(value)
        expect(target).toMatch(/^\/my-voucher(?:[/?#][\x21-\x7e]*)?$/)
        expect(target).not.toContain('//')
        expect(() => new Headers({ Location: target })).not.toThrow()
      }),
    )
  })
})
