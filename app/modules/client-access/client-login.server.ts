import { recordAudit } from '~/modules/audit/audit.server'
import { isoDate } from '~/modules/documents/dates'
import { isValidVoucherCode, normaliseVoucherCode } from '~/modules/vouchers/voucher-code'
import { prisma } from '~/utils/db.server'
import { enforceRateLimitPolicy, hitRateLimit } from '~/utils/rate-limit.server'

/**
 * How a client (or a relative helping them) proves the voucher is theirs: today the voucher code and the date of
 * birth. This module is the only place that knows it; strong electronic identification (Suomi.fi) would replace
 * `identifyClient` and open the same session (ADR 0007).
 *
 * - A limit of tries per IP address (rateLimits.voucherLookupPerIp): past it, a 429 Response is thrown, which the
 *   app shows as its "too many requests" page.
 * - After 5 wrong dates in a row the code is locked for 15 minutes (Voucher.failedCodeAttempts / codeLockedUntil,
 *   counted in one UPDATE so simultaneous tries cannot slip past); a correct try resets the count.
 * - An unknown code answers exactly as a wrong date does, and "locks" after as many tries (a rate-limit counter
 *   per code), so neither the message nor the lock tells whether a code exists.
 * - A cancelled voucher is refused, but only after a correct code and date.
 */
export const maxWrongTries = 5
export const lockMinutes = 15

export type ClientLoginInput = { code: string; dateOfBirth: string; ip: string }

export type ClientLoginResult =
  | { ok: true; voucherId: string }
  | { ok: false; error: 'notMatching' | 'cancelled' }
  | { ok: false; error: 'locked'; retryAfterSeconds: number }

/** Stored codes keep the dash: XXXX-XXXX. */
function storedCode(normalised: string): string {
  return `${normalised.slice(0, 4)}-${normalised.slice(4)}`
}

function locked(until: Date, now: Date): ClientLoginResult {
  return { ok: false, error: 'locked', retryAfterSeconds: Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000)) }
}

/** The voucher the code and date of birth open, or why not. `dateOfBirth` is `YYYY-MM-DD`. Throws a 429 Response past the per-IP limit. */
export async function identifyClient(input: ClientLoginInput, now = new Date()): Promise<ClientLoginResult> {
  const code = normaliseVoucherCode(input.code)
  if (!isValidVoucherCode(code)) return { ok: false, error: 'notMatching' }
  await enforceRateLimitPolicy('voucherLookupPerIp', input.ip, now)

  const voucher = await prisma.voucher.findUnique({
    where: { code: storedCode(code) },
    select: { id: true, status: true, codeLockedUntil: true, client: { select: { dateOfBirth: true } } },
  })
  if (!voucher) {
    // the same face as a known code: refused, and "locked" from the fifth try
    const unknown = await hitRateLimit(`voucher-login:unknown:${code}`, maxWrongTries - 1, lockMinutes * 60, now)
    return unknown.allowed ? { ok: false, error: 'notMatching' } : { ok: false, error: 'locked', retryAfterSeconds: unknown.retryAfterSeconds }
  }
  if (voucher.codeLockedUntil && voucher.codeLockedUntil > now) return locked(voucher.codeLockedUntil, now)
  if (isoDate(voucher.client.dateOfBirth) !== input.dateOfBirth) return wrongDate(voucher.id, now)

  // a lock set by a simultaneous wrong try wins
  const reset = await prisma.$executeRaw`
    UPDATE "Voucher" SET "failedCodeAttempts" = 0, "codeLockedUntil" = NULL
    WHERE "id" = ${voucher.id} AND ("codeLockedUntil" IS NULL OR "codeLockedUntil" <= ${now})`
  if (reset !== 1) return locked(new Date(now.getTime() + lockMinutes * 60_000), now)
  if (voucher.status === 'CANCELLED') return { ok: false, error: 'cancelled' }
  return { ok: true, voucherId: voucher.id }
}

/**
 * Counts a wrong date in one UPDATE: after an expired lock the count starts again from one; the fifth wrong try in
 * a row sets the lock (and writes an audit event). No row: a lock is in force.
 */
async function wrongDate(voucherId: string, now: Date): Promise<ClientLoginResult> {
  const lockUntil = new Date(now.getTime() + lockMinutes * 60_000)
  return prisma.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ failedCodeAttempts: number; codeLockedUntil: Date | null }[]>`
      UPDATE "Voucher" SET
        "failedCodeAttempts" = CASE WHEN "codeLockedUntil" IS NULL THEN "failedCodeAttempts" + 1 ELSE 1 END,
        "codeLockedUntil" = CASE
          WHEN (CASE WHEN "codeLockedUntil" IS NULL THEN "failedCodeAttempts" + 1 ELSE 1 END) >= ${maxWrongTries} THEN ${lockUntil}::timestamp(3)
          ELSE NULL END
      WHERE "id" = ${voucherId} AND ("codeLockedUntil" IS NULL OR "codeLockedUntil" <= ${now})
      RETURNING "failedCodeAttempts", "codeLockedUntil"`
    const row = rows[0]
    if (!row) return locked(lockUntil, now)
    if (!row.codeLockedUntil) return { ok: false, error: 'notMatching' } as const
    await recordAudit(tx, {
      actorId: null,
      action: 'voucher.code-locked',
      entityType: 'Voucher',
      entityId: voucherId,
      after: { failedCodeAttempts: row.failedCodeAttempts, lockedUntil: lockUntil.toISOString() },
    })
    return locked(lockUntil, now)
  })
}
