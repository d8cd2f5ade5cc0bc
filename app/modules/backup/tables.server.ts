import { createHash } from 'node:crypto'
import type { SqlConnection } from '~/utils/migrate.server'

/** Prisma's bookkeeping: a backup records the applied migrations in its header instead of copying the table. */
export const migrationsTable = '_prisma_migrations'

export type TableInfo = { name: string; columns: string[]; primaryKey: string[] }

export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`
}

/**
 * The application's tables in the public schema (the migrations' bookkeeping left out), parents before children
 * along the foreign keys, so that rows can be inserted in this order with every foreign key checked. A foreign key
 * cycle (or a table referring to itself) cannot be loaded that way and is refused here, at backup time.
 */
export async function listTables(connection: SqlConnection): Promise<TableInfo[]> {
  const columns = await connection.query<{ table_name: string; column_name: string }>(
    `SELECT c.relname AS table_name, a.attname AS column_name
     FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid
     WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
       AND c.relname <> $1
     ORDER BY c.relname, a.attnum`,
    [migrationsTable],
  )
  const keys = await connection.query<{ table_name: string; column_name: string }>(
    `SELECT c.relname AS table_name, a.attname AS column_name
     FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid
     JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, position) ON true
     JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
     WHERE i.indisprimary AND c.relnamespace = 'public'::regnamespace
     ORDER BY c.relname, k.position`,
  )
  const references = await connection.query<{ child: string; parent: string }>(
    `SELECT DISTINCT child.relname AS child, parent.relname AS parent
     FROM pg_constraint f JOIN pg_class child ON child.oid = f.conrelid JOIN pg_class parent ON parent.oid = f.confrelid
     WHERE f.contype = 'f' AND child.relnamespace = 'public'::regnamespace`,
  )
  const tables = new Map<string, TableInfo>()
  for (const row of columns) {
    const table = tables.get(row.table_name) ?? { name: row.table_name, columns: [], primaryKey: [] }
    table.columns.push(row.column_name)
    tables.set(row.table_name, table)
  }
  for (const row of keys) tables.get(row.table_name)?.primaryKey.push(row.column_name)
  return parentsFirst([...tables.values()], references)
}

function parentsFirst(tables: TableInfo[], references: { child: string; parent: string }[]): TableInfo[] {
  const waitingFor = new Map(tables.map((table) => [table.name, new Set<string>()]))
  for (const { child, parent } of references) waitingFor.get(child)?.add(parent)
  const ordered: TableInfo[] = []
  let remaining = [...tables].sort((a, b) => a.name.localeCompare(b.name))
  while (remaining.length) {
    const ready = remaining.filter((table) => [...(waitingFor.get(table.name) ?? [])].every((parent) => ordered.some((done) => done.name === parent)))
    if (ready.length === 0) {
      throw new Error(`Foreign keys form a cycle among ${remaining.map((table) => table.name).join(', ')}: the backup cannot order their rows.`)
    }
    ordered.push(...ready)
    remaining = remaining.filter((table) => !ready.includes(table))
  }
  return ordered
}

/** Every row as PostgreSQL's own JSON text, in primary-key order: what a backup stores and what its checksum covers. */
export function rowsQuery(table: TableInfo): string {
  const order = table.primaryKey.length ? ` ORDER BY ${table.primaryKey.map(quoteIdent).join(', ')}` : ''
  return `SELECT row_to_json(backup_row)::text AS line FROM ${quoteIdent(table.name)} backup_row${order}`
}

/**
 * Settings that make row_to_json's text the same on every server and session: timestamps with a time zone are
 * written in UTC, floating-point numbers in their shortest exact form. Run inside the transaction (SET LOCAL).
 */
export const stableTextSettings = "SET LOCAL TimeZone = 'UTC'; SET LOCAL extra_float_digits = 1"

/**
 * Calls `onBatch` with the lines of `sql` (a query returning one text column `line`) in batches, through a cursor,
 * so a large table never sits in memory whole. Must run inside a transaction.
 */
export async function forEachLineBatch(
  connection: SqlConnection,
  sql: string,
  onBatch: (lines: string[]) => Promise<void> | void,
  batchSize = 500,
): Promise<void> {
  await connection.exec(`DECLARE backup_cursor NO SCROLL CURSOR FOR ${sql}`)
  try {
    for (;;) {
      const rows = await connection.query<{ line: string }>(`FETCH ${batchSize} FROM backup_cursor`)
      if (rows.length === 0) break
      await onBatch(rows.map((row) => row.line))
    }
  } finally {
    await connection.exec('CLOSE backup_cursor')
  }
}

/** A running MD5 of lines joined by newlines (no newline after the last). */
export function lineDigest() {
  const hash = createHash('md5')
  let first = true
  return {
    add(line: string) {
      if (!first) hash.update('\n')
      hash.update(line)
      first = false
    },
    hex: () => hash.digest('hex'),
  }
}

/** The number of rows and the MD5 of the ordered rows of one table. Must run inside a transaction. */
export async function tableDigest(connection: SqlConnection, table: TableInfo): Promise<{ rows: number; md5: string }> {
  const digest = lineDigest()
  let rows = 0
  await forEachLineBatch(connection, rowsQuery(table), (lines) => {
    for (const line of lines) digest.add(line)
    rows += lines.length
  })
  return { rows, md5: digest.hex() }
}

/** Row counts and checksums of every table, in one snapshot: what a test compares between a database and its restore. */
export async function databaseDigest(connection: SqlConnection): Promise<Record<string, { rows: number; md5: string }>> {
  await connection.exec('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY')
  try {
    await connection.exec(stableTextSettings)
    const result: Record<string, { rows: number; md5: string }> = {}
    for (const table of await listTables(connection)) result[table.name] = await tableDigest(connection, table)
    return result
  } finally {
    await connection.exec('COMMIT')
  }
}
