import type { Locale } from '~/generated/prisma/client'
import { createDraft, submit, type Member } from '~/modules/applications/service.server'
import type { StaffActor } from '~/modules/review/service.server'
import { prisma } from '~/utils/db.server'
import { addAllDocuments, createCategories, createRulebooks } from './application-fixtures'
import { createUser, createWorld } from './request'

/**
 * A world for the review tests: an organisation with every document, two owners reading different languages, the
 * fixture catalogue and rulebooks, and the staff actors (two reviewers and an admin).
 */
export async function createReviewWorld(options: { ownerLocale?: Locale; secondOwnerLocale?: Locale } = {}) {
  const world = await createWorld()
  const categories = await createCategories()
  const rulebooks = await createRulebooks()
  await prisma.user.update({ where: { id: world.users.owner.id }, data: { locale: options.ownerLocale ?? 'fi' } })
  const secondOwner = await createUser({ name: 'Second owner' })
  await prisma.user.update({ where: { id: secondOwner.id }, data: { locale: options.secondOwnerLocale ?? 'sv' } })
  await prisma.membership.create({ data: { userId: secondOwner.id, organisationId: world.organisation.id, role: 'OWNER' } })
  await addAllDocuments(world.organisation.id, world.users.owner.id)
  const secondReviewerUser = await createUser({ staffRole: 'REVIEWER', name: 'Second reviewer' })
  const owner: Member = { id: world.users.owner.id, role: 'provider_owner', organisationId: world.organisation.id }
  const reviewer: StaffActor = { id: world.users.reviewer.id, role: 'staff_reviewer' }
  const secondReviewer: StaffActor = { id: secondReviewerUser.id, role: 'staff_reviewer' }
  const admin: StaffActor = { id: world.users.admin.id, role: 'staff_admin' }
  return { world, categories, rulebooks, owner, secondOwner, reviewer, secondReviewer, admin }
}

export type ReviewWorld = Awaited<ReturnType<typeof createReviewWorld>>

/** A draft for the categories, submitted by the owner (rulebook in force accepted). */
export async function submittedApplication(world: ReviewWorld, categoryIds: string[], now = new Date()): Promise<string> {
  const draft = await createDraft(world.owner, world.owner.organisationId, categoryIds)
  if (!draft.ok) throw new Error(`draft refused: ${draft.error}`)
  const submitted = await submit(world.owner, draft.applicationId, { acceptRulebookId: world.rulebooks.current.id }, now)
  if (!submitted.ok) throw new Error(`submission refused: ${submitted.error}`)
  return draft.applicationId
}

export async function versionOf(applicationId: string): Promise<number> {
  return (await prisma.registerApplication.findUniqueOrThrow({ where: { id: applicationId }, select: { version: true } })).version
}

/** Everything a review action may write about an application: used to show that a failed action wrote nothing. */
export async function reviewSnapshot(applicationId: string) {
  const application = await prisma.registerApplication.findUniqueOrThrow({
    where: { id: applicationId },
    select: {
      status: true,
      version: true,
      assignedToId: true,
      decidedAt: true,
      decisionReason: true,
      organisationId: true,
      categories: { select: { categoryId: true, decision: true, proposedById: true }, orderBy: { categoryId: 'asc' } },
    },
  })
  return {
    ...application,
    events: await prisma.applicationEvent.count({ where: { applicationId } }),
    sectionReviews: await prisma.applicationSectionReview.count({ where: { applicationId } }),
    audits: await prisma.auditEvent.count(),
    entries: await prisma.registerEntry.findMany({
      where: { organisationId: application.organisationId },
      select: { categoryId: true, status: true, applicationId: true },
      orderBy: { categoryId: 'asc' },
    }),
    outbox: await prisma.emailOutbox.count(),
  }
}
