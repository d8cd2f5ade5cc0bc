import { describe, expect, it } from 'vitest'
import { DatabaseUnavailable, isDatabaseUnavailable, translateUnavailable } from './db-unavailable.server'

/** The shapes seen from Prisma 7 with @prisma/adapter-pg and pglite-prisma-adapter while a server was stopped and started. */
const known = (code: string, cause?: Record<string, unknown>) =>
  Object.assign(new Error('Invalid `prisma.user.count()` invocation'), {
    name: 'PrismaClientKnownRequestError',
    code,
    meta: cause ? { driverAdapterError: { name: 'DriverAdapterError', cause } } : undefined,
  })

describe('isDatabaseUnavailable', () => {
  it.each([
    ['server refused the connection', known('P1001', { kind: 'DatabaseNotReachable', host: '127.0.0.1', port: 5432 })],
    ['raw query while unreachable', known('P2010', { kind: 'DatabaseNotReachable' })],
    ['server starting up', known('P2039', { kind: 'postgres', code: '57P03', originalCode: '57P03' })],
    ['server shutting down', known('P2039', { kind: 'postgres', code: '57P01' })],
    ['connection closed', known('P1017')],
    ['pool exhausted', known('P2024')],
    ['too many connections', known('P2039', { kind: 'TooManyConnections' })],
    ['connection dropped in a transaction', new Error('Connection terminated unexpectedly')],
    ['PGlite after close', new Error('PGlite is closed')],
    ['client could not start', Object.assign(new Error('Can’t reach database'), { name: 'PrismaClientInitializationError' })],
  ])('%s: yes', (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true)
  })

  it.each([
    ['unique violation', known('P2002', { kind: 'UniqueConstraintViolation' })],
    ['record not found', known('P2025')],
    ['a trigger refusing a change', known('P2010', { kind: 'postgres', code: '23514' })],
    ['a plain bug', new TypeError('x is undefined')],
    ['a thrown Response', new Response(null, { status: 404 })],
    ['nothing', undefined],
  ])('%s: no', (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false)
  })
})

describe('translateUnavailable', () => {
  it('throws a 503 Response that says when to retry, keeping the cause readable', () => {
    let thrown: unknown
    try {
      translateUnavailable(new Error('Connection terminated unexpectedly'))
    } catch (error) {
      thrown = error
    }
    expect(thrown).toBeInstanceOf(DatabaseUnavailable)
    expect(thrown).toBeInstanceOf(Response)
    const response = thrown as DatabaseUnavailable
    expect(response.status).toBe(503)
    expect(response.headers.get('Retry-After')).toBe('10')
    expect(response.reason).toBe('database unavailable: Connection terminated unexpectedly')
  })

  it('rethrows any other error as it was', () => {
    const error = known('P2002')
    expect(() => translateUnavailable(error)).toThrow(error)
  })
})

describe('the 503 of a resource route', () => {
  it('says it in Finnish, Swedish and English', async () => {
    const text = await new DatabaseUnavailable(new Error('PGlite is closed')).text()
    expect(text.split('\n')).toEqual([
      'Palvelu on tilapäisesti poissa käytöstä. Yritä uudelleen hetken kuluttua.',
      'Tjänsten är tillfälligt otillgänglig. Försök igen om en stund.',
      'The service is temporarily unavailable. Please try again in a minute.',
    ])
  })
})
