import { isoDate } from '~/modules/documents/dates'

/**
 * An offer's price history (OfferPrice rows): a price per unit from a date on. Pure; shared by the provider pages
 * and the public catalogue. Dates are calendar days (`@db.Date`, UTC midnight) compared with today in Helsinki.
 */
export type PricePoint = { priceCents: number; effectiveFrom: Date | string }

/** The price in force on `day` (`YYYY-MM-DD`): the row with the latest effectiveFrom on or before it; null before the first. */
export function priceInForce<T extends PricePoint>(prices: readonly T[], day: string): T | null {
  let best: T | null = null
  for (const price of prices) {
    const from = isoDate(price.effectiveFrom)
    if (from <= day && (!best || from > isoDate(best.effectiveFrom))) best = price
  }
  return best
}

/** Prices that take effect after `day`, soonest first. */
export function scheduledPrices<T extends PricePoint>(prices: readonly T[], day: string): T[] {
  return prices.filter((price) => isoDate(price.effectiveFrom) > day).sort((a, b) => (isoDate(a.effectiveFrom) < isoDate(b.effectiveFrom) ? -1 : 1))
}

/** Each row with its state on `day`: in force, earlier (replaced) or scheduled; newest first, as the history table shows it. */
export function priceHistory<T extends PricePoint>(prices: readonly T[], day: string): (T & { state: 'current' | 'past' | 'scheduled' })[] {
  const current = priceInForce(prices, day)
  return [...prices]
    .sort((a, b) => (isoDate(a.effectiveFrom) < isoDate(b.effectiveFrom) ? 1 : -1))
    .map((price) => ({
      ...price,
      state: price === current ? 'current' : isoDate(price.effectiveFrom) > day ? 'scheduled' : 'past',
    }))
}
