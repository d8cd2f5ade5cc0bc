import type { Prisma, RegisterEntryStatus } from '~/generated/prisma/client'
import { entryDocumentProblems, type LapsedDocument } from '~/modules/document-watch/entry-documents.server'
import { helsinkiToday, utcDate } from '~/modules/documents/dates'
import { prisma } from '~/utils/db.server'
import type { StaffRegisterFilters } from './schema'

const names = { nameFi: true, nameSv: true, nameEn: true } as const
const municipalityNames = { code: true, nameFi: true, nameSv: true, officialLanguages: true } as const

export const staffRegisterPageSize = 25

const entrySelect = {
  id: true,
  status: true,
  validFrom: true,
  statusReason: true,
  statusChangedAt: true,
  lapsedAt: true,
  category: { select: { id: true, code: true, ...names, sortOrder: true } },
} as const

function byCategory(a: { category: { sortOrder: number; code: string } }, b: { category: { sortOrder: number; code: string } }) {
  return a.category.sortOrder - b.category.sortOrder || a.category.code.localeCompare(b.category.code)
}

/**
 * Every organisation that has register entries matching the filters (category, status, lapsed documents; the
 * organisation's municipality and a part of its name or business ID), by name, a page at a time, each with its
 * matching entries. Counts: organisations, and the matching entries per status and with lapsed documents.
 */
export async function listStaffRegister(filters: StaffRegisterFilters) {
  const entryWhere: Prisma.RegisterEntryWhereInput = {
    ...(filters.category ? { category: { code: filters.category } } : {}),
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.lapsed ? { lapsedAt: { not: null } } : {}),
  }
  const organisationWhere: Prisma.OrganisationWhereInput = {
    ...(filters.municipality ? { municipalityCode: filters.municipality } : {}),
    ...(filters.q
      ? { OR: [{ name: { contains: filters.q, mode: 'insensitive' } }, { businessId: { contains: filters.q } }] }
      : {}),
  }
  const where: Prisma.OrganisationWhereInput = { ...organisationWhere, registerEntries: { some: entryWhere } }
  const [organisationCount, statusCounts, lapsedCount] = await Promise.all([
    prisma.organisation.count({ where }),
    prisma.registerEntry.groupBy({ by: ['status'], where: { ...entryWhere, organisation: organisationWhere }, _count: { _all: true } }),
    prisma.registerEntry.count({ where: { ...entryWhere, lapsedAt: { not: null }, organisation: organisationWhere } }),
  ])
  const pageCount = Math.max(1, Math.ceil(organisationCount / staffRegisterPageSize))
  const page = Math.min(filters.page, pageCount)
  const organisations = await prisma.organisation.findMany({
    where,
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
    skip: (page - 1) * staffRegisterPageSize,
    take: staffRegisterPageSize,
    select: {
      id: true,
      name: true,
      businessId: true,
      municipality: { select: municipalityNames },
      registerEntries: { where: entryWhere, select: entrySelect },
    },
  })
  const entries = Object.fromEntries(statusCounts.map((row) => [row.status, row._count._all])) as Partial<Record<RegisterEntryStatus, number>>
  return {
    page,
    pageCount,
    counts: {
      organisations: organisationCount,
      ACTIVE: entries.ACTIVE ?? 0,
      SUSPENDED: entries.SUSPENDED ?? 0,
      REMOVED: entries.REMOVED ?? 0,
      lapsed: lapsedCount,
    },
    organisations: organisations.map((organisation) => ({
      ...organisation,
      registerEntries: organisation.registerEntries.sort(byCategory),
    })),
  }
}

export type RegisterHistoryEvent = {
  id: string
  at: Date
  action: string
  entryId: string
  actorName: string | null
  status: string | null
  reason: string | null
  statusChangedAt: string | null
}

function jsonField(value: Prisma.JsonValue, key: string): string | null {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const field = (value as Prisma.JsonObject)[key]
    return typeof field === 'string' ? field : null
  }
  return null
}

/**
 * One organisation for the staff register page: its details, every entry (with the required documents that are
 * not in order today and the offers it has in the category) and the decisions and document-watch flags on its
 * entries from the audit log, newest first. Null for an unknown organisation.
 */
export async function organisationRegister(organisationId: string, now = new Date()) {
  const organisation = await prisma.organisation.findUnique({
    where: { id: organisationId },
    select: {
      id: true,
      name: true,
      businessId: true,
      legalForm: true,
      sector: true,
      employsStaff: true,
      streetAddress: true,
      postalCode: true,
      postOffice: true,
      phone: true,
      email: true,
      municipality: { select: municipalityNames },
      registerEntries: {
        select: { ...entrySelect, decidedAt: true, decidedBy: { select: { name: true } } },
      },
    },
  })
  if (!organisation) return null
  const entryIds = organisation.registerEntries.map((entry) => entry.id)
  const [problems, offers, audit] = await Promise.all([
    entryDocumentProblems(prisma, { organisationId }, utcDate(helsinkiToday(now))),
    prisma.offer.groupBy({ by: ['categoryId', 'status'], where: { organisationId }, _count: { _all: true } }),
    entryIds.length
      ? prisma.auditEvent.findMany({
          where: { entityType: 'RegisterEntry', entityId: { in: entryIds } },
          orderBy: [{ at: 'desc' }, { id: 'desc' }],
          take: 100,
          select: { id: true, at: true, action: true, entityId: true, after: true, actor: { select: { name: true } } },
        })
      : Promise.resolve([]),
  ])
  const problemsByEntry = new Map(problems.map((entry) => [entry.entryId, entry.problems]))
  const offerCount = (categoryId: string, status: string) =>
    offers.find((row) => row.categoryId === categoryId && row.status === status)?._count._all ?? 0
  const { registerEntries, ...details } = organisation
  return {
    organisation: details,
    entries: registerEntries.sort(byCategory).map((entry) => ({
      ...entry,
      lapsedDocuments: problemsByEntry.get(entry.id) ?? ([] as LapsedDocument[]),
      offers: { published: offerCount(entry.category.id, 'PUBLISHED'), draft: offerCount(entry.category.id, 'DRAFT') },
    })),
    history: audit.map(
      (event): RegisterHistoryEvent => ({
        id: String(event.id),
        at: event.at,
        action: event.action,
        entryId: event.entityId,
        actorName: event.actor?.name ?? null,
        status: jsonField(event.after, 'status'),
        reason: jsonField(event.after, 'statusReason'),
        statusChangedAt: jsonField(event.after, 'statusChangedAt'),
      }),
    ),
  }
}
