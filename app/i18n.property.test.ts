import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { anyHostileString } from '../tests/support/hostile-input'
import { isLocale, supportedLocales } from './i18n'
import { checkboxLanguages, isKnownLanguage, parseLanguageCodes, splitLanguages } from './modules/offers/languages'

describe('locale and language strings against hostile input', () => {
  it('takes only fi, sv and en as the interface language, exactly as written', () => {
    fc.assert(
      fc.property(fc.oneof(anyHostileString, fc.constantFrom('FI', 'sv-FI', ' en', 'se', 'fi\u0000', '__proto__', 'toString')), (value) => {
        expect(isLocale(value)).toBe((supportedLocales as readonly string[]).includes(value))
      }),
    )
    for (const value of [undefined, null, 1, {}, ['fi']]) expect(isLocale(value)).toBe(false)
  })

  it('reads "other languages" without throwing: known codes, or the culprits named', () => {
    fc.assert(
      fc.property(fc.oneof(anyHostileString, fc.array(fc.constantFrom('ar', 'SO', 'fse', 'xx', 'fi', 'constructor', ',', ';', ' '), { maxLength: 8 }).map((parts) => parts.join(' '))), (input) => {
        const parsed = parseLanguageCodes(input)
        if (parsed.ok) for (const code of parsed.codes) expect(isKnownLanguage(code)).toBe(true)
        else expect(parsed.invalid.length).toBeGreaterThan(0)
      }),
    )
  })

  it('round-trips a stored language list through the form: ticked boxes plus typed codes', () => {
    const known = ['fi', 'sv', 'en', 'fse', 'fss', 'ar', 'so', 'ru', 'et', 'fa'].filter(isKnownLanguage)
    fc.assert(
      fc.property(fc.uniqueArray(fc.constantFrom(...known), { maxLength: known.length }), (codes) => {
        const { checked, other } = splitLanguages(codes)
        for (const code of checked) expect(checkboxLanguages as readonly string[]).toContain(code)
        const typed = parseLanguageCodes(other)
        expect(typed.ok && new Set([...checked, ...typed.codes])).toEqual(new Set(codes))
      }),
    )
  })
})
