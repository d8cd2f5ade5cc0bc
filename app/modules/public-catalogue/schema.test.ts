import { describe, expect, it } from 'vitest'
import { maxCompared, parseCalculatorParams, parseCompareParams, parseIncome, parseSearchParams, searchQuery } from './schema'

const parse = (query: string) => parseSearchParams(new URLSearchParams(query))

describe('the search address', () => {
  it('reads every filter', () => {
    expect(
      parse('category=home-care&municipality=545&elsewhere=on&lang=sv&lang=FSE&free=on&nocopay=on&type=association&q=+städ+&sort=distance&page=3&units=12&household=2&income=1+850,50'),
    ).toEqual({
      category: 'home-care',
      municipality: '545',
      elsewhere: true,
      languages: ['sv', 'fse'],
      freeNow: true,
      noCopay: true,
      providerType: 'association',
      q: 'städ',
      sort: 'distance',
      page: 3,
      units: 12,
      household: 2,
      incomeCents: 185050,
    })
  })

  it('has defaults for an empty address', () => {
    expect(parse('')).toEqual({ elsewhere: false, languages: [], freeNow: false, noCopay: false, sort: 'copayment', page: 1 })
  })

  it.each([
    ['page=abc', { page: 1 }],
    ['page=-2', { page: 1 }],
    ['page=1.5', { page: 1 }],
    ['page=99999999', { page: 1 }],
    ['sort=cheapest', { sort: 'copayment' }],
    ['type=charity', { providerType: undefined }],
    ['units=0', { units: undefined }],
    ['units=745', { units: undefined }],
    ['units=ten', { units: undefined }],
    ['free=yes&nocopay=1&elsewhere=true', { freeNow: false, noCopay: false, elsewhere: false }],
    ['q=+++', { q: undefined }],
    [`q=${'x'.repeat(101)}`, { q: undefined }],
    ['category=' + 'c'.repeat(65), { category: undefined }],
  ])('ignores a value that does not fit: %s', (query, expected) => {
    expect(parse(query)).toMatchObject(expected)
  })

  it('keeps only language codes, once each, at most ten', () => {
    expect(parse('lang=sv&lang=sv&lang=<script>&lang=swedish&lang=&lang=ar').languages).toEqual(['sv', 'ar'])
    const many = 'ab cd ef gh ij kl mn op qr st uv wx'.split(' ').map((code) => `lang=${code}`).join('&')
    expect(parse(many).languages).toHaveLength(10)
  })

  it('takes the income estimate only with both household size and income, both valid', () => {
    expect(parse('household=3&income=2500')).toMatchObject({ household: 3, incomeCents: 250000 })
    expect(parse('household=3')).toMatchObject({ household: undefined, incomeCents: undefined })
    expect(parse('income=2500')).toMatchObject({ household: undefined, incomeCents: undefined })
    expect(parse('household=13&income=2500')).toMatchObject({ household: undefined, incomeCents: undefined })
    expect(parse('household=0&income=2500')).toMatchObject({ household: undefined, incomeCents: undefined })
    expect(parse('household=2&income=-100')).toMatchObject({ household: undefined, incomeCents: undefined })
    expect(parse('household=2&income=12,345')).toMatchObject({ household: undefined, incomeCents: undefined })
  })

  it('reads incomes with a comma or a dot', () => {
    expect(parseIncome('1850,5')).toBe(185050)
    expect(parseIncome('1850.50')).toBe(185050)
    expect(parseIncome('1 850,00 €')).toBe(185000)
    expect(parseIncome('lots')).toBeUndefined()
    expect(parseIncome(null)).toBeUndefined()
  })

  it('writes the filters back, leaving defaults out', () => {
    const filters = parse('category=home-care&municipality=545&lang=sv&lang=en&free=on&sort=price&page=2&units=8&household=2&income=1850,5')
    expect(searchQuery(filters)).toBe('?category=home-care&municipality=545&lang=sv&lang=en&free=on&sort=price&page=2&units=8&household=2&income=1850%2C50')
    expect(parse(searchQuery(filters).slice(1))).toEqual(filters)
    expect(searchQuery(parse(''))).toBe('')
  })
})

describe('the compare address', () => {
  it('keeps the reader’s order, drops duplicates and odd ids, and counts what was asked', () => {
    const params = new URLSearchParams('offer=b&offer=a&offer=b&offer=<x>&offer=&units=5')
    expect(parseCompareParams(params)).toMatchObject({ offerIds: ['b', 'a'], requested: 2, units: 5 })
  })

  it(`compares at most ${maxCompared}, and says how many were asked`, () => {
    const params = new URLSearchParams(['a', 'b', 'c', 'd', 'e', 'f'].map((id) => ['offer', id]))
    expect(parseCompareParams(params)).toMatchObject({ offerIds: ['a', 'b', 'c', 'd'], requested: 6 })
  })
})

describe('the calculator address', () => {
  const parseCalculator = (query: string) => parseCalculatorParams(new URLSearchParams(query))

  it('reads household size and income', () => {
    expect(parseCalculator('category=home-care&household=2&income=1+850,00')).toEqual({
      category: 'home-care',
      household: 2,
      incomeCents: 185000,
      householdText: '2',
      incomeText: '1 850,00',
      errors: {},
    })
  })

  it('tells the reader what does not fit, instead of ignoring it', () => {
    expect(parseCalculator('household=0&income=abc').errors).toEqual({ household: 'householdInvalid', income: 'incomeInvalid' })
    expect(parseCalculator('household=13&income=100').errors).toEqual({ household: 'householdInvalid' })
    expect(parseCalculator('household=2').errors).toEqual({ income: 'incomeRequired' })
    expect(parseCalculator('income=2000').errors).toEqual({ household: 'householdRequired' })
    expect(parseCalculator('').errors).toEqual({})
  })
})
