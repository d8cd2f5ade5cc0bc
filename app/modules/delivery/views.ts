import type { ChoiceStatus, Locale, ServiceRecordKind, VoucherStatus } from '~/generated/prisma/client'
import type { LocalisedText } from '~/modules/offers/texts'
import type { Figures } from '~/modules/settlements/statement'
import type { UnitOfMeasure } from './units'

/**
 * What the provider's client pages show (built by view.server.ts and record-months.server.ts, read by the components):
 * texts in the reader's language, days as `YYYY-MM-DD`, units in hundredths, money in cents. Of the client only what
 * the provider needs: name, contact details, municipality, language; never the personal identity code.
 */

/** A voucher's grant and its use: this month's for a monthly grant, the whole validity's for a total grant. */
export type GrantView = {
  unit: UnitOfMeasure
  unitsPerMonth: number | null
  unitsTotal: number | null
  usedHundredths: number
  leftHundredths: number
}

/** A row of the client lists. */
export type ChoiceListView = GrantView & {
  id: string
  status: ChoiceStatus
  firstName: string
  lastName: string
  municipality: string
  language: Locale
  category: string
  validFrom: string
  validTo: string
  startDate: string | null
  endDate: string | null
  chosenAt: string
  decidedAt: string | null
}

/** The client page's facts: the choice, the client, the voucher and the offer. */
export type ClientChoiceView = {
  choice: {
    id: string
    status: ChoiceStatus
    startDate: string | null
    endDate: string | null
    declineReason: string | null
    chosenAt: string
    decidedAt: string | null
  }
  client: {
    firstName: string
    lastName: string
    phone: string | null
    email: string | null
    streetAddress: string | null
    postalCode: string | null
    municipality: string
    language: Locale
  }
  voucher: GrantView & { status: VoucherStatus; category: string; validFrom: string; validTo: string; valueCents: number }
  offer: {
    title: LocalisedText | null
    priceCents: number
    /** the client's co-payment per unit at today's price */
    copaymentCents: number
    extras: { id: string; name: LocalisedText | null; priceCents: number }[]
  }
}

/** One record on the client page, with its amounts as the settlement figures them. */
export type RecordView = {
  id: string
  kind: ServiceRecordKind
  /** a correction's is the corrected record's day */
  serviceDate: string
  unitsHundredths: number
  unitPriceCents: number
  note: string | null
  figures: Figures
  /** a corrected delivery: its units with every correction */
  correctedUnits: number | null
  deletable: boolean
  correctable: boolean
}

/** A settlement month of the client's records with its totals. */
export type RecordMonthView = { month: string; approved: boolean; records: RecordView[]; totals: Figures }

/** The delivery a correction form is for, and the settlement month the correction goes to. */
export type CorrectionView = { id: string; serviceDate: string; unitsHundredths: number; correctedUnits: number; month: string }

/**
 * The days service may be recorded on: from the start date (and the voucher's first day) to today (and the voucher's
 * last day, and the end date of an ended choice). Null when the choice is not in service.
 */
export function recordWindow(view: ClientChoiceView, today: string): { min: string; max: string } | null {
  const { choice, voucher } = view
  if ((choice.status !== 'ACCEPTED' && choice.status !== 'ENDED') || !choice.startDate || voucher.status === 'CANCELLED') return null
  const min = [choice.startDate, voucher.validFrom].sort().at(-1) ?? choice.startDate
  const max = [today, voucher.validTo, ...(choice.endDate ? [choice.endDate] : [])].sort()[0] ?? today
  return { min, max }
}
