// npm run bench: the speed-and-scale benchmark (issue 5). A benchmark, not a test: it exits 0 whatever the figures,
// and non-zero only when something crashed.
//
// 1. builds the production bundle (`npx remix vite:build`; BENCH_SKIP_BUILD=1 reuses ./build);
// 2. for PostgreSQL (a throwaway server on a free 127.0.0.1 port, as .ci/run starts it; skipped with a message when
//    the binaries are missing) and PGlite (./data/bench/pglite, cached between runs keyed by the generator version
//    and the migrations): migrates, generates the national-scale data set (scripts/bench/generate.ts), starts the
//    production server (scripts/serve.ts, as `npm start`; NODE_ENV=production, WORKERS=off, DEMO_MODE=on) and waits until it answers;
// 3. measures the server response time (sequential requests from this process, full body read, after a warm-up) of
//    the search page (category + municipality + language + free places, distance sort; rotating over a fixed list
//    of categories and municipalities), the producer profile (rotating over 50 organisations) and /accessibility
//    (the floor), and prints p50/p95, ratios to the floor and PASS/MISS against the targets;
// 4. prints the gzipped JavaScript and CSS a search-page visit downloads;
// 5. the follow-up dashboard (issue 7): adds 50,000 vouchers and 1,000,000 service records (follow-up-data.ts) to each
//    database and times the whole dashboard in this process (follow-up.ts), against p50 ≤ 500 ms on PostgreSQL;
// 6. stops the servers and PostgreSQL.
//
// Environment: BENCH_SKIP_BUILD=1, BENCH_REQUESTS (200), BENCH_WARMUP (20), BENCH_DATABASES (postgres,pglite),
// BENCH_REGENERATE=1 (rebuild the cached PGlite data), PG_BIN (a PostgreSQL bin directory), BENCH_PAGES=off (only the
// follow-up: no build, no server; `npm run bench:follow-up`), BENCH_FOLLOW_UP=off, BENCH_FOLLOW_UP_REQUESTS (30 on
// PostgreSQL, a third of it on PGlite).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { createHash } from 'node:crypto'
import { chownSync, cpSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { join, resolve } from 'node:path'
import { gzipSync } from 'node:zlib'
import { readMunicipalities } from '../../prisma/seed/source-data'
import { readMigrations } from '../../app/utils/migrate.server'
import { FOLLOW_UP_LAST_MONTH, FOLLOW_UP_SIZES, followUpGeneratorHash, generateFollowUpInto } from './follow-up-data'
import { measureFollowUp, printFollowUp, type FollowUpResult } from './follow-up'
import { GENERATOR_VERSION, migrateAndGenerate, mulberry32, SIZES } from './generate'

const root = resolve(import.meta.dirname, '../..')
process.chdir(root)
const benchDir = resolve('data/bench')
/** The servers run a private copy of ./build (other work on this checkout may rebuild or clean ./build meanwhile). */
const snapshotBuild = join(benchDir, 'build')
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200)
const WARMUP = Number(process.env.BENCH_WARMUP ?? 20)
const DATABASES = (process.env.BENCH_DATABASES ?? 'postgres,pglite').split(',').map((name) => name.trim())
const TARGETS = { searchRatio: 4, searchP50Ms: 60, p95Ms: 150, jsGzipKb: 150 }
const PAGES_ON = process.env.BENCH_PAGES !== 'off'
const FOLLOW_UP_ON = process.env.BENCH_FOLLOW_UP !== 'off'
const FOLLOW_UP_REQUESTS = Number(process.env.BENCH_FOLLOW_UP_REQUESTS ?? 30)

const startedAt = performance.now()
const elapsed = () => `${((performance.now() - startedAt) / 1000).toFixed(0).padStart(4)} s`
const log = (message: string) => console.log(`[bench ${elapsed()}] ${message}`)

/** What to stop on the way out, last first. */
const cleanups: { name: string; run: () => Promise<void> | void }[] = []
async function runCleanups() {
  while (cleanups.length > 0) {
    const cleanup = cleanups.pop()!
    try {
      await cleanup.run()
    } catch (error) {
      console.error(`cleanup ${cleanup.name} failed:`, error)
    }
  }
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.error(`\n${signal}: stopping servers`)
    void runCleanups().finally(() => process.exit(130))
  })
}

function run(command: string, args: string[], options: { env?: NodeJS.ProcessEnv; quiet?: boolean } = {}) {
  const result = spawnSync(command, args, { stdio: options.quiet ? 'pipe' : 'inherit', env: options.env ?? process.env, encoding: 'utf8' })
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status})${options.quiet ? `:\n${result.stdout}${result.stderr}` : ''}`)
  }
  return result.stdout ?? ''
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => resolvePort(typeof address === 'object' && address ? address.port : 0))
    })
  })
}

// ─── PostgreSQL (as .ci/run starts it) ───────────────────────────────────────

function postgresBin(): string | null {
  const candidates = process.env.PG_BIN
    ? [process.env.PG_BIN]
    : existsSync('/usr/lib/postgresql')
      ? readdirSync('/usr/lib/postgresql')
          .sort((a, b) => Number(a) - Number(b))
          .reverse()
          .map((version) => `/usr/lib/postgresql/${version}/bin`)
      : []
  return candidates.find((bin) => existsSync(join(bin, 'initdb')) && existsSync(join(bin, 'pg_ctl'))) ?? null
}

async function startPostgres(bin: string): Promise<{ url: string; version: string }> {
  const asRoot = process.getuid?.() === 0
  const asPostgres = (command: string, args: string[]) =>
    asRoot ? run('runuser', ['-u', 'postgres', '--', command, ...args], { quiet: true }) : run(command, args, { quiet: true })
  const dir = mkdtempSync('/tmp/palvelutori-bench-pg-')
  if (asRoot) {
    const uid = Number(run('id', ['-u', 'postgres'], { quiet: true }).trim())
    const gid = Number(run('id', ['-g', 'postgres'], { quiet: true }).trim())
    chownSync(dir, uid, gid)
  }
  const port = await freePort()
  asPostgres(join(bin, 'initdb'), ['-D', `${dir}/data`, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8'])
  asPostgres(join(bin, 'pg_ctl'), ['-D', `${dir}/data`, '-l', `${dir}/server.log`, '-o', `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir}`, '-w', 'start'])
  cleanups.push({
    name: 'PostgreSQL',
    run: () => {
      spawnSync(asRoot ? 'runuser' : join(bin, 'pg_ctl'), [...(asRoot ? ['-u', 'postgres', '--', join(bin, 'pg_ctl')] : []), '-D', `${dir}/data`, '-m', 'fast', '-w', 'stop'], {
        stdio: 'ignore',
      })
      rmSync(dir, { recursive: true, force: true })
      log('PostgreSQL stopped')
    },
  })
  asPostgres(join(bin, 'createdb'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', 'palvelutori'])
  // "postgres (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)"
  const version = /\(PostgreSQL\)\s+(\S+)/.exec(run(join(bin, 'postgres'), ['--version'], { quiet: true }))?.[1] ?? '?'
  return { url: `postgresql://postgres@127.0.0.1:${port}/palvelutori`, version }
}

// ─── PGlite cache ────────────────────────────────────────────────────────────

const pgliteDir = join(benchDir, 'pglite')
const pgliteStamp = join(benchDir, 'pglite.json')

function cacheKey(): string {
  const migrations = readMigrations().map((migration) => `${migration.name}:${migration.checksum}`)
  // the generator's own source too, so an edit without a version bump does not reuse stale data
  const generator = createHash('sha256').update(readFileSync(join(import.meta.dirname, 'generate.ts'))).digest('hex')
  const followUp = FOLLOW_UP_ON ? followUpGeneratorHash() : null
  return createHash('sha256').update(JSON.stringify({ GENERATOR_VERSION, migrations, generator, followUp })).digest('hex').slice(0, 16)
}

async function preparePglite(): Promise<{ publicOrganisationIds: string[]; cached: boolean }> {
  const key = cacheKey()
  if (process.env.BENCH_REGENERATE !== '1' && existsSync(pgliteStamp) && existsSync(pgliteDir)) {
    const stamp = JSON.parse(readFileSync(pgliteStamp, 'utf8')) as { key: string; publicOrganisationIds: string[] }
    if (stamp.key === key) return { publicOrganisationIds: stamp.publicOrganisationIds, cached: true }
  }
  rmSync(pgliteStamp, { force: true })
  rmSync(pgliteDir, { recursive: true, force: true })
  rmSync(`${pgliteDir}.lock`, { recursive: true, force: true })
  const result = await migrateAndGenerate({ pgliteDir })
  log(`PGlite: generated in ${result.seconds.toFixed(1)} s: ${countsLine(result.counts)}`)
  if (FOLLOW_UP_ON) await generateFollowUp('PGlite', { pgliteDir })
  writeFileSync(pgliteStamp, JSON.stringify({ key, generatorVersion: GENERATOR_VERSION, publicOrganisationIds: result.publicOrganisationIds }))
  return { publicOrganisationIds: result.publicOrganisationIds, cached: false }
}

async function generateFollowUp(name: string, target: { databaseUrl?: string; pgliteDir?: string }) {
  log(`${name}: generating the follow-up data (${FOLLOW_UP_SIZES.vouchers} vouchers, ${FOLLOW_UP_SIZES.serviceRecords} service records)`)
  const generated = await generateFollowUpInto(target)
  log(`${name}: follow-up data in ${generated.seconds.toFixed(1)} s: ${countsLine(generated.counts)}`)
}

/** PGlite (one connection, WebAssembly) gets a third of the rounds: it is there for comparison. */
async function followUp(name: string, target: { databaseUrl?: string; pgliteDir?: string }): Promise<FollowUpResult> {
  const requests = target.databaseUrl ? FOLLOW_UP_REQUESTS : Math.ceil(FOLLOW_UP_REQUESTS / 3)
  log(`${name}: timing the follow-up dashboard (${requests} rounds, months up to ${FOLLOW_UP_LAST_MONTH})`)
  return measureFollowUp(name, target, { requests, warmup: target.databaseUrl ? 3 : 1, log })
}

function countsLine(counts: Record<string, number>) {
  return Object.entries(counts)
    .map(([table, count]) => `${table} ${count.toLocaleString('en')}`)
    .join(', ')
}

// ─── The production server ───────────────────────────────────────────────────

type Server = { origin: string; stop: () => Promise<void> }

async function startServer(name: string, database: { DATABASE_URL?: string; PGLITE_DIR?: string }): Promise<Server> {
  const port = await freePort()
  const origin = `http://127.0.0.1:${port}`
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    DEMO_MODE: 'on',
    WORKERS: 'off',
    HOST: '127.0.0.1',
    PORT: String(port),
    APP_ORIGIN: origin,
    LOG_LEVEL: 'warn',
    // one address sends every request: the per-address limit on public pages would answer 429 after 300 a minute
    RATE_LIMIT_PUBLIC_PER_MINUTE: '100000000',
    // every request renders: this benchmark times the pages themselves (bench:load measures the server as deployed)
    PUBLIC_PAGE_CACHE_SECONDS: '0',
    MAIL_DIR: join(benchDir, 'mail'),
    UPLOAD_DIR: join(benchDir, 'uploads'),
  }
  delete env.DATABASE_URL
  delete env.PGLITE_DIR
  delete env.SMTP_URL
  Object.assign(env, database)
  const logFile = join(benchDir, `server-${name}.log`)
  const out = createWriteStream(logFile)
  // the production server (`npm start`, ADR 0011) on the snapshot of the build
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'scripts/serve.ts', snapshotBuild], {
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout!.pipe(out)
  child.stderr!.pipe(out)
  let exited = false
  const exitedPromise = new Promise<void>((resolveExit) => child.once('exit', () => ((exited = true), resolveExit())))
  const stop = async () => {
    if (exited || child.pid === undefined) return
    process.kill(-child.pid, 'SIGTERM')
    const timer = setTimeout(() => !exited && child.pid !== undefined && process.kill(-child.pid, 'SIGKILL'), 10_000)
    await exitedPromise
    clearTimeout(timer)
    log(`${name}: server stopped`)
  }
  cleanups.push({ name: `${name} server`, run: stop })
  const deadline = Date.now() + 90_000
  for (;;) {
    if (exited) throw new Error(`${name}: the server exited before answering (see ${logFile})`)
    try {
      const response = await fetch(`${origin}/accessibility`)
      await response.arrayBuffer()
      if (response.ok) break
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${name}: the server did not answer in 90 s (see ${logFile})`)
    await new Promise((resolveWait) => setTimeout(resolveWait, 250))
  }
  return { origin, stop }
}

// ─── Measuring ───────────────────────────────────────────────────────────────

const PAGES = ['search', 'profile', 'floor'] as const
type Page = (typeof PAGES)[number]
type PageStats = { p50: number; p95: number; mean: number; max: number; n: number; errors: number; bytes: number }
type DatabaseResult = { database: string; stats: Record<Page, PageStats>; notes: string[] }

const SEARCH_CATEGORIES = ['home-care', 'support-services', 'personal-assistance', 'family-home-help', 'carer-respite']

/** The search addresses: every (category, municipality) pair once, language = the municipality's majority language. */
function searchUrls(): string[] {
  const municipalities = readMunicipalities()
  const urls: string[] = []
  for (const category of SEARCH_CATEGORIES) {
    for (const municipality of municipalities) {
      const lang = municipality.officialLanguages[0] ?? 'fi'
      urls.push(`/services?category=${category}&municipality=${municipality.code}&lang=${lang}&free=on&sort=distance`)
    }
  }
  const random = mulberry32(545)
  for (let i = urls.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[urls[i], urls[j]] = [urls[j]!, urls[i]!]
  }
  // the issue's example first: a Swedish speaker in Närpes looking for home care
  const example = '/services?category=home-care&municipality=545&lang=sv&free=on&sort=distance'
  return [example, ...urls.filter((url) => url !== example)]
}

function profileUrls(publicOrganisationIds: string[]): string[] {
  const step = publicOrganisationIds.length / 50
  return Array.from({ length: Math.min(50, publicOrganisationIds.length) }, (_, i) => `/producers/${publicOrganisationIds[Math.floor(i * step)]}`)
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!
}

const headers = { 'accept-language': 'sv', accept: 'text/html' }

async function timed(url: string): Promise<{ ms: number; status: number; bytes: number; body: string }> {
  const start = performance.now()
  const response = await fetch(url, { headers, redirect: 'manual' })
  const body = await response.text()
  return { ms: performance.now() - start, status: response.status, bytes: Buffer.byteLength(body), body }
}

async function measure(name: string, origin: string, publicOrganisationIds: string[]): Promise<DatabaseResult> {
  const urls: Record<Page, string[]> = { search: searchUrls(), profile: profileUrls(publicOrganisationIds), floor: ['/accessibility'] }
  const notes: string[] = []

  // sanity: the example search finds producers (a benchmark of an empty page would flatter)
  const example = await timed(origin + urls.search[0]!)
  const producers = new Set([...example.body.matchAll(/href="\/producers\/([\w-]+)/g)].map((match) => match[1]))
  notes.push(`${urls.search[0]}: HTTP ${example.status}, ${(example.bytes / 1024).toFixed(0)} kB HTML, ${producers.size} producer links on the first page`)

  for (let i = 0; i < WARMUP; i++) {
    for (const page of PAGES) await timed(origin + urls[page][i % urls[page].length]!)
  }
  const samples: Record<Page, number[]> = { search: [], profile: [], floor: [] }
  const errors: Record<Page, number> = { search: 0, profile: 0, floor: 0 }
  const bytes: Record<Page, number> = { search: 0, profile: 0, floor: 0 }
  // interleaved, so drift (GC, caches warming) touches every page alike; the lists start where the warm-up ended
  for (let i = 0; i < REQUESTS; i++) {
    for (const page of PAGES) {
      const list = urls[page]
      const result = await timed(origin + list[(WARMUP + i) % list.length]!)
      if (result.status !== 200) errors[page]++
      samples[page].push(result.ms)
      bytes[page] += result.bytes
    }
    if ((i + 1) % 50 === 0) log(`${name}: ${i + 1}/${REQUESTS} rounds`)
  }
  const stats = {} as Record<Page, PageStats>
  for (const page of PAGES) {
    const sorted = [...samples[page]].sort((a, b) => a - b)
    stats[page] = {
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      mean: sorted.reduce((sum, ms) => sum + ms, 0) / sorted.length,
      max: sorted.at(-1)!,
      n: sorted.length,
      errors: errors[page],
      bytes: bytes[page] / sorted.length,
    }
    if (errors[page] > 0) notes.push(`${page}: ${errors[page]} of ${sorted.length} responses were not HTTP 200`)
  }
  return { database: name, stats, notes }
}

// ─── Downloaded assets ───────────────────────────────────────────────────────

type Asset = { path: string; kind: 'js' | 'css'; raw: number; gzip: number }

function assetsOfPage(html: string): Asset[] {
  const client = join(snapshotBuild, 'client')
  const found = new Map<string, 'js' | 'css'>()
  const add = (url: string) => {
    const path = url.split('?')[0]!
    if (!path.startsWith('/')) return
    if (path.endsWith('.js')) found.set(path, 'js')
    else if (path.endsWith('.css')) found.set(path, 'css')
  }
  for (const match of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)) add(match[1]!)
  for (const match of html.matchAll(/<link\b[^>]*>/g)) {
    const tag = match[0]
    const rel = /\brel="([^"]+)"/.exec(tag)?.[1] ?? ''
    const href = /\bhref="([^"]+)"/.exec(tag)?.[1]
    if (href && (rel === 'modulepreload' || rel === 'stylesheet')) add(href)
  }
  // the inline module script's imports (the manifest, the entry, the route modules)
  for (const script of html.matchAll(/<script\b[^>]*type="module"[^>]*>([\s\S]*?)<\/script>/g)) {
    for (const match of script[1]!.matchAll(/(?:import|from)\s*["'](\/[^"']+\.js)["']/g)) add(match[1]!)
  }
  // and what those import statically (already modulepreloaded in a Remix build; counted once)
  const queue = [...found.keys()].filter((path) => found.get(path) === 'js')
  while (queue.length > 0) {
    const path = queue.pop()!
    const file = join(client, path)
    if (!existsSync(file)) continue
    const text = readFileSync(file, 'utf8')
    for (const match of text.matchAll(/(?:import|from)\s*["'](\.{1,2}\/[^"']+\.js)["']/g)) {
      const target = new URL(match[1]!, `http://x${path}`).pathname
      if (!found.has(target)) {
        found.set(target, 'js')
        queue.push(target)
      }
    }
  }
  return [...found.entries()]
    .map(([path, kind]) => {
      const file = join(client, path)
      if (!existsSync(file)) return null
      const bytes = readFileSync(file)
      return { path, kind, raw: bytes.length, gzip: gzipSync(bytes).length }
    })
    .filter((asset): asset is Asset => asset !== null)
}

// ─── Report ──────────────────────────────────────────────────────────────────

const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : '–')
const kb = (bytes: number) => (bytes / 1024).toFixed(1)

function printTable(results: DatabaseResult[]) {
  const rows = [['database', 'page', 'p50 ms', 'p95 ms', 'mean ms', 'max ms', 'p50 / floor', 'HTML kB', 'n', 'errors']]
  for (const result of results) {
    for (const page of PAGES) {
      const stats = result.stats[page]
      rows.push([result.database, page, ms(stats.p50), ms(stats.p95), ms(stats.mean), ms(stats.max),
        `${(stats.p50 / result.stats.floor.p50).toFixed(2)}×`, kb(stats.bytes), String(stats.n), String(stats.errors)])
    }
  }
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)))
  for (const [index, row] of rows.entries()) {
    console.log(row.map((cell, column) => (column < 2 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  '))
    if (index === 0) console.log(widths.map((width) => '─'.repeat(width)).join('  '))
  }
}

function targetLines(result: DatabaseResult): string[] {
  const { search, profile, floor } = result.stats
  const verdict = (ok: boolean) => (ok ? 'PASS' : 'MISS')
  return [
    `${verdict(search.p50 <= TARGETS.searchRatio * floor.p50)}  search p50 ≤ ${TARGETS.searchRatio}× floor: ${ms(search.p50)} ms vs ${ms(TARGETS.searchRatio * floor.p50)} ms (${(search.p50 / floor.p50).toFixed(2)}×)`,
    `${verdict(search.p50 <= TARGETS.searchP50Ms)}  search p50 ≤ ${TARGETS.searchP50Ms} ms: ${ms(search.p50)} ms`,
    `${verdict(search.p95 <= TARGETS.p95Ms)}  search p95 ≤ ${TARGETS.p95Ms} ms: ${ms(search.p95)} ms`,
    `${verdict(profile.p95 <= TARGETS.p95Ms)}  profile p95 ≤ ${TARGETS.p95Ms} ms: ${ms(profile.p95)} ms`,
    `${verdict(floor.p95 <= TARGETS.p95Ms)}  floor p95 ≤ ${TARGETS.p95Ms} ms: ${ms(floor.p95)} ms`,
  ]
}

// ─── Main ────────────────────────────────────────────────────────────────────

async function main() {
  mkdirSync(benchDir, { recursive: true })
  const plan = PAGES_ON ? `${REQUESTS} requests per page after ${WARMUP} warm-up rounds` : 'the follow-up dashboard only (BENCH_PAGES=off)'
  log(`Node ${process.version}, ${(await import('node:os')).cpus().length} CPUs; ${plan}`)
  if (!PAGES_ON) {
    log('build: skipped (BENCH_PAGES=off)')
  } else if (process.env.BENCH_SKIP_BUILD === '1') {
    if (!existsSync('build/server/index.js')) throw new Error('BENCH_SKIP_BUILD=1 but ./build/server/index.js is missing')
    log('build: skipped (BENCH_SKIP_BUILD=1)')
  } else {
    log('build: npx remix vite:build')
    run('npx', ['remix', 'vite:build'], { quiet: true })
    log('build: done')
  }
  if (PAGES_ON) {
    rmSync(snapshotBuild, { recursive: true, force: true })
    cpSync('build', snapshotBuild, { recursive: true })
    if (!existsSync(join(snapshotBuild, 'server/index.js'))) throw new Error('./build changed while it was copied: run again')
  }

  const results: DatabaseResult[] = []
  const followUpResults: FollowUpResult[] = []
  const skipped: string[] = []
  let searchHtml: string | null = null
  let postgresVersion: string | null = null

  for (const database of DATABASES) {
    if (database === 'postgres') {
      const bin = postgresBin()
      if (!bin) {
        const message = 'PostgreSQL: skipped, no binaries found (/usr/lib/postgresql/*/bin or PG_BIN; apt-get install postgresql)'
        log(message)
        skipped.push(message)
        continue
      }
      const pg = await startPostgres(bin)
      postgresVersion = pg.version
      log(`PostgreSQL ${pg.version} on ${pg.url.replace(/^.*@/, '')}: migrating and generating ${SIZES.organisations} organisations, ${SIZES.offers} offers`)
      const generated = await migrateAndGenerate({ databaseUrl: pg.url })
      log(`PostgreSQL: generated in ${generated.seconds.toFixed(1)} s: ${countsLine(generated.counts)}`)
      if (FOLLOW_UP_ON) await generateFollowUp('PostgreSQL', { databaseUrl: pg.url })
      if (PAGES_ON) {
        const server = await startServer('postgres', { DATABASE_URL: pg.url })
        log(`PostgreSQL: server answers on ${server.origin}`)
        const result = await measure(`PostgreSQL ${pg.version}`, server.origin, generated.publicOrganisationIds)
        searchHtml ??= (await timed(server.origin + searchUrls()[0])).body
        results.push(result)
        await server.stop()
      }
      if (FOLLOW_UP_ON) followUpResults.push(await followUp(`PostgreSQL ${pg.version}`, { databaseUrl: pg.url }))
      await runCleanups()
    } else if (database === 'pglite') {
      log('PGlite: preparing ./data/bench/pglite')
      const prepared = await preparePglite()
      if (prepared.cached) log(`PGlite: reusing the cached data set (generator v${GENERATOR_VERSION})`)
      if (PAGES_ON) {
        const server = await startServer('pglite', { PGLITE_DIR: pgliteDir })
        log(`PGlite: server answers on ${server.origin}`)
        const result = await measure('PGlite', server.origin, prepared.publicOrganisationIds)
        searchHtml ??= (await timed(server.origin + searchUrls()[0])).body
        results.push(result)
        await runCleanups()
      }
      // the embedded database has one opener at a time: the server is stopped before this process opens it
      if (FOLLOW_UP_ON) followUpResults.push(await followUp('PGlite', { pgliteDir }))
    } else {
      throw new Error(`BENCH_DATABASES: unknown database ${database} (postgres, pglite)`)
    }
  }

  if (results.length > 0) {
    console.log(`\n═══ Server response time (sequential, full body read; ${REQUESTS} requests per page) ═══\n`)
    printTable(results)
    console.log('\nsearch: /services?category=…&municipality=…&lang=…&free=on&sort=distance over ' +
      `${SEARCH_CATEGORIES.length} categories × 14 municipalities; profile: 50 producers; floor: /accessibility`)
    for (const result of results) {
      console.log(`\n${result.database}${result.database.startsWith('PostgreSQL') ? ' (the targets)' : ' (for comparison; the targets are PostgreSQL’s)'}`)
      for (const line of targetLines(result)) console.log(`  ${line}`)
      for (const note of result.notes) console.log(`  note: ${note}`)
    }
  }
  if (followUpResults.length > 0) printFollowUp(followUpResults)
  for (const message of skipped) console.log(`\n${message}`)

  let assets: Asset[] = []
  if (searchHtml) {
    assets = assetsOfPage(searchHtml)
    const js = assets.filter((asset) => asset.kind === 'js')
    const css = assets.filter((asset) => asset.kind === 'css')
    const sum = (list: Asset[], key: 'raw' | 'gzip') => list.reduce((total, asset) => total + asset[key], 0)
    console.log('\n═══ What a search-page visit downloads (build/client, gzip level 6) ═══\n')
    console.log(`  JavaScript: ${js.length} files, ${kb(sum(js, 'raw'))} kB raw, ${kb(sum(js, 'gzip'))} kB gzipped`)
    console.log(`  CSS:        ${css.length} files, ${kb(sum(css, 'raw'))} kB raw, ${kb(sum(css, 'gzip'))} kB gzipped`)
    console.log(`  ${sum(js, 'gzip') / 1024 <= TARGETS.jsGzipKb ? 'PASS' : 'MISS'}  JavaScript ≤ ${TARGETS.jsGzipKb} kB gzipped`)
    for (const asset of [...assets].sort((a, b) => b.gzip - a.gzip).slice(0, 5)) {
      console.log(`    ${kb(asset.gzip).padStart(6)} kB  ${asset.path}`)
    }
  }

  const seconds = (performance.now() - startedAt) / 1000
  writeFileSync(
    join(benchDir, 'results.json'),
    JSON.stringify({ node: process.version, postgres: postgresVersion, requests: REQUESTS, warmup: WARMUP, results, assets, followUp: followUpResults, seconds }, null, 2),
  )
  console.log(`\nDone in ${seconds.toFixed(0)} s (figures in data/bench/results.json).`)
}

main()
  .catch(async (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error)
    process.exitCode = 1
  })
  .finally(() => runCleanups())
