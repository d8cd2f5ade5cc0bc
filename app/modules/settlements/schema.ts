import { z } from 'zod'

/**
 * The approval form: the settlement version the page showed (0 when the month had no settlement row yet). The
 * approval refuses any other version, so records added after the page was loaded are never approved unseen.
 */
export const approveSchema = z.object({
  version: z
    .string({ error: 'settlement:errors.changed' })
    .regex(/^\d{1,9}$/, 'settlement:errors.changed')
    .transform(Number),
})
