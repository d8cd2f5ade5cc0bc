import { once } from 'node:events'
import { createWriteStream, mkdirSync, renameSync, rmSync } from 'node:fs'
import { dirname } from 'node:path'
import { finished } from 'node:stream/promises'
import { createGzip } from 'node:zlib'
import {
  backupFormat,
  backupFormatVersion,
  type BackupHeader,
  type CompleteLine,
  type SequencesLine,
  type TableHeader,
  type TableTrailer,
} from './format'
import type { SqlConnection } from '~/utils/migrate.server'
import { forEachLineBatch, lineDigest, listTables, migrationsTable, quoteIdent, rowsQuery, stableTextSettings } from './tables.server'

export type BackupSummary = { path: string; tables: number; rows: number; migrations: number }

/**
 * Writes a logical backup of the whole database to `path` (format in ./format.ts): one consistent snapshot
 * (REPEATABLE READ), every table's rows in primary-key order with a checksum, the sequences' positions and the
 * applied migrations. Written to `<path>.partial` and renamed when complete, readable by the owner only: it holds
 * personal data.
 */
export async function writeBackup(connection: SqlConnection, path: string, now = new Date()): Promise<BackupSummary> {
  mkdirSync(dirname(path), { recursive: true })
  const partial = `${path}.partial`
  const file = createWriteStream(partial, { mode: 0o600 })
  const gzip = createGzip()
  gzip.pipe(file)
  const write = async (line: string) => {
    if (!gzip.write(`${line}\n`)) await once(gzip, 'drain')
  }
  let summary: BackupSummary
  try {
    await connection.exec('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY')
    try {
      await connection.exec(stableTextSettings)
      summary = await writeSnapshot(connection, write, path, now)
    } finally {
      await connection.exec('COMMIT')
    }
    gzip.end()
    await finished(file)
  } catch (error) {
    gzip.destroy()
    file.destroy()
    rmSync(partial, { force: true })
    throw error
  }
  renameSync(partial, path)
  return summary
}

async function writeSnapshot(
  connection: SqlConnection,
  write: (line: string) => Promise<void>,
  path: string,
  now: Date,
): Promise<BackupSummary> {
  const [migrationsExist] = await connection.query<{ present: boolean }>('SELECT to_regclass($1) IS NOT NULL AS present', [
    `public.${quoteIdent(migrationsTable)}`,
  ])
  if (!migrationsExist?.present) throw new Error('The database has no migrations applied: there is nothing to back up.')
  const migrations = await connection.query<{ name: string; checksum: string }>(
    `SELECT migration_name AS name, checksum FROM ${quoteIdent(migrationsTable)}
     WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
  )
  const [server] = await connection.query<{ version: string }>('SELECT version() AS version')
  const header: BackupHeader = {
    format: backupFormat,
    version: backupFormatVersion,
    createdAt: now.toISOString(),
    server: server?.version ?? 'unknown',
    migrations,
  }
  await write(JSON.stringify(header))

  const tables = await listTables(connection)
  let total = 0
  for (const table of tables) {
    const [count] = await connection.query<{ rows: number }>(`SELECT count(*)::int AS rows FROM ${quoteIdent(table.name)}`)
    const tableHeader: TableHeader = { table: table.name, columns: table.columns, rows: count?.rows ?? 0 }
    await write(JSON.stringify(tableHeader))
    const digest = lineDigest()
    let written = 0
    await forEachLineBatch(connection, rowsQuery(table), async (lines) => {
      for (const line of lines) {
        digest.add(line)
        await write(line)
      }
      written += lines.length
    })
    if (written !== tableHeader.rows) throw new Error(`${table.name}: counted ${tableHeader.rows} rows but read ${written}`)
    const trailer: TableTrailer = { checksum: digest.hex() }
    await write(JSON.stringify(trailer))
    total += written
  }

  const sequences = await connection.query<{ name: string; lastValue: string | null }>(
    `SELECT sequencename AS name, last_value::text AS "lastValue" FROM pg_sequences WHERE schemaname = 'public' ORDER BY sequencename`,
  )
  const sequencesLine: SequencesLine = { sequences }
  await write(JSON.stringify(sequencesLine))
  const complete: CompleteLine = { complete: true, tables: tables.length, rows: total }
  await write(JSON.stringify(complete))
  return { path, tables: tables.length, rows: total, migrations: migrations.length }
}
