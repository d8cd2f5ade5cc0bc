// npm run db:migrate — applies pending migrations to the configured database (PGlite under ./data/ or DATABASE_URL).
import { mkdirSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { env } from '../app/utils/env.server'
import { acquireLock } from '../app/utils/lock-file.server'
import { applyMigrations, pgliteConnection, postgresConnection } from '../app/utils/migrate.server'

async function main() {
  const { DATABASE_URL, PGLITE_DIR } = env()
  let release = () => {}
  let connection
  if (DATABASE_URL) {
    connection = await postgresConnection(DATABASE_URL)
  } else {
    const dir = resolve(PGLITE_DIR)
    mkdirSync(dirname(dir), { recursive: true })
    release = acquireLock(`${dir}.lock`)
    connection = pgliteConnection(new PGlite(dir))
  }
  try {
    const applied = await applyMigrations(connection)
    console.log(applied.length ? `Applied ${applied.length} migration(s): ${applied.join(', ')}` : 'Database is up to date.')
  } finally {
    await connection.close()
    release()
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
