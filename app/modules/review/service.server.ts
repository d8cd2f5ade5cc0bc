import type { TFunction } from 'i18next'
import type { ApplicationStatus, CategoryDecision, Locale, Prisma } from '~/generated/prisma/client'
import { supportedLocales, type AppLocale } from '~/i18n'
import { translator } from '~/i18n.server'
import { recordAudit } from '~/modules/audit/audit.server'
import { nameIn, parseSection } from '~/modules/applications/labels'
import { checklist, requiredDocuments, type ChecklistItem } from '~/modules/applications/required-documents'
import { getApplication, helsinkiDay, notifyOwners } from '~/modules/applications/service.server'
import { transitionFor } from '~/modules/applications/state-machine'
import { isoDate } from '~/modules/documents/dates'
import { documentValidity } from '~/modules/documents/validity'
import { prisma, type Tx } from '~/utils/db.server'
import { env } from '~/utils/env.server'
import { formatDate } from '~/utils/format'
import { can, type Role } from '~/utils/permissions'
import { isUnderReview } from './actions'
import { deciderOf, isProposal, planDecisions, type DecisionChange, type Outcome } from './decisions'
import { openQueueStates, queueStates, type QueueFilters } from './schema'
import { currentSectionStates, documentSection, sectionsFor, type SectionKey } from './sections'
import { ageInDays, waitingCutoff } from './waiting'

/**
 * The county's review of register applications (issue 4, journey 1): the queue, the review page's data, and the
 * reviewers' actions. Every action is one transaction: the optimistic check on the application's version (two
 * reviewers acting at once: only one wins, the other is told to reload), the change, an ApplicationEvent where the
 * status changes, audit events with before and after, and the owners' email in their own language where the
 * applicant is told.
 */

/** The acting staff user, as requirePermission returns it. */
export type StaffActor = { id: string; role: Role }

/** What the actions call outside the database rows they write; tests replace it to make a step fail. */
export type ReviewDeps = { notifyOwners: typeof notifyOwners }
const defaultDeps: ReviewDeps = { notifyOwners }

type Common<E extends string> =
  | { ok: false; error: 'forbidden' | 'notFound' | 'conflict' | E }
  | { ok: false; error: 'wrongStatus'; status: ApplicationStatus }

type Db = Tx | typeof prisma

const proposalDecisions = ['PROPOSED_APPROVE', 'PROPOSED_REJECT'] as const satisfies readonly CategoryDecision[]

const categoryNames = { id: true, code: true, nameFi: true, nameSv: true, nameEn: true, sortOrder: true } as const

function bySortOrder(a: { sortOrder: number; code: string }, b: { sortOrder: number; code: string }): number {
  return a.sortOrder - b.sortOrder || a.code.localeCompare(b.code)
}

// ─── The queue ──────────────────────────────────────────────────────────────

export const queuePageSize = 25

/**
 * The database conditions of the queue's filters: `where` for the table, `whereForCounts` for the counts per state
 * (every filter but the state, so the counts show where the other states stand).
 */
export function queueWhere(
  filters: Omit<QueueFilters, 'page'>,
  context: { actorId: string; now: Date },
): { where: Prisma.RegisterApplicationWhereInput; whereForCounts: Prisma.RegisterApplicationWhereInput } {
  const conditions: Prisma.RegisterApplicationWhereInput[] = [{ submittedAt: { not: null } }]
  if (filters.category) conditions.push({ categories: { some: { categoryId: filters.category } } })
  if (filters.municipality) conditions.push({ organisation: { municipalityCode: filters.municipality } })
  if (filters.age) conditions.push({ submittedAt: { lt: waitingCutoff(filters.age, context.now) } })
  if (filters.mine) conditions.push({ assignedToId: context.actorId })
  if (filters.proposed) conditions.push({ categories: { some: { decision: { in: [...proposalDecisions] } } } })
  const states: readonly ApplicationStatus[] =
    filters.state === 'open' ? openQueueStates : filters.state === 'all' ? queueStates : [filters.state]
  return {
    where: { AND: [...conditions, { status: { in: [...states] } }] },
    whereForCounts: { AND: [...conditions, { status: { in: [...queueStates] } }] },
  }
}

/**
 * One page of the queue, the longest-waiting first (by the latest submission), with the counts per state under
 * the same filters. Filtering, counting and paging happen in the database.
 */
export async function listQueue(input: { actor: StaffActor; filters: QueueFilters; now?: Date; pageSize?: number }) {
  const now = input.now ?? new Date()
  const pageSize = input.pageSize ?? queuePageSize
  const { where, whereForCounts } = queueWhere(input.filters, { actorId: input.actor.id, now })
  const [total, grouped] = await Promise.all([
    prisma.registerApplication.count({ where }),
    prisma.registerApplication.groupBy({ by: ['status'], where: whereForCounts, _count: { _all: true } }),
  ])
  const pageCount = Math.max(1, Math.ceil(total / pageSize))
  const page = Math.min(input.filters.page, pageCount)
  const rows = await prisma.registerApplication.findMany({
    where,
    orderBy: [{ submittedAt: 'asc' }, { id: 'asc' }],
    skip: (page - 1) * pageSize,
    take: pageSize,
    select: {
      id: true,
      status: true,
      submittedAt: true,
      organisation: {
        select: {
          id: true,
          name: true,
          businessId: true,
          municipality: { select: { code: true, nameFi: true, nameSv: true, officialLanguages: true } },
        },
      },
      categories: { select: { decision: true, category: { select: categoryNames } } },
      assignedTo: { select: { id: true, name: true } },
      events: { where: { toStatus: 'SUBMITTED' }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], take: 1, select: { createdAt: true } },
    },
  })
  const counts = Object.fromEntries(queueStates.map((status) => [status, 0])) as Record<(typeof queueStates)[number], number>
  for (const row of grouped) {
    if (row.status in counts) counts[row.status as (typeof queueStates)[number]] = row._count._all
  }
  return {
    total,
    page,
    pageCount,
    counts,
    rows: rows.map(({ events, categories, submittedAt, ...row }) => ({
      ...row,
      submittedAt: submittedAt ?? now,
      firstSubmittedAt: events[0]?.createdAt ?? submittedAt ?? now,
      ageDays: ageInDays(submittedAt ?? now, now),
      categories: categories
        .map(({ category, decision }) => ({ ...category, decision }))
        .sort(bySortOrder)
        .map(({ sortOrder: _sortOrder, ...category }) => category),
    })),
  }
}

/** The choices of the queue's filters: every category and the municipalities. */
export async function queueFilterOptions() {
  const [categories, municipalities] = await Promise.all([
    prisma.serviceCategory.findMany({ select: { ...categoryNames, active: true }, orderBy: [{ sortOrder: 'asc' }, { code: 'asc' }] }),
    prisma.municipality.findMany({ select: { code: true, nameFi: true, nameSv: true, officialLanguages: true }, orderBy: { code: 'asc' } }),
  ])
  return { categories, municipalities }
}

/** The staff front page: open applications per state, the actor's own applications in review, proposals waiting. */
export async function staffOverview(actor: StaffActor) {
  const mineWhere: Prisma.RegisterApplicationWhereInput = { assignedToId: actor.id, status: 'IN_REVIEW' }
  const [grouped, mine, mineTotal, awaitingConfirmation, oldestSubmitted] = await Promise.all([
    prisma.registerApplication.groupBy({
      by: ['status'],
      where: { status: { in: [...openQueueStates] }, submittedAt: { not: null } },
      _count: { _all: true },
    }),
    prisma.registerApplication.findMany({
      where: mineWhere,
      orderBy: [{ submittedAt: 'asc' }, { id: 'asc' }],
      take: 5,
      select: { id: true, submittedAt: true, organisation: { select: { name: true } } },
    }),
    prisma.registerApplication.count({ where: mineWhere }),
    prisma.registerApplication.count({
      where: { status: 'IN_REVIEW', categories: { some: { decision: { in: [...proposalDecisions] } } } },
    }),
    prisma.registerApplication.findFirst({
      where: { status: 'SUBMITTED' },
      orderBy: [{ submittedAt: 'asc' }, { id: 'asc' }],
      select: { submittedAt: true },
    }),
  ])
  const counts = Object.fromEntries(openQueueStates.map((status) => [status, 0])) as Record<(typeof openQueueStates)[number], number>
  for (const row of grouped) {
    if (row.status in counts) counts[row.status as (typeof openQueueStates)[number]] = row._count._all
  }
  return { counts, mine, mineTotal, awaitingConfirmation, oldestSubmittedAt: oldestSubmitted?.submittedAt ?? null }
}

// ─── The review page ────────────────────────────────────────────────────────

/**
 * Everything the review page shows: the organisation, the categories with their decisions (and proposals), the
 * rulebook accepted, the required documents with the documents in use, the history with names, and every section
 * review. Null for an unknown application or one never submitted (a draft is the applicant's own). Reading it
 * writes no audit event: it holds no client data.
 */
export async function getReviewDetail(applicationId: string, now = new Date()) {
  const application = await prisma.registerApplication.findUnique({
    where: { id: applicationId },
    select: {
      id: true,
      status: true,
      version: true,
      createdAt: true,
      submittedAt: true,
      decidedAt: true,
      decisionReason: true,
      rulebookAcceptedAt: true,
      rulebook: { select: { version: true, effectiveFrom: true } },
      assignedTo: { select: { id: true, name: true } },
      organisation: {
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
          website: true,
          descriptionFi: true,
          descriptionSv: true,
          descriptionEn: true,
          municipality: { select: { code: true, nameFi: true, nameSv: true, officialLanguages: true } },
        },
      },
      categories: {
        select: {
          decision: true,
          proposedAt: true,
          proposalNote: true,
          proposedBy: { select: { name: true } },
          category: { select: { ...categoryNames, reviewMode: true } },
        },
      },
      events: {
        select: { id: true, fromStatus: true, toStatus: true, note: true, createdAt: true, actor: { select: { name: true, staffRole: true } } },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      },
      sectionReviews: {
        select: { id: true, section: true, status: true, reason: true, createdAt: true, reviewer: { select: { name: true } } },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      },
    },
  })
  if (!application || !application.submittedAt) return null
  const { organisation, categories, events, sectionReviews, ...rest } = application
  const [shared, documents] = await Promise.all([
    getApplication(organisation.id, application.id, now),
    prisma.complianceDocument.findMany({
      where: { organisationId: organisation.id, supersededAt: null },
      select: {
        id: true,
        originalFilename: true,
        issueDate: true,
        validUntil: true,
        registrationNumber: true,
        status: true,
        createdAt: true,
        reviewedAt: true,
        rejectionReason: true,
        reviewedBy: { select: { name: true } },
      },
    }),
  ])
  if (!shared) return null
  const documentById = new Map(documents.map((document) => [document.id, document]))
  const sections = sectionsFor(shared.checklist.map((item) => item.code))
  const current = currentSectionStates(sectionReviews, application.submittedAt)
  return {
    application: { ...rest, firstSubmittedAt: events.find((event) => event.toStatus === 'SUBMITTED')?.createdAt ?? application.submittedAt },
    organisation,
    categories: categories
      .map(({ category, ...decision }) => ({ ...category, ...decision }))
      .sort(bySortOrder),
    rulebookInForce: shared.rulebook ? { version: shared.rulebook.version } : null,
    requirements: shared.requirements,
    documentTypes: shared.documentTypes,
    /** every required document type once, with the document in use */
    checklist: shared.checklist.map((item) => ({
      ...item,
      document: item.documentId ? (documentById.get(item.documentId) ?? null) : null,
    })),
    history: events,
    /** every section of the application with its state in the current review round */
    sections: sections.map((section) => {
      const review = current.get(section)
      return { section, status: review?.status ?? null, reviewer: review?.reviewer.name ?? null, at: review?.createdAt ?? null }
    }),
    sectionReviews,
  }
}

// ─── Actions: shared steps ──────────────────────────────────────────────────

const actionSelect = {
  id: true,
  status: true,
  version: true,
  submittedAt: true,
  organisationId: true,
  decisionReason: true,
  assignedToId: true,
  organisation: { select: { employsStaff: true } },
  categories: {
    select: {
      categoryId: true,
      decision: true,
      proposedById: true,
      proposalNote: true,
      category: {
        select: { ...categoryNames, reviewMode: true, requiresSoteri: true, requirements: { select: { documentTypeCode: true } } },
      },
    },
  },
} as const satisfies Prisma.RegisterApplicationSelect

type ActionApplication = Prisma.RegisterApplicationGetPayload<{ select: typeof actionSelect }>

type Loaded = { ok: true; application: ActionApplication } | { ok: false; error: 'notFound' | 'conflict' } | { ok: false; error: 'wrongStatus'; status: ApplicationStatus }

/**
 * The application as the action sees it, refused when it is unknown (or never submitted), when it changed since the
 * page was made (`expectedVersion`), or when its status does not allow the action.
 */
async function load(tx: Tx, applicationId: string, expectedVersion: number, allowed: (status: ApplicationStatus) => boolean): Promise<Loaded> {
  const application = await tx.registerApplication.findUnique({ where: { id: applicationId }, select: actionSelect })
  if (!application || !application.submittedAt) return { ok: false, error: 'notFound' }
  if (application.version !== expectedVersion) return { ok: false, error: 'conflict' }
  if (!allowed(application.status)) return { ok: false, error: 'wrongStatus', status: application.status }
  return { ok: true, application }
}

/**
 * The optimistic check: moves the application on only if it still has the status and version the action was
 * decided on. False when someone else changed it meanwhile (the caller refuses with `conflict`).
 */
async function claim(
  tx: Tx,
  application: { id: string; status: ApplicationStatus },
  expectedVersion: number,
  data: Prisma.RegisterApplicationUncheckedUpdateManyInput = {},
): Promise<boolean> {
  const moved = await tx.registerApplication.updateMany({
    where: { id: application.id, status: application.status, version: expectedVersion },
    data: { ...data, version: { increment: 1 } },
  })
  return moved.count === 1
}

/** The document types required by the application's categories, and the organisation's documents against them. */
async function requiredChecklist(db: Db, application: ActionApplication, categoryIds: readonly string[] | null, today: Date) {
  const [documentTypes, documents] = await Promise.all([
    db.documentType.findMany({
      select: { code: true, nameFi: true, nameSv: true, nameEn: true, maxAgeDays: true, employersOnly: true, hasRegistrationNumber: true },
      orderBy: { code: 'asc' },
    }),
    db.complianceDocument.findMany({
      where: { organisationId: application.organisationId, supersededAt: null },
      select: { id: true, documentTypeCode: true, issueDate: true, validUntil: true, status: true, supersededAt: true },
    }),
  ])
  const categories = application.categories
    .filter((c) => categoryIds === null || categoryIds.includes(c.categoryId))
    .map(({ category }) => ({
      id: category.id,
      requiresSoteri: category.requiresSoteri,
      documentTypeCodes: category.requirements.map((r) => r.documentTypeCode),
    }))
  const required = requiredDocuments({ categories, documentTypes, employsStaff: application.organisation.employsStaff })
  return { documentTypes, required, items: checklist(required.types, documents, today) }
}

async function translators(namespace: 'applications' | 'review'): Promise<Record<Locale, TFunction>> {
  const list = await Promise.all(supportedLocales.map((locale) => translator(locale, namespace)))
  return Object.fromEntries(supportedLocales.map((locale, index) => [locale, list[index]])) as Record<Locale, TFunction>
}

/** A section's name in the owner's language, as the applicant's page names it. */
function sectionName(t: TFunction, locale: AppLocale, section: string, documentTypes: readonly { code: string; nameFi: string; nameSv: string; nameEn: string }[]): string {
  const parsed = parseSection(section)
  if (parsed.kind === 'document') {
    const type = documentTypes.find((candidate) => candidate.code === parsed.code)
    return String(t('returned.sections.document', { document: type ? nameIn(locale, type) : parsed.code }))
  }
  if (parsed.kind === 'other') return section
  return String(t(`returned.sections.${parsed.kind}`))
}

function registerLink(organisationId: string): string {
  return `${env().APP_ORIGIN}/provider/${organisationId}/register`
}

// ─── Take ───────────────────────────────────────────────────────────────────

export type TakeResult = { ok: true } | Common<never>

/** A reviewer takes a submitted application: it is in review and assigned to them. */
export async function takeApplication(
  args: { actor: StaffActor; applicationId: string; expectedVersion: number; now?: Date },
  _deps: ReviewDeps = defaultDeps,
): Promise<TakeResult> {
  const { actor, applicationId, expectedVersion } = args
  if (!can(actor.role, 'application:review')) return { ok: false, error: 'forbidden' }
  const now = args.now ?? new Date()
  return prisma.$transaction(async (tx): Promise<TakeResult> => {
    const loaded = await load(tx, applicationId, expectedVersion, (status) => Boolean(transitionFor('take', status)))
    if (!loaded.ok) return loaded
    const { application } = loaded
    const transition = transitionFor('take', application.status)
    if (!transition) return { ok: false, error: 'wrongStatus', status: application.status }
    if (!(await claim(tx, application, expectedVersion, { status: transition.to, assignedToId: actor.id }))) return { ok: false, error: 'conflict' }
    await tx.applicationEvent.create({
      data: { applicationId, fromStatus: transition.from, toStatus: transition.to, actorId: actor.id, createdAt: now },
    })
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'application.take',
      entityType: 'RegisterApplication',
      entityId: applicationId,
      before: { status: transition.from, version: expectedVersion, assignedToId: application.assignedToId },
      after: { status: transition.to, version: expectedVersion + 1, assignedToId: actor.id },
    })
    return { ok: true }
  })
}

// ─── Sections and documents ─────────────────────────────────────────────────

export type CheckSectionResult = { ok: true } | Common<'unknownSection'>

/** Marks a section of an application in review as checked (a CHECKED section review). */
export async function checkSection(
  args: { actor: StaffActor; applicationId: string; expectedVersion: number; section: string; now?: Date },
  _deps: ReviewDeps = defaultDeps,
): Promise<CheckSectionResult> {
  const { actor, applicationId, expectedVersion, section } = args
  if (!can(actor.role, 'application:review')) return { ok: false, error: 'forbidden' }
  const now = args.now ?? new Date()
  return prisma.$transaction(async (tx): Promise<CheckSectionResult> => {
    const loaded = await load(tx, applicationId, expectedVersion, isUnderReview)
    if (!loaded.ok) return loaded
    const { application } = loaded
    const { items } = await requiredChecklist(tx, application, null, helsinkiDay(now))
    if (!sectionsFor(items.map((item) => item.code)).includes(section as SectionKey)) return { ok: false, error: 'unknownSection' }
    if (!(await claim(tx, application, expectedVersion))) return { ok: false, error: 'conflict' }
    await tx.applicationSectionReview.create({
      data: { applicationId, section, status: 'CHECKED', reviewerId: actor.id, createdAt: now },
    })
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'application.check-section',
      entityType: 'RegisterApplication',
      entityId: applicationId,
      before: { version: expectedVersion },
      after: { version: expectedVersion + 1, section, status: 'CHECKED' },
    })
    return { ok: true }
  })
}

export type ReviewDocumentResult = { ok: true } | Common<'documentNotFound' | 'reasonRequired' | 'documentExpired'>

/**
 * Accepts or rejects the organisation's document in use (it serves every application of the organisation) while
 * one of its applications is in review. Accepting also marks the document's section checked; a rejection needs a
 * reason, which the applicant is told when the application is returned.
 */
export async function reviewDocument(
  args: {
    actor: StaffActor
    applicationId: string
    expectedVersion: number
    documentId: string
    decision: 'accept' | 'reject'
    reason?: string | null
    now?: Date
  },
  _deps: ReviewDeps = defaultDeps,
): Promise<ReviewDocumentResult> {
  const { actor, applicationId, expectedVersion, documentId, decision } = args
  if (!can(actor.role, 'application:review')) return { ok: false, error: 'forbidden' }
  const reason = args.reason?.trim() || null
  if (decision === 'reject' && !reason) return { ok: false, error: 'reasonRequired' }
  const now = args.now ?? new Date()
  return prisma.$transaction(async (tx): Promise<ReviewDocumentResult> => {
    const loaded = await load(tx, applicationId, expectedVersion, isUnderReview)
    if (!loaded.ok) return loaded
    const { application } = loaded
    const document = await tx.complianceDocument.findFirst({
      where: { id: documentId, organisationId: application.organisationId, supersededAt: null },
      select: {
        id: true,
        documentTypeCode: true,
        issueDate: true,
        validUntil: true,
        status: true,
        reviewedById: true,
        reviewedAt: true,
        rejectionReason: true,
        documentType: { select: { maxAgeDays: true } },
      },
    })
    if (!document) return { ok: false, error: 'documentNotFound' }
    if (decision === 'accept' && documentValidity({ ...document, status: 'PENDING' }, document.documentType, helsinkiDay(now)) === 'expired') {
      return { ok: false, error: 'documentExpired' }
    }
    if (!(await claim(tx, application, expectedVersion))) return { ok: false, error: 'conflict' }
    const status = decision === 'accept' ? 'ACCEPTED' : 'REJECTED'
    await tx.complianceDocument.update({
      where: { id: document.id },
      data: { status, reviewedById: actor.id, reviewedAt: now, rejectionReason: decision === 'reject' ? reason : null },
    })
    if (decision === 'accept') {
      await tx.applicationSectionReview.create({
        data: { applicationId, section: documentSection(document.documentTypeCode), status: 'CHECKED', reviewerId: actor.id, createdAt: now },
      })
    }
    await recordAudit(tx, {
      actorId: actor.id,
      action: decision === 'accept' ? 'document.accept' : 'document.reject',
      entityType: 'ComplianceDocument',
      entityId: document.id,
      before: {
        status: document.status,
        reviewedById: document.reviewedById,
        reviewedAt: document.reviewedAt?.toISOString() ?? null,
        rejectionReason: document.rejectionReason,
      },
      after: {
        status,
        reviewedById: actor.id,
        reviewedAt: now.toISOString(),
        rejectionReason: decision === 'reject' ? reason : null,
        applicationId,
        applicationVersion: expectedVersion + 1,
      },
    })
    return { ok: true }
  })
}

// ─── Return ─────────────────────────────────────────────────────────────────

export type ReturnResult = { ok: true } | Common<'reasonRequired' | 'unknownSection'>

/**
 * Returns an application in review for changes, with a reason per section (at least one). Category decisions and
 * proposals made in this round are cleared: the resubmitted application is reviewed afresh. The owners are
 * emailed the sections and reasons in their own language.
 */
export async function returnApplication(
  args: {
    actor: StaffActor
    applicationId: string
    expectedVersion: number
    sections: readonly { section: string; reason?: string | null }[]
    now?: Date
  },
  deps: ReviewDeps = defaultDeps,
): Promise<ReturnResult> {
  const { actor, applicationId, expectedVersion } = args
  if (!can(actor.role, 'application:review')) return { ok: false, error: 'forbidden' }
  const sections = args.sections
    .map((item) => ({ section: item.section, reason: item.reason?.trim() ?? '' }))
    .filter((item) => item.reason)
  if (sections.length === 0) return { ok: false, error: 'reasonRequired' }
  const now = args.now ?? new Date()
  const texts = await translators('applications')
  return prisma.$transaction(async (tx): Promise<ReturnResult> => {
    const loaded = await load(tx, applicationId, expectedVersion, (status) => Boolean(transitionFor('return', status)))
    if (!loaded.ok) return loaded
    const { application } = loaded
    const transition = transitionFor('return', application.status)
    if (!transition) return { ok: false, error: 'wrongStatus', status: application.status }
    const { items, documentTypes } = await requiredChecklist(tx, application, null, helsinkiDay(now))
    const known = sectionsFor(items.map((item) => item.code)) as string[]
    if (sections.some((item) => !known.includes(item.section))) return { ok: false, error: 'unknownSection' }
    // one reason per section: the last one given wins
    const bySection = new Map(sections.map((item) => [item.section, item.reason]))
    const ordered = known.filter((section) => bySection.has(section)).map((section) => ({ section, reason: bySection.get(section) ?? '' }))

    if (!(await claim(tx, application, expectedVersion, { status: transition.to, decisionReason: null }))) return { ok: false, error: 'conflict' }
    const decisionsBefore = application.categories.filter((c) => c.decision !== 'PENDING')
    if (decisionsBefore.length) {
      await tx.applicationCategory.updateMany({
        where: { applicationId },
        data: { decision: 'PENDING', proposedById: null, proposedAt: null, proposalNote: null },
      })
    }
    await tx.applicationSectionReview.createMany({
      data: ordered.map((item) => ({ applicationId, section: item.section, status: 'RETURNED' as const, reason: item.reason, reviewerId: actor.id, createdAt: now })),
    })
    await tx.applicationEvent.create({
      data: { applicationId, fromStatus: transition.from, toStatus: transition.to, actorId: actor.id, createdAt: now },
    })
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'application.return',
      entityType: 'RegisterApplication',
      entityId: applicationId,
      before: {
        status: transition.from,
        version: expectedVersion,
        decisions: Object.fromEntries(decisionsBefore.map((c) => [c.category.code, c.decision])),
      },
      after: { status: transition.to, version: expectedVersion + 1, sections: ordered },
    })
    await deps.notifyOwners(tx, {
      organisationId: application.organisationId,
      applicationId,
      template: 'application-returned',
      values: (locale) => ({ date: formatDate(now, locale) }),
      items: (locale) => ordered.map((item) => `${sectionName(texts[locale], locale, item.section, documentTypes)}: ${item.reason}`),
    })
    return { ok: true }
  })
}

// ─── Decisions ──────────────────────────────────────────────────────────────

export type DecideResult =
  | { ok: true; outcome: Outcome; changes: DecisionChange[] }
  | Common<'nothingToDecide' | 'reasonRequired'>
  | { ok: false; error: 'notDecidable'; categoryIds: string[] }
  | { ok: false; error: 'documentsNotValid'; problems: ChecklistItem[] }

/**
 * Approves the ticked categories of an application in review and rejects the other open ones (a rejection needs
 * a reason). In a TWO_STEP category a reviewer only proposes; an admin confirms or overturns proposals, or decides
 * directly. A category is approved (or proposed for approval) only while its required documents are valid.
 */
export function decideCategories(
  args: {
    actor: StaffActor
    applicationId: string
    expectedVersion: number
    approveCategoryIds: readonly string[]
    reason?: string | null
    now?: Date
  },
  deps: ReviewDeps = defaultDeps,
): Promise<DecideResult> {
  return applyDecisions({ ...args, mode: 'decide' }, deps)
}

/**
 * Rejects the whole application with a reason. Where a reviewer acts on a TWO_STEP category the rejection is a
 * proposal, and the application stays in review until an admin confirms it.
 */
export function rejectApplication(
  args: { actor: StaffActor; applicationId: string; expectedVersion: number; reason: string; now?: Date },
  deps: ReviewDeps = defaultDeps,
): Promise<DecideResult> {
  return applyDecisions({ ...args, approveCategoryIds: [], mode: 'rejectAll' }, deps)
}

/**
 * One decision, in one transaction: the category decisions (or proposals); when every category is decided, the
 * application's status (APPROVED when at least one category is approved, else REJECTED), a register entry per
 * approved category (an earlier removed or suspended entry of the pair is reactivated), the ApplicationEvent, the
 * audit events and the owners' email in their language.
 */
async function applyDecisions(
  args: {
    actor: StaffActor
    applicationId: string
    expectedVersion: number
    approveCategoryIds: readonly string[]
    reason?: string | null
    mode: 'decide' | 'rejectAll'
    now?: Date
  },
  deps: ReviewDeps,
): Promise<DecideResult> {
  const { actor, applicationId, expectedVersion, mode } = args
  if (!can(actor.role, 'application:review')) return { ok: false, error: 'forbidden' }
  const reason = args.reason?.trim() || null
  const now = args.now ?? new Date()
  const today = helsinkiDay(now)
  const texts = await translators('review')
  return prisma.$transaction(async (tx): Promise<DecideResult> => {
    const loaded = await load(tx, applicationId, expectedVersion, isUnderReview)
    if (!loaded.ok) return loaded
    const { application } = loaded
    const plan = planDecisions({
      decider: deciderOf(actor.role),
      categories: application.categories.map((c) => ({ categoryId: c.categoryId, reviewMode: c.category.reviewMode, decision: c.decision })),
      mode,
      approveIds: args.approveCategoryIds,
      reason,
    })
    if (!plan.ok) return plan

    const approving = plan.changes.filter((change) => change.to === 'APPROVED' || change.to === 'PROPOSED_APPROVE').map((change) => change.categoryId)
    if (approving.length) {
      const { items } = await requiredChecklist(tx, application, approving, today)
      const problems = items.filter((item) => item.validity !== 'valid')
      if (problems.length) return { ok: false, error: 'documentsNotValid', problems }
    }

    const final = plan.outcome === 'PENDING' ? null : transitionFor(plan.outcome === 'APPROVED' ? 'approve' : 'reject', application.status)
    const decisionReason = reason ?? application.decisionReason
    const claimed = await claim(tx, application, expectedVersion, {
      ...(reason ? { decisionReason: reason } : {}),
      ...(final ? { status: final.to, decidedAt: now } : {}),
    })
    if (!claimed) return { ok: false, error: 'conflict' }

    for (const change of plan.changes) {
      await tx.applicationCategory.update({
        where: { applicationId_categoryId: { applicationId, categoryId: change.categoryId } },
        data: {
          decision: change.to,
          ...(isProposal(change.to) ? { proposedById: actor.id, proposedAt: now, proposalNote: reason } : {}),
        },
      })
    }
    const byId = new Map(application.categories.map((c) => [c.categoryId, c]))
    const code = (categoryId: string) => byId.get(categoryId)?.category.code ?? categoryId
    await recordAudit(tx, {
      actorId: actor.id,
      action: mode === 'rejectAll' ? 'application.reject-all' : 'application.decide-categories',
      entityType: 'RegisterApplication',
      entityId: applicationId,
      before: {
        status: application.status,
        version: expectedVersion,
        decisions: Object.fromEntries(plan.changes.map((change) => [code(change.categoryId), change.from])),
      },
      after: {
        status: final?.to ?? application.status,
        version: expectedVersion + 1,
        decisions: Object.fromEntries(plan.changes.map((change) => [code(change.categoryId), change.to])),
        reason,
      },
    })
    if (!final) return { ok: true, outcome: plan.outcome, changes: plan.changes }

    const sorted = plan.decisions
      .map((decision) => ({ ...decision, category: byId.get(decision.categoryId)?.category }))
      .filter((decision): decision is typeof decision & { category: NonNullable<typeof decision.category> } => Boolean(decision.category))
      .sort((a, b) => bySortOrder(a.category, b.category))
    const approved = sorted.filter((decision) => decision.decision === 'APPROVED')
    const rejected = sorted.filter((decision) => decision.decision === 'REJECTED')

    for (const { categoryId, category } of approved) {
      const key = { organisationId_categoryId: { organisationId: application.organisationId, categoryId } }
      const existing = await tx.registerEntry.findUnique({
        where: key,
        select: { status: true, validFrom: true, applicationId: true, decidedById: true, statusReason: true },
      })
      const entryData = {
        status: 'ACTIVE' as const,
        validFrom: today,
        applicationId,
        decidedById: actor.id,
        decidedAt: now,
        statusReason: null,
        statusChangedAt: now,
        lapsedAt: null,
      }
      const entry = await tx.registerEntry.upsert({
        where: key,
        create: { organisationId: application.organisationId, categoryId, ...entryData },
        update: entryData,
        select: { id: true },
      })
      await recordAudit(tx, {
        actorId: actor.id,
        action: existing ? 'register-entry.reactivate' : 'register-entry.create',
        entityType: 'RegisterEntry',
        entityId: entry.id,
        before: existing ? { ...existing, validFrom: isoDate(existing.validFrom) } : undefined,
        after: {
          organisationId: application.organisationId,
          category: category.code,
          status: 'ACTIVE',
          validFrom: isoDate(today),
          applicationId,
          decidedById: actor.id,
          decidedAt: now.toISOString(),
        },
      })
    }

    await tx.applicationEvent.create({
      data: { applicationId, fromStatus: final.from, toStatus: final.to, actorId: actor.id, note: decisionReason && rejected.length ? decisionReason : null, createdAt: now },
    })
    await recordAudit(tx, {
      actorId: actor.id,
      action: final.to === 'APPROVED' ? 'application.approve' : 'application.reject',
      entityType: 'RegisterApplication',
      entityId: applicationId,
      before: { status: final.from, version: expectedVersion },
      after: {
        status: final.to,
        version: expectedVersion + 1,
        decidedAt: now.toISOString(),
        approved: approved.map((d) => d.category.code),
        rejected: rejected.map((d) => d.category.code),
        reason: rejected.length ? decisionReason : null,
      },
    })
    if (final.to === 'APPROVED') {
      await deps.notifyOwners(tx, {
        organisationId: application.organisationId,
        applicationId,
        template: 'application-approved',
        link: registerLink(application.organisationId),
        values: (locale) => ({
          categories: approved.map((d) => nameIn(locale, d.category)).join(', '),
          date: formatDate(now, locale),
        }),
        items: (locale) =>
          rejected.map((d) =>
            String(
              decisionReason
                ? texts[locale]('email.notApproved', { category: nameIn(locale, d.category), reason: decisionReason })
                : texts[locale]('email.notApprovedNoReason', { category: nameIn(locale, d.category) }),
            ),
          ),
      })
    } else {
      await deps.notifyOwners(tx, {
        organisationId: application.organisationId,
        applicationId,
        template: 'application-rejected',
        values: (locale) => ({
          categories: rejected.map((d) => nameIn(locale, d.category)).join(', '),
          reason: decisionReason ?? '',
          date: formatDate(now, locale),
        }),
      })
    }
    return { ok: true, outcome: plan.outcome, changes: plan.changes }
  })
}
