import { describe, expect, it } from 'vitest'
import { prisma } from '~/utils/db.server'
import { createVoucherWorld, type VoucherWorld } from '../../../tests/support/voucher-fixtures'
import type { DeliveryActor } from './choices.server'
import { createRecord, type RecordResult } from './records.server'

/**
 * The proof that no concurrent action can overspend a voucher or write into a locked month. On PGlite (one
 * connection) the transactions run one after another; on PostgreSQL (CI sets DATABASE_URL) they run truly at the same
 * time on the connection pool, contending for the same rows.
 */
const now = new Date('2026-11-23T10:00:00Z')
/** 50 transactions one after another on PGlite take a while on a busy machine. */
const timeout = 180_000
const november = new Date('2026-11-01')
const october = new Date('2026-10-01')

function owner(world: VoucherWorld): DeliveryActor {
  return { id: world.users.owner.id, organisationId: world.organisation.id, role: 'provider_owner' }
}

/** Day `n` (1–28) of the month, as the form sends it. */
const day = (month: Date, n: number) => `${month.toISOString().slice(0, 8)}${String(n).padStart(2, '0')}`

/** The month's units used and the sum of the voucher's records of that service month, read in one snapshot. */
async function usage(voucherId: string, month: Date) {
  const [row] = await prisma.$queryRaw<{ used: number | null; recorded: number }[]>`
    SELECT (SELECT "unitsUsed" FROM "VoucherMonth" WHERE "voucherId" = ${voucherId} AND "month" = ${month}::date) AS used,
           (SELECT coalesce(sum("unitsHundredths"), 0)::int FROM "ServiceRecord"
             WHERE "voucherId" = ${voucherId} AND date_trunc('month', "serviceDate")::date = ${month}::date) AS recorded`
  return { used: row?.used ?? 0, recorded: row?.recorded ?? 0 }
}

/**
 * Reads the usage every few milliseconds while `work` runs: every snapshot must be within the grant and consistent.
 * (The pause matters on PGlite: a reader that never pauses can keep a rolled-back transaction from finishing.)
 */
async function watching<T>(voucherId: string, month: Date, work: Promise<T>) {
  const snapshots: { used: number; recorded: number }[] = []
  let done = false
  const watcher = (async () => {
    while (!done) {
      snapshots.push(await usage(voucherId, month))
      await new Promise((resolve) => setTimeout(resolve, 5))
    }
  })()
  const result = await work.finally(() => {
    done = true
  })
  await watcher
  return { result, snapshots }
}

function outcomes(results: RecordResult[]) {
  return {
    ok: results.filter((result) => result.ok).length,
    errors: [...new Set(results.flatMap((result) => (result.ok ? [] : [result.error])))],
  }
}

describe('concurrent records', () => {
  it(
    'lets exactly 20 of 50 simultaneous half-hour records into a 10-hour month, never more',
    async () => {
      const world = await createVoucherWorld({ unitsPerMonth: 10 })
      const input = (i: number) => ({ serviceDate: day(november, (i % 23) + 1), units: 50, note: null, extra: null })
      const { result, snapshots } = await watching(
        world.voucher.id,
        november,
        Promise.all(Array.from({ length: 50 }, (_, i) => createRecord(owner(world), world.choice.id, input(i), now))),
      )
      expect(outcomes(result)).toEqual({ ok: 20, errors: ['unitsExceeded'] })
      expect(await usage(world.voucher.id, november)).toEqual({ used: 1000, recorded: 1000 })
      expect(await prisma.serviceRecord.count({ where: { voucherId: world.voucher.id } })).toBe(20)
      expect(snapshots.length).toBeGreaterThan(0)
      for (const snapshot of snapshots) {
        expect(snapshot.used).toBeLessThanOrEqual(1000)
        expect(snapshot.recorded).toBe(snapshot.used)
      }
    },
    timeout,
  )

  it(
    'holds the month’s grant when two providers record for the same voucher and month at once',
    async () => {
      const world = await createVoucherWorld({ unitsPerMonth: 10 })
      // the client changed producer in the middle of November: the first choice ended on the 15th
      await prisma.choice.update({ where: { id: world.choice.id }, data: { status: 'ENDED', endDate: new Date('2026-11-15') } })
      const second = await prisma.choice.create({
        data: { voucherId: world.voucher.id, offerId: world.otherOffer.id, status: 'ACCEPTED', startDate: new Date('2026-11-16'), decidedAt: now },
      })
      const other: DeliveryActor = { id: world.users.otherProvider.id, organisationId: world.otherOrganisation.id, role: 'provider_owner' }
      const { result, snapshots } = await watching(
        world.voucher.id,
        november,
        Promise.all(
          Array.from({ length: 50 }, (_, i) =>
            i % 2 === 0
              ? createRecord(owner(world), world.choice.id, { serviceDate: day(november, (i % 15) + 1), units: 50, note: null, extra: null }, now)
              : createRecord(other, second.id, { serviceDate: day(november, 16 + (i % 8)), units: 50, note: null, extra: null }, now),
          ),
        ),
      )
      expect(outcomes(result)).toEqual({ ok: 20, errors: ['unitsExceeded'] })
      expect(await usage(world.voucher.id, november)).toEqual({ used: 1000, recorded: 1000 })
      for (const snapshot of snapshots) {
        expect(snapshot.used).toBeLessThanOrEqual(1000)
        expect(snapshot.recorded).toBe(snapshot.used)
      }
    },
    timeout,
  )
})

describe('records during an approval', () => {
  it(
    'never lands a record in a month once it is approved: the approved sums are the month’s records',
    async () => {
      const world = await createVoucherWorld({ unitsPerMonth: 100 })
      const record = (i: number) =>
        createRecord(owner(world), world.choice.id, { serviceDate: day(october, (i % 28) + 1), units: 25, note: null, extra: null }, now)
      const organisationId = world.organisation.id

      let settled = 0
      let fiveSettled: () => void = () => undefined
      const afterFive = new Promise<void>((resolve) => (fiveSettled = resolve))
      const counted = (promise: Promise<RecordResult>) =>
        promise.finally(() => {
          if (++settled === 5) fiveSettled()
        })
      const firstWave = Array.from({ length: 20 }, (_, i) => counted(record(i)))
      await afterFive

      // staff approve October: the settlement row's lock (as claimOpenMonth takes it), the sums, the status
      let lockHeld: () => void = () => undefined
      const locked = new Promise<void>((resolve) => (lockHeld = resolve))
      const approval = prisma.$transaction(async (tx) => {
        await tx.$queryRaw`SELECT "id" FROM "MonthlySettlement" WHERE "organisationId" = ${organisationId} AND "month" = ${october}::date FOR UPDATE`
        lockHeld()
        // let the second wave queue up behind the lock
        await new Promise((resolve) => setTimeout(resolve, 100))
        const [sums] = await tx.$queryRaw<{ records: number; units: number }[]>`
        SELECT count(*)::int AS records, coalesce(sum("unitsHundredths"), 0)::int AS units
        FROM "ServiceRecord" WHERE "organisationId" = ${organisationId} AND "month" = ${october}::date`
        await tx.$executeRaw`
        UPDATE "MonthlySettlement" SET "status" = 'APPROVED', "unitsHundredths" = ${sums?.units ?? 0}, "approvedAt" = now()
        WHERE "organisationId" = ${organisationId} AND "month" = ${october}::date`
        return sums
      })
      await locked
      const secondWave = Array.from({ length: 20 }, (_, i) => record(20 + i))
      const [first, second, approved] = await Promise.all([Promise.all(firstWave), Promise.all(secondWave), approval])

      // every record either landed before the approval or was refused for the locked month; none after it
      expect(outcomes(second)).toEqual({ ok: 0, errors: ['monthLocked'] })
      const firstOutcomes = outcomes(first)
      expect(firstOutcomes.ok).toBeGreaterThanOrEqual(5)
      expect(firstOutcomes.errors.filter((error) => error !== 'monthLocked')).toEqual([])
      const inMonth = await prisma.serviceRecord.aggregate({
        where: { organisationId, month: october },
        _count: { _all: true },
        _sum: { unitsHundredths: true },
      })
      expect(approved).toEqual({ records: firstOutcomes.ok, units: firstOutcomes.ok * 25 })
      expect({ records: inMonth._count._all, units: inMonth._sum.unitsHundredths }).toEqual(approved)
      expect(await prisma.monthlySettlement.findUniqueOrThrow({ where: { organisationId_month: { organisationId, month: october } } })).toMatchObject(
        {
          status: 'APPROVED',
          unitsHundredths: firstOutcomes.ok * 25,
        },
      )
      // the refused records gave nothing: the month's units are exactly the landed records'
      expect(await usage(world.voucher.id, october)).toEqual({ used: firstOutcomes.ok * 25, recorded: firstOutcomes.ok * 25 })
    },
    timeout,
  )
})
