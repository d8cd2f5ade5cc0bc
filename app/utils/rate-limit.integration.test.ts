import { afterEach, describe, expect, it, vi } from 'vitest'
import type { PrismaClient } from '~/generated/prisma/client'
import { prisma, prismaForPGlite, prismaForPostgres, type Database } from './db.server'
import { rateLimits } from './rate-limit-policies'
import { clearRateLimit, clientIp, enforceRateLimit, enforceRateLimitPolicy, hitRateLimit } from './rate-limit.server'

describe('hitRateLimit', () => {
  const start = new Date('2026-11-23T10:00:00Z')

  it('allows `limit` attempts in a window, refuses the next with the seconds left, and opens again after the window', async () => {
    for (let i = 0; i < 3; i++) expect((await hitRateLimit('k1', 3, 60, start)).allowed).toBe(true)
    const refused = await hitRateLimit('k1', 3, 60, new Date(start.getTime() + 20_000))
    expect(refused).toEqual({ allowed: false, retryAfterSeconds: 40 })
    expect((await hitRateLimit('k1', 3, 60, new Date(start.getTime() + 61_000))).allowed).toBe(true)
  })

  it('counts keys separately and forgets a cleared key', async () => {
    await hitRateLimit('k2', 1, 60, start)
    expect((await hitRateLimit('k2', 1, 60, start)).allowed).toBe(false)
    expect((await hitRateLimit('k3', 1, 60, start)).allowed).toBe(true)
    await clearRateLimit('k2')
    expect((await hitRateLimit('k2', 1, 60, start)).allowed).toBe(true)
  })

  it('counts every one of many concurrent attempts', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, () => hitRateLimit('k4', 5, 60, start)))
    expect(results.filter((r) => r.allowed)).toHaveLength(5)
  })
})

/** What a thrown 429 carries: its status, Retry-After and JSON body. */
async function refusal(run: () => Promise<unknown>) {
  try {
    await run()
  } catch (thrown) {
    if (!(thrown instanceof Response)) throw thrown
    return { status: thrown.status, retryAfter: thrown.headers.get('Retry-After'), body: (await thrown.json()) as unknown }
  }
  return null
}

describe('enforceRateLimit', () => {
  const start = new Date('2026-11-23T12:00:00Z')
  const later = (seconds: number) => new Date(start.getTime() + seconds * 1000)

  it('lets `limit` requests through and throws a 429 with Retry-After for the next, until the window has passed', async () => {
    for (let i = 0; i < 3; i++) await enforceRateLimit('e1', 3, 600, later(i))
    expect(await refusal(() => enforceRateLimit('e1', 3, 600, later(90)))).toEqual({
      status: 429,
      retryAfter: '510',
      body: { error: 'tooManyRequests', retryAfterSeconds: 510 },
    })
    expect(await refusal(() => enforceRateLimit('e1', 3, 600, later(599)))).toMatchObject({ status: 429, retryAfter: '1' })
    expect(await refusal(() => enforceRateLimit('e1', 3, 600, later(600)))).toBeNull()
  })

  it('keeps keys apart', async () => {
    await enforceRateLimit('e2', 1, 60, start)
    expect(await refusal(() => enforceRateLimit('e2', 1, 60, start))).toMatchObject({ status: 429 })
    expect(await refusal(() => enforceRateLimit('e3', 1, 60, start))).toBeNull()
  })

  it('keeps its count in the database, where a second app instance (another Prisma client) counts on', async () => {
    const first = globalThis.__palvelutoriDb
    if (!first) throw new Error('no test database')
    const second = await secondClient(first)
    await enforceRateLimit('shared', 2, 60, start)
    expect(await prisma.rateLimit.findUnique({ where: { key: 'shared' }, select: { count: true } })).toEqual({ count: 1 })
    globalThis.__palvelutoriDb = { prisma: second, close: () => second.$disconnect() }
    try {
      await enforceRateLimit('shared', 2, 60, start)
      expect(await refusal(() => enforceRateLimit('shared', 2, 60, start))).toMatchObject({ status: 429 })
    } finally {
      globalThis.__palvelutoriDb = first
      if (!first.pglite) await second.$disconnect()
    }
    expect(await prisma.rateLimit.findUnique({ where: { key: 'shared' }, select: { count: true } })).toEqual({ count: 3 })
  })

  it('counts a policy under its name and the subject', async () => {
    const { limit } = rateLimits.voucherLookupPerIp
    for (let i = 0; i < limit; i++) await enforceRateLimitPolicy('voucherLookupPerIp', '198.51.100.1', start)
    expect(await refusal(() => enforceRateLimitPolicy('voucherLookupPerIp', '198.51.100.1', start))).toMatchObject({ status: 429 })
    expect(await prisma.rateLimit.findUnique({ where: { key: 'voucherLookupPerIp:198.51.100.1' }, select: { count: true } })).toEqual({
      count: limit + 1,
    })
  })
})

/** Another client on the same database, as a second app instance would have. */
async function secondClient(first: Database): Promise<PrismaClient> {
  if (first.pglite) return prismaForPGlite(first.pglite)
  const rows = await first.prisma.$queryRaw<{ name: string }[]>`SELECT current_database() AS name`
  const url = new URL(process.env.DATABASE_URL ?? '')
  url.pathname = `/${rows[0]?.name ?? ''}`
  return prismaForPostgres(url.toString())
}

describe('clientIp', () => {
  const request = (headers: Record<string, string>) => new Request('http://localhost/', { headers })

  afterEach(() => {
    vi.unstubAllEnvs()
  })

  it('ignores X-Forwarded-For unless TRUST_PROXY says proxies stand in front, and uses the connection address', () => {
    vi.stubEnv('TRUST_PROXY', '')
    expect(clientIp(request({ 'X-Forwarded-For': '203.0.113.5', 'X-Client-Address': '192.0.2.7' }))).toBe('192.0.2.7')
    expect(clientIp(request({ 'X-Forwarded-For': '203.0.113.5' }))).toBe('local')
  })

  it('behind TRUST_PROXY proxies, believes only the addresses they wrote (from the right)', () => {
    vi.stubEnv('TRUST_PROXY', '1')
    expect(clientIp(request({ 'X-Forwarded-For': 'forged, 203.0.113.5', 'X-Client-Address': '10.0.0.2' }))).toBe('203.0.113.5')
    vi.stubEnv('TRUST_PROXY', '2')
    expect(clientIp(request({ 'X-Forwarded-For': 'forged, 203.0.113.5, 10.0.0.3' }))).toBe('203.0.113.5')
    vi.stubEnv('TRUST_PROXY', 'on')
    expect(clientIp(request({ 'X-Client-Address': '10.0.0.2' }))).toBe('10.0.0.2')
  })
})
