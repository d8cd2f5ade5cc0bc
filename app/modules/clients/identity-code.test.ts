import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  CENTURY_BY_SIGN,
  CENTURY_SIGNS,
  IDENTITY_CHECK_CHARACTERS,
  identityCodeCheckCharacter,
  isValidIdentityCode,
  makeIdentityCode,
  maskIdentityCode,
  normaliseIdentityCode,
  parseIdentityCode,
} from './identity-code'

const dayMs = 86_400_000
const first = Date.UTC(1800, 0, 1)
const last = Date.UTC(2099, 11, 31)

/** A valid code with what it was made from: any day 1800–2099, a sign of its century, an individual number 2–899. */
const validCode = fc
  .record({
    days: fc.integer({ min: 0, max: (last - first) / dayMs }),
    signIndex: fc.nat(),
    individualNumber: fc.integer({ min: 2, max: 899 }),
  })
  .map(({ days, signIndex, individualNumber }) => {
    const dateOfBirth = new Date(first + days * dayMs).toISOString().slice(0, 10)
    const century = Math.floor(Number(dateOfBirth.slice(0, 4)) / 100) * 100
    const signs = CENTURY_SIGNS.filter((sign) => CENTURY_BY_SIGN[sign] === century)
    const sign = signs[signIndex % signs.length] ?? '-'
    return { code: makeIdentityCode(dateOfBirth, sign, individualNumber), dateOfBirth, sign, individualNumber }
  })

/** Every character a code can hold, and a few it cannot. */
const characters = [...new Set([...'0123456789', ...CENTURY_SIGNS, ...IDENTITY_CHECK_CHARACTERS, 'G', 'I', 'O', 'Q', 'Z', '/', '.'])]

describe('personal identity code (henkilötunnus)', () => {
  it('knows the published example and the signs in use since 2023', () => {
    // 131052308 mod 31 = 25 → 'T' (the example of the Digital and Population Data Services Agency)
    expect(identityCodeCheckCharacter('131052', '308')).toBe('T')
    expect(parseIdentityCode('131052-308T')).toEqual({ ok: true, code: '131052-308T', dateOfBirth: '1952-10-13', centurySign: '-', individualNumber: 308 })
    expect(parseIdentityCode('131052Y308T')).toMatchObject({ ok: true, dateOfBirth: '1952-10-13' })
    expect(parseIdentityCode('131052U308T')).toMatchObject({ ok: true, dateOfBirth: '1952-10-13' })
    expect(parseIdentityCode('131052A308T')).toMatchObject({ ok: true, dateOfBirth: '2052-10-13' })
    expect(parseIdentityCode('131052F308T')).toMatchObject({ ok: true, dateOfBirth: '2052-10-13' })
    expect(parseIdentityCode('131052+308T')).toMatchObject({ ok: true, dateOfBirth: '1852-10-13' })
  })

  it('says why a code is refused', () => {
    expect(parseIdentityCode('')).toEqual({ ok: false, error: 'required' })
    expect(parseIdentityCode('   ')).toEqual({ ok: false, error: 'required' })
    expect(parseIdentityCode('131052-308')).toEqual({ ok: false, error: 'format' })
    expect(parseIdentityCode('131052G308T')).toEqual({ ok: false, error: 'format' })
    expect(parseIdentityCode('131052-308Z')).toEqual({ ok: false, error: 'format' })
    expect(parseIdentityCode('131052-308U')).toEqual({ ok: false, error: 'checkCharacter' })
    expect(parseIdentityCode(makeIdentityCode('1952-10-13', '-', 1))).toEqual({ ok: false, error: 'individualNumber' })
    expect(parseIdentityCode(makeIdentityCode('1952-10-13', '-', 900))).toEqual({ ok: false, error: 'individualNumber' })
    // 29 February: 2000 was a leap year, 1900 was not
    expect(parseIdentityCode(makeIdentityCode('2000-02-29', 'A', 123))).toMatchObject({ ok: true, dateOfBirth: '2000-02-29' })
    expect(parseIdentityCode(makeIdentityCode('2000-02-29', 'A', 123).replace('A', '-'))).toEqual({ ok: false, error: 'date' })
    expect(parseIdentityCode('310452-308T')).toEqual({ ok: false, error: 'date' })
    expect(parseIdentityCode('011352-308T')).toEqual({ ok: false, error: 'date' })
  })

  it('validates every generated code and gives back its date of birth and individual number', () => {
    fc.assert(
      fc.property(validCode, ({ code, dateOfBirth, sign, individualNumber }) => {
        expect(parseIdentityCode(code)).toEqual({ ok: true, code, dateOfBirth, centurySign: sign, individualNumber })
      }),
      { numRuns: 2000 },
    )
  })

  it('refuses every change of one digit or of the check character', () => {
    // A digit changed by d (1–9) at position k changes DDMMYYNNN by d·10^k, which 31 (a prime) never divides, so
    // the check character no longer matches; and only one check character matches the digits.
    fc.assert(
      fc.property(validCode, fc.constantFrom(0, 1, 2, 3, 4, 5, 7, 8, 9, 10), fc.constantFrom(...characters), ({ code }, position, character) => {
        fc.pre(code.charAt(position) !== character)
        const changed = code.slice(0, position) + character + code.slice(position + 1)
        expect(isValidIdentityCode(changed)).toBe(false)
      }),
      { numRuns: 5000 },
    )
  })

  it('keeps a code valid after a one-character change only when the century sign changed and the check still matches', () => {
    // The check character covers the nine digits, not the sign: another sign of a century in which the date exists
    // gives another valid code (same day and month), which is how the check "happens to match".
    fc.assert(
      fc.property(validCode, fc.nat({ max: 10 }), fc.constantFrom(...characters), ({ code, dateOfBirth }, position, character) => {
        fc.pre(code.charAt(position) !== character)
        const changed = code.slice(0, position) + character + code.slice(position + 1)
        const parsed = parseIdentityCode(changed)
        if (!parsed.ok) return
        expect(position).toBe(6)
        expect(identityCodeCheckCharacter(changed.slice(0, 6), changed.slice(7, 10))).toBe(changed.charAt(10))
        expect(parsed.dateOfBirth.slice(4)).toBe(dateOfBirth.slice(4))
        expect(Number(parsed.dateOfBirth.slice(0, 4)) - CENTURY_BY_SIGN[character]!).toBe(Number(dateOfBirth.slice(2, 4)))
      }),
      { numRuns: 5000 },
    )
  })

  it('reads lower case and spaces as the same code', () => {
    fc.assert(
      fc.property(validCode, fc.array(fc.nat({ max: 11 }), { maxLength: 4 }), ({ code, dateOfBirth }, spaceAt) => {
        let typed = code.toLowerCase()
        for (const index of [...spaceAt].sort((a, b) => b - a)) typed = `${typed.slice(0, index)} ${typed.slice(index)}`
        expect(normaliseIdentityCode(` ${typed}\t`)).toBe(code)
        expect(parseIdentityCode(` ${typed} `)).toMatchObject({ ok: true, code, dateOfBirth })
      }),
    )
    expect(parseIdentityCode('131052\u2013308t')).toMatchObject({ ok: true, code: '131052-308T' })
  })

  it('masks everything after the century sign', () => {
    expect(maskIdentityCode('140341A123X')).toBe('140341A****')
    expect(maskIdentityCode(' 140341a123x ')).toBe('140341A****')
  })
})
