import { describe, expect, it } from 'vitest'
import {
  checkboxLanguages,
  isKnownLanguage,
  languageList,
  languageName,
  languageOptions,
  parseLanguageCodes,
  serviceLanguages,
  signLanguages,
  sortLanguages,
  splitLanguages,
} from './languages'

const codes = Object.keys(serviceLanguages)

describe('the list of service languages', () => {
  it('has the languages that matter in Ostrobothnia, and the sign languages', () => {
    const required = 'fi sv en se ar so ru et fa ku de fr es pl th vi zh uk tr sq bs hr sr ro bg lt lv ti am ps ur hi bn ta tl ne my sw pt it'.split(' ')
    expect(required.filter((code) => !codes.includes(code))).toEqual([])
    expect(codes).toContain('fse')
    expect(codes).toContain('fss')
    expect(codes.length).toBeGreaterThanOrEqual(42)
  })

  it('uses two lowercase letters (ISO 639-1), except the two sign languages (ISO 639-3)', () => {
    for (const code of codes) {
      if ((signLanguages as readonly string[]).includes(code)) expect(code).toMatch(/^[a-z]{3}$/)
      else expect(code, code).toMatch(/^[a-z]{2}$/)
    }
  })

  it('names every language in Finnish, Swedish and English, without blanks or copies of the code', () => {
    for (const [code, names] of Object.entries(serviceLanguages)) {
      for (const locale of ['fi', 'sv', 'en'] as const) {
        expect(names[locale].trim(), `${code}/${locale}`).not.toBe('')
        expect(names[locale], `${code}/${locale}`).not.toBe(code)
      }
      // English names are capitalised, Finnish and Swedish ones are not (as in running text)
      expect(names.en.charAt(0), code).toBe(names.en.charAt(0).toUpperCase())
      expect(names.fi.charAt(0), code).toBe(names.fi.charAt(0).toLowerCase())
      expect(names.sv.charAt(0), code).toBe(names.sv.charAt(0).toLowerCase())
    }
  })

  it('gives every language a name of its own in each language', () => {
    for (const locale of ['fi', 'sv', 'en'] as const) {
      const names = codes.map((code) => languageName(code, locale))
      expect(new Set(names).size, locale).toBe(names.length)
    }
  })
})

describe('languageName', () => {
  it("names a language in the reader's language", () => {
    expect(languageName('sv', 'fi')).toBe('ruotsi')
    expect(languageName('fi', 'sv')).toBe('finska')
    expect(languageName('ar', 'en')).toBe('Arabic')
    expect(languageName('se', 'sv')).toBe('nordsamiska')
    expect(languageName('fse', 'fi')).toBe('suomalainen viittomakieli')
    expect(languageName('fss', 'sv')).toBe('finlandssvenskt teckenspråk')
    expect(languageName('fss', 'en')).toBe('Finland-Swedish Sign Language')
  })

  it('shows an unknown code as it is', () => {
    expect(isKnownLanguage('xx')).toBe(false)
    expect(languageName('xx', 'fi')).toBe('xx')
  })
})

describe('sorting and listing', () => {
  it('puts the national languages and sign languages first, then the others by name', () => {
    expect(sortLanguages(['so', 'ar', 'fss', 'sv', 'fi', 'ar'], 'sv')).toEqual(['fi', 'sv', 'fss', 'ar', 'so'])
    // in Finnish, "arabia" < "venäjä" < "viro"
    expect(sortLanguages(['et', 'ru', 'ar'], 'fi')).toEqual(['ar', 'ru', 'et'])
    expect(languageList(['ar', 'fi', 'sv'], 'fi')).toBe('suomi, ruotsi, arabia')
  })

  it('offers every known language as an option, sorted by name', () => {
    const options = languageOptions('sv')
    expect(options).toHaveLength(codes.length)
    expect(options[0]).toEqual({ code: 'sq', name: 'albanska' })
  })

  it('splits a stored list into the ticked boxes and the other languages', () => {
    expect(splitLanguages(['fi', 'ar', 'fss', 'so'])).toEqual({ checked: ['fi', 'fss'], other: 'ar, so' })
    expect(checkboxLanguages).toEqual(['fi', 'sv', 'en', 'fse', 'fss'])
  })
})

describe('parseLanguageCodes (the "other languages" input)', () => {
  it('reads codes separated by commas, spaces or semicolons, in any case, without duplicates', () => {
    expect(parseLanguageCodes('ar, so')).toEqual({ ok: true, codes: ['ar', 'so'] })
    expect(parseLanguageCodes(' AR;so  ru,ar ')).toEqual({ ok: true, codes: ['ar', 'so', 'ru'] })
    expect(parseLanguageCodes('fse, fss')).toEqual({ ok: true, codes: ['fse', 'fss'] })
  })

  it('reads an empty input as no languages', () => {
    expect(parseLanguageCodes('')).toEqual({ ok: true, codes: [] })
    expect(parseLanguageCodes(' , ')).toEqual({ ok: true, codes: [] })
  })

  it('refuses anything but two letters (or fse/fss), naming it', () => {
    expect(parseLanguageCodes('ar, arabic, ara, s1')).toEqual({ ok: false, error: 'format', invalid: ['arabic', 'ara', 's1'] })
    expect(parseLanguageCodes('ä')).toEqual({ ok: false, error: 'format', invalid: ['ä'] })
  })

  it('refuses two-letter codes that are not known languages, naming them', () => {
    expect(parseLanguageCodes('ar, xx, qq, xx')).toEqual({ ok: false, error: 'unknown', invalid: ['xx', 'qq'] })
  })
})
