import { describe, expect, it } from 'vitest'
import { prisma } from '~/utils/db.server'
import { acquireLease, extendLease, instanceId, withLease } from './lease.server'

async function holderOf(name: string): Promise<string | undefined> {
  const rows = await prisma.$queryRaw<{ holder: string }[]>`SELECT "holder" FROM "JobLease" WHERE "name" = ${name}`
  return rows[0]?.holder
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('job leases', () => {
  it('gives a free lease to exactly one of many holders asking at once', async () => {
    const holders = Array.from({ length: 8 }, (_, index) => `instance-${index}`)
    const results = await Promise.all(holders.map((holder) => acquireLease('job:race', 60_000, holder)))
    expect(results.filter(Boolean)).toHaveLength(1)
    expect(await holderOf('job:race')).toBe(holders[results.indexOf(true)])
  })

  it('keeps a lease for its holder until it is freed or runs out', async () => {
    expect(await acquireLease('job:a', 60_000, 'one')).toBe(true)
    expect(await acquireLease('job:a', 60_000, 'two')).toBe(false)
    expect(await acquireLease('job:a', 60_000, 'one')).toBe(true)
    expect(await extendLease('job:a', 60_000, 'two')).toBe(false)
    expect(await extendLease('job:a', 0, 'one')).toBe(true)
    expect(await acquireLease('job:a', 150, 'two')).toBe(true)
    expect(await acquireLease('job:a', 60_000, 'one')).toBe(false)
    await sleep(250)
    // holder two stopped renewing (as a crashed instance would): the lease is free again
    expect(await acquireLease('job:a', 60_000, 'one')).toBe(true)
  })

  it('runs a job on one instance only and holds the lease until its next turn', async () => {
    let runs = 0
    const job = async () => {
      runs++
      await sleep(50)
      return 'done'
    }
    const [first, second] = await Promise.all([
      withLease('job:b', { ttlMs: 60_000, holdAfterMs: 60_000, holder: 'one' }, job),
      withLease('job:b', { ttlMs: 60_000, holdAfterMs: 60_000, holder: 'two' }, job),
    ])
    expect(runs).toBe(1)
    expect([first.ran, second.ran].sort()).toEqual([false, true])
    const winner = first.ran ? 'one' : 'two'
    const loser = first.ran ? 'two' : 'one'
    expect(first.ran ? first : second).toEqual({ ran: true, result: 'done' })
    // the other instance's later turn within the interval does not run it again
    expect(await withLease('job:b', { ttlMs: 60_000, holder: loser }, job)).toEqual({ ran: false })
    expect(await holderOf('job:b')).toBe(winner)
    expect(runs).toBe(1)
  })

  it('frees the lease after a failed run and renews it during a long one', async () => {
    await expect(withLease('job:c', { ttlMs: 60_000 }, () => Promise.reject(new Error('boom')))).rejects.toThrow('boom')
    expect(await acquireLease('job:c', 60_000, 'other')).toBe(true)
    await extendLease('job:c', 0, 'other')

    const result = await withLease('job:d', { ttlMs: 150 }, async () => {
      await sleep(400)
      // renewed every 50 ms while running: nobody else could take it
      return acquireLease('job:d', 60_000, 'other')
    })
    expect(result).toEqual({ ran: true, result: false })
    expect(await holderOf('job:d')).toBe(instanceId)
  })
})
