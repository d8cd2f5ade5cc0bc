// npm run db:new-migration -- <name>
// Writes prisma/migrations/<timestamp>_<name>/migration.sql with the SQL that takes the committed migrations
// to prisma/schema.prisma. Works offline: Prisma's schema engine runs as WebAssembly against an in-memory
// PGlite shadow database (see docs/decisions/0002-database-and-migrations.md).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { diffMigrationsToSchema } from './schema-diff'
import { migrationsDir } from '../app/utils/migrate.server'

async function main() {
  const name = (process.argv[2] ?? '').toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '')
  if (!name) throw new Error('Usage: npm run db:new-migration -- <name>')
  const sql = await diffMigrationsToSchema(readFileSync('prisma/schema.prisma', 'utf8'))
  if (!sql.trim() || /^-- This is an empty migration/.test(sql.trim())) {
    console.log('The schema matches the migrations: nothing to write.')
    return
  }
  const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14)
  const dir = join(migrationsDir, `${stamp}_${name}`)
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(dir, 'migration.sql'), sql)
  console.log(`Wrote ${join(dir, 'migration.sql')}. Review it, add any CHECK constraints or triggers by hand, then run npm run db:migrate.`)
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
