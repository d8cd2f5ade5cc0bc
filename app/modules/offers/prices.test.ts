import { describe, expect, it } from 'vitest'
import { capacityAgeDays, isCapacityStale } from './capacity'
import { priceHistory, priceInForce, scheduledPrices } from './prices'
import { offerTitle, textIn } from './texts'

const prices = [
  { priceCents: 3600, effectiveFrom: new Date('2025-01-01T00:00:00Z') },
  { priceCents: 3980, effectiveFrom: new Date('2026-01-01T00:00:00Z') },
  { priceCents: 4200, effectiveFrom: '2026-06-01T00:00:00.000Z' },
]

describe('prices', () => {
  it('the price in force is the latest from a day on or before the day', () => {
    expect(priceInForce(prices, '2024-12-31')).toBeNull()
    expect(priceInForce(prices, '2025-06-01')?.priceCents).toBe(3600)
    expect(priceInForce(prices, '2026-01-01')?.priceCents).toBe(3980)
    expect(priceInForce(prices, '2026-05-31')?.priceCents).toBe(3980)
    expect(priceInForce(prices, '2026-06-01')?.priceCents).toBe(4200)
  })

  it('lists scheduled prices and the history with each row state', () => {
    expect(scheduledPrices(prices, '2026-03-01').map((price) => price.priceCents)).toEqual([4200])
    expect(priceHistory(prices, '2026-03-01').map((price) => [price.priceCents, price.state])).toEqual([
      [4200, 'scheduled'],
      [3980, 'current'],
      [3600, 'past'],
    ])
  })
})

describe('free places', () => {
  const now = new Date('2026-03-20T12:00:00Z')
  it('are stale when never confirmed or confirmed more than 14 days ago', () => {
    expect(isCapacityStale(null, now)).toBe(true)
    expect(isCapacityStale(new Date('2026-03-06T12:00:00Z'), now)).toBe(false)
    expect(isCapacityStale(new Date('2026-03-06T11:59:00Z'), now)).toBe(true)
    expect(capacityAgeDays(new Date('2026-03-06T12:00:00Z'), now)).toBe(14)
    expect(capacityAgeDays(new Date('2026-03-20T08:00:00Z'), now)).toBe(0)
    expect(capacityAgeDays(null, now)).toBeNull()
  })
})

describe('texts in the reader language', () => {
  it("give the reader's language, else another one marked as such", () => {
    expect(textIn({ fi: 'Kotihoito', sv: 'Hemvård' }, 'sv')).toEqual({ text: 'Hemvård', lang: 'sv', fallback: false })
    expect(textIn({ fi: 'Kotihoito', sv: null, en: 'Home care' }, 'sv')).toEqual({ text: 'Kotihoito', lang: 'fi', fallback: true })
    expect(textIn({ sv: 'Hemvård', en: 'Home care' }, 'fi')).toEqual({ text: 'Hemvård', lang: 'sv', fallback: true })
    expect(textIn({ fi: '  ', en: 'Home care' }, 'fi')).toEqual({ text: 'Home care', lang: 'en', fallback: true })
    expect(offerTitle({ titleFi: null, titleSv: null, titleEn: null }, 'en')).toBeNull()
  })
})
