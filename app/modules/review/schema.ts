import { z } from 'zod'
import type { ApplicationStatus } from '~/generated/prisma/client'
import { isSectionKey } from './sections'

/**
 * Validation of the review forms, shared by server and browser. Messages are translation keys. Every form of the
 * review page names its action in `intent` and carries the version of the application it was made from.
 */
const version = z.number({ error: 'review:errors.reload' }).int().min(0)
const reasonMax = 2000
const reason = z.string().trim().max(reasonMax, 'review:errors.tooLong')

export const takeSchema = z.object({ intent: z.literal('take'), version })

const section = z.string().max(80).refine(isSectionKey, 'review:errors.reload')

export const checkSectionSchema = z.object({ intent: z.literal('check-section'), version, section })

export const documentReviewSchema = z
  .object({
    intent: z.literal('document'),
    version,
    documentId: z.string().trim().min(1).max(64),
    decision: z.enum(['accept', 'reject']),
    rejectionReason: reason.optional(),
  })
  .superRefine((value, ctx) => {
    if (value.decision === 'reject' && !value.rejectionReason) {
      ctx.addIssue({ code: 'custom', path: ['rejectionReason'], message: 'review:errors.rejectionReasonRequired' })
    }
  })

/** One reason per section; sections left empty are not returned. At least one reason is needed. */
export const returnSchema = z
  .object({
    intent: z.literal('return'),
    version,
    sections: z.array(z.object({ section, reason: reason.optional() })).max(40),
  })
  .superRefine((value, ctx) => {
    if (!value.sections.some((item) => item.reason)) {
      ctx.addIssue({ code: 'custom', path: ['sections'], message: 'review:errors.returnReasonRequired' })
    }
  })

/** The categories ticked are approved, the others rejected; a rejection needs the reason (checked by the service). */
export const decideSchema = z.object({
  intent: z.literal('decide'),
  version,
  approve: z.array(z.string().trim().min(1).max(64)).max(50).optional(),
  reason: reason.optional(),
})

export const rejectSchema = z.object({
  intent: z.literal('reject'),
  version,
  reason: z.string({ error: 'review:errors.reasonRequired' }).trim().min(1, 'review:errors.reasonRequired').max(reasonMax, 'review:errors.tooLong'),
})

// ─── The queue's filters (a GET form: the address holds them) ────────────────

/** The states staff see: never drafts, which the applicant has not sent. */
export const queueStates = ['SUBMITTED', 'IN_REVIEW', 'RETURNED', 'APPROVED', 'REJECTED', 'WITHDRAWN'] as const satisfies readonly ApplicationStatus[]
/** The queue's default: applications still waiting for the county or the applicant. */
export const openQueueStates = ['SUBMITTED', 'IN_REVIEW', 'RETURNED'] as const satisfies readonly ApplicationStatus[]
export const ageOptions = [7, 14, 30] as const

export const stateFilters = ['open', 'all', ...queueStates] as const
export type StateFilter = (typeof stateFilters)[number]

const optionalId = z
  .string()
  .trim()
  .max(64)
  .transform((value) => value || undefined)
  .optional()
  .catch(undefined)

/** Unknown or malformed values fall back to the default instead of failing: a bad link still shows the queue. */
export const queueFilterSchema = z.object({
  state: z.enum(stateFilters).catch('open').default('open'),
  category: optionalId,
  municipality: optionalId,
  age: z
    .enum(ageOptions.map(String) as [string, ...string[]])
    .transform(Number)
    .optional()
    .catch(undefined),
  mine: z
    .literal('on')
    .optional()
    .catch(undefined)
    .transform((value) => value === 'on'),
  proposed: z
    .literal('on')
    .optional()
    .catch(undefined)
    .transform((value) => value === 'on'),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
})

export type QueueFilters = z.output<typeof queueFilterSchema>

export function parseQueueFilters(searchParams: URLSearchParams): QueueFilters {
  const raw: Record<string, string> = {}
  for (const key of ['state', 'category', 'municipality', 'age', 'mine', 'proposed', 'page']) {
    const value = searchParams.get(key)
    if (value !== null) raw[key] = value
  }
  return queueFilterSchema.parse(raw)
}
