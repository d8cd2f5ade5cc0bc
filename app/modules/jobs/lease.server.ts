import { randomBytes } from 'node:crypto'
import { hostname } from 'node:os'
import { prisma } from '~/utils/db.server'
import { log } from '~/utils/logger.server'

/**
 * Leases on named background jobs (table "JobLease"), so that with several app instances on one database each job
 * runs on one instance at a time. Every statement is a single conditional write that PostgreSQL applies atomically,
 * so it works through pooled connections (no session state, unlike session-level advisory locks) and on PGlite.
 * Times come from the database clock, so instances with skewed clocks still agree on when a lease ends.
 */

/** This process's name as a lease holder: host, process id and a random part (a restarted process is a new holder). */
export const instanceId = `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`

const untilSql = (ms: number) => `clock_timestamp() AT TIME ZONE 'UTC' + make_interval(secs => ${Math.max(0, ms) / 1000})`

function assertDuration(ms: number): void {
  if (!Number.isFinite(ms) || ms < 0) throw new RangeError('lease duration must be a non-negative number of milliseconds')
}

/**
 * Takes the lease `name` for `ttlMs` if it is free (never taken, or its time is over) or already ours. True when this
 * holder now has it.
 */
export async function acquireLease(name: string, ttlMs: number, holder = instanceId): Promise<boolean> {
  assertDuration(ttlMs)
  const rows = await prisma.$queryRawUnsafe<{ holder: string }[]>(
    `INSERT INTO "JobLease" ("name", "holder", "leaseUntil") VALUES ($1, $2, ${untilSql(ttlMs)})
     ON CONFLICT ("name") DO UPDATE SET "holder" = EXCLUDED."holder", "leaseUntil" = EXCLUDED."leaseUntil"
     WHERE "JobLease"."leaseUntil" <= clock_timestamp() AT TIME ZONE 'UTC' OR "JobLease"."holder" = EXCLUDED."holder"
     RETURNING "holder"`,
    name,
    holder,
  )
  return rows.length === 1
}

/**
 * Sets our lease to end `ms` from now: to keep it while a job still runs, or, when it is done, to keep other
 * instances from running it again before its next turn (0 frees it at once). False when the lease is no longer ours.
 */
export async function extendLease(name: string, ms: number, holder = instanceId): Promise<boolean> {
  assertDuration(ms)
  const rows = await prisma.$queryRawUnsafe<{ holder: string }[]>(
    `UPDATE "JobLease" SET "leaseUntil" = ${untilSql(ms)} WHERE "name" = $1 AND "holder" = $2 RETURNING "holder"`,
    name,
    holder,
  )
  return rows.length === 1
}

export type LeasedRun<T> = { ran: true; result: T } | { ran: false }

/**
 * Runs `job` only if this instance gets the lease `name`. While it runs, the lease (`ttlMs`, longer than a normal
 * run's pause between renewals) is renewed every third of `ttlMs`, so a crashed instance's lease simply runs out.
 * Afterwards the lease is held for `holdAfterMs` (e.g. a little less than the job's interval, so the job runs once
 * per interval across all instances) or freed.
 */
export async function withLease<T>(
  name: string,
  options: { ttlMs: number; holdAfterMs?: number; holder?: string },
  job: () => Promise<T>,
): Promise<LeasedRun<T>> {
  const holder = options.holder ?? instanceId
  if (!(await acquireLease(name, options.ttlMs, holder))) return { ran: false }
  const renewal = setInterval(() => {
    extendLease(name, options.ttlMs, holder).catch(() => undefined)
  }, Math.max(1, Math.floor(options.ttlMs / 3)))
  renewal.unref()
  try {
    return { ran: true, result: await job() }
  } finally {
    clearInterval(renewal)
    // if this fails (database gone), the lease just runs out after ttlMs
    await extendLease(name, options.holdAfterMs ?? 0, holder).catch((error: unknown) =>
      log.warn('job lease not updated after the run', { job: name, error }),
    )
  }
}
