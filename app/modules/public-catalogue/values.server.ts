import { z } from 'zod'
import { helsinkiDay } from '~/modules/catalogue/values'
import type { IncomeRule } from '~/modules/vouchers/voucher-value'
import { prisma } from '~/utils/db.server'
import type { ValueRow } from './voucher'

/**
 * The voucher values in force today of several categories at once (a comparison or a profile spans categories;
 * `valueInForce` of the catalogue module answers one). One query: each category's latest row on or before the
 * Helsinki day.
 */
export async function valuesInForce(categoryIds: readonly string[], date = new Date()): Promise<Map<string, ValueRow>> {
  if (categoryIds.length === 0) return new Map()
  const rows = await prisma.voucherValue.findMany({
    where: { categoryId: { in: [...new Set(categoryIds)] }, effectiveFrom: { lte: helsinkiDay(date) } },
    orderBy: [{ categoryId: 'asc' }, { effectiveFrom: 'desc' }],
    distinct: ['categoryId'],
    select: { categoryId: true, valueCents: true, minValueCents: true, maxValueCents: true },
  })
  return new Map(rows.map(({ categoryId, ...row }) => [categoryId, row]))
}

const limits = z.record(z.string().regex(/^\d+$/), z.number().int().nonnegative())

/** The income rule in force on `date` (Helsinki day), or null when there is none or its limits do not read. */
export async function incomeRuleInForce(date = new Date()): Promise<IncomeRule | null> {
  const row = await prisma.incomeRule.findFirst({
    where: { effectiveFrom: { lte: helsinkiDay(date) } },
    orderBy: { effectiveFrom: 'desc' },
    select: { incomeLimitCentsByHousehold: true, extraPerAdditionalPersonCents: true, reductionRateBasisPoints: true },
  })
  if (!row) return null
  const parsed = limits.safeParse(row.incomeLimitCentsByHousehold)
  if (!parsed.success) return null
  // every size from 1 up to the largest listed must have its limit (larger households add the extra amount)
  const largest = Math.max(0, ...Object.keys(parsed.data).map(Number))
  if (largest === 0 || Array.from({ length: largest }, (_, index) => String(index + 1)).some((size) => !(size in parsed.data))) return null
  return {
    incomeLimitCentsByHousehold: parsed.data,
    extraPerAdditionalPersonCents: row.extraPerAdditionalPersonCents,
    reductionRateBasisPoints: row.reductionRateBasisPoints,
  }
}
