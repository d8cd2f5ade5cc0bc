import { recordAudit } from '~/modules/audit/audit.server'
import { prisma } from '~/utils/db.server'
import { budgetStatus, budgetUsed, yearEndForecast, type BudgetStatus } from './forecast'
import type { CategorySpend } from './money.server'
import type { Period } from './periods'
import type { BudgetFormValue } from './schema'

/** The budgets and own-production unit costs of a year, by category id. */
export async function budgetsOf(year: number) {
  const rows = await prisma.categoryBudget.findMany({
    where: { year },
    select: { categoryId: true, budgetCents: true, ownProductionUnitCostCents: true },
  })
  return new Map(rows.map((row) => [row.categoryId, { budgetCents: row.budgetCents, unitCostCents: row.ownProductionUnitCostCents }]))
}
export type Budgets = Awaited<ReturnType<typeof budgetsOf>>

export type BudgetRow = {
  categoryId: string
  budgetCents: number | null
  yearToDateCents: number
  forecastCents: number
  /** year to date ÷ budget */
  used: number | null
  status: BudgetStatus
}

/**
 * Each category's budget of the chosen month's year beside the voucher shares so far and the year-end forecast
 * (forecast.ts). The budget is the whole welfare area's, so only the category filter may narrow `spend` (the
 * dashboard gives the area's sums even when other filters narrow the rest of the page). Pure.
 */
export function budgetRows(period: Period, categoryIds: string[], budgets: Budgets, spend: CategorySpend): BudgetRow[] {
  return categoryIds.map((categoryId) => {
    const budgetCents = budgets.get(categoryId)?.budgetCents ?? null
    const { yearToDateCents, recentCents } = spend.get(categoryId) ?? { yearToDateCents: 0, recentCents: 0 }
    const forecastCents = yearEndForecast({ yearToDateCents, recentCents, monthsElapsed: period.monthsElapsed })
    return { categoryId, budgetCents, yearToDateCents, forecastCents, used: budgetUsed(yearToDateCents, budgetCents), status: budgetStatus(forecastCents, budgetCents) }
  })
}

export type SaveBudgetsResult = { ok: true; changed: number } | { ok: false; error: 'unknownCategory' }

/**
 * Saves a year's budgets and own-production unit costs (staff admins), one audit event per category that changed.
 * An empty row removes the category's entry for the year.
 */
export async function saveBudgets(actorId: string, value: BudgetFormValue): Promise<SaveBudgetsResult> {
  const { year, rows } = value
  return prisma.$transaction(async (tx) => {
    const ids = [...new Set(rows.map((row) => row.categoryId))]
    const known = await tx.serviceCategory.count({ where: { id: { in: ids } } })
    if (known !== ids.length) return { ok: false as const, error: 'unknownCategory' as const }
    const existing = new Map(
      (await tx.categoryBudget.findMany({ where: { year, categoryId: { in: ids } } })).map((row) => [row.categoryId, row]),
    )
    let changed = 0
    for (const row of rows) {
      const before = existing.get(row.categoryId)
      const beforeValue = before ? { budgetCents: before.budgetCents, ownProductionUnitCostCents: before.ownProductionUnitCostCents } : null
      const afterValue = row.budget === null ? null : { budgetCents: row.budget, ownProductionUnitCostCents: row.unitCost }
      if (JSON.stringify(beforeValue) === JSON.stringify(afterValue)) continue
      const key = { categoryId_year: { categoryId: row.categoryId, year } }
      if (afterValue === null) await tx.categoryBudget.delete({ where: key })
      else await tx.categoryBudget.upsert({ where: key, create: { categoryId: row.categoryId, year, ...afterValue }, update: afterValue })
      await recordAudit(tx, {
        actorId,
        action: afterValue === null ? 'budget.remove' : beforeValue === null ? 'budget.add' : 'budget.change',
        entityType: 'CategoryBudget',
        entityId: `${row.categoryId}:${year}`,
        ...(beforeValue ? { before: { year, ...beforeValue } } : {}),
        ...(afterValue ? { after: { year, ...afterValue } } : {}),
      })
      changed++
    }
    return { ok: true as const, changed }
  })
}
