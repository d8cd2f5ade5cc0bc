import { createReadStream } from 'node:fs'
import { createInterface } from 'node:readline'
import { createGunzip } from 'node:zlib'
import { applyMigrations, readMigrations, type Migration, type SqlConnection } from '~/utils/migrate.server'
import { isBackupHeader, type BackupHeader, type CompleteLine, type SequencesLine, type TableHeader, type TableTrailer } from './format'
import { listTables, migrationsTable, quoteIdent, stableTextSettings, tableDigest, type TableInfo } from './tables.server'

export type RestoreSummary = { tables: number; rows: number; newerMigrations: string[] }

/** A restore refused before anything was written (the message says why and what to do). */
export class RestoreRefused extends Error {}

const batchRows = 500
const batchBytes = 4 * 1024 * 1024

/**
 * Restores a backup written by writeBackup into a fresh database: one without rows (a new database, or one where only
 * migrations the backup also has were applied). With `force`, whatever the database holds is dropped first.
 *
 * The schema comes from the repository's migrations, exactly those the backup was made with (their checksums must
 * match); then, in one transaction, every table's rows are loaded with the tables' own triggers switched off (the
 * locks on approved settlements, the append-only audit log and the follow-up summary would refuse or double the
 * copied rows), each table's row count and checksum are checked against the backup, and the sequences are set where
 * they were. Migrations newer than the backup are applied last.
 */
export async function restoreBackup(connection: SqlConnection, path: string, options: { force?: boolean } = {}): Promise<RestoreSummary> {
  const lines = backupLines(path)
  try {
    const header = parseHeader(await lines.next())
    const migrations = migrationsOf(header)
    await prepareTarget(connection, header, Boolean(options.force))
    await applyMigrations(connection, migrations)
    const { tables, rows } = await loadData(connection, lines)
    const newerMigrations = await applyMigrations(connection)
    return { tables, rows, newerMigrations }
  } finally {
    lines.close()
  }
}

function backupLines(path: string) {
  const input = createReadStream(path).pipe(createGunzip())
  const reader = createInterface({ input, crlfDelay: Infinity })
  const iterator = reader[Symbol.asyncIterator]()
  return {
    async next(): Promise<string> {
      const { value, done } = await iterator.next()
      if (done) throw new Error('The backup file ends too early: it is incomplete.')
      return value
    },
    close: () => {
      reader.close()
      input.destroy()
    },
  }
}

function parseHeader(line: string): BackupHeader {
  let header: unknown
  try {
    header = JSON.parse(line)
  } catch {
    throw new RestoreRefused('This is not a backup of this application.')
  }
  if (!isBackupHeader(header)) throw new RestoreRefused('This is not a backup of this application.')
  if (header.version !== 1) throw new RestoreRefused(`The backup's format version ${header.version} is not known to this version of the application.`)
  return header
}

/** The repository's migrations the backup was made with: all must be present and unchanged. */
function migrationsOf(header: BackupHeader): Migration[] {
  const known = new Map(readMigrations().map((migration) => [migration.name, migration]))
  return header.migrations.map(({ name, checksum }) => {
    const migration = known.get(name)
    if (!migration) {
      throw new RestoreRefused(`The backup was made by a newer version of the application (migration ${name} is unknown here): restore it with that version.`)
    }
    if (migration.checksum !== checksum) throw new RestoreRefused(`Migration ${name} differs from the one the backup was made with.`)
    return migration
  })
}

async function prepareTarget(connection: SqlConnection, header: BackupHeader, force: boolean) {
  const tablesWithRows: string[] = []
  for (const table of await listTables(connection)) {
    const [row] = await connection.query<{ any: boolean }>(`SELECT EXISTS (SELECT 1 FROM ${quoteIdent(table.name)}) AS any`)
    if (row?.any) tablesWithRows.push(table.name)
  }
  const [bookkeeping] = await connection.query<{ present: boolean }>('SELECT to_regclass($1) IS NOT NULL AS present', [
    `public.${quoteIdent(migrationsTable)}`,
  ])
  const applied = bookkeeping?.present
    ? (await connection.query<{ name: string }>(`SELECT migration_name AS name FROM ${quoteIdent(migrationsTable)}`)).map((row) => row.name)
    : []
  const inBackup = new Set(header.migrations.map((migration) => migration.name))
  const foreign = applied.filter((name) => !inBackup.has(name))
  if (tablesWithRows.length === 0 && foreign.length === 0) return
  if (!force) {
    throw new RestoreRefused(
      tablesWithRows.length
        ? `The target database is not empty (rows in ${tablesWithRows.slice(0, 5).join(', ')}${tablesWithRows.length > 5 ? ', …' : ''}). ` +
            'Restore into a new database, or add --force to drop everything in it first.'
        : `The target database has migrations the backup does not have (${foreign.join(', ')}). Restore into a new database, or add --force.`,
    )
  }
  await connection.exec('DROP SCHEMA public CASCADE; CREATE SCHEMA public')
}

type Lines = { next(): Promise<string> }

async function loadData(connection: SqlConnection, lines: Lines): Promise<{ tables: number; rows: number }> {
  await connection.exec('BEGIN')
  try {
    await connection.exec(stableTextSettings)
    const tables = await listTables(connection)
    for (const table of tables) await connection.exec(`ALTER TABLE ${quoteIdent(table.name)} DISABLE TRIGGER USER`)
    const byName = new Map(tables.map((table) => [table.name, table]))
    const loaded = new Set<string>()
    let total = 0
    for (;;) {
      const control = JSON.parse(await lines.next()) as Partial<TableHeader & SequencesLine & CompleteLine>
      if (typeof control.table === 'string') {
        const table = byName.get(control.table)
        if (!table) throw new Error(`The backup has a table ${control.table} that the migrations do not create.`)
        total += await loadTable(connection, table, control as TableHeader, lines)
        loaded.add(table.name)
      } else if (Array.isArray(control.sequences)) {
        for (const sequence of control.sequences) {
          if (sequence.lastValue === null) continue
          await connection.query(`SELECT setval(format('%I.%I', 'public', $1::text)::regclass, $2::bigint, true)`, [sequence.name, sequence.lastValue])
        }
      } else if (control.complete) {
        const missing = tables.filter((table) => !loaded.has(table.name)).map((table) => table.name)
        if (missing.length) throw new Error(`The backup has no rows for ${missing.join(', ')}.`)
        if (control.rows !== total) throw new Error(`The backup promised ${control.rows} rows; ${total} were loaded.`)
        break
      } else {
        throw new Error('The backup file is damaged (an unexpected line).')
      }
    }
    for (const table of tables) await connection.exec(`ALTER TABLE ${quoteIdent(table.name)} ENABLE TRIGGER USER`)
    await connection.exec('COMMIT')
    return { tables: loaded.size, rows: total }
  } catch (error) {
    await connection.exec('ROLLBACK')
    throw error
  }
}

/** Inserts a table's rows in batches, then checks the count and checksum of what is now in the table. */
async function loadTable(connection: SqlConnection, table: TableInfo, header: TableHeader, lines: Lines): Promise<number> {
  if (header.columns.join() !== table.columns.join()) {
    throw new Error(`${table.name}: the backup's columns (${header.columns.join(', ')}) differ from the migrated table's (${table.columns.join(', ')}).`)
  }
  const columns = table.columns.map(quoteIdent).join(', ')
  const insert = `INSERT INTO ${quoteIdent(table.name)} (${columns})
    SELECT ${columns} FROM json_populate_recordset(NULL::${quoteIdent(table.name)}, $1::json)`
  let batch: string[] = []
  let bytes = 0
  const flush = async () => {
    if (batch.length) await connection.query(insert, [`[${batch.join(',')}]`])
    batch = []
    bytes = 0
  }
  for (let index = 0; index < header.rows; index++) {
    const line = await lines.next()
    batch.push(line)
    bytes += line.length
    if (batch.length >= batchRows || bytes >= batchBytes) await flush()
  }
  await flush()
  const trailer = JSON.parse(await lines.next()) as Partial<TableTrailer>
  if (typeof trailer.checksum !== 'string') throw new Error(`${table.name}: the backup file is damaged (no checksum after the rows).`)
  const restored = await tableDigest(connection, table)
  if (restored.rows !== header.rows || restored.md5 !== trailer.checksum) {
    throw new Error(`${table.name}: the restored rows do not match the backup (${restored.rows} of ${header.rows} rows, checksum ${restored.md5} ≠ ${trailer.checksum}).`)
  }
  return header.rows
}
