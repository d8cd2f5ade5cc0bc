// Runs `prisma generate` on every machine, offline ones included.
// Prisma 7's CLI insists on its schema-engine binary before generating, and downloads it when absent;
// offline the download fails. `generate` never executes that binary, so where it is missing we point
// PRISMA_SCHEMA_ENGINE_BINARY at an existing file. Machines that have the real engine keep using it
// (see docs/decisions/0002-database-and-migrations.md).
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const engineDirs = ['node_modules/@prisma/engines', 'node_modules/prisma']
const hasEngine = engineDirs.some(
  (dir) => existsSync(`${root}/${dir}`) && readdirSync(`${root}/${dir}`).some((f) => f.startsWith('schema-engine')),
)
const env = { ...process.env }
if (!hasEngine && !env.PRISMA_SCHEMA_ENGINE_BINARY) {
  env.PRISMA_SCHEMA_ENGINE_BINARY = process.execPath
}
execFileSync(process.execPath, [`${root}/node_modules/prisma/build/index.js`, 'generate'], {
  cwd: root,
  env,
  stdio: 'inherit',
})
