import type { AppLocale } from '~/i18n'
import { nameIn } from '~/modules/applications/labels'
import { capitalised, languageName } from '~/modules/offers/languages'
import { municipalityName } from '~/modules/organisations/municipality-name'
import type { Dashboard } from './dashboard.server'
import type { ReferenceData } from './filters.server'
import type { Money, MoneyRow } from './money.server'
import type { TableName } from './schema'
import type { Granted, WaitingVoucher } from './vouchers.server'

/**
 * Every table of the dashboard as a model of typed cells: the page renders it (formatting numbers per the reader's
 * locale), and the CSV and XLSX exports write the very same rows, so what is exported is what is shown. Pure.
 *
 * Kinds: euro (integer cents), units (hundredths of a unit), count, percent (a ratio: 0.5 = 50 %), change (a ratio of
 * change: 0.12 = +12 %), date (`YYYY-MM-DD`), month (`YYYY-MM`), text (optionally a link, or flagged as a warning: shown with an icon and
 * in bold, never by colour alone).
 */
export type Cell =
  | { kind: 'text'; value: string; href?: string; flag?: 'warning' }
  | { kind: 'euro' | 'units' | 'count' | 'percent' | 'change'; value: number | null }
  | { kind: 'date'; value: string }
  | { kind: 'month'; value: string }

export type TableModel = {
  name: TableName
  /** translation keys of the column headers (followup namespace); the first column heads the rows */
  columns: string[]
  rows: Cell[][]
  /** the row of totals, when the table has one */
  total?: Cell[]
}

export type Labels = {
  locale: AppLocale
  t: (key: string, options?: Record<string, unknown>) => string
  reference: ReferenceData
  /** where a provider's name links: the dashboard filtered to it */
  providerHref: (businessId: string) => string
  now: Date
}

const text = (value: string, href?: string): Cell => (href ? { kind: 'text', value, href } : { kind: 'text', value })
const euro = (value: number | null): Cell => ({ kind: 'euro', value })
const units = (value: number | null): Cell => ({ kind: 'units', value })
const count = (value: number | null): Cell => ({ kind: 'count', value })
const percent = (value: number | null): Cell => ({ kind: 'percent', value })
const change = (value: number | null): Cell => ({ kind: 'change', value })

/** (now − before) ÷ before, or null when there is nothing to compare with. */
export function relativeChange(now: number, before: number): number | null {
  return before === 0 ? null : (now - before) / Math.abs(before)
}

export function ratio(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole
}

/** Cents per whole unit: cents ÷ (hundredths ÷ 100), rounded to the cent. */
export function perUnit(cents: number, hundredths: number): number | null {
  return hundredths === 0 ? null : Math.round((cents * 100) / hundredths)
}

function categoryName(labels: Labels, id: string): string {
  const category = labels.reference.categories.find((candidate) => candidate.id === id)
  return category ? nameIn(labels.locale, category) : id
}

function categoryUnit(labels: Labels, id: string): string {
  const category = labels.reference.categories.find((candidate) => candidate.id === id)
  return category ? labels.t(`units.${category.unit}`) : ''
}

function municipality(labels: Labels, code: string): string {
  const found = labels.reference.municipalities.find((candidate) => candidate.code === code)
  return found ? municipalityName(found, labels.locale) : code
}

function language(labels: Labels, code: string): string {
  return capitalised(languageName(code, labels.locale))
}

/** The money columns of a category, municipality or provider: the month with its changes, and the year to date. */
function moneyCells(row: Pick<MoneyRow, 'month' | 'previousMonth' | 'lastYear' | 'yearToDate'>): Cell[] {
  return [
    euro(row.month.shareCents),
    change(relativeChange(row.month.shareCents, row.previousMonth.shareCents)),
    change(relativeChange(row.month.shareCents, row.lastYear.shareCents)),
    euro(row.month.copaymentCents),
    count(row.month.clients),
    euro(row.yearToDate.shareCents),
    euro(row.yearToDate.copaymentCents),
    count(row.yearToDate.clients),
  ]
}
const moneyColumns = [
  'columns.shareMonth',
  'columns.changePrevious',
  'columns.changeLastYear',
  'columns.copaymentMonth',
  'columns.clientsMonth',
  'columns.shareYear',
  'columns.copaymentYear',
  'columns.clientsYear',
]

function utilisationCells(granted: Granted, delivered: Granted): Cell[] {
  return [
    units(granted.month),
    units(delivered.month),
    percent(ratio(delivered.month, granted.month)),
    units(granted.yearToDate),
    units(delivered.yearToDate),
    percent(ratio(delivered.yearToDate, granted.yearToDate)),
  ]
}
const utilisationColumns = [
  'columns.grantedMonth',
  'columns.deliveredMonth',
  'columns.utilisationMonth',
  'columns.grantedYear',
  'columns.deliveredYear',
  'columns.utilisationYear',
]

function summaryRow(label: string, pick: (money: Money) => number, kind: 'euro' | 'units' | 'count', total: MoneyRow): Cell[] {
  const cell = (value: number): Cell => ({ kind, value })
  return [
    text(label),
    cell(pick(total.month)),
    cell(pick(total.previousMonth)),
    change(relativeChange(pick(total.month), pick(total.previousMonth))),
    cell(pick(total.lastYear)),
    change(relativeChange(pick(total.month), pick(total.lastYear))),
    cell(pick(total.yearToDate)),
  ]
}

export function waitingRow(labels: Labels, voucher: WaitingVoucher): Cell[] {
  const decision = voucher.decisionDate.toISOString().slice(0, 10)
  const days = Math.floor((labels.now.getTime() - voucher.decisionDate.getTime()) / 86_400_000)
  return [
    text(voucher.code, `/staff/vouchers/${voucher.id}`),
    text(voucher.decisionNumber),
    text(categoryName(labels, voucher.categoryId)),
    text(municipality(labels, voucher.municipalityCode)),
    text(language(labels, voucher.language)),
    { kind: 'date', value: decision },
    count(days),
  ]
}
export const waitingColumns = [
  'columns.voucher',
  'columns.decisionNumber',
  'columns.category',
  'columns.municipality',
  'columns.language',
  'columns.decisionDate',
  'columns.daysWaiting',
]

const sectorOrder = ['PRIVATE', 'THIRD_SECTOR']

/** Every table of the dashboard. */
export function dashboardTables(dashboard: Dashboard, labels: Labels): Record<TableName, TableModel> {
  const { t } = labels
  const { total } = dashboard
  const counts = dashboard.vouchers.counts
  const provider = (row: Dashboard['providers'][number]) => text(row.name, row.businessId ? labels.providerHref(row.businessId) : undefined)
  const budgetStatusText = { over: t('budget.over'), within: t('budget.within'), noBudget: t('budget.none') }
  const offering = dashboard.vouchers.providerLanguages

  return {
    summary: {
      name: 'summary',
      columns: ['columns.figure', 'columns.month', 'columns.previousMonth', 'columns.changePrevious', 'columns.lastYearMonth', 'columns.changeLastYear', 'columns.yearToDate'],
      rows: [
        summaryRow(t('figures.share'), (money) => money.shareCents, 'euro', total),
        summaryRow(t('figures.copayment'), (money) => money.copaymentCents, 'euro', total),
        summaryRow(t('figures.totalCost'), (money) => money.totalCents, 'euro', total),
        summaryRow(t('figures.clients'), (money) => money.clients, 'count', total),
        summaryRow(t('figures.unitsPaid'), (money) => money.unitsHundredths, 'units', total),
      ],
    },
    vouchers: {
      name: 'vouchers',
      columns: ['columns.vouchers', 'columns.month', 'columns.yearToDate'],
      rows: (['issued', 'active', 'exhausted', 'expired', 'cancelled'] as const).map((key) => [
        text(t(`vouchers.${key}`)),
        count(counts.month[key]),
        count(counts.yearToDate[key]),
      ]),
    },
    waiting: {
      name: 'waiting',
      columns: waitingColumns,
      rows: dashboard.waiting.rows.map((voucher) => waitingRow(labels, voucher)),
    },
    'utilisation-category': {
      name: 'utilisation-category',
      columns: ['columns.category', 'columns.unit', ...utilisationColumns],
      rows: dashboard.categories.map((row) => [text(categoryName(labels, row.key)), text(categoryUnit(labels, row.key)), ...utilisationCells(row.granted, row.delivered)]),
      total: [text(t('columns.total')), text(''), ...utilisationCells(dashboard.grantedTotal, total.delivered)],
    },
    'utilisation-provider': {
      name: 'utilisation-provider',
      columns: ['columns.provider', 'columns.businessId', ...utilisationColumns],
      rows: dashboard.providers.map((row) => [provider(row), text(row.businessId), ...utilisationCells(row.granted, row.delivered)]),
    },
    'spend-month': {
      name: 'spend-month',
      columns: ['columns.month', 'columns.share', 'columns.copayment', 'columns.totalCost', 'columns.clients', 'columns.unitsPaid', 'columns.changePrevious'],
      rows: dashboard.trend.map((point, index) => [
        { kind: 'month', value: point.month },
        euro(point.shareCents),
        euro(point.copaymentCents),
        euro(point.totalCents),
        count(point.clients),
        units(point.unitsHundredths),
        change(index === 0 ? null : relativeChange(point.shareCents, dashboard.trend[index - 1]!.shareCents)),
      ]),
    },
    'spend-category': {
      name: 'spend-category',
      columns: ['columns.category', ...moneyColumns],
      rows: dashboard.categories.map((row) => [text(categoryName(labels, row.key)), ...moneyCells(row)]),
      total: [text(t('columns.total')), ...moneyCells(total)],
    },
    'spend-provider': {
      name: 'spend-provider',
      columns: ['columns.provider', 'columns.businessId', 'columns.sector', ...moneyColumns],
      rows: dashboard.providers.map((row) => [provider(row), text(row.businessId), text(t(`sectors.${row.sector}`)), ...moneyCells(row)]),
    },
    'spend-municipality': {
      name: 'spend-municipality',
      columns: ['columns.municipality', ...moneyColumns],
      rows: [...dashboard.municipalities]
        .sort((a, b) => municipality(labels, a.key).localeCompare(municipality(labels, b.key), labels.locale))
        .map((row) => [text(municipality(labels, row.key)), ...moneyCells(row)]),
      total: [text(t('columns.total')), ...moneyCells(total)],
    },
    languages: {
      name: 'languages',
      columns: [
        'columns.clientLanguage',
        'columns.clientsMonth',
        'columns.servedInLanguageMonth',
        'columns.servedShareMonth',
        'columns.clientsYear',
        'columns.servedInLanguageYear',
        'columns.servedShareYear',
        'columns.providersOffering',
      ],
      rows: (['fi', 'sv', 'en'] as const).map((code) => {
        const row = dashboard.vouchers.languages.find((candidate) => candidate.language === code)
        const clients = row?.clients ?? { month: 0, yearToDate: 0 }
        const served = row?.servedInLanguage ?? { month: 0, yearToDate: 0 }
        return [
          text(language(labels, code)),
          count(clients.month),
          count(served.month),
          percent(ratio(served.month, clients.month)),
          count(clients.yearToDate),
          count(served.yearToDate),
          percent(ratio(served.yearToDate, clients.yearToDate)),
          text(t('languages.providersOffering', { offering: offering.offering[code].month, providers: offering.providers.month })),
        ]
      }),
    },
    sectors: {
      name: 'sectors',
      columns: ['columns.sector', 'columns.providersMonth', 'columns.shareMonth', 'columns.shareOfSpend', 'columns.clientsMonth', 'columns.providersYear', 'columns.shareYear'],
      rows: sectorOrder.map((sector) => {
        const row = dashboard.sectors.find((candidate) => candidate.key === sector)
        const share = row?.month.shareCents ?? 0
        return [
          text(t(`sectors.${sector}`)),
          count(row?.providers.month ?? 0),
          euro(share),
          percent(ratio(share, total.month.shareCents)),
          count(row?.month.clients ?? 0),
          count(row?.providers.yearToDate ?? 0),
          euro(row?.yearToDate.shareCents ?? 0),
        ]
      }),
      total: [
        text(t('columns.total')),
        count(dashboard.providerCount.month),
        euro(total.month.shareCents),
        percent(ratio(total.month.shareCents, total.month.shareCents)),
        count(total.month.clients),
        count(dashboard.providerCount.yearToDate),
        euro(total.yearToDate.shareCents),
      ],
    },
    budget: {
      name: 'budget',
      columns: ['columns.category', 'columns.budget', 'columns.shareYear', 'columns.budgetUsed', 'columns.forecast', 'columns.forecastOverBudget', 'columns.budgetStatus'],
      rows: dashboard.budgets.map((row) => [
        text(categoryName(labels, row.categoryId)),
        euro(row.budgetCents),
        euro(row.yearToDateCents),
        percent(row.used),
        euro(row.forecastCents),
        euro(row.budgetCents === null ? null : row.forecastCents - row.budgetCents),
        row.status === 'over' ? { kind: 'text', value: budgetStatusText.over, flag: 'warning' } : text(budgetStatusText[row.status]),
      ]),
    },
    production: {
      name: 'production',
      columns: [
        'columns.category',
        'columns.unit',
        'columns.ownUnitCost',
        'columns.voucherPerUnitMonth',
        'columns.pricePerUnitMonth',
        'columns.voucherPerUnitYear',
        'columns.pricePerUnitYear',
        'columns.voucherVsOwn',
      ],
      rows: dashboard.production.map((row) => {
        const voucherYear = perUnit(row.yearToDate.shareCents, row.yearToDate.unitsHundredths)
        return [
          text(categoryName(labels, row.categoryId)),
          text(categoryUnit(labels, row.categoryId)),
          euro(row.unitCostCents),
          euro(perUnit(row.month.shareCents, row.month.unitsHundredths)),
          euro(perUnit(row.month.totalCents, row.month.unitsHundredths)),
          euro(voucherYear),
          euro(perUnit(row.yearToDate.totalCents, row.yearToDate.unitsHundredths)),
          change(voucherYear === null || row.unitCostCents === null ? null : relativeChange(voucherYear, row.unitCostCents)),
        ]
      }),
    },
  }
}
