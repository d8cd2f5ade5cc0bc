import { PGlite } from '@electric-sql/pglite'
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import * as engineBindings from '@prisma/schema-engine-wasm/schema_engine_bg'
import { PrismaPGlite } from 'pglite-prisma-adapter'
import { readMigrations, migrationsDir } from '../app/utils/migrate.server'

/** Node cannot import .wasm modules, so the bindings are instantiated by hand (pinned engine version). */
async function loadSchemaEngine() {
  const bindingsPath = createRequire(import.meta.url).resolve('@prisma/schema-engine-wasm/schema_engine_bg')
  const wasmPath = join(dirname(bindingsPath), 'schema_engine_bg.wasm')
  const { instance } = await WebAssembly.instantiate(readFileSync(wasmPath), {
    './schema_engine_bg.js': engineBindings as unknown as WebAssembly.ModuleImports,
  })
  engineBindings.__wbg_set_wasm(instance.exports)
  ;(instance.exports.__wbindgen_start as () => void)()
  return engineBindings.SchemaEngine
}

/** SQL that takes a database built from the committed migrations to the given Prisma schema. */
export async function diffMigrationsToSchema(schema: string): Promise<string> {
  const files = [{ path: 'prisma/schema.prisma', content: schema }]
  const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPGlite(new PGlite()))
  const SchemaEngine = await loadSchemaEngine()
  const engine = await SchemaEngine.new({ datamodels: files.map((f) => [f.path, f.content]) }, () => {}, adapter)
  const migrationDirectories = readMigrations().map((m) => ({
    path: m.name,
    migrationFile: { path: 'migration.sql', content: { tag: 'ok' as const, value: m.sql } },
  }))
  const result = await engine.diff({
    from: {
      tag: 'migrations',
      baseDir: migrationsDir,
      lockfile: { path: 'migration_lock.toml', content: 'provider = "postgresql"\n' },
      shadowDbInitScript: '',
      migrationDirectories,
    },
    to: { tag: 'schemaDatamodel', files },
    script: true,
    exitCode: null,
    filters: { externalTables: [], externalEnums: [] },
  })
  return result.stdout ?? ''
}
