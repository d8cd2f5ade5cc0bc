import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { checkHostileForms, parseForm } from '../../../tests/support/hostile-input'
import { capacitySchema, cancelPriceSchema, confirmCapacitySchema, newOfferSchema, offerEditSchema, priceChangeSchema, statusSchema } from './schema'

const today = '2026-11-23'
const offerValues = {
  titleFi: ['Kotihoito'],
  titleSv: ['Hemvård'],
  titleEn: [''],
  descriptionFi: ['Kotihoitoa arkisin.'],
  descriptionSv: ['Hemvård på vardagar.'],
  descriptionEn: [''],
  languages: ['fi', 'sv'],
  otherLanguages: ['ar, so', ''],
  unitIds: ['unit-1'],
  'extras[0].nameFi': ['Kauppakäynti'],
  'extras[0].price': ['12,50'],
}
const newValues = { ...offerValues, categoryId: ['category-1'], price: ['36,50'], capacity: ['unknown', 'none', 'some'], freePlaces: ['3'] }

describe('offer forms against hostile input', { timeout: 30_000 }, () => {
  it('never throws on a hostile new-offer form, and names each problem with a translated message', () => {
    checkHostileForms(newOfferSchema, { fields: Object.keys(newValues), valid: newValues })
  })

  it('never throws on a hostile edit form', () => {
    checkHostileForms(offerEditSchema, { fields: Object.keys(offerValues), intents: ['save'], valid: offerValues })
  })

  it('never throws on hostile price, capacity and status forms', () => {
    checkHostileForms(priceChangeSchema(today), { fields: ['price', 'effectiveFrom'], intents: ['price'], valid: { price: ['36,50'], effectiveFrom: [today] } })
    checkHostileForms(capacitySchema, { fields: ['capacity', 'freePlaces'], intents: ['capacity'], valid: { capacity: ['none', 'some'], freePlaces: ['3'] } })
    checkHostileForms(confirmCapacitySchema, { fields: ['offerId'], intents: ['confirm-capacity'], valid: { offerId: ['offer-1'] } })
    checkHostileForms(statusSchema, { fields: [], intents: ['publish', 'archive'], valid: {} })
    checkHostileForms(cancelPriceSchema, { fields: ['priceId'], intents: ['cancel-price'], valid: { priceId: ['price-1'] } })
  })

  it('stores free places as typed, from 0 to 9999, and refuses anything else', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9999 }), (places) => {
        const submission = parseForm(capacitySchema, { intent: 'capacity', capacity: 'some', freePlaces: String(places) })
        expect(submission.status === 'success' && submission.value).toEqual({ freePlaces: places })
      }),
    )
    // Conform reads numbers with Number(): "1e3" and "0x10" are 1000 and 16, whole numbers in range, so they pass
    for (const freePlaces of ['-1', '10000', '1.5', '-0.5', 'NaN', '9'.repeat(400), 'Infinity', 'kolme']) {
      const error = parseForm(capacitySchema, { intent: 'capacity', capacity: 'some', freePlaces }).reply().error?.freePlaces
      expect(error?.[0], freePlaces).toMatch(/^offers:errors\.freePlaces(Number|TooMany)$/)
    }
  })

  it('dates a new price from today up to two years ahead (a leap day included)', () => {
    for (const [day, effectiveFrom, ok] of [
      ['2028-02-29', '2030-02-28', true],
      ['2028-02-29', '2030-03-01', false],
      ['2026-11-23', '2026-11-22', false],
      ['2026-11-23', '2026-02-30', false],
    ] as const) {
      expect(parseForm(priceChangeSchema(day), { intent: 'price', price: '36,50', effectiveFrom }).status, `${day} ${effectiveFrom}`).toBe(ok ? 'success' : 'error')
    }
  })
})
