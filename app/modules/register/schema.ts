import { z } from 'zod'
import { isIsoDate } from '~/modules/documents/dates'

/** Validation shared by server and browser. Messages are translation keys of the register namespace. */

export const registerStatuses = ['ACTIVE', 'SUSPENDED', 'REMOVED'] as const
export type RegisterStatus = (typeof registerStatuses)[number]

export const reasonMaxLength = 1000
/** How far ahead staff may date a suspension. */
export const maxSuspensionLeadDays = 365

const reason = z
  .string({ error: 'register:errors.reasonRequired' })
  .trim()
  .min(1, 'register:errors.reasonRequired')
  .max(reasonMaxLength, 'register:errors.reasonTooLong')
const entryId = z.string().trim().min(1).max(64)

function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00.000Z`)
  date.setUTCDate(date.getUTCDate() + days)
  return date.toISOString().slice(0, 10)
}

/**
 * The forms of the staff register page, told apart by `intent`. `expectedStatus` is the status the page showed:
 * the service acts only if the entry is still in it.
 *
 * A suspension starts today or on a chosen later day (a decision is not made retroactive against the provider),
 * at most a year ahead; `today` is Helsinki's `YYYY-MM-DD`.
 */
export function suspendSchema({ today }: { today: string }) {
  const latest = addDays(today, maxSuspensionLeadDays)
  return z
    .object({
      intent: z.literal('suspend'),
      entryId,
      expectedStatus: z.literal('ACTIVE'),
      reason,
      start: z.enum(['today', 'date'], { error: 'register:errors.startRequired' }),
      startDate: z.string().trim().max(10).optional(),
    })
    .superRefine(
      (value, ctx) => {
        // runs even when another field failed (so every error shows at once): read the fields defensively
        const { start, startDate: date } = value as { start?: unknown; startDate?: unknown }
        if (start !== 'date') return
        if (typeof date !== 'string' || !date) ctx.addIssue({ code: 'custom', path: ['startDate'], message: 'register:errors.dateRequired' })
        else if (!isIsoDate(date)) ctx.addIssue({ code: 'custom', path: ['startDate'], message: 'register:errors.dateInvalid' })
        else if (date < today) ctx.addIssue({ code: 'custom', path: ['startDate'], message: 'register:errors.dateInPast' })
        else if (date > latest) ctx.addIssue({ code: 'custom', path: ['startDate'], message: 'register:errors.dateTooFar' })
      },
      { when: (payload) => typeof payload.value === 'object' && payload.value !== null },
    )
}

export const reinstateSchema = z.object({
  intent: z.literal('reinstate'),
  entryId,
  expectedStatus: z.literal('SUSPENDED'),
  note: z.string().trim().max(reasonMaxLength, 'register:errors.reasonTooLong').optional(),
})

export const removeSchema = z.object({
  intent: z.literal('remove'),
  entryId,
  expectedStatus: z.enum(['ACTIVE', 'SUSPENDED']),
  reason,
})

/** Any of the three forms (the server parses with it). */
export function entryActionSchema({ today }: { today: string }) {
  return z.discriminatedUnion('intent', [suspendSchema({ today }), reinstateSchema, removeSchema])
}
export type EntryAction = z.infer<ReturnType<typeof entryActionSchema>>

const searchText = z.string().trim().max(100)
const code = z.string().trim().min(1).max(64)
const page = z.coerce.number().int().min(1).max(10_000)

/** Reads one optional query parameter; a value that does not fit is ignored (the page shows everything instead). */
function optional<T>(schema: z.ZodType<T>, value: string | null): T | undefined {
  if (value === null || value === '') return undefined
  const parsed = schema.safeParse(value)
  return parsed.success ? parsed.data : undefined
}

export type StaffRegisterFilters = {
  /** category code */
  category?: string
  /** municipality code of the organisation */
  municipality?: string
  status?: RegisterStatus
  /** only entries whose required documents have lapsed */
  lapsed: boolean
  /** part of the organisation's name or business ID */
  q?: string
  page: number
}

/** The staff register's GET filters from the address (kept in the URL, so a filtered list can be shared). */
export function parseStaffRegisterFilters(params: URLSearchParams): StaffRegisterFilters {
  return {
    category: optional(code, params.get('category')),
    municipality: optional(code, params.get('municipality')),
    status: optional(z.enum(registerStatuses), params.get('status')),
    lapsed: params.get('lapsed') === 'on',
    q: optional(searchText, params.get('q')) || undefined,
    page: optional(page, params.get('page')) ?? 1,
  }
}

export type PublicRegisterFilters = { category?: string; municipality?: string; page: number }

/** The public register's GET filters: category and municipality codes, and the page. */
export function parsePublicRegisterFilters(params: URLSearchParams): PublicRegisterFilters {
  return {
    category: optional(code, params.get('category')),
    municipality: optional(code, params.get('municipality')),
    page: optional(page, params.get('page')) ?? 1,
  }
}
