// The follow-up dashboard's part of `npm run bench` (issue 7): the server time of the whole dashboard (filters
// resolved, reference data, every figure of the page: app/modules/follow-up) measured in this process against the
// benchmark database, sequentially, after a warm-up. run.ts generates the data (follow-up-data.ts) and calls this.
import { PGlite } from '@electric-sql/pglite'
import { followUpDashboard } from '../../app/modules/follow-up/dashboard.server'
import { referenceData, resolveFilters } from '../../app/modules/follow-up/filters.server'
import type { FilterValues } from '../../app/modules/follow-up/schema'
import { prismaForPGlite, prismaForPostgres } from '../../app/utils/db.server'
import { FOLLOW_UP_LAST_MONTH } from './follow-up-data'

/** p50 target on PostgreSQL for the full dashboard. */
export const FOLLOW_UP_TARGET_P50_MS = 500

export type FollowUpScenario = { name: string; filters: FilterValues }

/** January: the year to date is that one month; October: ten months to date; and the manager's question. */
export const FOLLOW_UP_SCENARIOS: FollowUpScenario[] = [
  { name: 'one month (2026-01, year to date = 1 month)', filters: { month: '2026-01' } },
  { name: `year to date (${FOLLOW_UP_LAST_MONTH}, 10 months)`, filters: { month: FOLLOW_UP_LAST_MONTH } },
  { name: `${FOLLOW_UP_LAST_MONTH}, home care in Närpes`, filters: { month: FOLLOW_UP_LAST_MONTH, category: 'home-care', municipality: '545' } },
]

export type FollowUpStats = { scenario: string; p50: number; p95: number; mean: number; max: number; n: number }
export type FollowUpResult = { database: string; stats: FollowUpStats[]; notes: string[] }

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN
}

/** A moment in November 2026, so "previous month" and the waiting list are those of the data set. */
const benchNow = new Date('2026-11-20T10:00:00Z')

async function fullDashboard(filters: FilterValues) {
  const [resolved, reference] = await Promise.all([resolveFilters(filters, benchNow), referenceData()])
  if (!resolved.ok) throw new Error(`bench filters do not resolve: ${JSON.stringify(resolved.problems)}`)
  return followUpDashboard(resolved.filters, reference, { now: benchNow })
}

/**
 * Installs the database as the app's (as the integration tests do), then times every scenario `requests` times,
 * interleaved, after `warmup` rounds. PGlite must not be open in another process (stop its server first).
 */
export async function measureFollowUp(
  name: string,
  target: { databaseUrl?: string; pgliteDir?: string },
  options: { requests: number; warmup: number; log: (message: string) => void },
): Promise<FollowUpResult> {
  const pglite = target.databaseUrl ? null : new PGlite(target.pgliteDir!)
  const prisma = pglite ? prismaForPGlite(pglite) : prismaForPostgres(target.databaseUrl!)
  globalThis.__palvelutoriDb = { prisma, close: async () => {} }
  const notes: string[] = []
  try {
    // sanity: the figures are not empty (a benchmark of nothing would flatter)
    for (const scenario of FOLLOW_UP_SCENARIOS) {
      const dashboard = await fullDashboard(scenario.filters)
      notes.push(
        `${scenario.name}: spend ${(dashboard.total.month.shareCents / 100).toFixed(2)} € in the month, ` +
          `${(dashboard.total.yearToDate.shareCents / 100).toFixed(2)} € to date, ${dashboard.total.month.clients} clients, ` +
          `${dashboard.providerCount.month} providers, ${dashboard.waiting.total} waiting`,
      )
    }
    for (let round = 0; round < options.warmup; round++) {
      for (const scenario of FOLLOW_UP_SCENARIOS) await fullDashboard(scenario.filters)
    }
    const samples = new Map(FOLLOW_UP_SCENARIOS.map((scenario) => [scenario.name, [] as number[]]))
    for (let round = 0; round < options.requests; round++) {
      for (const scenario of FOLLOW_UP_SCENARIOS) {
        const started = performance.now()
        await fullDashboard(scenario.filters)
        samples.get(scenario.name)!.push(performance.now() - started)
      }
      if ((round + 1) % 10 === 0) options.log(`${name}: follow-up ${round + 1}/${options.requests} rounds`)
    }
    const stats = FOLLOW_UP_SCENARIOS.map((scenario) => {
      const sorted = [...samples.get(scenario.name)!].sort((a, b) => a - b)
      return {
        scenario: scenario.name,
        p50: percentile(sorted, 50),
        p95: percentile(sorted, 95),
        mean: sorted.reduce((sum, ms) => sum + ms, 0) / sorted.length,
        max: sorted.at(-1) ?? NaN,
        n: sorted.length,
      }
    })
    return { database: name, stats, notes }
  } finally {
    globalThis.__palvelutoriDb = undefined
    await prisma.$disconnect()
    await pglite?.close()
  }
}

const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : '–')

export function printFollowUp(results: FollowUpResult[]) {
  console.log('\n═══ Follow-up dashboard: server time of the full dashboard (in process, sequential) ═══\n')
  const rows = [['database', 'scenario', 'p50 ms', 'p95 ms', 'mean ms', 'max ms', 'n']]
  for (const result of results) {
    for (const stats of result.stats) rows.push([result.database, stats.scenario, ms(stats.p50), ms(stats.p95), ms(stats.mean), ms(stats.max), String(stats.n)])
  }
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)))
  for (const [index, row] of rows.entries()) {
    console.log(row.map((cell, column) => (column < 2 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  '))
    if (index === 0) console.log(widths.map((width) => '─'.repeat(width)).join('  '))
  }
  for (const result of results) {
    const postgres = result.database.startsWith('PostgreSQL')
    console.log(`\n${result.database}${postgres ? ' (the target)' : ' (for comparison; the target is PostgreSQL’s)'}`)
    for (const stats of result.stats) {
      console.log(`  ${stats.p50 <= FOLLOW_UP_TARGET_P50_MS ? 'PASS' : 'MISS'}  ${stats.scenario}: p50 ${ms(stats.p50)} ms ≤ ${FOLLOW_UP_TARGET_P50_MS} ms`)
    }
    for (const note of result.notes) console.log(`  note: ${note}`)
  }
}
