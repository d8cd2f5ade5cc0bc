import { describe, expect, it } from 'vitest'
import { clearRateLimit, hitRateLimit } from './rate-limit.server'

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
