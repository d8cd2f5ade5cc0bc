import { beforeAll, describe, expect, it } from 'vitest'
import { prisma } from '~/utils/db.server'
import { listAuditEntityTypes, searchAuditEvents } from './query.server'

/**
 * A small log with known times (Helsinki is UTC+2 in January), actors and records; each filter must return exactly
 * the expected rows, newest first.
 */
let anna: string
let bo: string

async function event(at: string, actorId: string | null, action: string, entityType: string, entityId: string) {
  const row = await prisma.auditEvent.create({ data: { at: new Date(at), actorId, action, entityType, entityId, after: { at } } })
  return row.id
}

const ids: Record<string, bigint> = {}

beforeAll(async () => {
  anna = (await prisma.user.create({ data: { email: 'anna.admin@example.com', name: 'Anna Andersson', staffRole: 'ADMIN' } })).id
  bo = (await prisma.user.create({ data: { email: 'bo@provider.example', name: 'Bo Bäck' } })).id
  // in insertion order = time order
  ids.e1 = await event('2026-01-09T21:59:00Z', anna, 'category.update', 'ServiceCategory', 'cat-1') // 9 Jan 23:59 Helsinki
  ids.e2 = await event('2026-01-09T22:00:00Z', bo, 'organisation.update', 'Organisation', 'org-1') // 10 Jan 00:00 Helsinki
  ids.e3 = await event('2026-01-10T12:00:00Z', anna, 'category.value-add', 'ServiceCategory', 'cat-1')
  ids.e4 = await event('2026-01-10T21:59:00Z', null, 'register-entry.lapse', 'RegisterEntry', 'entry-1') // 10 Jan 23:59
  ids.e5 = await event('2026-01-10T22:00:00Z', anna, 'category.update', 'ServiceCategory', 'cat-2') // 11 Jan 00:00
  ids.e6 = await event('2026-01-11T08:00:00Z', bo, 'document.upload', 'ComplianceDocument', 'doc-1')
})

async function found(filters: Parameters<typeof searchAuditEvents>[0], page?: Parameters<typeof searchAuditEvents>[1]) {
  const result = await searchAuditEvents(filters, page)
  const names = Object.fromEntries(Object.entries(ids).map(([name, id]) => [String(id), name]))
  return result.events.map((e) => names[String(e.id)])
}

describe('audit log filters', () => {
  it('lists every event newest first without filters', async () => {
    expect(await found({})).toEqual(['e6', 'e5', 'e4', 'e3', 'e2', 'e1'])
  })

  it('filters by actor: part of the email or name, any case', async () => {
    expect(await found({ actor: 'ANNA.ADMIN@' })).toEqual(['e5', 'e3', 'e1'])
    expect(await found({ actor: 'bäck' })).toEqual(['e6', 'e2'])
    expect(await found({ actor: 'provider.example' })).toEqual(['e6', 'e2'])
    expect(await found({ actor: 'nobody' })).toEqual([])
  })

  it('filters by record (type and id) and by action or its beginning', async () => {
    expect(await found({ entityType: 'ServiceCategory' })).toEqual(['e5', 'e3', 'e1'])
    expect(await found({ entityType: 'ServiceCategory', entityId: 'cat-1' })).toEqual(['e3', 'e1'])
    expect(await found({ entityId: 'org-1' })).toEqual(['e2'])
    expect(await found({ action: 'category.update' })).toEqual(['e5', 'e1'])
    expect(await found({ action: 'category.' })).toEqual(['e5', 'e3', 'e1'])
    expect(await found({ action: 'category.update', entityId: 'cat-1', actor: 'anna' })).toEqual(['e1'])
  })

  it('filters by Helsinki calendar days, both ends included', async () => {
    expect(await found({ from: '2026-01-10', to: '2026-01-10' })).toEqual(['e4', 'e3', 'e2'])
    expect(await found({ from: '2026-01-11' })).toEqual(['e6', 'e5'])
    expect(await found({ to: '2026-01-09' })).toEqual(['e1'])
    expect(await found({ from: '2026-01-10', to: '2026-01-11', actor: 'anna' })).toEqual(['e5', 'e3'])
  })

  it('pages by cursor in both directions, with exact neighbours', async () => {
    const first = await searchAuditEvents({}, { pageSize: 4 })
    expect(first.events.map((e) => e.id)).toEqual([ids.e6, ids.e5, ids.e4, ids.e3])
    expect(first.newerCursor).toBeNull()
    expect(first.olderCursor).toBe(ids.e3)
    const second = await searchAuditEvents({}, { pageSize: 4, before: first.olderCursor ?? undefined })
    expect(second.events.map((e) => e.id)).toEqual([ids.e2, ids.e1])
    expect(second.olderCursor).toBeNull()
    expect(second.newerCursor).toBe(ids.e2)
    const back = await searchAuditEvents({}, { pageSize: 4, after: second.newerCursor ?? undefined })
    expect(back.events.map((e) => e.id)).toEqual([ids.e6, ids.e5, ids.e4, ids.e3])
    expect(back.newerCursor).toBeNull()
    expect(back.olderCursor).toBe(ids.e3)
    // with a filter, the cursors skip the rows the filter leaves out
    const annaFirst = await searchAuditEvents({ actor: 'anna' }, { pageSize: 2 })
    expect(annaFirst.events.map((e) => e.id)).toEqual([ids.e5, ids.e3])
    const annaSecond = await searchAuditEvents({ actor: 'anna' }, { pageSize: 2, before: annaFirst.olderCursor ?? undefined })
    expect(annaSecond.events.map((e) => e.id)).toEqual([ids.e1])
    expect(annaSecond.olderCursor).toBeNull()
    expect(annaSecond.events[0]?.actor).toMatchObject({ name: 'Anna Andersson', email: 'anna.admin@example.com' })
  })

  it('lists the record types that occur in the log', async () => {
    expect(await listAuditEntityTypes()).toEqual(['ComplianceDocument', 'Organisation', 'RegisterEntry', 'ServiceCategory'])
  })
})

describe('the audit log is append-only', () => {
  it('refuses UPDATE and DELETE through Prisma, one row or many, and keeps the rows as they were', async () => {
    const before = await prisma.auditEvent.findMany({ orderBy: { id: 'asc' } })
    await expect(prisma.auditEvent.update({ where: { id: ids.e1 }, data: { action: 'forged' } })).rejects.toThrow()
    await expect(prisma.auditEvent.updateMany({ where: {}, data: { actorId: null } })).rejects.toThrow()
    await expect(prisma.auditEvent.delete({ where: { id: ids.e1 } })).rejects.toThrow()
    await expect(prisma.auditEvent.deleteMany({ where: { entityType: 'ServiceCategory' } })).rejects.toThrow()
    await expect(prisma.$executeRaw`UPDATE "AuditEvent" SET "after" = NULL`).rejects.toThrow()
    await expect(prisma.$executeRaw`DELETE FROM "AuditEvent"`).rejects.toThrow()
    await expect(
      prisma.$transaction(async (tx) => {
        await tx.auditEvent.create({ data: { action: 'inside', entityType: 'Test', entityId: '1' } })
        await tx.auditEvent.deleteMany({ where: { action: 'inside' } })
      }),
    ).rejects.toThrow()
    expect(await prisma.auditEvent.findMany({ orderBy: { id: 'asc' } })).toEqual(before)
  })
})
