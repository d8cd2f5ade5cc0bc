// npm run db:backup [-- <file.jsonl.gz | directory>] — a logical backup of the configured database (PGlite or
// DATABASE_URL), by default ./backups/palvelutori-<UTC time>.jsonl.gz. See docs/decisions/0013-backups-and-fault-handling.md.
import { join, resolve } from 'node:path'
import { writeBackup } from '../app/modules/backup/backup.server'
import { openConfiguredDatabase } from '../app/modules/backup/configured-database.server'
import { backupFileName } from '../app/modules/backup/format'

async function main() {
  const [target = 'backups', ...rest] = process.argv.slice(2)
  if (rest.length) throw new Error('Usage: npm run db:backup [-- <file.jsonl.gz | directory>]')
  const now = new Date()
  const path = resolve(target.endsWith('.gz') ? target : join(target, backupFileName(now)))
  const database = await openConfiguredDatabase()
  try {
    const summary = await writeBackup(database.connection, path, now)
    console.log(`Backed up ${database.where}: ${summary.tables} tables, ${summary.rows} rows, ${summary.migrations} migrations → ${summary.path}`)
  } finally {
    await database.close()
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
