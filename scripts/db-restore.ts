// npm run db:restore -- <file.jsonl.gz> [--force] — restores a backup made by db:backup into the configured database
// (PGlite or DATABASE_URL), which must be fresh; --force drops whatever it holds first.
// See docs/decisions/0013-backups-and-fault-handling.md.
import { resolve } from 'node:path'
import { openConfiguredDatabase } from '../app/modules/backup/configured-database.server'
import { restoreBackup } from '../app/modules/backup/restore.server'

async function main() {
  const args = process.argv.slice(2)
  const force = args.includes('--force')
  const files = args.filter((arg) => arg !== '--force')
  if (files.length !== 1 || files[0]?.startsWith('-')) throw new Error('Usage: npm run db:restore -- <file.jsonl.gz> [--force]')
  const path = resolve(files[0] ?? '')
  const database = await openConfiguredDatabase()
  try {
    const summary = await restoreBackup(database.connection, path, { force })
    console.log(`Restored ${path} into ${database.where}: ${summary.tables} tables, ${summary.rows} rows, checksums verified.`)
    if (summary.newerMigrations.length) console.log(`Then applied newer migrations: ${summary.newerMigrations.join(', ')}`)
  } finally {
    await database.close()
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
