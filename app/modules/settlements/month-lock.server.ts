import { randomUUID } from 'node:crypto'
import type { Tx } from '~/utils/db.server'

/** The month is approved: its records are locked, corrections go to the next open month as adjustments. */
export class MonthLockedError extends Error {
  constructor(readonly month: Date) {
    super(`The month ${month.toISOString().slice(0, 7)} is approved and locked`)
  }
}

/**
 * Every write of a provider's records for a settlement month calls this first, inside its transaction. It creates the
 * month's settlement row (OPEN) or takes its row lock, and bumps its version; an approval holds the same row lock and
 * only succeeds against the version the reviewer saw, so a record and an approval never interleave and a month is
 * never counted twice. Throws MonthLockedError when the month is already approved. (A trigger refuses records of an
 * approved month as a last line.)
 */
export async function claimOpenMonth(tx: Tx, organisationId: string, month: Date): Promise<void> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO "MonthlySettlement" ("id", "organisationId", "month", "status", "version")
    VALUES (${randomUUID()}, ${organisationId}, ${month}::date, 'OPEN', 1)
    ON CONFLICT ("organisationId", "month") DO UPDATE SET "version" = "MonthlySettlement"."version" + 1
      WHERE "MonthlySettlement"."status" = 'OPEN'
    RETURNING "id"`
  if (rows.length === 0) throw new MonthLockedError(month)
}
