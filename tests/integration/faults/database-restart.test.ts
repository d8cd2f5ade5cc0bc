import type { LoaderFunctionArgs } from '@remix-run/node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { prismaForPostgres, type Database } from '~/utils/db.server'
import { applyMigrations, postgresConnection } from '~/utils/migrate.server'
/* eslint-disable no-restricted-imports -- the requests go through the routes' own loaders */
import * as accountRoute from '~/routes/account'
import * as providerRoute from '~/routes/provider.$orgId._index'
import * as searchRoute from '~/routes/services._index'
import * as rootRoute from '~/root'
/* eslint-enable no-restricted-imports */
import { postgresBinaries, startPostgresServer, type PostgresServer } from '../../support/postgres-server'
import { createWorld, makeRequest } from '../../support/request'

const bin = postgresBinaries()
const label = bin
  ? 'PostgreSQL restarted under load'
  : 'PostgreSQL restarted under load (SKIPPED: no PostgreSQL server binaries under /usr/lib/postgresql/*/bin; CI installs them)'

/** A request's outcome: an HTTP status, 'error' for anything thrown that is not a Response, 'hang' past the limit. */
type Outcome = number | 'error' | 'hang'
const hangAfterMs = 5_000

describe.skipIf(!bin)(label, () => {
  let server: PostgresServer
  let previous: Database | undefined
  let requests: (() => Promise<unknown>)[]
  let address = 0

  beforeAll(async () => {
    server = await startPostgresServer(bin ?? '')
    const admin = await postgresConnection(server.url)
    await admin.exec('CREATE DATABASE palvelutori')
    await admin.close()
    const url = server.url.replace(/\/postgres$/, '/palvelutori')
    const migrator = await postgresConnection(url)
    await applyMigrations(migrator)
    await migrator.close()
    previous = globalThis.__palvelutoriDb
    const prisma = prismaForPostgres(url)
    globalThis.__palvelutoriDb = { prisma, close: () => prisma.$disconnect() }

    const world = await createWorld()
    const args = (path: string, cookie = '', params: Record<string, string> = {}): LoaderFunctionArgs => {
      const request = makeRequest(path, { cookie })
      // every request from its own address, so the public pages' rate limit stays out of the way
      request.headers.set('X-Client-Address', `10.0.${Math.floor(++address / 250) % 250}.${address % 250}`)
      return { request, params, context: {} }
    }
    requests = [
      () => rootRoute.loader(args('/', world.cookies.owner)),
      () => accountRoute.loader(args('/account', world.cookies.owner)),
      () => providerRoute.loader(args(`/provider/${world.organisation.id}`, world.cookies.owner, { orgId: world.organisation.id })),
      () => searchRoute.loader(args('/services')),
    ]
  }, 60_000)

  afterAll(async () => {
    await globalThis.__palvelutoriDb?.close()
    globalThis.__palvelutoriDb = previous
    await server?.destroy()
  })

  async function outcome(run: () => Promise<unknown>): Promise<Outcome> {
    let timer: NodeJS.Timeout | undefined
    const hang = new Promise<Outcome>((resolve) => (timer = setTimeout(() => resolve('hang'), hangAfterMs)))
    const settled = run().then(
      (result) => (result instanceof Response ? result.status : 200),
      (thrown: unknown) => (thrown instanceof Response ? thrown.status : 'error'),
    )
    try {
      return await Promise.race([settled, hang])
    } finally {
      clearTimeout(timer)
    }
  }

  /** Fires every request `times` times, four at once, and returns the outcomes. */
  async function burst(times: number): Promise<Outcome[]> {
    return Promise.all(Array.from({ length: times }, () => Promise.all(requests.map(outcome)))).then((all) => all.flat())
  }

  it('answers 503 while the database is down, never 500 and never a hang, and recovers without a restart', async () => {
    expect(new Set(await burst(5))).toEqual(new Set([200]))

    // load keeps coming while the server goes down mid-way
    let running = true
    const underLoad: Outcome[] = []
    const load = (async () => {
      while (running) underLoad.push(...(await burst(2)))
    })()
    await new Promise((resolve) => setTimeout(resolve, 300))
    await server.crash()
    const down = await burst(5)
    running = false
    await load
    expect(new Set(down)).toEqual(new Set([503]))
    // requests in flight at the moment of the crash either finished or got the 503, nothing else
    expect([...new Set(underLoad)].filter((status) => status !== 200 && status !== 503)).toEqual([])
    expect(underLoad).toContain(503)

    await server.start()
    const deadline = Date.now() + 15_000
    let after: Outcome[] = []
    while (Date.now() < deadline) {
      after = await burst(1)
      if (after.every((status) => status === 200)) break
      expect(after.filter((status) => status !== 503)).toEqual(after.filter((status) => status === 200))
      await new Promise((resolve) => setTimeout(resolve, 200))
    }
    expect(new Set(after)).toEqual(new Set([200]))
    expect(new Set(await burst(5))).toEqual(new Set([200]))
  })
})
