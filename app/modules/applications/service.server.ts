import type { ApplicationStatus, Locale } from '~/generated/prisma/client'
import { recordAudit } from '~/modules/audit/audit.server'
import { helsinkiToday, utcDate } from '~/modules/documents/dates'
import { enqueueEmail } from '~/modules/email/outbox.server'
import { rulebookInForce } from '~/modules/rulebook/service.server'
import { prisma, type Tx } from '~/utils/db.server'
import { env } from '~/utils/env.server'
import { formatDate } from '~/utils/format'
import { can, type Role } from '~/utils/permissions'
import { nameIn } from './labels'
import { checklist, documentProblems, requiredDocuments, type ChecklistItem } from './required-documents'
import { isEditable, openStatuses, transitionFor } from './state-machine'
import { byDocumentTypeOrder } from '~/modules/documents/type-order'

/** The process's client or a transaction's: reads work on either. */
type Db = Tx | typeof prisma

/** The acting provider user, as requireOrganisationPermission returns it. */
export type Member = { id: string; role: Role; organisationId: string }

/** Today's calendar day in Helsinki, as a UTC midnight (how @db.Date columns read). */
export function helsinkiDay(now = new Date()): Date {
  return utcDate(helsinkiToday(now))
}

function applicationLink(organisationId: string, applicationId: string): string {
  return `${env().APP_ORIGIN}/provider/${organisationId}/applications/${applicationId}`
}

const categorySelect = {
  id: true,
  code: true,
  nameFi: true,
  nameSv: true,
  nameEn: true,
  unit: true,
  voucherType: true,
  requiresSoteri: true,
  active: true,
  sortOrder: true,
} as const

// ─── Which categories an organisation can apply for ─────────────────────────

export type CategoryBlock =
  /** no such category, or staff have closed it */
  | { reason: 'inactive' }
  /** the organisation is already in the register for it */
  | { reason: 'inRegister' }
  /** its register entry is suspended: staff decide on it, a new application does not help */
  | { reason: 'suspended' }
  /** another open application of the organisation includes it */
  | { reason: 'openApplication'; applicationId: string }

/** Why each of `categoryIds` cannot be applied for now (categories that can are absent from the map). */
async function categoryBlocks(
  db: Db,
  organisationId: string,
  categoryIds: readonly string[],
  exceptApplicationId?: string,
): Promise<Map<string, CategoryBlock>> {
  const [categories, entries, openApplications] = await Promise.all([
    db.serviceCategory.findMany({ where: { id: { in: [...categoryIds] }, active: true }, select: { id: true } }),
    db.registerEntry.findMany({
      where: { organisationId, categoryId: { in: [...categoryIds] }, status: { in: ['ACTIVE', 'SUSPENDED'] } },
      select: { categoryId: true, status: true },
    }),
    db.applicationCategory.findMany({
      where: {
        categoryId: { in: [...categoryIds] },
        application: {
          organisationId,
          status: { in: [...openStatuses] },
          ...(exceptApplicationId ? { id: { not: exceptApplicationId } } : {}),
        },
      },
      select: { categoryId: true, applicationId: true },
    }),
  ])
  const blocks = new Map<string, CategoryBlock>()
  const active = new Set(categories.map((category) => category.id))
  for (const id of categoryIds) if (!active.has(id)) blocks.set(id, { reason: 'inactive' })
  for (const row of openApplications) blocks.set(row.categoryId, { reason: 'openApplication', applicationId: row.applicationId })
  for (const entry of entries) blocks.set(entry.categoryId, { reason: entry.status === 'ACTIVE' ? 'inRegister' : 'suspended' })
  return blocks
}

/** The active categories with their names, unit and voucher type, and why any of them cannot be chosen now. */
export async function listCategoryChoices(organisationId: string, exceptApplicationId?: string) {
  const categories = await prisma.serviceCategory.findMany({
    where: { active: true },
    select: categorySelect,
    orderBy: [{ sortOrder: 'asc' }, { code: 'asc' }],
  })
  const blocks = await categoryBlocks(prisma, organisationId, categories.map((category) => category.id), exceptApplicationId)
  return categories.map((category) => ({ ...category, block: blocks.get(category.id) ?? null }))
}

/** Serialises changes to one organisation's applications (drafts, category changes) across app instances. */
async function lockOrganisation(tx: Tx, organisationId: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "Organisation" WHERE id = ${organisationId} FOR UPDATE`
}

function dedupe(ids: readonly string[]): string[] {
  return [...new Set(ids.map((id) => id.trim()).filter(Boolean))]
}

export type BlockedCategory = { categoryId: string } & CategoryBlock

function blockedList(blocks: Map<string, CategoryBlock>): BlockedCategory[] {
  return [...blocks].map(([categoryId, block]) => ({ categoryId, ...block }))
}

// ─── Drafts ────────────────────────────────────────────────────────────────

export type CreateDraftResult =
  | { ok: true; applicationId: string }
  | { ok: false; error: 'forbidden' | 'noCategories' }
  | { ok: false; error: 'categoriesUnavailable'; blocked: BlockedCategory[] }

/**
 * Starts a draft application for active categories the organisation is neither registered for nor already
 * applying for.
 */
export async function createDraft(member: Member, organisationId: string, categoryIds: readonly string[]): Promise<CreateDraftResult> {
  if (member.organisationId !== organisationId || !can(member.role, 'application:edit')) return { ok: false, error: 'forbidden' }
  const ids = dedupe(categoryIds)
  if (ids.length === 0) return { ok: false, error: 'noCategories' }
  return prisma.$transaction(async (tx): Promise<CreateDraftResult> => {
    await lockOrganisation(tx, organisationId)
    const blocks = await categoryBlocks(tx, organisationId, ids)
    if (blocks.size > 0) return { ok: false, error: 'categoriesUnavailable', blocked: blockedList(blocks) }
    const application = await tx.registerApplication.create({
      data: {
        organisationId,
        createdById: member.id,
        categories: { create: ids.map((categoryId) => ({ categoryId })) },
        events: { create: { fromStatus: null, toStatus: 'DRAFT', actorId: member.id } },
      },
      select: { id: true, categories: { select: { category: { select: { code: true } } } } },
    })
    await recordAudit(tx, {
      actorId: member.id,
      action: 'application.create',
      entityType: 'RegisterApplication',
      entityId: application.id,
      after: { status: 'DRAFT', organisationId, categories: application.categories.map((c) => c.category.code).sort() },
    })
    return { ok: true, applicationId: application.id }
  })
}

export type UpdateDraftResult =
  | { ok: true; changed: boolean }
  | { ok: false; error: 'forbidden' | 'notFound' | 'noCategories' | 'conflict' }
  | { ok: false; error: 'notEditable'; status: ApplicationStatus }
  | { ok: false; error: 'categoriesUnavailable'; blocked: BlockedCategory[] }

/**
 * Changes the categories of an application while it is a draft or returned for changes. `version`, when given,
 * is the version the form was made from: a change made meanwhile (in another tab, say) is not overwritten.
 */
export async function updateDraft(
  member: Member,
  applicationId: string,
  input: { categoryIds: readonly string[]; version?: number },
): Promise<UpdateDraftResult> {
  if (!can(member.role, 'application:edit')) return { ok: false, error: 'forbidden' }
  const { organisationId } = member
  const ids = dedupe(input.categoryIds)
  if (ids.length === 0) return { ok: false, error: 'noCategories' }
  return prisma.$transaction(async (tx): Promise<UpdateDraftResult> => {
    await lockOrganisation(tx, organisationId)
    const application = await tx.registerApplication.findFirst({
      where: { id: applicationId, organisationId },
      select: {
        status: true,
        version: true,
        categories: { select: { categoryId: true, category: { select: { code: true } } } },
      },
    })
    if (!application) return { ok: false, error: 'notFound' }
    if (!isEditable(application.status)) return { ok: false, error: 'notEditable', status: application.status }
    if (input.version !== undefined && input.version !== application.version) return { ok: false, error: 'conflict' }
    const current = application.categories.map((c) => c.categoryId)
    if (current.length === ids.length && ids.every((id) => current.includes(id))) return { ok: true, changed: false }
    const blocks = await categoryBlocks(tx, organisationId, ids, applicationId)
    if (blocks.size > 0) return { ok: false, error: 'categoriesUnavailable', blocked: blockedList(blocks) }
    const claimed = await tx.registerApplication.updateMany({
      where: { id: applicationId, organisationId, status: application.status, version: application.version },
      data: { version: { increment: 1 } },
    })
    if (claimed.count !== 1) return { ok: false, error: 'conflict' }
    await tx.applicationCategory.deleteMany({
      where: { applicationId, application: { organisationId }, categoryId: { notIn: ids } },
    })
    await tx.applicationCategory.createMany({
      data: ids.filter((id) => !current.includes(id)).map((categoryId) => ({ applicationId, categoryId })),
    })
    const after = await tx.serviceCategory.findMany({ where: { id: { in: ids } }, select: { code: true } })
    await recordAudit(tx, {
      actorId: member.id,
      action: 'application.update-categories',
      entityType: 'RegisterApplication',
      entityId: applicationId,
      before: { categories: application.categories.map((c) => c.category.code).sort(), version: application.version },
      after: { categories: after.map((c) => c.code).sort(), version: application.version + 1 },
    })
    return { ok: true, changed: true }
  })
}

// ─── Rulebook and documents ─────────────────────────────────────────────────

// The rulebook in force: rulebookInForce in ~/modules/rulebook/service.server.

/** The required document types of an application's categories, and the organisation's documents against them. */
async function documentChecklist(
  db: Db,
  organisationId: string,
  categories: { id: string; requiresSoteri: boolean; requirements: { documentTypeCode: string }[] }[],
  today: Date,
) {
  const [organisation, documentTypes, documents] = await Promise.all([
    db.organisation.findUniqueOrThrow({ where: { id: organisationId }, select: { employsStaff: true } }),
    db.documentType.findMany().then((types) => types.sort(byDocumentTypeOrder)),
    db.complianceDocument.findMany({
      where: { organisationId, supersededAt: null },
      select: { id: true, documentTypeCode: true, issueDate: true, validUntil: true, status: true, supersededAt: true },
    }),
  ])
  const required = requiredDocuments({
    categories: categories.map((category) => ({
      id: category.id,
      requiresSoteri: category.requiresSoteri,
      documentTypeCodes: category.requirements.map((r) => r.documentTypeCode),
    })),
    documentTypes,
    employsStaff: organisation.employsStaff,
  })
  return { employsStaff: organisation.employsStaff, documentTypes, required, items: checklist(required.types, documents, today) }
}

// ─── Notices ───────────────────────────────────────────────────────────────

export type ApplicationNotice = 'application-submitted' | 'application-returned' | 'application-approved' | 'application-rejected'

/**
 * Queues a notice about an application, in the caller's transaction, to every active owner of the organisation in
 * the owner's own language. `values` are the template's texts per language (the organisation's name is added);
 * `items` a list under the text (reasons per section, say). Staff decisions (issue 4) use it too.
 */
export async function notifyOwners(
  tx: Tx,
  input: {
    organisationId: string
    applicationId: string
    template: ApplicationNotice
    values: (locale: Locale) => Record<string, string>
    items?: (locale: Locale) => string[]
    /** where the owner acts; the application page by default */
    link?: string
  },
): Promise<void> {
  const organisation = await tx.organisation.findUniqueOrThrow({
    where: { id: input.organisationId },
    select: {
      name: true,
      memberships: {
        where: { role: 'OWNER', user: { deactivatedAt: null } },
        select: { user: { select: { name: true, email: true, locale: true } } },
        orderBy: { createdAt: 'asc' },
      },
    },
  })
  for (const { user } of organisation.memberships) {
    const items = input.items?.(user.locale)
    await enqueueEmail(tx, {
      to: user.email,
      locale: user.locale,
      template: input.template,
      props: {
        name: user.name,
        values: { organisation: organisation.name, ...input.values(user.locale) },
        link: input.link ?? applicationLink(input.organisationId, input.applicationId),
        ...(items?.length ? { items } : {}),
      },
    })
  }
}

// ─── Submission and withdrawal ──────────────────────────────────────────────

export type SubmitResult =
  | { ok: true }
  | { ok: false; error: 'forbidden' | 'notFound' | 'noCategories' | 'noRulebook' | 'conflict' }
  | { ok: false; error: 'wrongStatus'; status: ApplicationStatus }
  | { ok: false; error: 'rulebookOutdated'; rulebook: { id: string; version: string } }
  | { ok: false; error: 'categoriesUnavailable'; blocked: BlockedCategory[] }
  | { ok: false; error: 'documentsMissing'; problems: ChecklistItem[] }

/**
 * An owner submits a draft, or resubmits an application returned for changes. Refused unless the owner accepts
 * the rulebook version in force today and every required document is present and valid (the problems are
 * returned). Then, in one transaction: the status (optimistic check on the version), the accepted rulebook, an
 * application event, an audit event and a receipt to every owner in their own language.
 */
export async function submit(
  owner: Member,
  applicationId: string,
  input: { acceptRulebookId: string },
  now = new Date(),
): Promise<SubmitResult> {
  if (!can(owner.role, 'application:submit')) return { ok: false, error: 'forbidden' }
  const { organisationId } = owner
  const today = helsinkiDay(now)
  const application = await prisma.registerApplication.findFirst({
    where: { id: applicationId, organisationId },
    select: {
      status: true,
      version: true,
      categories: {
        select: { category: { select: { ...categorySelect, requirements: { select: { documentTypeCode: true } } } } },
      },
    },
  })
  if (!application) return { ok: false, error: 'notFound' }
  const transition = transitionFor('submit', application.status)
  if (!transition) return { ok: false, error: 'wrongStatus', status: application.status }
  const categories = application.categories.map((c) => c.category)
  if (categories.length === 0) return { ok: false, error: 'noCategories' }

  const rulebook = await rulebookInForce(today)
  if (!rulebook) return { ok: false, error: 'noRulebook' }
  if (input.acceptRulebookId !== rulebook.id) {
    return { ok: false, error: 'rulebookOutdated', rulebook: { id: rulebook.id, version: rulebook.version } }
  }
  const blocks = await categoryBlocks(prisma, organisationId, categories.map((c) => c.id), applicationId)
  if (blocks.size > 0) return { ok: false, error: 'categoriesUnavailable', blocked: blockedList(blocks) }
  const { items } = await documentChecklist(prisma, organisationId, categories, today)
  const problems = documentProblems(items)
  if (problems.length > 0) return { ok: false, error: 'documentsMissing', problems }

  return prisma.$transaction(async (tx): Promise<SubmitResult> => {
    const moved = await tx.registerApplication.updateMany({
      where: { id: applicationId, organisationId, status: transition.from, version: application.version },
      data: {
        status: transition.to,
        version: { increment: 1 },
        rulebookId: rulebook.id,
        rulebookAcceptedAt: now,
        submittedAt: now,
      },
    })
    if (moved.count !== 1) return { ok: false, error: 'conflict' }
    await tx.applicationEvent.create({
      data: { applicationId, fromStatus: transition.from, toStatus: transition.to, actorId: owner.id, createdAt: now },
    })
    await recordAudit(tx, {
      actorId: owner.id,
      action: 'application.submit',
      entityType: 'RegisterApplication',
      entityId: applicationId,
      before: { status: transition.from, version: application.version },
      after: {
        status: transition.to,
        version: application.version + 1,
        rulebookVersion: rulebook.version,
        categories: categories.map((c) => c.code).sort(),
      },
    })
    const sorted = [...categories].sort((a, b) => a.sortOrder - b.sortOrder || a.code.localeCompare(b.code))
    await notifyOwners(tx, {
      organisationId,
      applicationId,
      template: 'application-submitted',
      values: (locale) => ({
        categories: sorted.map((category) => nameIn(locale, category)).join(', '),
        date: formatDate(now, locale),
      }),
    })
    return { ok: true }
  })
}

export type WithdrawResult =
  | { ok: true }
  | { ok: false; error: 'forbidden' | 'notFound' | 'conflict' }
  | { ok: false; error: 'wrongStatus'; status: ApplicationStatus }

/**
 * Withdraws an open application. Any member who may edit applications can discard a draft; once submitted, only
 * an owner can withdraw it (it undoes the owner's submission). `version`, when given, is the version the
 * confirmation was shown for. One transaction: status (optimistic check), application event, audit event.
 */
export async function withdraw(
  member: Member,
  applicationId: string,
  input: { version?: number } = {},
  now = new Date(),
): Promise<WithdrawResult> {
  if (!can(member.role, 'application:edit')) return { ok: false, error: 'forbidden' }
  const { organisationId } = member
  const application = await prisma.registerApplication.findFirst({
    where: { id: applicationId, organisationId },
    select: { status: true, version: true },
  })
  if (!application) return { ok: false, error: 'notFound' }
  const transition = transitionFor('withdraw', application.status)
  if (!transition) return { ok: false, error: 'wrongStatus', status: application.status }
  if (application.status !== 'DRAFT' && !can(member.role, 'application:submit')) return { ok: false, error: 'forbidden' }
  if (input.version !== undefined && input.version !== application.version) return { ok: false, error: 'conflict' }
  return prisma.$transaction(async (tx): Promise<WithdrawResult> => {
    const moved = await tx.registerApplication.updateMany({
      where: { id: applicationId, organisationId, status: transition.from, version: application.version },
      data: { status: transition.to, version: { increment: 1 } },
    })
    if (moved.count !== 1) return { ok: false, error: 'conflict' }
    await tx.applicationEvent.create({
      data: { applicationId, fromStatus: transition.from, toStatus: transition.to, actorId: member.id, createdAt: now },
    })
    await recordAudit(tx, {
      actorId: member.id,
      action: 'application.withdraw',
      entityType: 'RegisterApplication',
      entityId: applicationId,
      before: { status: transition.from, version: application.version },
      after: { status: transition.to, version: application.version + 1 },
    })
    return { ok: true }
  })
}

/** Whether a member may withdraw an application in `status` (the page shows the button only then). */
export function canWithdraw(role: Role, status: ApplicationStatus): boolean {
  if (!transitionFor('withdraw', status)) return false
  return can(role, status === 'DRAFT' ? 'application:edit' : 'application:submit')
}

// ─── Reading ───────────────────────────────────────────────────────────────

/** The organisation's applications, newest first, with their categories. */
export async function listApplications(organisationId: string) {
  const applications = await prisma.registerApplication.findMany({
    where: { organisationId },
    select: {
      id: true,
      status: true,
      createdAt: true,
      submittedAt: true,
      decidedAt: true,
      updatedAt: true,
      categories: { select: { category: { select: categorySelect } } },
    },
    orderBy: { createdAt: 'desc' },
  })
  return applications.map(({ categories, ...application }) => ({
    ...application,
    categories: categories.map((c) => c.category).sort((a, b) => a.sortOrder - b.sortOrder || a.code.localeCompare(b.code)),
  }))
}

/** The state changes of an application, oldest first; staff actors are marked so the page names the county instead. */
export async function listHistory(organisationId: string, applicationId: string) {
  const events = await prisma.applicationEvent.findMany({
    where: { applicationId, application: { organisationId } },
    select: {
      id: true,
      fromStatus: true,
      toStatus: true,
      note: true,
      createdAt: true,
      actor: { select: { name: true, staffRole: true } },
    },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  })
  return events.map(({ actor, ...event }) => ({
    ...event,
    actor: actor ? (actor.staffRole ? { kind: 'staff' as const } : { kind: 'provider' as const, name: actor.name }) : { kind: 'staff' as const },
  }))
}

/**
 * The reasons of the latest return, per section: the RETURNED section reviews written between the event before
 * that return (the reviewer taking the application) and the event after it (the resubmission), so reviews
 * written in the same transaction as the return count whichever row came first. Null if it was never returned.
 */
export async function latestReturn(organisationId: string, applicationId: string) {
  const returned = await prisma.applicationEvent.findFirst({
    where: { applicationId, application: { organisationId }, toStatus: 'RETURNED' },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    select: { createdAt: true, note: true },
  })
  if (!returned) return null
  const [previous, next] = await Promise.all([
    prisma.applicationEvent.findFirst({
      where: { applicationId, application: { organisationId }, createdAt: { lt: returned.createdAt } },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      select: { createdAt: true },
    }),
    prisma.applicationEvent.findFirst({
      where: { applicationId, application: { organisationId }, createdAt: { gt: returned.createdAt } },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      select: { createdAt: true },
    }),
  ])
  const sections = await prisma.applicationSectionReview.findMany({
    where: {
      applicationId,
      application: { organisationId },
      status: 'RETURNED',
      createdAt: { ...(previous ? { gt: previous.createdAt } : {}), ...(next ? { lt: next.createdAt } : {}) },
    },
    select: { id: true, section: true, reason: true },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  })
  return { returnedAt: returned.createdAt, note: returned.note, sections }
}

/**
 * Everything the application page shows: the application, its categories with their required documents and the
 * organisation's documents against them, the rulebook in force, the history and the latest return. Null when the
 * application is not the organisation's.
 */
export async function getApplication(organisationId: string, applicationId: string, now = new Date()) {
  const today = helsinkiDay(now)
  const application = await prisma.registerApplication.findFirst({
    where: { id: applicationId, organisationId },
    select: {
      id: true,
      status: true,
      version: true,
      createdAt: true,
      submittedAt: true,
      decidedAt: true,
      decisionReason: true,
      rulebookAcceptedAt: true,
      rulebook: { select: { id: true, version: true } },
      createdBy: { select: { name: true } },
      categories: {
        select: {
          decision: true,
          category: { select: { ...categorySelect, requirements: { select: { documentTypeCode: true } } } },
        },
      },
    },
  })
  if (!application) return null
  const categories = application.categories
    .map(({ category, decision }) => ({ ...category, decision }))
    .sort((a, b) => a.sortOrder - b.sortOrder || a.code.localeCompare(b.code))
  const [documents, rulebook, history, lastReturn] = await Promise.all([
    documentChecklist(prisma, organisationId, categories, today),
    rulebookInForce(today),
    listHistory(organisationId, applicationId),
    latestReturn(organisationId, applicationId),
  ])
  const typeByCode = new Map(documents.documentTypes.map((type) => [type.code, type]))
  const itemByCode = new Map(documents.items.map((item) => [item.code, item]))
  return {
    application: { ...application, categories: categories.map(({ requirements: _requirements, ...category }) => category) },
    employsStaff: documents.employsStaff,
    /** per category: its required documents with their state */
    requirements: categories.map((category) => ({
      categoryId: category.id,
      documents: (documents.required.byCategory[category.id] ?? []).map((code) => {
        const type = typeByCode.get(code)
        const item = itemByCode.get(code)
        return {
          code,
          nameFi: type?.nameFi ?? code,
          nameSv: type?.nameSv ?? code,
          nameEn: type?.nameEn ?? code,
          employersOnly: type?.employersOnly ?? false,
          validity: item?.validity ?? ('missing' as const),
          expiresOn: item?.expiresOn ?? null,
        }
      }),
    })),
    /** every required type once, with its state */
    checklist: documents.items,
    documentTypes: documents.documentTypes.map(({ code, nameFi, nameSv, nameEn }) => ({ code, nameFi, nameSv, nameEn })),
    rulebook,
    history,
    lastReturn,
  }
}
