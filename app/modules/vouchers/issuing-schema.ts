import { z } from 'zod'
import { parseEuroToCents } from '~/modules/catalogue/money'
import { isIsoDate } from '~/modules/documents/dates'

/**
 * Validation of the staff's voucher forms (issue, cancel, extend, the list's filters), shared by server and browser.
 * Messages are translation keys in the issuing namespace (`issuing:errors.…`) or the common one (`errors.tooLong`).
 * Rules that need the database (the value in force, the voucher's current state) are the services'.
 */
export const unitsKinds = ['perMonth', 'total'] as const
export type UnitsKind = (typeof unitsKinds)[number]

export const voucherStatuses = ['ISSUED', 'ASSIGNED', 'ACTIVE', 'EXHAUSTED', 'EXPIRED', 'CANCELLED'] as const
export type VoucherStatusName = (typeof voucherStatuses)[number]
/** The statuses in which a voucher is still in use: it can be cancelled or extended, and it expires after validTo. */
export const openStatuses = ['ISSUED', 'ASSIGNED', 'ACTIVE'] as const satisfies readonly VoucherStatusName[]

export const decisionNumberMaxLength = 50
export const reasonMaxLength = 1000
/** A decision is dated today or within the past year. */
export const decisionMaxAgeDays = 365
/** Validity may start up to a year before or after today. */
export const validFromMaxShiftDays = 365
/** A decision grants at most five years. */
export const maxValidityYears = 5
export const maxUnitsTotal = 10_000
export const householdMin = 1
export const householdMax = 20

/** The most units a month can hold: 24 × 31 hours, 31 days, four visits a day, one month. */
export const maxUnitsPerMonth = { HOUR: 744, DAY: 31, VISIT: 124, MONTH: 1 } as const
export type UnitName = keyof typeof maxUnitsPerMonth

export function addDays(isoDay: string, days: number): string {
  const date = new Date(`${isoDay}T00:00:00.000Z`)
  date.setUTCDate(date.getUTCDate() + days)
  return date.toISOString().slice(0, 10)
}

/** The same calendar day `years` later (29 February → 28 February in a common year). */
export function addYears(isoDay: string, years: number): string {
  const [year = 0, month = 1, day = 1] = isoDay.split('-').map(Number)
  const target = new Date(Date.UTC(year + years, month - 1, day))
  if (target.getUTCMonth() !== month - 1) target.setUTCDate(0)
  return target.toISOString().slice(0, 10)
}

/** The last day of the validity a voucher starting on `validFrom` may have. */
export function latestValidTo(validFrom: string): string {
  return addDays(addYears(validFrom, maxValidityYears), -1)
}

const id = z.string({ error: 'issuing:errors.required' }).trim().min(1, 'issuing:errors.required').max(64)

const requiredText = (max: number, required: string) =>
  z.string({ error: required }).trim().min(1, required).max(max, 'errors.tooLong')

/** A calendar day `YYYY-MM-DD` (the browser's date input). */
const dayField = (required: string) =>
  z.string({ error: required }).trim().min(1, required).refine(isIsoDate, 'issuing:errors.dateInvalid')

/** A euro amount typed with a comma or a dot ("1 850,00") → integer cents; each refusal has its own message. */
const euroField = (required: string) =>
  z.string({ error: required }).transform((value, context) => {
    const parsed = parseEuroToCents(value)
    if (parsed.ok) return parsed.cents
    context.addIssue({ code: 'custom', message: parsed.error === 'required' ? required : `issuing:errors.money.${parsed.error}` })
    return z.NEVER
  })

const householdSize = z
  .number({ error: 'issuing:errors.householdInvalid' })
  .int('issuing:errors.householdInvalid')
  .min(householdMin, 'issuing:errors.householdInvalid')
  .max(householdMax, 'issuing:errors.householdInvalid')

export type VoucherTypeName = 'FIXED' | 'INCOME_RELATED'

/** What the issue form's rules depend on: Helsinki's today, and the chosen category's voucher type and unit. */
type Context = { today: string; voucherType: VoucherTypeName; unit: UnitName }

/**
 * What the calculation needs: the decision date (the value in force on it), household and income (income-related
 * categories; FIXED ones ignore them) and the value staff set themselves.
 */
function valueFields({ today }: Context) {
  const earliest = addDays(today, -decisionMaxAgeDays)
  return {
    decisionDate: dayField('issuing:errors.decisionDateRequired')
      .refine((value) => !isIsoDate(value) || value <= today, 'issuing:errors.decisionDateFuture')
      .refine((value) => !isIsoDate(value) || value >= earliest, 'issuing:errors.decisionDateTooOld'),
    householdSize: householdSize.optional(),
    grossMonthlyIncome: euroField('issuing:errors.incomeRequired').optional(),
    override: z.boolean().default(false),
    overrideValue: euroField('issuing:errors.overrideValueRequired')
      .refine((cents) => cents > 0, 'issuing:errors.overrideValuePositive')
      .optional(),
    overrideReason: z.string().trim().max(reasonMaxLength, 'errors.tooLong').optional(),
  }
}

type ValueFields = {
  householdSize?: unknown
  grossMonthlyIncome?: unknown
  override?: unknown
  overrideValue?: unknown
  overrideReason?: unknown
}

/** Income-related values need household and income, unless staff set the value themselves; an own value needs a reason. */
function checkValueFields(value: ValueFields, context: z.RefinementCtx, voucherType: VoucherTypeName) {
  if (value.override === true) {
    if (value.overrideValue === undefined) context.addIssue({ code: 'custom', path: ['overrideValue'], message: 'issuing:errors.overrideValueRequired' })
    if (typeof value.overrideReason !== 'string' || value.overrideReason === '') {
      context.addIssue({ code: 'custom', path: ['overrideReason'], message: 'issuing:errors.overrideReasonRequired' })
    }
    return
  }
  if (voucherType !== 'INCOME_RELATED') return
  if (value.householdSize === undefined) context.addIssue({ code: 'custom', path: ['householdSize'], message: 'issuing:errors.householdRequired' })
  if (value.grossMonthlyIncome === undefined) context.addIssue({ code: 'custom', path: ['grossMonthlyIncome'], message: 'issuing:errors.incomeRequired' })
}

const whenObject = { when: (payload: { value: unknown }) => typeof payload.value === 'object' && payload.value !== null }

/** The "Calculate" button of the issue form: only what the value depends on is checked. */
export function calculateValueSchema(context: Context) {
  return z
    .object({ intent: z.literal('calculate'), ...valueFields(context) })
    .superRefine((value, refinement) => checkValueFields(value, refinement, context.voucherType), whenObject)
}

/**
 * Issuing a voucher. Validity: from at most a year before or after today, to on or after that and not before today
 * (a voucher that has already ended is not issued), for at most five years. Units: whole units per month or in
 * total, more than zero, per month no more than a month holds in the category's unit (the service checks it too).
 */
export function issueVoucherSchema(context: Context) {
  const { today } = context
  const earliestFrom = addDays(today, -validFromMaxShiftDays)
  const latestFrom = addDays(today, validFromMaxShiftDays)
  return z
    .object({
      intent: z.literal('issue'),
      clientId: id,
      categoryId: id,
      decisionNumber: requiredText(decisionNumberMaxLength, 'issuing:errors.decisionNumberRequired'),
      ...valueFields(context),
      validFrom: dayField('issuing:errors.validFromRequired')
        .refine((value) => !isIsoDate(value) || value >= earliestFrom, 'issuing:errors.validFromTooEarly')
        .refine((value) => !isIsoDate(value) || value <= latestFrom, 'issuing:errors.validFromTooLate'),
      validTo: dayField('issuing:errors.validToRequired').refine((value) => !isIsoDate(value) || value >= today, 'issuing:errors.validToPast'),
      unitsKind: z.enum(unitsKinds, { error: 'issuing:errors.chooseUnitsKind' }),
      units: z
        .number({ error: 'issuing:errors.unitsInvalid' })
        .int('issuing:errors.unitsWhole')
        .min(1, 'issuing:errors.unitsPositive')
        .max(maxUnitsTotal, 'issuing:errors.unitsTooMany'),
    })
    .superRefine((value, refinement) => {
      checkValueFields(value, refinement, context.voucherType)
      const { unitsKind, units } = value as { unitsKind?: unknown; units?: unknown }
      if (unitsKind === 'perMonth' && typeof units === 'number' && units > maxUnitsPerMonth[context.unit]) {
        refinement.addIssue({ code: 'custom', path: ['units'], message: 'issuing:errors.unitsTooMany' })
      }
      const { validFrom, validTo } = value as { validFrom?: unknown; validTo?: unknown }
      if (typeof validFrom !== 'string' || typeof validTo !== 'string' || !isIsoDate(validFrom) || !isIsoDate(validTo)) return
      if (validTo < validFrom) refinement.addIssue({ code: 'custom', path: ['validTo'], message: 'issuing:errors.validToBeforeFrom' })
      else if (validTo > latestValidTo(validFrom)) refinement.addIssue({ code: 'custom', path: ['validTo'], message: 'issuing:errors.validityTooLong' })
    }, whenObject)
}
export type IssueVoucherValue = z.infer<ReturnType<typeof issueVoucherSchema>>

/** The issue form's two buttons: "Calculate" checks what the value needs, "Issue" everything. */
export function issueFormSchema(intent: unknown, context: Context) {
  return intent === 'calculate' ? calculateValueSchema(context) : issueVoucherSchema(context)
}

/** Cancelling: the reason is required (it is kept with the voucher and in the audit log). */
export const cancelVoucherSchema = z.object({
  intent: z.literal('cancel'),
  reason: requiredText(reasonMaxLength, 'issuing:errors.cancelReasonRequired'),
})

/** Extending: a new last day after the current one, within five years of the start; a note is optional. */
export function extendVoucherSchema({ validFrom, validTo }: { validFrom: string; validTo: string }) {
  const latest = latestValidTo(validFrom)
  return z.object({
    intent: z.literal('extend'),
    validTo: dayField('issuing:errors.validToRequired')
      .refine((value) => !isIsoDate(value) || value > validTo, 'issuing:errors.extendNotLater')
      .refine((value) => !isIsoDate(value) || value <= latest, 'issuing:errors.validityTooLong'),
    note: z.string().trim().max(reasonMaxLength, 'errors.tooLong').optional(),
  })
}

/** Any form of the voucher page (the server parses with it; the current validity comes from the database). */
export function voucherActionSchema(validity: { validFrom: string; validTo: string }) {
  return z.discriminatedUnion('intent', [cancelVoucherSchema, extendVoucherSchema(validity)])
}

// ─── The list's filters ─────────────────────────────────────────────────────

const page = z.coerce.number().int().min(1).max(10_000)

function optional<T>(schema: z.ZodType<T>, value: string | null): T | undefined {
  if (value === null || value === '') return undefined
  const parsed = schema.safeParse(value)
  return parsed.success ? parsed.data : undefined
}

export type VoucherListFilters = {
  status?: VoucherStatusName
  /** category id */
  category?: string
  /** a voucher code (or its beginning) or a part of the client's name */
  q?: string
  page: number
}

/** The voucher list's GET filters from the address; a value that does not fit is ignored. */
export function parseVoucherListFilters(params: URLSearchParams): VoucherListFilters {
  return {
    status: optional(z.enum(voucherStatuses), params.get('status')),
    category: optional(z.string().trim().min(1).max(64), params.get('category')),
    q: optional(z.string().trim().max(100), params.get('q')) || undefined,
    page: optional(page, params.get('page')) ?? 1,
  }
}
