import { mkdirSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { env } from '~/utils/env.server'
import { acquireLock } from '~/utils/lock-file.server'
import { pgliteConnection, postgresConnection, type SqlConnection } from '~/utils/migrate.server'

/**
 * A plain SQL connection to the configured database for the backup scripts: PostgreSQL at DATABASE_URL, else the
 * embedded database at PGLITE_DIR, holding its lock (the app must be stopped, as for migrations).
 */
export async function openConfiguredDatabase(): Promise<{ connection: SqlConnection; where: string; close: () => Promise<void> }> {
  const { DATABASE_URL, PGLITE_DIR } = env()
  if (DATABASE_URL) {
    const url = new URL(DATABASE_URL)
    const connection = await postgresConnection(DATABASE_URL)
    return { connection, where: `PostgreSQL ${url.host}${url.pathname}`, close: () => connection.close() }
  }
  const dir = resolve(PGLITE_DIR)
  mkdirSync(dirname(dir), { recursive: true })
  const release = acquireLock(`${dir}.lock`)
  try {
    const connection = pgliteConnection(await PGlite.create(dir))
    return {
      connection,
      where: `the embedded database ${dir}`,
      close: async () => {
        await connection.close()
        release()
      },
    }
  } catch (error) {
    release()
    throw error
  }
}
