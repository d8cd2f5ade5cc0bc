import { prisma } from './db.server'

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

/** Forgets the attempts under `key` (after a successful login, say). */
export async function clearRateLimit(key: string): Promise<void> {
  await prisma.rateLimit.deleteMany({ where: { key } })
}

export function clientIp(request: Request): string {
  return request.headers.get('x-forwarded-for')?.split(',')[0]?.trim() || 'local'
}
