import { Prisma } from '~/generated/prisma/client'
import type { ResolvedFilters } from './filters.server'
import type { Period } from './periods'
import { andAll, num, providerConditions, query } from './sql.server'

/**
 * The money and units of the service records, from the summary table FollowUpYear (one row per year, client, category
 * and provider, the months in arrays; a trigger keeps it in step with ServiceRecord, rounding each record as
 * recordAmounts does). Aggregated in SQL; nothing row by row in JavaScript.
 *
 * - money (voucher shares, co-payments, units paid for, clients) counts records by their settlement month, like the
 *   monthly settlement: per month of the trend, and per category, provider, municipality and sector for the chosen
 *   month, the month before, the same month a year earlier, the year to date and the last three months (the forecast);
 * - units delivered (utilisation) count by the month of the service date, the month the units are used from the
 *   voucher;
 * - clients are distinct clients with records settled in the period (a client with two vouchers counts once).
 */
export type Money = { shareCents: number; copaymentCents: number; totalCents: number; unitsHundredths: number; clients: number }
export type MoneyPeriods = { month: Money; previousMonth: Money; lastYear: Money; yearToDate: Money; recentShareCents: number }
export type Delivered = { month: number; yearToDate: number }
export type MoneyRow = MoneyPeriods & { key: string; delivered: Delivered }
export type ProviderMoneyRow = MoneyRow & { sector: string; name: string; businessId: string }
export type SectorRow = MoneyRow & { providers: { month: number; yearToDate: number } }
export type TrendPoint = Money & { month: string }

export type MoneyFigures = {
  total: MoneyRow
  trend: TrendPoint[]
  categories: MoneyRow[]
  municipalities: MoneyRow[]
  sectors: SectorRow[]
  providers: ProviderMoneyRow[]
  providerCount: { month: number; yearToDate: number }
}

type Raw = Record<string, unknown>

const measures = { share: 'shareCents', total: 'totalCents', units: 'unitsHundredths' } as const
const periodKeys = ['m', 'p', 'y', 'ytd'] as const
type PeriodKey = (typeof periodKeys)[number]

/** A calendar month as (year, month number). */
function yearMonth(month: string): { year: number; month: number } {
  return { year: Number(month.slice(0, 4)), month: Number(month.slice(5, 7)) }
}

/** The sum of months `from` … `to` (1–12) of an array column in the rows of `year`, or NULL in other years' rows. */
function monthsOf(column: string, year: number, from: number, to: number): Prisma.Sql {
  const cells = Array.from({ length: to - from + 1 }, (_, index) => `s."${column}"[${from + index}]`).join(' + ')
  return Prisma.sql`CASE WHEN s."year" = ${year} THEN ${Prisma.raw(cells)} END`
}

/** The bits of months `from` … `to` in `months`. */
function monthBits(from: number, to: number): number {
  let bits = 0
  for (let month = from; month <= to; month++) bits |= 1 << (month - 1)
  return bits
}

function periodMonths(period: Period): Record<PeriodKey, { year: number; from: number; to: number }> {
  const chosen = yearMonth(period.month)
  const previous = yearMonth(period.previousMonth)
  return {
    m: { year: chosen.year, from: chosen.month, to: chosen.month },
    p: { year: previous.year, from: previous.month, to: previous.month },
    y: { year: chosen.year - 1, from: chosen.month, to: chosen.month },
    ytd: { year: chosen.year, from: 1, to: chosen.month },
  }
}

/** The forecast's run rate: the last three months of the year up to the chosen month (fewer in January and February). */
function recentMonths(period: Period): { from: number; to: number } {
  const { month } = yearMonth(period.month)
  return { from: Math.max(1, month - 2), to: month }
}

/**
 * The summary's rows of the chosen year and the one before, with the filters; `s` is FollowUpYear, `o` the provider
 * (joined when its sector is wanted or filtered).
 */
function rowsOf(filters: ResolvedFilters, withSector = true): Prisma.Sql {
  const { year } = yearMonth(filters.period.month)
  const conditions: Prisma.Sql[] = []
  if (filters.categoryId) conditions.push(Prisma.sql`s."categoryId" = ${filters.categoryId}`)
  if (filters.municipalityCode) conditions.push(Prisma.sql`s."municipalityCode" = ${filters.municipalityCode}`)
  if (filters.language) conditions.push(Prisma.sql`s."language" = ${filters.language}::"Locale"`)
  const provider = withSector || filters.organisationId || filters.sector ? Prisma.sql`JOIN "Organisation" o ON o."id" = s."organisationId"` : Prisma.empty
  return Prisma.sql`
    FROM "FollowUpYear" s ${provider}
    WHERE s."year" IN (${year - 1}, ${year}) ${andAll([...conditions, ...providerConditions(filters)])}`
}

export const emptyMoney: Money = { shareCents: 0, copaymentCents: 0, totalCents: 0, unitsHundredths: 0, clients: 0 }

function money(row: Raw | undefined, suffix: string, clients: number): Money {
  const shareCents = num(row?.[`share_${suffix}`])
  const totalCents = num(row?.[`total_${suffix}`])
  return { shareCents, totalCents, copaymentCents: totalCents - shareCents, unitsHundredths: num(row?.[`units_${suffix}`]), clients }
}

/**
 * `providerLimit`: how many providers to return, most spend in the month first (then the year to date); the page
 * shows the first ones, the export asks for all (`null`).
 */
export async function moneyFigures(filters: ResolvedFilters, providerLimit: number | null): Promise<MoneyFigures> {
  const { period } = filters
  const chosen = yearMonth(period.month)
  const months = periodMonths(period)
  const recent = recentMonths(period)

  // per row: each measure of each period, the units delivered, and whether the client is there in the period
  const cells = [
    ...periodKeys.flatMap((key) =>
      Object.entries(measures).map(
        ([name, column]) => Prisma.sql`${monthsOf(column, months[key].year, months[key].from, months[key].to)} AS ${Prisma.raw(`${name}_${key}`)}`,
      ),
    ),
    Prisma.sql`${monthsOf('shareCents', chosen.year, recent.from, recent.to)} AS share_recent`,
    Prisma.sql`${monthsOf('deliveredHundredths', chosen.year, chosen.month, chosen.month)} AS delivered_m`,
    Prisma.sql`${monthsOf('deliveredHundredths', chosen.year, 1, chosen.month)} AS delivered_ytd`,
    Prisma.sql`(s."year" = ${chosen.year} AND s."months" & ${monthBits(chosen.month, chosen.month)} <> 0) AS in_m`,
    Prisma.sql`(s."year" = ${chosen.year} AND s."months" & ${monthBits(1, chosen.month)} <> 0) AS in_ytd`,
  ]
  const base = Prisma.sql`
    SELECT s."clientId" AS client, s."categoryId" AS cat, s."organisationId" AS org, o."sector"::text AS sector,
      s."municipalityCode" AS mun, ${Prisma.join(cells, ', ')}
    ${rowsOf(filters)}`
  const sums = Prisma.join(
    [
      ...periodKeys.flatMap((key) => Object.keys(measures).map((name) => Prisma.raw(`SUM(${name}_${key})::float8 AS ${name}_${key}`))),
      Prisma.raw('SUM(share_recent)::float8 AS share_recent'),
      Prisma.raw('SUM(delivered_m)::float8 AS delivered_m'),
      Prisma.raw('SUM(delivered_ytd)::float8 AS delivered_ytd'),
      Prisma.raw('bool_or(in_m) AS any_m'),
      Prisma.raw('bool_or(in_ytd) AS any_ytd'),
    ],
    ', ',
  )
  const dimension = Prisma.raw(`CASE WHEN GROUPING(x.cat) = 0 THEN 'category' WHEN GROUPING(x.org) = 0 THEN 'provider'
    WHEN GROUPING(x.mun) = 0 THEN 'municipality' WHEN GROUPING(x.sector) = 0 THEN 'sector' ELSE 'total' END`)
  const limit = providerLimit === null ? Prisma.empty : Prisma.sql`LIMIT ${providerLimit}`

  // sums per category, provider, municipality and sector; the providers with records counted per sector
  const sumsQuery = query<Raw>(Prisma.sql`
    WITH x AS (${base}),
    g AS MATERIALIZED (
      SELECT ${dimension} AS dim, COALESCE(x.cat, x.org, x.mun, x.sector) AS key, x.sector, ${sums}
      FROM x GROUP BY GROUPING SETS ((x.cat), (x.org, x.sector), (x.mun), (x.sector), ())
    ),
    providers AS (
      SELECT sector, COUNT(*) FILTER (WHERE any_m)::int AS providers_m, COUNT(*) FILTER (WHERE any_ytd)::int AS providers_ytd
      FROM g WHERE dim = 'provider' GROUP BY ROLLUP (sector)
    )
    SELECT g.*, providers.providers_m, providers.providers_ytd, NULL AS name, NULL AS business_id
    FROM g LEFT JOIN providers ON g.dim IN ('sector', 'total') AND providers.sector IS NOT DISTINCT FROM g.sector
    WHERE g.dim <> 'provider'
    UNION ALL
    (SELECT g.*, NULL, NULL, o."name", o."businessId" FROM g JOIN "Organisation" o ON o."id" = g.key
      WHERE dim = 'provider' ORDER BY share_m DESC NULLS LAST, share_ytd DESC NULLS LAST, key ${limit})`)

  // distinct clients in the month and the year to date: one row per group and client, then counted
  const clientsQuery = query<Raw>(Prisma.sql`
    WITH x AS (
      SELECT s."clientId" AS client, s."categoryId" AS cat, s."organisationId" AS org, o."sector"::text AS sector,
        s."municipalityCode" AS mun, s."months" & ${monthBits(chosen.month, chosen.month)} <> 0 AS in_m
      ${rowsOf(filters)} AND s."year" = ${chosen.year} AND s."months" & ${monthBits(1, chosen.month)} <> 0
    ),
    per_client AS (
      SELECT ${dimension} AS dim, COALESCE(x.cat, x.org, x.mun, x.sector) AS key, bool_or(x.in_m) AS in_m
      FROM x GROUP BY GROUPING SETS ((x.cat, x.client), (x.org, x.client), (x.mun, x.client), (x.sector, x.client), (x.client))
    )
    SELECT dim, key, COUNT(*) FILTER (WHERE in_m)::int AS clients_m, COUNT(*)::int AS clients_ytd
    FROM per_client GROUP BY dim, key`)

  // the trend: the two years' months summed, and each month's clients from the clients' month bits
  const perClient = (column: string, name: string) =>
    Array.from({ length: 12 }, (_, index) => `SUM(s."${column}"[${index + 1}]) AS ${name}_${index + 1}`).join(', ')
  const perYear = (name: string) => Array.from({ length: 12 }, (_, index) => `SUM(${name}_${index + 1})::float8 AS ${name}_${index + 1}`).join(', ')
  const clientsPerMonth = Array.from({ length: 12 }, (_, index) => `COUNT(*) FILTER (WHERE bits & ${1 << index} <> 0)::int AS clients_${index + 1}`).join(', ')
  const trendQuery = query<Raw>(Prisma.sql`
    WITH per_client AS (
      SELECT s."year", bit_or(s."months") AS bits, ${Prisma.raw(perClient('shareCents', 'share'))},
        ${Prisma.raw(perClient('totalCents', 'total'))}, ${Prisma.raw(perClient('unitsHundredths', 'units'))}
      ${rowsOf(filters, false)}
      GROUP BY s."year", s."clientId"
    )
    SELECT "year", ${Prisma.raw(perYear('share'))}, ${Prisma.raw(perYear('total'))}, ${Prisma.raw(perYear('units'))}, ${Prisma.raw(clientsPerMonth)}
    FROM per_client GROUP BY "year"`)

  const [sumRows, clientRows, trendRows] = await Promise.all([sumsQuery, clientsQuery, trendQuery])

  const yearRow = (rows: Raw[], year: number) => rows.find((row) => num(row.year) === year)
  const clientsIn = (month: string) => num(yearRow(trendRows, yearMonth(month).year)?.[`clients_${yearMonth(month).month}`])
  const clients = new Map(clientRows.map((row) => [`${String(row.dim)}:${String(row.key ?? '')}`, row]))
  const moneyRow = (row: Raw | undefined, dim: string, key: string): MoneyRow => {
    const counts = clients.get(`${dim}:${key}`)
    // the whole's clients of the month before and of a year earlier come from the trend's monthly counts
    const whole = dim === 'total'
    return {
      key,
      month: money(row, 'm', num(counts?.clients_m)),
      previousMonth: money(row, 'p', whole ? clientsIn(period.previousMonth) : 0),
      lastYear: money(row, 'y', whole ? clientsIn(period.lastYearMonth) : 0),
      yearToDate: money(row, 'ytd', num(counts?.clients_ytd)),
      recentShareCents: num(row?.share_recent),
      delivered: { month: num(row?.delivered_m), yearToDate: num(row?.delivered_ytd) },
    }
  }
  const providerCounts = (row: Raw | undefined) => ({ month: num(row?.providers_m), yearToDate: num(row?.providers_ytd) })

  const figures: MoneyFigures = {
    total: moneyRow(undefined, 'total', ''),
    trend: [],
    categories: [],
    municipalities: [],
    sectors: [],
    providers: [],
    providerCount: { month: 0, yearToDate: 0 },
  }
  for (const row of sumRows) {
    const dim = String(row.dim)
    const key = String(row.key ?? '')
    if (dim === 'category') figures.categories.push(moneyRow(row, dim, key))
    else if (dim === 'municipality') figures.municipalities.push(moneyRow(row, dim, key))
    else if (dim === 'provider') {
      figures.providers.push({ ...moneyRow(row, dim, key), sector: String(row.sector ?? ''), name: String(row.name), businessId: String(row.business_id) })
    }
    else if (dim === 'sector') figures.sectors.push({ ...moneyRow(row, dim, key), providers: providerCounts(row) })
    else {
      figures.total = moneyRow(row, dim, key)
      figures.providerCount = providerCounts(row)
    }
  }

  figures.trend = period.trendMonths.map((month) => {
    const at = yearMonth(month)
    const ofYear = yearRow(trendRows, at.year)
    return { month, ...money(ofYear, String(at.month), num(ofYear?.[`clients_${at.month}`])) }
  })
  return figures
}

/** True when filters other than the category's narrow the records (the budget table then needs its own sums). */
export function narrowsBelowCategory(filters: ResolvedFilters): boolean {
  return Boolean(filters.municipalityCode || filters.language || filters.organisationId || filters.sector)
}

export type CategorySpend = Map<string, { yearToDateCents: number; recentCents: number }>

/**
 * Voucher shares per category for the year to date and the run-rate months: the budget table's sums, which only the
 * category filter narrows (a budget is the whole welfare area's).
 */
export async function categorySpend(period: Period, categoryId?: string): Promise<CategorySpend> {
  const chosen = yearMonth(period.month)
  const recent = recentMonths(period)
  const rows = await query<Raw>(Prisma.sql`
    SELECT s."categoryId" AS key, SUM(${monthsOf('shareCents', chosen.year, 1, chosen.month)})::float8 AS share_ytd,
      SUM(${monthsOf('shareCents', chosen.year, recent.from, recent.to)})::float8 AS share_recent
    FROM "FollowUpYear" s
    WHERE s."year" = ${chosen.year} ${categoryId ? Prisma.sql`AND s."categoryId" = ${categoryId}` : Prisma.empty}
    GROUP BY s."categoryId"`)
  return new Map(rows.map((row) => [String(row.key), { yearToDateCents: num(row.share_ytd), recentCents: num(row.share_recent) }]))
}
