import { budgetRows, budgetsOf, type BudgetRow } from './budgets.server'
import type { ReferenceData, ResolvedFilters } from './filters.server'
import { categorySpend, emptyMoney, moneyFigures, narrowsBelowCategory, type MoneyRow, type ProviderMoneyRow } from './money.server'
import type { Period } from './periods'
import {
  countWaitingVouchers,
  voucherFigures,
  waitingVouchers,
  type Granted,
  type VoucherFigures,
  type WaitingVoucher,
} from './vouchers.server'

/**
 * The whole follow-up dashboard for one set of filters: every figure of the page, as numbers (cents, hundredths of
 * units, counts). A handful of SQL aggregations, run side by side; nothing row by row in JavaScript.
 */
export type ProviderRow = ProviderMoneyRow & { granted: Granted }
export type ProductionRow = {
  categoryId: string
  unitCostCents: number | null
  month: { unitsHundredths: number; shareCents: number; totalCents: number }
  yearToDate: { unitsHundredths: number; shareCents: number; totalCents: number }
}

export type Dashboard = {
  period: Period
  total: MoneyRow
  trend: Awaited<ReturnType<typeof moneyFigures>>['trend']
  categories: (MoneyRow & { granted: Granted })[]
  municipalities: MoneyRow[]
  sectors: Awaited<ReturnType<typeof moneyFigures>>['sectors']
  providers: ProviderRow[]
  providerCount: { month: number; yearToDate: number }
  grantedTotal: Granted
  vouchers: Pick<VoucherFigures, 'counts' | 'languages' | 'providerLanguages'>
  waiting: { total: number; rows: WaitingVoucher[] }
  budgets: BudgetRow[]
  production: ProductionRow[]
}

export type DashboardOptions = {
  now?: Date
  /** providers listed (most spend first); null: all (exports) */
  providerLimit?: number | null
  waitingLimit?: number
}

function emptyRow(key: string): MoneyRow {
  return {
    key,
    month: emptyMoney,
    previousMonth: emptyMoney,
    lastYear: emptyMoney,
    yearToDate: emptyMoney,
    recentShareCents: 0,
    delivered: { month: 0, yearToDate: 0 },
  }
}

export async function followUpDashboard(filters: ResolvedFilters, reference: ReferenceData, options: DashboardOptions = {}): Promise<Dashboard> {
  const now = options.now ?? new Date()
  const providerLimit = options.providerLimit === undefined ? 25 : options.providerLimit
  const { period } = filters
  // the budget table's sums are the whole area's: their own query when other filters narrow the records
  const [money, vouchers, waitingRows, waitingTotal, budgets, areaSpend] = await Promise.all([
    moneyFigures(filters, providerLimit),
    voucherFigures(filters),
    waitingVouchers(filters, { now, limit: options.waitingLimit ?? 50 }),
    countWaitingVouchers(filters, now),
    budgetsOf(Number(period.month.slice(0, 4))),
    narrowsBelowCategory(filters) ? categorySpend(period, filters.categoryId) : null,
  ])
  const categoryIds = reference.categories
    .filter((category) => (filters.categoryId ? category.id === filters.categoryId : true))
    .filter((category) => category.active || money.categories.some((row) => row.key === category.id) || vouchers.grantedByCategory.has(category.id))
    .map((category) => category.id)
  const categorySums = new Map(money.categories.map((row) => [row.key, row]))
  const spend =
    areaSpend ?? new Map(money.categories.map((row) => [row.key, { yearToDateCents: row.yearToDate.shareCents, recentCents: row.recentShareCents }]))
  const noGrant: Granted = { month: 0, yearToDate: 0 }

  return {
    period,
    total: money.total,
    trend: money.trend,
    categories: categoryIds.map((id) => ({ ...(categorySums.get(id) ?? emptyRow(id)), granted: vouchers.grantedByCategory.get(id) ?? noGrant })),
    municipalities: money.municipalities,
    sectors: money.sectors,
    providers: money.providers.map((row) => ({ ...row, granted: vouchers.grantedByProvider.get(row.key) ?? noGrant })),
    providerCount: money.providerCount,
    grantedTotal: vouchers.grantedTotal,
    vouchers: { counts: vouchers.counts, languages: vouchers.languages, providerLanguages: vouchers.providerLanguages },
    waiting: { total: waitingTotal, rows: waitingRows },
    budgets: budgetRows(period, categoryIds, budgets, spend),
    production: categoryIds.map((id) => {
      const row = categorySums.get(id) ?? emptyRow(id)
      const pick = (money: MoneyRow['month']) => ({ unitsHundredths: money.unitsHundredths, shareCents: money.shareCents, totalCents: money.totalCents })
      return { categoryId: id, unitCostCents: budgets.get(id)?.unitCostCents ?? null, month: pick(row.month), yearToDate: pick(row.yearToDate) }
    }),
  }
}
