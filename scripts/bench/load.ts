// npm run bench:load: the production server under concurrent load (issue 8). A benchmark, not a test: it exits 0
// whatever the figures, and non-zero only when something crashed. It builds nothing: run `npm run build` first.
//
// 1. the database: DATABASE_URL when given (a throwaway, empty PostgreSQL on this machine: it is migrated and filled);
//    else a throwaway PostgreSQL cluster of its own on a free 127.0.0.1 port (initdb, as .ci/run does; removed at the
//    end) when the Debian binaries are installed; else a fresh embedded PGlite in ./data/bench-load/pglite (said so in
//    the output: one connection, so much slower);
// 2. fills it: the national-scale register of `npm run bench` (scripts/bench/generate.ts) for the public pages and
//    the demo seed on top (providers with voucher clients in service), scripts/bench/load-data.ts;
// 3. starts the production server (scripts/serve.ts; NODE_ENV=production, WORKERS=off, on 127.0.0.1 only, the
//    public-page rate limit raised for the run) and logs the seeded providers in;
// 4. runs autocannon for BENCH_LOAD_SECONDS (30) each with BENCH_LOAD_CONNECTIONS (50): the floor (/accessibility),
//    public search (rotating over categories × municipalities), producer profiles (rotating over 50 producers), and
//    a mixed workload of logged-in providers (open a client's page, record 0.01 units of service, search);
// 5. prints requests/s, p50/p99 latency, errors and unexpected statuses; figures in data/bench-load/results.json.
//
// Loopback only: the server listens on 127.0.0.1 and DATABASE_URL must point at this machine.
import { spawn, type ChildProcess } from 'node:child_process'
import { createWriteStream, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { cpus, loadavg } from 'node:os'
import { join, resolve } from 'node:path'
import autocannon, { type RequestParams, type Result } from 'autocannon'
import { helsinkiToday } from '../../app/modules/documents/dates'
import { DEMO_PASSWORD } from '../../prisma/seed/accounts'
import { postgresBinaries, startPostgresServer, type PostgresServer } from '../../tests/support/postgres-server'
import { readMunicipalities } from '../../prisma/seed/source-data'
import { prepareLoadData, type LoadDatabase, type LoadProvider } from './load-data'

const root = resolve(import.meta.dirname, '../..')
process.chdir(root)
const workDir = resolve('data/bench-load')
const SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 30)
const CONNECTIONS = Number(process.env.BENCH_LOAD_CONNECTIONS ?? 50)
const MAX_PROVIDERS = 20
const TARGET = { searchP99Ms: 250 }

const startedAt = performance.now()
const log = (message: string) => console.log(`[bench:load ${((performance.now() - startedAt) / 1000).toFixed(0).padStart(4)} s] ${message}`)

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

function loopbackOnly(databaseUrl: string): void {
  const host = new URL(databaseUrl).hostname
  if (!['127.0.0.1', 'localhost', '[::1]', '::1'].includes(host)) {
    throw new Error(`bench:load runs on loopback only: DATABASE_URL points at ${host}`)
  }
}

// ─── The server ──────────────────────────────────────────────────────────────

type Server = { origin: string; stop: () => Promise<void> }

async function startServer(database: LoadDatabase): Promise<Server> {
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
    // one address sends everything here: the per-address limit on public pages would answer 429 after 300 a minute
    RATE_LIMIT_PUBLIC_PER_MINUTE: '100000000',
    MAIL_DIR: join(workDir, 'mail'),
    UPLOAD_DIR: join(workDir, 'uploads'),
  }
  delete env.DATABASE_URL
  delete env.PGLITE_DIR
  delete env.SMTP_URL
  if (database.databaseUrl) env.DATABASE_URL = database.databaseUrl
  else env.PGLITE_DIR = database.pgliteDir
  const logFile = join(workDir, 'server.log')
  const out = createWriteStream(logFile)
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'scripts/serve.ts', 'build'], { env, stdio: ['ignore', 'pipe', 'pipe'] })
  child.stdout!.pipe(out)
  child.stderr!.pipe(out)
  let exited = false
  const exitedPromise = new Promise<void>((resolveExit) => child.once('exit', () => ((exited = true), resolveExit())))
  const stop = async () => {
    if (exited) return
    child.kill('SIGTERM')
    const timer = setTimeout(() => !exited && child.kill('SIGKILL'), 15_000)
    await exitedPromise
    clearTimeout(timer)
  }
  const deadline = Date.now() + 120_000
  for (;;) {
    if (exited) throw new Error(`the server exited before answering (see ${logFile})`)
    try {
      const response = await fetch(`${origin}/accessibility`)
      await response.arrayBuffer()
      if (response.ok) break
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop()
      throw new Error(`the server did not answer in 120 s (see ${logFile})`)
    }
    await new Promise((resolveWait) => setTimeout(resolveWait, 250))
  }
  return { origin, stop }
}

/** Logs a provider in as a browser would (Origin and all) and returns the session cookie. */
async function logIn(origin: string, email: string): Promise<string> {
  const response = await fetch(`${origin}/login`, {
    method: 'POST',
    headers: { Origin: origin, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email, password: DEMO_PASSWORD, redirectTo: '/provider' }),
    redirect: 'manual',
  })
  const cookie = response.headers.getSetCookie().find((value) => value.startsWith('__session='))
  if (response.status !== 302 || !cookie) throw new Error(`${email} could not log in (HTTP ${response.status})`)
  return cookie.split(';')[0]!
}

// ─── The workloads ───────────────────────────────────────────────────────────

const SEARCH_CATEGORIES = ['home-care', 'support-services', 'personal-assistance', 'family-home-help', 'carer-respite']

function searchPaths(): string[] {
  const paths: string[] = []
  for (const category of SEARCH_CATEGORIES) {
    for (const municipality of readMunicipalities()) {
      const lang = municipality.officialLanguages[0] ?? 'fi'
      paths.push(`/services?category=${category}&municipality=${municipality.code}&lang=${lang}&free=on&sort=distance`)
    }
  }
  return paths
}

function profilePaths(publicOrganisationIds: string[]): string[] {
  const step = publicOrganisationIds.length / 50
  return Array.from({ length: Math.min(50, publicOrganisationIds.length) }, (_, i) => `/producers/${publicOrganisationIds[Math.floor(i * step)]}`)
}

function rotating(paths: string[]): () => string {
  let next = 0
  return () => paths[next++ % paths.length]!
}

type Phase = { name: string; expected: number[]; result: Result }

async function runPhase(name: string, origin: string, requests: Parameters<typeof autocannon>[0]['requests'], expected: number[]): Promise<Phase> {
  log(`${name}: ${CONNECTIONS} connections for ${SECONDS} s (load average before: ${loadavg().map((load) => load.toFixed(1)).join(' ')})`)
  const result = await autocannon({ url: origin, connections: CONNECTIONS, duration: SECONDS, timeout: 30, headers: { 'accept-language': 'sv', accept: 'text/html' }, requests })
  return { name, expected, result }
}

function mixedWorkload(providers: (LoadProvider & { cookie: string })[], origin: string, search: () => string) {
  let nextProvider = 0
  type Context = { provider?: LoadProvider & { cookie: string }; choiceId?: string }
  const pick = (context: Context) => {
    if (!context.provider) {
      const provider = providers[nextProvider++ % providers.length]!
      context.provider = provider
      context.choiceId = provider.choiceIds[nextProvider % provider.choiceIds.length]
    }
    return context as Required<Context>
  }
  const clientPage = ({ provider, choiceId }: Required<Context>) => `/provider/${provider.organisationId}/clients/${choiceId}`
  const today = helsinkiToday()
  return [
    {
      method: 'GET',
      setupRequest: (request: RequestParams, context: Record<string, unknown>) => {
        const chosen = pick(context as Context)
        return { ...request, path: clientPage(chosen), headers: { ...request.headers, cookie: chosen.provider.cookie } }
      },
    },
    {
      method: 'POST',
      setupRequest: (request: RequestParams, context: Record<string, unknown>) => {
        const chosen = pick(context as Context)
        return {
          ...request,
          path: clientPage(chosen),
          headers: { ...request.headers, cookie: chosen.provider.cookie, origin, 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ intent: 'record', serviceDate: today, units: '0.01' }).toString(),
        }
      },
    },
    { method: 'GET', setupRequest: (request: RequestParams) => ({ ...request, path: search() }) },
  ]
}

// ─── Report ──────────────────────────────────────────────────────────────────

function unexpectedStatuses(phase: Phase): string {
  const unexpected = Object.entries(phase.result.statusCodeStats ?? {}).filter(([code]) => !phase.expected.includes(Number(code)))
  return unexpected.length === 0 ? '0' : unexpected.map(([code, { count }]) => `${count}×${code}`).join(' ')
}

function printPhases(phases: Phase[]) {
  const rows = [['workload', 'requests', 'req/s', 'p50 ms', 'p99 ms', 'max ms', 'errors', 'timeouts', 'unexpected statuses']]
  for (const { name, result, ...phase } of phases) {
    rows.push([name, String(result.requests.total), result.requests.average.toFixed(1), String(result.latency.p50), String(result.latency.p99),
      String(result.latency.max), String(result.errors), String(result.timeouts), unexpectedStatuses({ name, result, ...phase })])
  }
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)))
  for (const [index, row] of rows.entries()) {
    console.log(row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  '))
    if (index === 0) console.log(widths.map((width) => '─'.repeat(width)).join('  '))
  }
}

// ─── Main ────────────────────────────────────────────────────────────────────

async function main() {
  if (!existsSync('build/server/index.js')) throw new Error('No production build: run `npm run build` first (bench:load builds nothing).')
  rmSync(workDir, { recursive: true, force: true })
  mkdirSync(workDir, { recursive: true })
  let database: LoadDatabase
  let databaseName: string
  let ownServer: PostgresServer | null = null
  const bin = postgresBinaries()
  if (process.env.DATABASE_URL) {
    loopbackOnly(process.env.DATABASE_URL)
    database = { databaseUrl: process.env.DATABASE_URL }
    databaseName = `PostgreSQL at ${new URL(process.env.DATABASE_URL).host}`
  } else if (bin) {
    ownServer = await startPostgresServer(bin)
    database = { databaseUrl: ownServer.url }
    databaseName = `PostgreSQL ${bin.split('/').at(-2)} (a throwaway cluster on 127.0.0.1:${ownServer.port})`
  } else {
    database = { pgliteDir: join(workDir, 'pglite') }
    databaseName = 'PGlite (embedded, one connection)'
    log('No DATABASE_URL and no PostgreSQL binaries: running on PGlite in ./data/bench-load/pglite. The targets are')
    log('for PostgreSQL: apt-get install postgresql, or give DATABASE_URL=postgresql://…@127.0.0.1/… (an empty database).')
  }
  try {
    await measureAll(database, databaseName)
  } finally {
    await ownServer?.destroy()
  }
}

async function measureAll(database: LoadDatabase, databaseName: string) {
  log(`Node ${process.version}, ${cpus().length} CPUs, load average ${loadavg().map((load) => load.toFixed(1)).join(' ')}; database: ${databaseName}`)

  log('filling the database: the national-scale register, then the demo seed')
  const data = await prepareLoadData(database, { uploadDir: join(workDir, 'uploads'), maxProviders: MAX_PROVIDERS })
  log(`filled in ${data.seconds.toFixed(0)} s: ${data.counts.organisations} organisations, ${data.counts.offers} offers, ` +
    `${data.providers.length} providers with ${data.providers.reduce((sum, provider) => sum + provider.choiceIds.length, 0)} clients in service`)
  if (data.providers.length === 0) throw new Error('no provider with a client in service today: the mixed workload has nobody to log in')

  const server = await startServer(database)
  const phases: Phase[] = []
  try {
    log(`server answers on ${server.origin}; logging ${data.providers.length} providers in`)
    const providers = []
    for (const provider of data.providers) providers.push({ ...provider, cookie: await logIn(server.origin, provider.email) })
    const search = rotating(searchPaths())
    const profile = rotating(profilePaths(data.publicOrganisationIds))
    phases.push(await runPhase('floor', server.origin, [{ method: 'GET', path: '/accessibility' }], [200]))
    phases.push(await runPhase('search', server.origin, [{ method: 'GET', setupRequest: (request) => ({ ...request, path: search() }) }], [200]))
    phases.push(await runPhase('profiles', server.origin, [{ method: 'GET', setupRequest: (request) => ({ ...request, path: profile() }) }], [200]))
    phases.push(await runPhase('providers (mixed)', server.origin, mixedWorkload(providers, server.origin, search), [200, 302]))
  } finally {
    await server.stop()
  }

  console.log(`\n═══ ${CONNECTIONS} connections, ${SECONDS} s per workload, ${databaseName}, loopback ═══\n`)
  printPhases(phases)
  console.log('\nfloor: /accessibility (a static page through the whole stack: what 50 connections cost by themselves);')
  console.log('search: /services?category=…&municipality=…&lang=…&free=on&sort=distance (5 categories × 14 municipalities);')
  console.log('profiles: /producers/<id> (50 producers); providers (mixed): per connection a provider opens a client\'s page,')
  console.log('records 0.01 units of service for today (302 when saved) and runs a public search.')
  const search = phases.find((phase) => phase.name === 'search')!.result
  const verdict = search.requests.total > 0 && search.errors + search.timeouts === 0 && search.non2xx === 0 && search.latency.p99 <= TARGET.searchP99Ms ? 'PASS' : 'MISS'
  console.log(`\n${verdict}  search: 0 errors and p99 ≤ ${TARGET.searchP99Ms} ms (${search.requests.total} requests, ${search.errors + search.timeouts} errors, ${search.non2xx} non-2xx, p99 ${search.latency.p99} ms)`)
  console.log(`load average after: ${loadavg().map((load) => load.toFixed(1)).join(' ')} (${cpus().length} CPUs; other work on the machine skews the figures)`)
  writeFileSync(
    join(workDir, 'results.json'),
    JSON.stringify({ node: process.version, database: databaseName, connections: CONNECTIONS, seconds: SECONDS, phases: phases.map(({ name, result }) => ({ name, ...result })) }, null, 2),
  )
  console.log(`\nDone in ${((performance.now() - startedAt) / 1000).toFixed(0)} s (figures in data/bench-load/results.json).`)
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error)
  process.exitCode = 1
})
