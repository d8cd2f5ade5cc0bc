import { z } from 'zod'

/** "Pay online" on the client's payments page: which co-payment. */
export const paySchema = z.object({ paymentId: z.string().trim().min(1).max(64) })

/** The return page after Stripe Checkout: `?result=success|cancelled` (anything else is ignored). */
export const checkoutResultSchema = z.enum(['success', 'cancelled']).nullable().catch(null)
