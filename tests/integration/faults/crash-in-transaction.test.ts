import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { databaseDigest } from '~/modules/backup/tables.server'
import { decideCategories, takeApplication } from '~/modules/review/service.server'
import { approveSettlement } from '~/modules/settlements/approve.server'
import { prisma } from '~/utils/db.server'
import type { SqlConnection } from '~/utils/migrate.server'
import { createReviewWorld, submittedApplication, versionOf } from '../../support/review-fixtures'
import { afterNovember, createSettledWorld, november, settlementVersion } from '../../support/settlement-fixtures'
import { testDatabaseConnection } from '../../support/sql-connection'

/**
 * A failure injected inside the transaction of a settlement approval and of an application decision, at several
 * points: by a trigger that the test creates on a table the transaction writes to (no seam in the production code).
 * `error` raises an exception; `connection killed` (PostgreSQL only) ends the database session mid-transaction, as
 * a crashed server would. Afterwards the whole database, every row of every table, must be exactly as before; and
 * the same action succeeds once the fault is gone.
 */
const onPostgres = Boolean(process.env.DATABASE_URL)
const modes = onPostgres ? (['error', 'connection killed'] as const) : (['error'] as const)
type Mode = (typeof modes)[number]

let sql: SqlConnection

beforeAll(async () => {
  sql = await testDatabaseConnection()
  await sql.exec(`
    CREATE FUNCTION test_injected_error() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION 'injected fault on %', TG_TABLE_NAME; END $$;
    CREATE FUNCTION test_injected_disconnect() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN PERFORM pg_terminate_backend(pg_backend_pid()); RETURN NEW; END $$;`)
})

afterAll(async () => {
  await sql.exec('DROP FUNCTION test_injected_error() CASCADE; DROP FUNCTION test_injected_disconnect() CASCADE')
  await sql.close()
})

/** Runs `action` with a fault on the first insert into `table`, then takes the fault away. */
async function withFault<T>(table: string, mode: Mode, action: () => Promise<T>): Promise<T> {
  const fn = mode === 'error' ? 'test_injected_error' : 'test_injected_disconnect'
  await sql.exec(`CREATE TRIGGER test_injected_fault BEFORE INSERT ON "${table}" FOR EACH ROW EXECUTE FUNCTION ${fn}()`)
  try {
    return await action()
  } finally {
    await sql.exec(`DROP TRIGGER test_injected_fault ON "${table}"`)
  }
}

/** What the caller sees: the error's message, or the status of a thrown Response (503 when the connection died). */
async function failure(run: () => Promise<unknown>): Promise<string | number> {
  try {
    await run()
  } catch (thrown) {
    return thrown instanceof Response ? thrown.status : String((thrown as Error).message)
  }
  throw new Error('the action succeeded although a fault was injected')
}

const expected = (mode: Mode, table: string) => (mode === 'error' ? expect.stringContaining(`injected fault on ${table}`) : 503)

describe('a crash inside a settlement approval', () => {
  it('leaves nothing half-written (no approval, payment, audit event or email), and the approval succeeds afterwards', async () => {
    const world = await createSettledWorld()
    const approve = async () =>
      approveSettlement(
        world.users.reviewer,
        { organisationId: world.organisation.id, month: november, seenVersion: await settlementVersion(world, november) },
        afterNovember,
      )
    const before = await databaseDigest(sql)
    for (const mode of modes) {
      // the order the transaction writes them: the payment, the audit event, the emails last
      for (const table of ['Payment', 'AuditEvent', 'EmailOutbox']) {
        expect(await withFault(table, mode, () => failure(approve)), `${mode} on ${table}`).toEqual(expected(mode, table))
        expect(await databaseDigest(sql), `${mode} on ${table}`).toEqual(before)
      }
    }
    const settlementWhere = { organisationId_month: { organisationId: world.organisation.id, month: november } }
    expect(await prisma.monthlySettlement.findUnique({ where: settlementWhere })).toMatchObject({ status: 'OPEN' })

    expect(await approve()).toMatchObject({ ok: true, payments: 1 })
    const settlement = await prisma.monthlySettlement.findUniqueOrThrow({ where: settlementWhere, include: { payments: true } })
    expect(settlement).toMatchObject({ status: 'APPROVED', payments: [expect.objectContaining({ status: 'PENDING' })] })
    expect(await prisma.auditEvent.count({ where: { action: 'settlement.approve', entityId: settlement.id } })).toBe(1)
    expect(await prisma.emailOutbox.count({ where: { template: 'settlement-approved', props: { path: ['link'], string_contains: '2026-11' } } })).toBe(2)
  })
})

describe('a crash inside an application decision', () => {
  it('leaves nothing half-written (no status, register entry, event, audit event or email), and the decision succeeds afterwards', async () => {
    const w = await createReviewWorld()
    const categoryIds = [w.categories.homeCare.id, w.categories.supportServices.id]
    const id = await submittedApplication(w, categoryIds)
    expect(await takeApplication({ actor: w.reviewer, applicationId: id, expectedVersion: await versionOf(id) })).toEqual({ ok: true })
    const decide = async () => decideCategories({ actor: w.reviewer, applicationId: id, expectedVersion: await versionOf(id), approveCategoryIds: categoryIds })
    const before = await databaseDigest(sql)
    for (const mode of modes) {
      // the order the transaction writes them: the audit of the decisions, the register entries, the event, the emails
      for (const table of ['AuditEvent', 'RegisterEntry', 'ApplicationEvent', 'EmailOutbox']) {
        expect(await withFault(table, mode, () => failure(decide)), `${mode} on ${table}`).toEqual(expected(mode, table))
        expect(await databaseDigest(sql), `${mode} on ${table}`).toEqual(before)
      }
    }
    expect(await prisma.registerApplication.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: 'IN_REVIEW' })

    expect(await decide()).toMatchObject({ ok: true, outcome: 'APPROVED' })
    expect(await prisma.registerApplication.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: 'APPROVED' })
    expect(await prisma.registerEntry.count({ where: { applicationId: id, status: 'ACTIVE' } })).toBe(2)
    expect(await prisma.emailOutbox.count({ where: { template: 'application-approved', props: { path: ['link'], string_contains: w.world.organisation.id } } })).toBe(2)
  })
})
