import { z } from 'zod'
import { isIsoDate } from '~/modules/documents/dates'
import { parseEuroToCents } from './money'

/**
 * Validation of the catalogue forms, shared by server and browser. Messages are translation keys in the admin
 * namespace (`admin:errors.…`), or the common namespace's (`errors.tooLong`).
 */
export const units = ['HOUR', 'DAY', 'VISIT', 'MONTH'] as const
export const voucherTypes = ['FIXED', 'INCOME_RELATED'] as const
export const reviewModes = ['SINGLE_STEP', 'TWO_STEP'] as const
export type VoucherTypeName = (typeof voucherTypes)[number]

const requiredText = (max: number, required: string) =>
  z.string({ error: required }).trim().min(1, required).max(max, 'errors.tooLong')

export const categorySchema = z.object({
  nameFi: requiredText(200, 'admin:errors.nameFiRequired'),
  nameSv: requiredText(200, 'admin:errors.nameSvRequired'),
  nameEn: requiredText(200, 'admin:errors.nameEnRequired'),
  unit: z.enum(units, { error: 'admin:errors.chooseUnit' }),
  voucherType: z.enum(voucherTypes, { error: 'admin:errors.chooseVoucherType' }),
  reviewMode: z.enum(reviewModes, { error: 'admin:errors.chooseReviewMode' }),
  requiresSoteri: z.boolean().default(false),
  active: z.boolean().default(false),
  documentTypes: z.array(z.string().trim().min(1).max(60)).max(50).default([]),
})
export type CategoryInput = z.infer<typeof categorySchema>

/** A calendar day `YYYY-MM-DD` (the date input's format). */
export const isoDateField = (required: string) =>
  z.string({ error: required }).trim().min(1, required).refine(isIsoDate, 'admin:errors.dateInvalid')

/** A euro amount typed with a comma or a dot ("36,00") → integer cents; each refusal has its own message. */
const euroField = (required: string) =>
  z.string({ error: required }).transform((value, context) => {
    const parsed = parseEuroToCents(value)
    if (parsed.ok) return parsed.cents
    context.addIssue({ code: 'custom', message: parsed.error === 'required' ? required : `admin:errors.money.${parsed.error}` })
    return z.NEVER
  })

const fixedValueSchema = z.object({
  effectiveFrom: isoDateField('admin:errors.effectiveFromRequired'),
  value: euroField('admin:errors.valueRequired').refine((cents) => cents > 0, 'admin:errors.valuePositive'),
})

const incomeRelatedValueSchema = z
  .object({
    effectiveFrom: isoDateField('admin:errors.effectiveFromRequired'),
    minValue: euroField('admin:errors.minValueRequired'),
    maxValue: euroField('admin:errors.maxValueRequired').refine((cents) => cents > 0, 'admin:errors.valuePositive'),
  })
  .refine((value) => value.minValue <= value.maxValue, { message: 'admin:errors.minAboveMax', path: ['maxValue'] })

/** The "add a value from a date" form: FIXED categories take one value, INCOME_RELATED ones a minimum and a maximum. */
export function voucherValueSchema(voucherType: VoucherTypeName) {
  return voucherType === 'FIXED' ? fixedValueSchema : incomeRelatedValueSchema
}
export type VoucherValueFormValue = z.infer<typeof fixedValueSchema> | z.infer<typeof incomeRelatedValueSchema>
