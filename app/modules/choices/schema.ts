import { z } from 'zod'
import { isIsoDate } from '~/modules/documents/dates'

/** The client's and the moderators' forms (shared by server and browser; messages are voucher-namespace keys). */
const id = z.string().trim().min(1).max(64)

/** "Choose" on the list of producers. */
export const chooseSchema = z.object({ offerId: id })

/**
 * The confirmation of a choice. Leaving an accepted producer asks for the last day of their service: today or later,
 * and not after the voucher ends. Without an accepted producer the date is not asked (and ignored).
 */
export function confirmChoiceSchema(options: { today: string; validTo: string; askEndDate: boolean }) {
  const endDate = z
    .string({ error: 'voucher:errors.endDateRequired' })
    .trim()
    .min(1, 'voucher:errors.endDateRequired')
    .refine(isIsoDate, 'voucher:errors.endDateInvalid')
    .refine((value) => !isIsoDate(value) || value >= options.today, 'voucher:errors.endDatePast')
    .refine((value) => !isIsoDate(value) || value <= options.validTo, 'voucher:errors.endDateAfterValidity')
  return z.object({ endDate: options.askEndDate ? endDate : z.string().optional().transform(() => undefined) })
}

export const feedbackTextMaxLength = 1000
export const ratings = [5, 4, 3, 2, 1] as const

export const feedbackSchema = z.object({
  organisationId: id,
  rating: z.enum(['1', '2', '3', '4', '5'], { error: 'voucher:errors.ratingRequired' }).transform(Number),
  text: z.string().trim().max(feedbackTextMaxLength, 'voucher:errors.feedbackTooLong').optional(),
})
export type FeedbackInput = z.output<typeof feedbackSchema>

export const moderationDecisions = ['approve', 'reject'] as const
export const moderationSchema = z.object({ feedbackId: id, decision: z.enum(moderationDecisions) })
