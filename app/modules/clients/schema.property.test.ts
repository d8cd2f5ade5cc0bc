import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { helsinkiToday } from '~/modules/documents/dates'
import { anyHostileString, checkHostileForms, localesMissing, parseForm } from '../../../tests/support/hostile-input'
import { makeIdentityCode, parseIdentityCode, type IdentityCodeError } from './identity-code'
import { identityCodeSearchSchema, newClientSchema, parseNameQuery } from './schema'

const today = '2026-11-23'
const valid = {
  firstName: 'Ingrid',
  lastName: 'Nyström',
  identityCode: '131052-308T',
  municipalityCode: '545',
  preferredLanguage: 'sv',
  streetAddress: 'Storgatan 1',
  postalCode: '64200',
}
const optional = { dateOfBirth: ['1952-10-13'], phone: ['+358 40 123 4567'], email: ['ingrid@example.fi'] }

describe('client forms against hostile input', { timeout: 30_000 }, () => {
  it('never throws on a hostile new-client form, and names each problem with a translated message', () => {
    const values = { ...Object.fromEntries(Object.entries(valid).map(([name, value]) => [name, [value]])), ...optional }
    checkHostileForms(newClientSchema({ today: helsinkiToday() }), { fields: Object.keys(values), valid: values })
    checkHostileForms(identityCodeSearchSchema, { fields: ['identityCode'], valid: { identityCode: ['131052-308T', '010594Y9032'] } })
  })

  it('has a translated message for every reason an identity code is refused', () => {
    const errors: IdentityCodeError[] = ['required', 'format', 'date', 'individualNumber', 'checkCharacter']
    for (const error of [...errors, 'future']) expect(localesMissing(`issuing:errors.identityCode.${error}`), error).toEqual([])
  })

  it('never throws on any text, and gives a reason for every refusal', () => {
    fc.assert(
      fc.property(fc.oneof(anyHostileString, fc.string({ unit: 'binary' })), (input) => {
        const parsed = parseIdentityCode(input)
        if (parsed.ok) expect(parsed.code).toMatch(/^\d{6}[-+A-FU-Y]\d{3}[0-9A-Y]$/)
        else expect(['required', 'format', 'date', 'individualNumber', 'checkCharacter']).toContain(parsed.error)
      }),
    )
  })

  it('refuses days that are not on the calendar (31 April, 29 February of a common year)', () => {
    const impossible = fc.oneof(
      fc.tuple(fc.constantFrom('31'), fc.constantFrom('04', '06', '09', '11'), fc.integer({ min: 0, max: 99 })),
      fc.tuple(fc.constantFrom('30', '31'), fc.constant('02'), fc.integer({ min: 0, max: 99 })),
      fc.tuple(fc.constant('29'), fc.constant('02'), fc.integer({ min: 1, max: 99 }).filter((year) => year % 4 !== 0)),
      fc.tuple(fc.constantFrom('00', '32', '99'), fc.constantFrom('01', '12'), fc.integer({ min: 0, max: 99 })),
      fc.tuple(fc.constantFrom('01', '15'), fc.constantFrom('00', '13', '99'), fc.integer({ min: 0, max: 99 })),
    )
    fc.assert(
      fc.property(impossible, fc.constantFrom('-', 'A', 'Y'), fc.integer({ min: 2, max: 899 }), ([dd, mm, year], sign, individual) => {
        const digits = `${dd}${mm}${String(year).padStart(2, '0')}`
        const number = String(individual).padStart(3, '0')
        // any check character: the date is judged first
        expect(parseIdentityCode(`${digits}${sign}${number}A`)).toEqual({ ok: false, error: 'date' })
      }),
    )
  })

  it('reads digits only as ASCII digits (full-width and Arabic-Indic ones are refused)', () => {
    expect(parseIdentityCode('１３１０５２-３０８T').ok).toBe(false)
    expect(parseIdentityCode('١٣١٠٥٢-٣٠٨T').ok).toBe(false)
  })

  it('refuses a code of someone born after today, and a typed date of birth that differs from the code', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3000 }), fc.integer({ min: 2, max: 899 }), (daysAhead, individual) => {
        const future = new Date(Date.parse(`${today}T00:00:00Z`) + daysAhead * 86_400_000).toISOString().slice(0, 10)
        const code = makeIdentityCode(future, Number(future.slice(0, 4)) >= 2000 ? 'A' : '-', individual)
        const errors = parseForm(newClientSchema({ today }), { ...valid, identityCode: code }).reply().error
        expect(errors?.identityCode).toEqual(['issuing:errors.identityCode.future'])
      }),
    )
    const errors = parseForm(newClientSchema({ today }), { ...valid, dateOfBirth: '1952-10-14' }).reply().error
    expect(errors?.dateOfBirth).toEqual(['issuing:errors.dateOfBirthMismatch'])
  })

  it('keeps identity codes out of the name search, whatever the spacing and case', () => {
    fc.assert(
      fc.property(fc.constantFrom('131052-308T', '010594Y9032', '131052a308t'), fc.constantFrom('', ' ', '  '), (code, space) => {
        expect(parseNameQuery(`${space}${code.slice(0, 3)}${space}${code.slice(3)}`).kind).toBe('identityCode')
      }),
    )
    fc.assert(
      fc.property(fc.oneof(anyHostileString, fc.constant(null)), (input) => {
        const query = parseNameQuery(input)
        if (query.kind === 'name') {
          expect(query.words.length).toBeLessThanOrEqual(5)
          expect(query.words.join(' ').length).toBeLessThanOrEqual(100)
        }
      }),
    )
  })
})
