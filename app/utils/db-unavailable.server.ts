import { supportedLocales } from '~/i18n'
import { resources } from '~/locales/resources'
import { log } from './logger.server'

/** Prisma's codes for a server that cannot be reached, timed out, closed the connection, or has no connection free. */
const unavailableCodes = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024'])
/** the driver adapters' kinds of the same (in `meta.driverAdapterError.cause`) */
const unavailableKinds = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections'])
/**
 * SQLSTATEs: connection exceptions (class 08), the server shutting down, crashed or not yet accepting connections
 * (57P01–57P03), too many connections (53300).
 */
const unavailableSqlState = /^(08|57P0[1-3]$|53300$)/
/** node-postgres (a connection dropped mid-query or inside a transaction) and PGlite after close() */
const unavailableMessage = /^(Connection terminated|Client was closed|Cannot use a pool after calling end|PGlite is closed)/

type ErrorLike = {
  name?: unknown
  code?: unknown
  message?: unknown
  meta?: { driverAdapterError?: { cause?: { kind?: unknown; code?: unknown; originalCode?: unknown } } }
}

/** Whether an error from Prisma (or below it) means the database is unreachable rather than that the query was wrong. */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false
  const { name, code, message, meta } = error as ErrorLike
  if (name === 'PrismaClientInitializationError') return true
  if (typeof code === 'string' && unavailableCodes.has(code)) return true
  const cause = meta?.driverAdapterError?.cause
  if (cause && typeof cause.kind === 'string' && unavailableKinds.has(cause.kind)) return true
  const sqlState = cause?.originalCode ?? cause?.code
  if (typeof sqlState === 'string' && unavailableSqlState.test(sqlState)) return true
  return typeof message === 'string' && unavailableMessage.test(message)
}

/** The plain-text body, for resource routes (downloads, the open-data API): every language, one a line. */
const unavailableText = supportedLocales.map((locale) => String(resources[locale].faults.unavailable)).join('\n')

/**
 * The 503 thrown in place of such an error: Remix renders it with the root ErrorBoundary as the translated
 * "temporarily unavailable" page (common.json errorPage.unavailable), and a resource route answers with it as is
 * (faults.json in every language). `reason` keeps the cause readable where it is logged as an object (a background job).
 */
export class DatabaseUnavailable extends Response {
  readonly reason: string
  constructor(cause: unknown) {
    super(unavailableText, {
      status: 503,
      statusText: 'Service Unavailable',
      headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Retry-After': '10', 'Cache-Control': 'no-store' },
    })
    this.reason = `database unavailable: ${cause instanceof Error ? cause.message.split('\n').at(-1) : String(cause)}`
  }
}

const logEveryMs = 10_000
let lastLogged = 0
let unlogged = 0

/** Rethrows a database-unavailable error as a DatabaseUnavailable 503 (logged at most every 10 s), any other as it was. */
export function translateUnavailable(error: unknown): never {
  if (!isDatabaseUnavailable(error)) throw error
  const unavailable = new DatabaseUnavailable(error)
  const now = Date.now()
  if (now - lastLogged >= logEveryMs) {
    log.warn('database unavailable, answering 503', { reason: unavailable.reason, suppressedSinceLast: unlogged })
    lastLogged = now
    unlogged = 0
  } else {
    unlogged++
  }
  throw unavailable
}
