import { addDays, at, day } from './dates'

/** Document-watch stories the demo shows; documents and register entries must tell them the same way. */

/** Malax Hemvård Ab: its liability insurance ran out, the watch flagged the entry and staff suspended it. */
export const EXPIRED_LIABILITY = { organisation: 17, validUntil: day('2026-10-31') }

/** Isonkyrön Palvelukoti Oy: its tax debt certificate passed the 90-day limit; the entry is flagged but still active. */
export const EXPIRED_TAX_DEBT = { organisation: 20, issueDate: day('2026-08-17') }

export const SUSPENSION = {
  organisation: 17,
  category: 'home-care',
  lapsedAt: at(addDays(EXPIRED_LIABILITY.validUntil, 1), 2, 0),
  at: at(day('2026-11-04'), 10, 20),
  reason:
    'Tillfälligt avstängd: intyget över ansvarsförsäkring gick ut 31.10.2026 och inget nytt intyg har lämnats in trots påminnelse.',
}

export const TAX_DEBT_LAPSED_AT = at(addDays(EXPIRED_TAX_DEBT.issueDate, 91), 2, 0)

/** Liability insurance that ends within a month (organisation → days left after the reference date). */
export const LIABILITY_ENDING_SOON: Record<number, number> = { 3: 9, 9: 17, 14: 26 }

/** 90-day documents close to their limit (organisation → age in days on the reference date). */
export const TRADE_REGISTER_AGEING: Record<number, number> = { 6: 82, 22: 86 }

/** Organisations that replaced documents from their application with newer ones. */
export const SUPERSEDED_DOCUMENTS = new Set([1, 2, 6, 8, 13])
