import { Prisma } from '~/generated/prisma/client'
import { prisma } from '~/utils/db.server'
import type { ResolvedFilters } from './filters.server'

/** SQL pieces shared by the follow-up queries. */

/** A date as a count of months (year × 12 + month), so month spans are plain subtraction (date_part: float, not numeric). */
export function monthIndex(date: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(date_part('year', ${date}) * 12 + date_part('month', ${date}))::int`
}

/** A JavaScript Date as a SQL date parameter. */
export function sqlDate(date: Date): Prisma.Sql {
  return Prisma.sql`${date.toISOString().slice(0, 10)}::date`
}

/**
 * The filters on the voucher `v` and its client `c` (category, client's municipality, client's language): what
 * every query shares.
 */
export function voucherConditions(filters: ResolvedFilters): Prisma.Sql[] {
  const conditions: Prisma.Sql[] = []
  if (filters.categoryId) conditions.push(Prisma.sql`v."categoryId" = ${filters.categoryId}`)
  if (filters.municipalityCode) conditions.push(Prisma.sql`c."municipalityCode" = ${filters.municipalityCode}`)
  if (filters.language) conditions.push(Prisma.sql`c."preferredLanguage" = ${filters.language}::"Locale"`)
  return conditions
}

/** The provider filters on an organisation `o` (the provider itself, its sector). */
export function providerConditions(filters: ResolvedFilters): Prisma.Sql[] {
  const conditions: Prisma.Sql[] = []
  if (filters.organisationId) conditions.push(Prisma.sql`o."id" = ${filters.organisationId}`)
  if (filters.sector) conditions.push(Prisma.sql`o."sector" = ${filters.sector}::"Sector"`)
  return conditions
}

export function hasProviderFilter(filters: ResolvedFilters): boolean {
  return Boolean(filters.organisationId || filters.sector)
}

/** `AND a AND b …`, or nothing. */
export function andAll(conditions: Prisma.Sql[]): Prisma.Sql {
  return conditions.length === 0 ? Prisma.empty : Prisma.sql` AND ${Prisma.join(conditions, ' AND ')}`
}

/** SQL numbers (bigint, numeric, float) as JavaScript numbers; NULL (no rows) as 0. */
export function num(value: unknown): number {
  if (value === null || value === undefined) return 0
  return Number(value)
}

/**
 * Runs one of the follow-up's aggregate queries with PostgreSQL's JIT compilation switched off for it. JIT is on by
 * default from PostgreSQL 11 and kicks in above a cost that these queries reach; compiling them took longer (over a
 * second on the benchmark machine) than running them. `SET LOCAL` lasts for the query's own transaction only.
 */
export async function query<T>(sql: Prisma.Sql): Promise<T[]> {
  const [, rows] = await prisma.$transaction([prisma.$executeRaw`SET LOCAL jit = off`, prisma.$queryRaw<T[]>(sql)])
  return rows
}
