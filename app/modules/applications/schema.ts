import { z } from 'zod'

/** Validation shared by server and browser. Messages are translation keys (namespace-prefixed where not common). */
const categoryIds = z
  .array(z.string().trim().min(1).max(64), { error: 'applications:errors.chooseCategory' })
  .min(1, 'applications:errors.chooseCategory')
  .max(50)

export const newApplicationSchema = z.object({ categoryIds })

/** The version of the application the page was made from (optimistic check against changes made meanwhile). */
const version = z.number().int().min(0)

/**
 * The application page's form: "Save draft" and "Submit" are buttons named `intent`. Submitting needs the
 * rulebook box ticked; `rulebookId` names the version the applicant read and accepts.
 */
export const applicationFormSchema = z
  .object({
    intent: z.enum(['save', 'submit']),
    categoryIds,
    version,
    rulebookId: z.string().trim().max(64).optional(),
    acceptRulebook: z.boolean().default(false),
  })
  .superRefine((value, ctx) => {
    if (value.intent === 'submit' && (!value.acceptRulebook || !value.rulebookId)) {
      ctx.addIssue({ code: 'custom', path: ['acceptRulebook'], message: 'applications:errors.acceptRulebook' })
    }
  })

/** The confirmation step of withdrawing. */
export const withdrawSchema = z.object({ intent: z.literal('withdraw'), version })
