import { PGlite } from '@electric-sql/pglite'
import { database } from '~/utils/db.server'
import { pgliteConnection, postgresConnection, type SqlConnection } from '~/utils/migrate.server'

/** A plain SQL connection to this test file's database (tests/setup/test-db.ts); closing it leaves the database open. */
export async function testDatabaseConnection(): Promise<SqlConnection> {
  const { pglite, prisma } = database()
  if (pglite) return { ...pgliteConnection(pglite), close: async () => {} }
  const [row] = await prisma.$queryRaw<{ name: string }[]>`SELECT current_database() AS name`
  const url = new URL(process.env.DATABASE_URL ?? '')
  url.pathname = `/${row?.name ?? ''}`
  return postgresConnection(url.toString())
}

/**
 * A new, empty database of the same engine as the test's (no migrations applied): an in-memory PGlite, or a database
 * created on the DATABASE_URL server. `drop` closes and removes it.
 */
export async function emptyDatabase(): Promise<{ connection: SqlConnection; drop: () => Promise<void> }> {
  const databaseUrl = process.env.DATABASE_URL
  if (!databaseUrl) {
    const connection = pgliteConnection(await PGlite.create())
    return { connection, drop: () => connection.close() }
  }
  const name = `palvelutori_empty_${process.pid}_${Math.random().toString(36).slice(2, 8)}`
  const admin = await postgresConnection(databaseUrl)
  await admin.exec(`CREATE DATABASE ${name}`)
  const url = new URL(databaseUrl)
  url.pathname = `/${name}`
  const connection = await postgresConnection(url.toString())
  return {
    connection,
    drop: async () => {
      await connection.close()
      await admin.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await admin.close()
    },
  }
}
