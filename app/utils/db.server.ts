import { mkdirSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { PrismaPg } from '@prisma/adapter-pg'
import { PrismaPGlite } from 'pglite-prisma-adapter'
import { PrismaClient, type Prisma } from '~/generated/prisma/client'
import { translateUnavailable } from './db-unavailable.server'
import { env } from './env.server'
import { acquireLock } from './lock-file.server'

export type Database = {
  prisma: PrismaClient
  /** the embedded database when DATABASE_URL is unset */
  pglite?: PGlite
  close: () => Promise<void>
}

declare global {
  var __palvelutoriDb: Database | undefined
}

/** PGlite is a single connection: transactions queue behind each other, so allow them to wait. */
const pgliteTransactionOptions = { maxWait: 20_000, timeout: 30_000 }

export function prismaForPGlite(pglite: PGlite): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPGlite(pglite), transactionOptions: pgliteTransactionOptions })
}

/**
 * PostgreSQL: a burst of submissions (50 records for one voucher at once) queues for the pool's connections; let a
 * transaction wait for one instead of failing after Prisma's default 2 s, so it is refused or accepted on its merits.
 */
const postgresTransactionOptions = { maxWait: 10_000, timeout: 15_000 }

export function prismaForPostgres(connectionString: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString }), transactionOptions: postgresTransactionOptions })
}

function openConfiguredDatabase(): Database {
  const { DATABASE_URL, PGLITE_DIR } = env()
  if (DATABASE_URL) {
    const prisma = prismaForPostgres(DATABASE_URL)
    return { prisma, close: () => prisma.$disconnect() }
  }
  const dir = resolve(PGLITE_DIR)
  mkdirSync(dirname(dir), { recursive: true })
  const release = acquireLock(`${dir}.lock`)
  const pglite = new PGlite(dir)
  const prisma = prismaForPGlite(pglite)
  return {
    prisma,
    pglite,
    close: async () => {
      await prisma.$disconnect()
      await pglite.close()
      release()
    },
  }
}

let closeHookInstalled = false

/** One database per process, reused across dev-server reloads (cached on globalThis). */
export function database(): Database {
  if (!globalThis.__palvelutoriDb) {
    globalThis.__palvelutoriDb = openConfiguredDatabase()
  }
  if (!closeHookInstalled) {
    closeHookInstalled = true
    const shutdown = () => {
      const db = globalThis.__palvelutoriDb
      globalThis.__palvelutoriDb = undefined
      void (db ? db.close() : Promise.resolve()).finally(() => process.exit(0))
    }
    process.once('SIGTERM', shutdown)
    process.once('SIGINT', shutdown)
  }
  return globalThis.__palvelutoriDb
}

const appClients = new WeakMap<PrismaClient, PrismaClient>()

/**
 * The client as the app uses it: an error meaning the database is unreachable (down, restarting, closed) is thrown
 * as a 503 Response instead (./db-unavailable.server.ts), from every query, raw query and transaction, so a request
 * during an outage gets the translated "temporarily unavailable" page, never a 500. Scripts that take
 * database().prisma see the original errors.
 */
function appClient(client: PrismaClient): PrismaClient {
  let extended = appClients.get(client)
  if (!extended) {
    extended = client.$extends({
      query: {
        async $allOperations({ args, query }) {
          try {
            return await query(args)
          } catch (error) {
            return translateUnavailable(error)
          }
        },
      },
    }) as unknown as PrismaClient
    appClients.set(client, extended)
  }
  return extended
}

/** The Prisma client of this process. Resolved on first use so tests can install their own database first. */
export const prisma: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const client = appClient(database().prisma)
    if (property === '$transaction') {
      // starting a transaction needs a connection before any query runs
      return (...args: Parameters<PrismaClient['$transaction']>) => (client.$transaction(...args) as Promise<unknown>).catch(translateUnavailable)
    }
    const value = Reflect.get(client, property, client) as unknown
    return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(client) : value
  },
})

export type Tx = Prisma.TransactionClient
