import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import type { TestProject } from 'vitest/node'
import { applyMigrations, pgliteConnection, postgresConnection, readMigrations } from '../../app/utils/migrate.server'

declare module 'vitest' {
  export interface ProvidedContext {
    /** PGlite: a gzipped data directory of a freshly migrated database */
    pgliteTemplatePath: string
    /** PostgreSQL: a migrated database that each test file copies */
    postgresTemplateDatabase: string
  }
}

export const templateDatabaseName = 'palvelutori_test_template'

/** Builds one migrated database per run (keyed by the migrations' checksums); each test file starts from a copy. */
export default async function setup(project: TestProject) {
  const migrations = readMigrations()
  const key = createHash('sha256').update(migrations.map((m) => m.checksum).join()).digest('hex').slice(0, 16)
  const databaseUrl = process.env.DATABASE_URL
  if (databaseUrl) {
    const admin = await postgresConnection(databaseUrl)
    await admin.exec(`DROP DATABASE IF EXISTS ${templateDatabaseName} WITH (FORCE)`)
    await admin.exec(`CREATE DATABASE ${templateDatabaseName}`)
    await admin.close()
    const url = new URL(databaseUrl)
    url.pathname = `/${templateDatabaseName}`
    const template = await postgresConnection(url.toString())
    await applyMigrations(template, migrations)
    await template.close()
    project.provide('postgresTemplateDatabase', templateDatabaseName)
    project.provide('pgliteTemplatePath', '')
    return
  }
  const dir = join(process.cwd(), 'node_modules', '.cache', 'palvelutori')
  const path = join(dir, `pglite-template-${key}.tar.gz`)
  if (!existsSync(path)) {
    mkdirSync(dir, { recursive: true })
    const pglite = new PGlite()
    await applyMigrations(pgliteConnection(pglite), migrations)
    const dump = await pglite.dumpDataDir('gzip')
    writeFileSync(path, Buffer.from(await dump.arrayBuffer()))
    await pglite.close()
  }
  project.provide('pgliteTemplatePath', path)
  project.provide('postgresTemplateDatabase', '')
}
