import type { Locale } from '~/generated/prisma/client'
import { nameIn } from '~/modules/applications/labels'
import { recordAudit } from '~/modules/audit/audit.server'
import { helsinkiToday, isoDate, utcDate } from '~/modules/documents/dates'
import { documentExpiresOn } from '~/modules/documents/validity'
import { notifyOrganisationOwners, providerLink } from '~/modules/register/notify.server'
import { prisma, type Tx } from '~/utils/db.server'
import { formatDate } from '~/utils/format'
import { entryDocumentProblems } from './entry-documents.server'

type Db = Tx | typeof prisma

const dayMs = 24 * 60 * 60 * 1000

/** Reminders go out when this many days (or fewer) are left; each once per document. Largest first. */
export const reminderThresholds = [30, 7] as const
/** How far ahead the watch and the staff list look. */
export const watchHorizonDays = 30

/** Today's calendar day in Finland as a UTC midnight, the way @db.Date columns read. */
export function watchDay(now: Date): Date {
  return utcDate(helsinkiToday(now))
}

export type ExpiringDocument = {
  id: string
  organisationId: string
  documentTypeCode: string
  type: { nameFi: string; nameSv: string; nameEn: string }
  /** the last valid day */
  expiresOn: Date
  /** whole days from today to the last valid day (0: the last day is today) */
  daysLeft: number
  /** the thresholds whose reminder has gone out */
  remindedAt: number[]
}

/**
 * The documents in use (not superseded, not rejected or marked expired) whose last valid day is today or within
 * `horizonDays`, soonest first. Expiry follows validity.ts: the earlier of valid-until and the type's maximum age.
 */
export async function expiringDocuments(db: Db, today: Date, horizonDays = watchHorizonDays): Promise<ExpiringDocument[]> {
  const horizon = new Date(today.getTime() + horizonDays * dayMs)
  const types = await db.documentType.findMany({ select: { code: true, nameFi: true, nameSv: true, nameEn: true, maxAgeDays: true } })
  const typeByCode = new Map(types.map((type) => [type.code, type]))
  const documents = await db.complianceDocument.findMany({
    where: {
      supersededAt: null,
      status: { in: ['PENDING', 'ACCEPTED'] },
      OR: [
        { validUntil: { gte: today, lte: horizon } },
        // the maximum age ends in the window: issued between (today − age) and (horizon − age)
        ...types
          .filter((type) => type.maxAgeDays !== null)
          .map((type) => ({
            documentTypeCode: type.code,
            issueDate: {
              gte: new Date(today.getTime() - type.maxAgeDays! * dayMs),
              lte: new Date(horizon.getTime() - type.maxAgeDays! * dayMs),
            },
          })),
      ],
    },
    select: {
      id: true,
      organisationId: true,
      documentTypeCode: true,
      issueDate: true,
      validUntil: true,
      status: true,
      reminders: { select: { thresholdDays: true } },
    },
  })
  const result: ExpiringDocument[] = []
  for (const document of documents) {
    const type = typeByCode.get(document.documentTypeCode)
    if (!type) continue
    const expiresOn = documentExpiresOn(document, type)
    if (!expiresOn) continue
    const daysLeft = Math.round((expiresOn.getTime() - today.getTime()) / dayMs)
    // the other limit may already have passed: then the document has lapsed, which is not a reminder's business
    if (daysLeft < 0 || daysLeft > horizonDays) continue
    result.push({
      id: document.id,
      organisationId: document.organisationId,
      documentTypeCode: document.documentTypeCode,
      type: { nameFi: type.nameFi, nameSv: type.nameSv, nameEn: type.nameEn },
      expiresOn,
      daysLeft,
      remindedAt: document.reminders.map((reminder) => reminder.thresholdDays).sort((a, b) => b - a),
    })
  }
  return result.sort((a, b) => a.daysLeft - b.daysLeft || a.id.localeCompare(b.id))
}

export type DocumentWatchSummary = {
  /** documents whose owners were sent an expiry reminder in this run */
  remindersSent: number
  /** emails queued for those reminders (one per active owner) */
  emailsQueued: number
  /** register entries newly flagged because a required document lapsed */
  entriesFlagged: number
  /** register entries whose flag was cleared because the documents are in order again */
  entriesCleared: number
}

/**
 * The daily document watch (run hourly by the app and by `npm run jobs:document-watch`; both are safe together).
 *
 * (a) Every document in use that expires within 30 days gets its reminder once per threshold (30 and 7 days left):
 * in one transaction per document the DocumentReminder rows are inserted (their primary key makes them once-only,
 * even when two instances run at the same time) and `document-expiring` is queued to the organisation's owners in
 * their language. A document first seen with 7 days or fewer left gets one email, and both thresholds are marked.
 *
 * (b) Register entries (active or suspended) whose required documents are missing, expired or rejected are
 * flagged (`lapsedAt`, the first time is kept); the flag is cleared when the documents are in order again. Each
 * change writes an audit event. The watch never changes an entry's status: suspending is a staff decision.
 *
 * Idempotent: a second run on the same day changes nothing and sends nothing.
 */
export async function runDocumentWatch(now: Date): Promise<DocumentWatchSummary> {
  const today = watchDay(now)
  const summary: DocumentWatchSummary = { remindersSent: 0, emailsQueued: 0, entriesFlagged: 0, entriesCleared: 0 }

  for (const document of await expiringDocuments(prisma, today)) {
    const due = reminderThresholds.filter((threshold) => document.daysLeft <= threshold && !document.remindedAt.includes(threshold))
    if (due.length === 0) continue
    const queued = await prisma.$transaction(async (tx) => {
      // replaced by a new version since it was read: nothing to remind about
      if (!(await tx.complianceDocument.count({ where: { id: document.id, supersededAt: null } }))) return null
      const inserted = await tx.documentReminder.createMany({
        data: due.map((thresholdDays) => ({ documentId: document.id, thresholdDays, sentAt: now })),
        skipDuplicates: true,
      })
      // another instance got there first
      if (inserted.count === 0) return null
      return notifyOrganisationOwners(tx, {
        organisationId: document.organisationId,
        template: 'document-expiring',
        values: (locale: Locale) => ({
          document: nameIn(locale, document.type),
          date: formatDate(document.expiresOn, locale),
          days: String(document.daysLeft),
        }),
        link: providerLink(document.organisationId, 'documents'),
      })
    })
    if (queued === null) continue
    summary.remindersSent++
    summary.emailsQueued += queued
  }

  for (const entry of await entryDocumentProblems(prisma, { status: { in: ['ACTIVE', 'SUSPENDED'] } }, today)) {
    const lapsed = entry.problems.length > 0
    if (lapsed === (entry.lapsedAt !== null)) continue
    const changed = await prisma.$transaction(async (tx) => {
      const updated = await tx.registerEntry.updateMany({
        where: { id: entry.entryId, lapsedAt: lapsed ? null : { not: null } },
        data: { lapsedAt: lapsed ? now : null },
      })
      if (updated.count === 0) return false
      await recordAudit(tx, {
        actorId: null,
        action: lapsed ? 'register-entry.lapse' : 'register-entry.lapse-cleared',
        entityType: 'RegisterEntry',
        entityId: entry.entryId,
        before: { lapsedAt: entry.lapsedAt?.toISOString() ?? null },
        after: {
          lapsedAt: lapsed ? now.toISOString() : null,
          ...(lapsed
            ? {
                documents: entry.problems.map((problem) => ({
                  code: problem.code,
                  validity: problem.validity,
                  expiresOn: problem.expiresOn ? isoDate(problem.expiresOn) : null,
                })),
              }
            : {}),
        },
      })
      return true
    })
    if (changed) summary[lapsed ? 'entriesFlagged' : 'entriesCleared']++
  }

  return summary
}
