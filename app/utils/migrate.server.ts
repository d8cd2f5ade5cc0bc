import { createHash, randomUUID } from 'node:crypto'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import type { PGlite } from '@electric-sql/pglite'
import pg from 'pg'

/**
 * Applies the committed SQL migrations under prisma/migrations/ with Prisma-compatible bookkeeping
 * in "_prisma_migrations", so `prisma migrate deploy` can take over wherever Prisma's engine runs.
 * See docs/decisions/0002-database-and-migrations.md.
 */
export type SqlConnection = {
  /** runs one or more statements without parameters */
  exec(sql: string): Promise<void>
  query<T>(sql: string, params?: unknown[]): Promise<T[]>
  close(): Promise<void>
}

export type Migration = { name: string; sql: string; checksum: string }

export const migrationsDir = join(process.cwd(), 'prisma', 'migrations')

export function readMigrations(dir = migrationsDir): Migration[] {
  return readdirSync(dir)
    .filter((name) => statSync(join(dir, name)).isDirectory())
    .sort()
    .map((name) => {
      const sql = readFileSync(join(dir, name, 'migration.sql'), 'utf8')
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') }
    })
}

export function pgliteConnection(pglite: PGlite): SqlConnection {
  return {
    exec: async (sql) => {
      await pglite.exec(sql)
    },
    query: async <T>(sql: string, params: unknown[] = []) => (await pglite.query<T>(sql, params)).rows,
    close: () => pglite.close(),
  }
}

export async function postgresConnection(connectionString: string): Promise<SqlConnection> {
  const client = new pg.Client({ connectionString })
  await client.connect()
  return {
    exec: async (sql) => {
      await client.query(sql)
    },
    query: async <T>(sql: string, params: unknown[] = []) => (await client.query(sql, params)).rows as T[],
    close: () => client.end(),
  }
}

const bookkeepingTable = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`

/** the same advisory lock key Prisma's engine takes, so two deployers never migrate at once */
const advisoryLockKey = 72707369

type AppliedRow = { migration_name: string; checksum: string; finished_at: Date | null; rolled_back_at: Date | null }

/** Applies pending migrations in order, each in its own transaction. Safe to run twice. Returns the applied names. */
export async function applyMigrations(connection: SqlConnection, migrations = readMigrations()): Promise<string[]> {
  await connection.exec(bookkeepingTable)
  await connection.query('SELECT pg_advisory_lock($1)', [advisoryLockKey])
  try {
    const rows = await connection.query<AppliedRow>(
      'SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"',
    )
    const failed = rows.find((row) => row.finished_at === null && row.rolled_back_at === null)
    if (failed) {
      throw new Error(`Migration ${failed.migration_name} failed earlier; fix the database and mark it rolled back first.`)
    }
    const applied = new Map(rows.filter((row) => row.finished_at).map((row) => [row.migration_name, row.checksum]))
    const done: string[] = []
    for (const migration of migrations) {
      const checksum = applied.get(migration.name)
      if (checksum !== undefined) {
        if (checksum !== migration.checksum) {
          throw new Error(`Migration ${migration.name} was changed after it was applied. Add a new migration instead.`)
        }
        continue
      }
      await connection.exec('BEGIN')
      try {
        await connection.exec(migration.sql)
        await connection.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count)
           VALUES ($1, $2, now(), $3, 1)`,
          [randomUUID(), migration.checksum, migration.name],
        )
        await connection.exec('COMMIT')
      } catch (error) {
        await connection.exec('ROLLBACK')
        throw new Error(`Migration ${migration.name} failed: ${(error as Error).message}`, { cause: error })
      }
      done.push(migration.name)
    }
    return done
  } finally {
    await connection.query('SELECT pg_advisory_unlock($1)', [advisoryLockKey])
  }
}
