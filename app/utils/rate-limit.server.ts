import { prisma } from './db.server'
import { rateLimits, type RateLimitName } from './rate-limit-policies'

export type RateLimitResult = { allowed: boolean; retryAfterSeconds: number }

/**
 * Fixed-window counter kept in the database, so it counts across app instances.
 * Each call records one attempt under `key`; more than `limit` attempts in the window are refused.
 */
export async function hitRateLimit(key: string, limit: number, windowSeconds: number, now = new Date()): Promise<RateLimitResult> {
  const resetAt = new Date(now.getTime() + windowSeconds * 1000)
  const rows = await prisma.$queryRaw<{ count: number; resetAt: Date }[]>`
    INSERT INTO "RateLimit" ("key", "count", "resetAt") VALUES (${key}, 1, ${resetAt})
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimit"."resetAt" <= ${now} THEN 1 ELSE "RateLimit"."count" + 1 END,
      "resetAt" = CASE WHEN "RateLimit"."resetAt" <= ${now} THEN ${resetAt} ELSE "RateLimit"."resetAt" END
    RETURNING "count", "resetAt"`
  const row = rows[0]
  if (!row) return { allowed: true, retryAfterSeconds: 0 }
  const allowed = row.count <= limit
  return { allowed, retryAfterSeconds: allowed ? 0 : Math.max(1, Math.ceil((row.resetAt.getTime() - now.getTime()) / 1000)) }
}

/** The body of every 429 answer: the root ErrorBoundary and API clients both read `retryAfterSeconds` from it. */
export type TooManyRequestsBody = { error: 'tooManyRequests'; retryAfterSeconds: number }

/** A 429 answer with `Retry-After`, as JSON (HTML pages render it through the root ErrorBoundary). */
export function tooManyRequests(retryAfterSeconds: number): Response {
  const body: TooManyRequestsBody = { error: 'tooManyRequests', retryAfterSeconds }
  return new Response(JSON.stringify(body), {
    status: 429,
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Retry-After': String(retryAfterSeconds), 'Cache-Control': 'no-store' },
  })
}

/** Counts one attempt under `key` and throws a 429 Response (with `Retry-After`) once there are more than `limit` in the window. */
export async function enforceRateLimit(key: string, limit: number, windowSeconds: number, now = new Date()): Promise<void> {
  const result = await hitRateLimit(key, limit, windowSeconds, now)
  if (!result.allowed) throw tooManyRequests(result.retryAfterSeconds)
}

/** Forgets the attempts under `key` (after a successful login, say). */
export async function clearRateLimit(key: string): Promise<void> {
  await prisma.rateLimit.deleteMany({ where: { key } })
}

/** Counts one request under a policy of rate-limit-policies.ts for `subject` (an address, a user id). */
export async function hitRateLimitPolicy(name: RateLimitName, subject: string, now = new Date()): Promise<RateLimitResult> {
  const { limit, windowSeconds } = rateLimits[name]
  return hitRateLimit(`${name}:${subject}`, limit, windowSeconds, now)
}

/** As hitRateLimitPolicy, throwing a 429 Response (with `Retry-After`) past the limit. */
export async function enforceRateLimitPolicy(name: RateLimitName, subject: string, now = new Date()): Promise<void> {
  const result = await hitRateLimitPolicy(name, subject, now)
  if (!result.allowed) throw tooManyRequests(result.retryAfterSeconds)
}

/** Forgets the requests counted under a policy for `subject` (after a successful login, say). */
export async function clearRateLimitPolicy(name: RateLimitName, subject: string): Promise<void> {
  await clearRateLimit(`${name}:${subject}`)
}

/** The generous per-address limit on public pages (the catalogue, producer profiles, the register). */
export async function limitPublicPage(request: Request): Promise<void> {
  await enforceRateLimitPolicy('publicPagesPerIp', clientIp(request))
}

/**
 * The header in which the production server passes on the address of the connection's other end; the server sets
 * it on every request, replacing whatever a client sent under that name.
 */
export const clientAddressHeader = 'X-Client-Address'

/** TRUST_PROXY: how many reverse proxies of our own stand in front of the app (`on`/`true` = 1; unset = none). */
function trustedProxies(): number {
  const value = (process.env.TRUST_PROXY ?? '').trim().toLowerCase()
  if (value === 'on' || value === 'true') return 1
  const hops = Number(value)
  return Number.isInteger(hops) && hops > 0 ? hops : 0
}

/**
 * The client's address, for per-address limits. Behind TRUST_PROXY=n proxies it is the n-th address from the right
 * of X-Forwarded-For (the one our outermost proxy saw; anything further left was written by the client and is not
 * believed). Otherwise X-Forwarded-For is ignored and the connection's address is used; `local` when there is none
 * (the development server, tests).
 */
export function clientIp(request: Request): string {
  const proxies = trustedProxies()
  if (proxies > 0) {
    const chain = (request.headers.get('X-Forwarded-For') ?? '').split(',').map((part) => part.trim()).filter(Boolean)
    const address = chain[Math.max(0, chain.length - proxies)]
    if (address) return address
  }
  return request.headers.get(clientAddressHeader)?.trim() || 'local'
}
