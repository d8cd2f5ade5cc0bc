import { z } from 'zod'
import { parseEuroToCents } from '~/modules/catalogue/money'
import { isMonth } from './periods'

/**
 * The dashboard's filters (a GET form: they live in the address, so a view can be bookmarked, shared and exported
 * with the same figures) and the budget form. Shared by the server and the browser. Messages are translation keys of
 * the followup namespace. Every filter is optional; the month defaults to the previous month.
 */
export const sectors = ['PRIVATE', 'THIRD_SECTOR'] as const
export const clientLanguages = ['fi', 'sv', 'en'] as const
export type SectorName = (typeof sectors)[number]
export type ClientLanguage = (typeof clientLanguages)[number]

/** NNNNNNN-N after trimming and turning typographic dashes into "-" (the check digit is not judged here). */
const businessIdShape = /^\d{7}-\d$/

export const filterSchema = z.object({
  month: z.string().trim().refine(isMonth, 'followup:errors.month').optional(),
  /** a service category's code */
  category: z.string().trim().max(60, 'followup:errors.category').optional(),
  /** the client's municipality code */
  municipality: z.string().trim().regex(/^\d{3}$/, 'followup:errors.municipality').optional(),
  /** the provider's business ID */
  provider: z
    .string()
    .trim()
    .transform((value) => value.replace(/[\u2010-\u2015\u2212]/g, '-'))
    .refine((value) => businessIdShape.test(value), 'followup:errors.providerFormat')
    .optional(),
  sector: z.enum(sectors, { error: 'followup:errors.sector' }).optional(),
  language: z.enum(clientLanguages, { error: 'followup:errors.language' }).optional(),
})
export type FilterValues = z.infer<typeof filterSchema>
export const filterNames = ['month', 'category', 'municipality', 'provider', 'sector', 'language'] as const

/** The tables of the dashboard, each exportable as CSV and XLSX (`?table=…`). */
export const tableNames = [
  'summary',
  'vouchers',
  'waiting',
  'utilisation-category',
  'utilisation-provider',
  'spend-month',
  'spend-category',
  'spend-provider',
  'spend-municipality',
  'languages',
  'sectors',
  'budget',
  'production',
] as const
export type TableName = (typeof tableNames)[number]

export const exportSchema = z.object({
  table: z.enum(tableNames),
  format: z.enum(['csv', 'xlsx']),
})

// ─── Budgets and own-production unit costs (admins) ─────────────────────────

/** 20 000 000,00 €: fits the database's integer cents with room to spare. */
export const maxBudgetCents = 2_000_000_000

const optionalEuro = (max: number) =>
  z
    .string()
    .optional()
    .transform((value, context) => {
      if (value === undefined || value.trim() === '') return null
      const parsed = parseEuroToCents(value, { max })
      if (parsed.ok) return parsed.cents
      context.addIssue({ code: 'custom', message: `followup:errors.money.${parsed.error}` })
      return z.NEVER
    })

export const budgetYearSchema = z.coerce
  .number({ error: 'followup:errors.year' })
  .int('followup:errors.year')
  .min(2000, 'followup:errors.year')
  .max(2100, 'followup:errors.year')

export const budgetRowSchema = z
  .object({
    categoryId: z.string({ error: 'followup:errors.category' }).trim().min(1, 'followup:errors.category').max(60),
    budget: optionalEuro(maxBudgetCents),
    unitCost: optionalEuro(maxBudgetCents).refine((cents) => cents === null || cents > 0, 'followup:errors.unitCostPositive'),
  })
  .refine((row) => row.unitCost === null || row.budget !== null, { message: 'followup:errors.budgetRequiredWithCost', path: ['budget'] })

export const budgetFormSchema = z.object({
  year: budgetYearSchema,
  rows: z.array(budgetRowSchema).max(100).default([]),
})
export type BudgetFormValue = z.infer<typeof budgetFormSchema>
