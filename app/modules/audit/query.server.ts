import type { Prisma } from '~/generated/prisma/client'
import { prisma } from '~/utils/db.server'
import { helsinkiDayRange } from './dates'
import type { AuditFilters } from './schema'

/**
 * Reading the audit log (staff admins). There is deliberately no way to change or remove an event here or anywhere
 * in the app; the database refuses UPDATE, DELETE and TRUNCATE on the table as well.
 *
 * Order and paging: newest first by id. The id is a bigserial, so it is the order events were written in, and
 * keyset paging on the primary key stays fast however long the log grows (no OFFSET), and a page does not shift
 * when new events arrive while someone reads. `at` is the writing transaction's start time.
 */
export const auditPageSize = 50

export type AuditPageRequest = {
  /** show events older than this id (the "older" link) */
  before?: bigint
  /** show events newer than this id (the "newer" link) */
  after?: bigint
  pageSize?: number
}

function whereFor(filters: AuditFilters): Prisma.AuditEventWhereInput {
  const range = helsinkiDayRange(filters.from, filters.to)
  const actor = filters.actor
  return {
    ...(actor
      ? {
          actor: {
            OR: [{ email: { contains: actor, mode: 'insensitive' } }, { name: { contains: actor, mode: 'insensitive' } }],
          },
        }
      : {}),
    ...(filters.entityType ? { entityType: filters.entityType } : {}),
    ...(filters.entityId ? { entityId: filters.entityId } : {}),
    ...(filters.action ? { action: { startsWith: filters.action } } : {}),
    ...(range.gte || range.lt ? { at: range } : {}),
  }
}

const eventSelect = {
  id: true,
  at: true,
  action: true,
  entityType: true,
  entityId: true,
  before: true,
  after: true,
  actor: { select: { id: true, name: true, email: true } },
} as const

/**
 * One page of events matching every given filter, newest first, with the cursors of the neighbouring pages
 * (null when there is nothing newer or older).
 */
export async function searchAuditEvents(filters: AuditFilters, page: AuditPageRequest = {}) {
  const pageSize = Math.min(Math.max(page.pageSize ?? auditPageSize, 1), 200)
  const where = whereFor(filters)
  const goingNewer = page.after !== undefined
  const cursor: Prisma.AuditEventWhereInput =
    page.after !== undefined ? { id: { gt: page.after } } : page.before !== undefined ? { id: { lt: page.before } } : {}
  const rows = await prisma.auditEvent.findMany({
    where: { AND: [where, cursor] },
    orderBy: { id: goingNewer ? 'asc' : 'desc' },
    take: pageSize + 1,
    select: eventSelect,
  })
  const events = rows.slice(0, pageSize)
  if (goingNewer) events.reverse()
  const newest = events[0]
  const oldest = events.at(-1)
  const exists = async (id: Prisma.BigIntFilter) =>
    (await prisma.auditEvent.findFirst({ where: { AND: [where, { id }] }, select: { id: true } })) !== null
  const hasNewer = newest ? (goingNewer ? rows.length > pageSize : page.before !== undefined && (await exists({ gt: newest.id }))) : false
  const hasOlder = oldest ? (goingNewer ? await exists({ lt: oldest.id }) : rows.length > pageSize) : false
  return {
    events,
    newerCursor: hasNewer && newest ? newest.id : null,
    olderCursor: hasOlder && oldest ? oldest.id : null,
  }
}

/**
 * The record types that occur in the log, for the filter's list. A loose index scan over the (entityType, entityId)
 * index: one index probe per distinct type, however many events there are.
 */
export async function listAuditEntityTypes(): Promise<string[]> {
  const rows = await prisma.$queryRaw<{ entityType: string }[]>`
    WITH RECURSIVE types AS (
      (SELECT "entityType" FROM "AuditEvent" ORDER BY "entityType" LIMIT 1)
      UNION ALL
      SELECT (SELECT e."entityType" FROM "AuditEvent" e WHERE e."entityType" > types."entityType" ORDER BY e."entityType" LIMIT 1)
      FROM types WHERE types."entityType" IS NOT NULL
    )
    SELECT "entityType" FROM types WHERE "entityType" IS NOT NULL`
  return rows.map((row) => row.entityType)
}
