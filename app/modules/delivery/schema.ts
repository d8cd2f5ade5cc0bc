import { z } from 'zod'
import { isIsoDate, isoDate } from '~/modules/documents/dates'
import { addMonths } from '~/modules/settlements/month'
import { monthOf } from './months'
import { parseUnits } from './units'

/**
 * The forms of a provider's client page, told apart by `intent`; shared by server and browser. Messages are keys of
 * the delivery namespace. Rules that need the voucher (its validity, units left, the month's lock) are the service's.
 */
export const reasonMaxLength = 1000
export const noteMaxLength = 1000
export const maxExtraQuantity = 99

const id = z.string().trim().min(1).max(64)

/**
 * The earliest day service may start: the first day of the previous month ('2026-11-23' → '2026-10-01'). Service
 * agreed on the phone, or under a decision valid from an earlier day, is often accepted in the app later; last month
 * stays open to records until staff settle it after the month, earlier months are usually settled already.
 */
export function earliestStartDate(today: string): string {
  return isoDate(addMonths(monthOf(today), -1))
}

/** A calendar day `YYYY-MM-DD` (the browser's date input). */
const dayField = (required: string) => z.string({ error: required }).trim().min(1, required).refine(isIsoDate, 'delivery:errors.dateInvalid')

/** Units typed with a comma or a dot, to hundredths ("1,5" → 150); corrections may be negative. */
const unitsField = (allowNegative: boolean) =>
  z.string({ error: 'delivery:errors.units.required' }).transform((value, context) => {
    const parsed = parseUnits(value, { allowNegative })
    if (parsed.ok) return parsed.hundredths
    context.addIssue({ code: 'custom', message: `delivery:errors.units.${parsed.error}` })
    return z.NEVER
  })

const optionalNote = z
  .string()
  .trim()
  .max(noteMaxLength, 'errors.tooLong')
  .optional()
  .transform((value) => value || null)

/** Accepting a client: the day service starts (from last month on; the voucher's validity is checked later). */
export function acceptSchema(today: string) {
  const earliest = earliestStartDate(today)
  return z.object({
    intent: z.literal('accept'),
    startDate: dayField('delivery:errors.startDateRequired').refine(
      (value) => !isIsoDate(value) || value >= earliest,
      'delivery:errors.startDateTooEarly',
    ),
  })
}

/** Declining a client: the reason is required and goes to the client. */
export const declineSchema = z.object({
  intent: z.literal('decline'),
  reason: z
    .string({ error: 'delivery:errors.reasonRequired' })
    .trim()
    .min(1, 'delivery:errors.reasonRequired')
    .max(reasonMaxLength, 'errors.tooLong'),
})

/** Recording delivered service: a day not in the future, the units, a note, an extra service billed to the client. */
export function recordSchema(today: string) {
  return z
    .object({
      intent: z.literal('record'),
      serviceDate: dayField('delivery:errors.serviceDateRequired').refine(
        (value) => !isIsoDate(value) || value <= today,
        'delivery:errors.serviceDateFuture',
      ),
      units: unitsField(false),
      note: optionalNote,
      extraServiceId: z
        .string()
        .trim()
        .max(64)
        .optional()
        .transform((value) => value || null),
      extraQuantity: z
        .number({ error: 'delivery:errors.extraQuantity' })
        .int('delivery:errors.extraQuantity')
        .min(1, 'delivery:errors.extraQuantity')
        .max(maxExtraQuantity, 'delivery:errors.extraQuantity')
        .optional(),
    })
    .transform(({ extraServiceId, extraQuantity, ...value }) => ({
      ...value,
      extra: extraServiceId ? { id: extraServiceId, quantity: extraQuantity ?? 1 } : null,
    }))
}
export type RecordInput = z.output<ReturnType<typeof recordSchema>>

/** Deleting a record of an open month. */
export const deleteRecordSchema = z.object({ intent: z.literal('delete'), recordId: id })

/** A correction of a record of a locked month: units to add (negative to take away) and why. */
export const adjustmentSchema = z.object({
  intent: z.literal('adjust'),
  recordId: id,
  units: unitsField(true),
  reason: z
    .string({ error: 'delivery:errors.adjustmentReasonRequired' })
    .trim()
    .min(1, 'delivery:errors.adjustmentReasonRequired')
    .max(noteMaxLength, 'errors.tooLong'),
})
export type AdjustmentInput = z.output<typeof adjustmentSchema>

/** `?page=` of a list: a whole number from 1; anything else is the first page. */
export function pageParam(value: string | null): number {
  const page = Number(value)
  return Number.isSafeInteger(page) && page >= 1 ? page : 1
}
