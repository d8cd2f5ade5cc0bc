import { parseWithZod } from '@conform-to/zod/v4'
import { describe, expect, it } from 'vitest'
import { capacitySchema, descriptionOneRequired, newOfferSchema, offerEditSchema, priceChangeSchema, titleOneRequired } from './schema'

function form(entries: Record<string, string | string[]>): FormData {
  const data = new FormData()
  for (const [name, value] of Object.entries(entries)) {
    for (const item of Array.isArray(value) ? value : [value]) data.append(name, item)
  }
  return data
}

const valid = {
  categoryId: 'cat-1',
  price: '39,80',
  titleSv: 'Hemvård i Närpes',
  descriptionSv: 'Vi hjälper dig hemma.',
  languages: ['sv', 'fi'],
  otherLanguages: '',
  unitIds: ['unit-1'],
  capacity: 'some',
  freePlaces: '3',
}

function parseNew(entries: Record<string, string | string[]>) {
  return parseWithZod(form(entries), { schema: newOfferSchema })
}

function errorsOf(submission: ReturnType<typeof parseNew>) {
  return submission.reply().error ?? {}
}

describe('the new-offer form', () => {
  it('reads a complete form: euros to cents, languages together, free places', () => {
    const submission = parseNew({ ...valid, otherLanguages: 'AR, so', 'extras[0].nameSv': 'Fönstertvätt', 'extras[0].price': '45' })
    expect(submission.status).toBe('success')
    if (submission.status !== 'success') return
    expect(submission.value).toMatchObject({
      categoryId: 'cat-1',
      priceCents: 3980,
      titleSv: 'Hemvård i Närpes',
      languages: ['sv', 'fi', 'ar', 'so'],
      unitIds: ['unit-1'],
      freePlaces: 3,
      extras: [{ nameFi: null, nameSv: 'Fönstertvätt', nameEn: null, priceCents: 4500 }],
    })
  })

  it('takes a comma or a dot in the price and refuses zero, negative and malformed prices', () => {
    for (const [price, cents] of [['39.80', 3980], ['1 234,5', 123450], ['0,01', 1]] as const) {
      const submission = parseNew({ ...valid, price })
      expect(submission.status === 'success' && submission.value.priceCents, price).toBe(cents)
    }
    expect(errorsOf(parseNew({ ...valid, price: '0' })).price).toEqual(['offers:errors.pricePositive'])
    expect(errorsOf(parseNew({ ...valid, price: '0,00' })).price).toEqual(['offers:errors.pricePositive'])
    expect(errorsOf(parseNew({ ...valid, price: '-5' })).price).toEqual(['offers:errors.money.negative'])
    expect(errorsOf(parseNew({ ...valid, price: '12,345' })).price).toEqual(['offers:errors.money.tooManyDecimals'])
    expect(errorsOf(parseNew({ ...valid, price: 'ten' })).price).toEqual(['offers:errors.money.invalid'])
    expect(errorsOf(parseNew({ ...valid, price: '' })).price).toEqual(['offers:errors.priceRequired'])
  })

  it('needs a title and a description in at least one language, whichever', () => {
    const { titleSv: _title, descriptionSv: _description, ...rest } = valid
    const errors = errorsOf(parseNew(rest))
    expect(errors['']).toEqual([titleOneRequired, descriptionOneRequired])
    expect(parseNew({ ...rest, titleEn: 'Home care', descriptionFi: 'Kotihoitoa.' }).status).toBe('success')
    // blanks do not count
    expect(errorsOf(parseNew({ ...rest, titleFi: '   ', descriptionFi: 'Kotihoitoa.' }))['']).toEqual([titleOneRequired])
  })

  it('reports every problem at once', () => {
    const errors = errorsOf(parseNew({ categoryId: 'cat-1', capacity: 'some' }))
    expect(errors['']).toEqual([titleOneRequired, descriptionOneRequired])
    expect(Object.keys(errors).sort()).toEqual(['', 'freePlaces', 'languages', 'price', 'unitIds'])
  })

  it('needs a service language, and refuses unknown or malformed codes in "other languages"', () => {
    expect(errorsOf(parseNew({ ...valid, languages: [] })).languages).toEqual(['offers:errors.chooseLanguage'])
    expect(parseNew({ ...valid, languages: [], otherLanguages: 'so' }).status).toBe('success')
    expect(errorsOf(parseNew({ ...valid, otherLanguages: 'xx' })).otherLanguages).toEqual(['offers:errors.language.unknown'])
    expect(errorsOf(parseNew({ ...valid, otherLanguages: 'arabic' })).otherLanguages).toEqual(['offers:errors.language.format'])
    expect(Object.keys(errorsOf(parseNew({ ...valid, languages: ['xx'] })))).toEqual(['languages[0]'])
  })

  it('needs at least one unit', () => {
    expect(errorsOf(parseNew({ ...valid, unitIds: [] })).unitIds).toEqual(['offers:errors.chooseUnit'])
  })

  it('reads free places as not stated, none (0) or a number', () => {
    const value = (entries: Record<string, string>) => {
      const submission = parseNew({ ...valid, ...entries })
      return submission.status === 'success' ? submission.value.freePlaces : submission.reply().error
    }
    expect(value({ capacity: 'unknown', freePlaces: '' })).toBeNull()
    expect(value({ capacity: 'none', freePlaces: '' })).toBe(0)
    expect(value({ capacity: 'some', freePlaces: '0' })).toBe(0)
    expect(value({ capacity: 'some', freePlaces: '12' })).toBe(12)
    expect(value({ capacity: 'some', freePlaces: '' })).toEqual({ freePlaces: ['offers:errors.freePlacesRequired'] })
    expect(value({ capacity: 'some', freePlaces: '-1' })).toEqual({ freePlaces: ['offers:errors.freePlacesNumber'] })
    expect(value({ capacity: 'some', freePlaces: '2.5' })).toEqual({ freePlaces: ['offers:errors.freePlacesNumber'] })
  })

  it('ignores blank extra-service rows and needs a name and a price in the others', () => {
    const submission = parseNew({
      ...valid,
      'extras[0].nameFi': '',
      'extras[0].price': '',
      'extras[1].nameEn': 'Meal delivery',
      'extras[1].price': '8,50',
      'extras[2].nameFi': 'Ikkunanpesu',
      'extras[2].price': '',
      'extras[3].price': '10',
    })
    expect(submission.reply().error).toEqual({
      'extras[2].price': ['offers:errors.extraPriceRequired'],
      'extras[3].nameFi': ['offers:errors.extraNameRequired'],
    })
    const fixed = parseNew({ ...valid, 'extras[0].nameFi': '', 'extras[1].nameEn': 'Meal delivery', 'extras[1].price': '8,50' })
    expect(fixed.status === 'success' && fixed.value.extras).toEqual([{ nameFi: null, nameSv: null, nameEn: 'Meal delivery', priceCents: 850 }])
  })
})

describe('the edit form', () => {
  it('has the same rules without category, price and free places', () => {
    const { categoryId: _c, price: _p, capacity: _k, freePlaces: _f, ...rest } = valid
    const submission = parseWithZod(form({ ...rest, intent: 'save' }), { schema: offerEditSchema })
    expect(submission.status).toBe('success')
    const missing = parseWithZod(form({ intent: 'save', unitIds: 'u', languages: 'fi' }), { schema: offerEditSchema })
    expect(missing.reply().error?.['']).toEqual([titleOneRequired, descriptionOneRequired])
  })
})

describe('the price change form', () => {
  const schema = priceChangeSchema('2026-03-10')
  const parse = (price: string, effectiveFrom: string) =>
    parseWithZod(form({ intent: 'price', price, effectiveFrom }), { schema })

  it('takes a price above zero from today or a later day', () => {
    expect(parse('41,00', '2026-03-10').status).toBe('success')
    const later = parse('41.5', '2026-04-01')
    expect(later.status === 'success' && later.value).toEqual({ intent: 'price', price: 4150, effectiveFrom: '2026-04-01' })
  })

  it('refuses a past day, a nonsense date, a day over two years ahead and a zero price', () => {
    expect(parse('41', '2026-03-09').reply().error).toEqual({ effectiveFrom: ['offers:errors.effectiveFromPast'] })
    expect(parse('41', '2026-02-30').reply().error).toEqual({ effectiveFrom: ['offers:errors.dateInvalid'] })
    expect(parse('41', '2028-03-11').reply().error).toEqual({ effectiveFrom: ['offers:errors.effectiveFromTooLate'] })
    expect(parse('0', '2026-03-10').reply().error).toEqual({ price: ['offers:errors.pricePositive'] })
  })
})

describe('the free-places form', () => {
  it('stores none as 0 and needs the number otherwise', () => {
    const parse = (entries: Record<string, string>) => parseWithZod(form({ intent: 'capacity', ...entries }), { schema: capacitySchema })
    const none = parse({ capacity: 'none' })
    expect(none.status === 'success' && none.value).toEqual({ freePlaces: 0 })
    const some = parse({ capacity: 'some', freePlaces: '4' })
    expect(some.status === 'success' && some.value).toEqual({ freePlaces: 4 })
    expect(parse({ capacity: 'some' }).reply().error).toEqual({ freePlaces: ['offers:errors.freePlacesRequired'] })
    expect(parse({}).reply().error).toEqual({ capacity: ['offers:errors.chooseCapacity'] })
  })
})
