import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gunzipSync, gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addDocument } from '../../../tests/support/application-fixtures'
import { createSettledWorld } from '../../../tests/support/settlement-fixtures'
import { emptyDatabase, testDatabaseConnection } from '../../../tests/support/sql-connection'
import { prisma } from '~/utils/db.server'
import type { SqlConnection } from '~/utils/migrate.server'
import { writeBackup } from './backup.server'
import { RestoreRefused, restoreBackup } from './restore.server'
import { databaseDigest } from './tables.server'

const keyTables = ['Organisation', 'RegisterEntry', 'Client', 'Voucher', 'ServiceRecord', 'MonthlySettlement', 'Payment', 'AuditEvent'] as const

describe('backup and restore', () => {
  const dir = mkdtempSync(join(tmpdir(), 'palvelutori-backup-'))
  const path = join(dir, 'world.jsonl.gz')
  let source: SqlConnection
  let sourceDigest: Awaited<ReturnType<typeof databaseDigest>>
  /** one fresh database that the tests below restore into, one after another */
  let target: Awaited<ReturnType<typeof emptyDatabase>>

  beforeAll(async () => {
    const world = await createSettledWorld()
    await addDocument(world.organisation.id, world.users.owner.id, 'TRADE_REGISTER_EXTRACT')
    await addDocument(world.organisation.id, world.users.owner.id, 'LIABILITY_INSURANCE', { status: 'ACCEPTED' })
    source = await testDatabaseConnection()
    const summary = await writeBackup(source, path)
    sourceDigest = await databaseDigest(source)
    expect(summary.rows).toBe(Object.values(sourceDigest).reduce((sum, table) => sum + table.rows, 0))
    target = await emptyDatabase()
  })

  afterAll(async () => {
    await target?.drop()
    await source?.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('restores every row of every table into a fresh database: row counts and checksums match', async () => {
    for (const table of [...keyTables, 'ComplianceDocument', 'EmailOutbox', 'FollowUpYear']) {
      expect(sourceDigest[table]?.rows, table).toBeGreaterThan(0)
    }
    const summary = await restoreBackup(target.connection, path)
    expect(summary).toEqual({ tables: Object.keys(sourceDigest).length, rows: expect.any(Number), newerMigrations: [] })
    expect(await databaseDigest(target.connection)).toEqual(sourceDigest)

    // the audit log's sequence continues after the restored rows
    const [{ max } = { max: '0' }] = await target.connection.query<{ max: string }>('SELECT max("id")::text AS max FROM "AuditEvent"')
    const [inserted] = await target.connection.query<{ id: string }>(
      `INSERT INTO "AuditEvent" ("action", "entityType", "entityId") VALUES ('backup.test', 'Test', 'x') RETURNING "id"::text AS id`,
    )
    expect(BigInt(inserted?.id ?? 0)).toBe(BigInt(max) + 1n)
    // and the guarding triggers are on again
    await expect(target.connection.exec(`UPDATE "AuditEvent" SET "action" = 'changed'`)).rejects.toThrow(/cannot be changed/)
    await expect(target.connection.exec(`UPDATE "MonthlySettlement" SET "copaymentCents" = 0 WHERE "status" = 'APPROVED'`)).rejects.toThrow(
      /approved settlement cannot be changed/,
    )
  })

  it('refuses a target that is not empty unless forced', async () => {
    await expect(restoreBackup(target.connection, path)).rejects.toThrow(RestoreRefused)
    await expect(restoreBackup(target.connection, path)).rejects.toThrow(/not empty.*--force/)
    await restoreBackup(target.connection, path, { force: true })
    expect(await databaseDigest(target.connection)).toEqual(sourceDigest)
  })

  it('rolls a damaged backup back, and the same database then takes a good one', async () => {
    const lines = gunzipSync(readFileSync(path)).toString('utf8').split('\n')
    const damaged = join(dir, 'damaged.jsonl.gz')
    // a row changed on the way (a year in 1026): its table's checksum no longer matches
    const index = lines.findLastIndex((line) => line.includes('"createdAt":"2'))
    lines[index] = (lines[index] ?? '').replace(/"createdAt":"2/, '"createdAt":"1')
    writeFileSync(damaged, gzipSync(lines.join('\n')))
    const truncated = join(dir, 'truncated.jsonl.gz')
    writeFileSync(truncated, gzipSync(lines.slice(0, Math.floor(lines.length / 2)).join('\n')))

    await expect(restoreBackup(target.connection, damaged, { force: true })).rejects.toThrow(/do not match the backup/)
    await expect(restoreBackup(target.connection, truncated)).rejects.toThrow(/ends too early/)
    const [{ rows } = { rows: -1 }] = await target.connection.query<{ rows: number }>('SELECT count(*)::int AS rows FROM "Organisation"')
    expect(rows).toBe(0)
    await restoreBackup(target.connection, path)
    expect(await databaseDigest(target.connection)).toEqual(sourceDigest)
  })

  it('refuses a file that is not a backup, or one made with migrations this version does not have, before touching the database', async () => {
    const notBackup = join(dir, 'not-a-backup.jsonl.gz')
    writeFileSync(notBackup, gzipSync('{"hello":"world"}\n'))
    const lines = gunzipSync(readFileSync(path)).toString('utf8').split('\n')
    const header = JSON.parse(lines[0] ?? '{}') as { migrations: { name: string; checksum: string }[] }
    header.migrations.push({ name: '20991231000000_from_the_future', checksum: 'x' })
    const newer = join(dir, 'newer.jsonl.gz')
    writeFileSync(newer, gzipSync([JSON.stringify(header), ...lines.slice(1)].join('\n')))
    await expect(restoreBackup(source, notBackup, { force: true })).rejects.toThrow(/not a backup/)
    await expect(restoreBackup(source, newer, { force: true })).rejects.toThrow(/newer version/)
    expect(await databaseDigest(source)).toEqual(sourceDigest)
    expect(await prisma.organisation.count()).toBeGreaterThan(0)
  })
})
