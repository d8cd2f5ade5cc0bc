import { describe, expect, it } from 'vitest'
import { municipalityName, municipalityOptions } from './municipality-name'

const narpes = { code: '545', nameFi: 'Närpiö', nameSv: 'Närpes', officialLanguages: ['sv'] }
const vaasa = { code: '905', nameFi: 'Vaasa', nameSv: 'Vasa', officialLanguages: ['fi', 'sv'] }
const korsnas = { code: '280', nameFi: 'Korsnäs', nameSv: 'Korsnäs', officialLanguages: ['sv'] }
const isokyro = { code: '152', nameFi: 'Isokyrö', nameSv: 'Storkyro', officialLanguages: ['fi'] }
const kristinestad = { code: '287', nameFi: 'Kristiinankaupunki', nameSv: 'Kristinestad', officialLanguages: ['sv', 'fi'] }

describe('municipalityName', () => {
  it('gives the Finnish name to Finnish readers and the Swedish name to Swedish readers', () => {
    expect(municipalityName(narpes, 'fi')).toBe('Närpiö')
    expect(municipalityName(narpes, 'sv')).toBe('Närpes')
    expect(municipalityName(vaasa, 'fi')).toBe('Vaasa')
    expect(municipalityName(vaasa, 'sv')).toBe('Vasa')
  })

  it('gives English readers the majority-language name with the other in brackets', () => {
    expect(municipalityName(narpes, 'en')).toBe('Närpes (Närpiö)')
    expect(municipalityName(vaasa, 'en')).toBe('Vaasa (Vasa)')
    expect(municipalityName(isokyro, 'en')).toBe('Isokyrö (Storkyro)')
    expect(municipalityName(korsnas, 'en')).toBe('Korsnäs')
  })

  it('puts Swedish first for English readers when the languages are unknown', () => {
    expect(municipalityName({ nameFi: 'Närpiö', nameSv: 'Närpes' }, 'en')).toBe('Närpes (Närpiö)')
  })
})

describe('municipalityOptions', () => {
  it('sorts by the name the reader sees, with Finnish and Swedish alphabetical rules (ä and ö last)', () => {
    const all = [narpes, vaasa, korsnas, isokyro, kristinestad]
    expect(municipalityOptions(all, 'sv').map((o) => o.label)).toEqual(['Korsnäs', 'Kristinestad', 'Närpes', 'Storkyro', 'Vasa'])
    expect(municipalityOptions(all, 'fi').map((o) => o.label)).toEqual([
      'Isokyrö',
      'Korsnäs',
      'Kristiinankaupunki',
      'Närpiö',
      'Vaasa',
    ])
    expect(municipalityOptions(all, 'en')[0]).toEqual({ value: '152', label: 'Isokyrö (Storkyro)' })
  })
})
