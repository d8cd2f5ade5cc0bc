import { prisma } from '~/utils/db.server'
import { entryDocumentProblems, type LapsedDocument } from './entry-documents.server'
import { expiringDocuments, watchDay, watchHorizonDays, type ExpiringDocument } from './service.server'

const dayMs = 24 * 60 * 60 * 1000

/** Submitted applications waiting longer than this need a reviewer. */
export const applicationWaitLimitDays = 14

const names = { nameFi: true, nameSv: true, nameEn: true } as const
const municipalityNames = { nameFi: true, nameSv: true, officialLanguages: true } as const

export type AttentionList = {
  lapsedEntries: {
    id: string
    status: 'ACTIVE' | 'SUSPENDED' | 'REMOVED'
    statusChangedAt: Date
    lapsedAt: Date
    organisation: { id: string; name: string }
    category: { nameFi: string; nameSv: string; nameEn: string }
    /** which required documents are not in order today (empty when the next watch run will clear the flag) */
    documents: LapsedDocument[]
  }[]
  expiringDocuments: (ExpiringDocument & { organisation: { id: string; name: string } })[]
  waitingApplications: {
    id: string
    submittedAt: Date
    daysWaiting: number
    organisation: { id: string; name: string; municipality: { nameFi: string; nameSv: string; officialLanguages: string[] } }
    categories: { nameFi: string; nameSv: string; nameEn: string }[]
  }[]
}

/**
 * What staff should look at: register entries flagged by the document watch (with the documents that lapsed),
 * documents that expire within 30 days, and applications submitted more than 14 days ago and still untouched.
 * Nothing here changes anything; suspending stays a staff decision.
 */
export async function needsAttention(now: Date): Promise<AttentionList> {
  const today = watchDay(now)
  const lapsedWhere = { lapsedAt: { not: null }, status: { in: ['ACTIVE' as const, 'SUSPENDED' as const] } }
  const [entries, problems, expiring, applications] = await Promise.all([
    prisma.registerEntry.findMany({
      where: lapsedWhere,
      select: {
        id: true,
        status: true,
        statusChangedAt: true,
        lapsedAt: true,
        organisation: { select: { id: true, name: true } },
        category: { select: names },
      },
      orderBy: [{ lapsedAt: 'asc' }, { id: 'asc' }],
    }),
    entryDocumentProblems(prisma, lapsedWhere, today),
    expiringDocuments(prisma, today, watchHorizonDays),
    prisma.registerApplication.findMany({
      where: { status: 'SUBMITTED', submittedAt: { lt: new Date(now.getTime() - applicationWaitLimitDays * dayMs) } },
      select: {
        id: true,
        submittedAt: true,
        organisation: { select: { id: true, name: true, municipality: { select: municipalityNames } } },
        categories: { select: { category: { select: { ...names, sortOrder: true } } } },
      },
      orderBy: [{ submittedAt: 'asc' }, { id: 'asc' }],
    }),
  ])
  const problemsByEntry = new Map(problems.map((entry) => [entry.entryId, entry.problems]))
  const organisations = await prisma.organisation.findMany({
    where: { id: { in: [...new Set(expiring.map((document) => document.organisationId))] } },
    select: { id: true, name: true },
  })
  const organisationById = new Map(organisations.map((organisation) => [organisation.id, organisation]))
  return {
    lapsedEntries: entries.map((entry) => ({
      ...entry,
      lapsedAt: entry.lapsedAt!,
      documents: problemsByEntry.get(entry.id) ?? [],
    })),
    expiringDocuments: expiring.flatMap((document) => {
      const organisation = organisationById.get(document.organisationId)
      return organisation ? [{ ...document, organisation }] : []
    }),
    waitingApplications: applications.map((application) => ({
      id: application.id,
      submittedAt: application.submittedAt!,
      daysWaiting: Math.floor((now.getTime() - application.submittedAt!.getTime()) / dayMs),
      organisation: application.organisation,
      categories: application.categories.map(({ category }) => category).sort((a, b) => a.sortOrder - b.sortOrder),
    })),
  }
}
