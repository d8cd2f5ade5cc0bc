import type { LoaderFunctionArgs, ActionFunctionArgs } from '@remix-run/node'
import { beforeAll, describe, expect, it } from 'vitest'
import type { ApplicationStatus, CategoryDecision } from '~/generated/prisma/client'
import { submit, withdraw } from '~/modules/applications/service.server'
import { prisma } from '~/utils/db.server'
import { addDocument, createCategories, daysAgo } from '../../../tests/support/application-fixtures'
import { cookieForUser, createOrganisation, createUser, makeRequest, statusOf } from '../../../tests/support/request'
import { createReviewWorld, reviewSnapshot, submittedApplication, versionOf, type ReviewWorld } from '../../../tests/support/review-fixtures'
import { parseQueueFilters } from './schema'
import {
  checkSection,
  decideCategories,
  getReviewDetail,
  listQueue,
  rejectApplication,
  returnApplication,
  reviewDocument,
  staffOverview,
  takeApplication,
  type StaffActor,
} from './service.server'

const dayMs = 24 * 60 * 60 * 1000

async function outboxFor(applicationId: string, template: string) {
  const rows = await prisma.emailOutbox.findMany({
    where: { template, props: { path: ['link'], string_contains: '' } },
    orderBy: { createdAt: 'asc' },
  })
  // returned/rejected link to the application, approved to the register page: match on the organisation instead
  const application = await prisma.registerApplication.findUniqueOrThrow({ where: { id: applicationId }, select: { organisationId: true } })
  return rows.filter((row) => JSON.stringify(row.props).includes(application.organisationId))
}

/** Takes a submitted application into review for `actor`. */
async function take(applicationId: string, actor: StaffActor) {
  const result = await takeApplication({ actor, applicationId, expectedVersion: await versionOf(applicationId) })
  expect(result).toEqual({ ok: true })
}

// ─── The queue (first in the file: it counts every application of the database) ───

describe('the queue', () => {
  const now = new Date('2026-03-10T10:00:00Z')
  const at = (days: number) => new Date(now.getTime() - days * dayMs)
  const ids: Record<string, string> = {}
  let r1: StaffActor
  let categories: Awaited<ReturnType<typeof createCategories>>

  beforeAll(async () => {
    categories = await createCategories()
    const owner = await createUser({ name: 'Queue owner' })
    const reviewer1 = await createUser({ staffRole: 'REVIEWER', name: 'Reviewer One' })
    const reviewer2 = await createUser({ staffRole: 'REVIEWER', name: 'Reviewer Two' })
    r1 = { id: reviewer1.id, role: 'staff_reviewer' }
    await prisma.municipality.create({
      data: { code: '499', nameFi: 'Mustasaari', nameSv: 'Korsholm', officialLanguages: ['sv', 'fi'], latitude: 63.1, longitude: 21.7 },
    })
    const vaasa = await createOrganisation([{ userId: owner.id, role: 'OWNER' }])
    const korsholm = await createOrganisation([{ userId: owner.id, role: 'OWNER' }])
    await prisma.organisation.update({ where: { id: korsholm.id }, data: { municipalityCode: '499' } })
    const H = categories.homeCare.id
    const S = categories.supportServices.id

    const make = async (
      key: string,
      input: {
        organisationId: string
        status: ApplicationStatus
        categories: { id: string; decision?: CategoryDecision }[]
        submittedDaysAgo: number | null
        firstSubmittedDaysAgo?: number
        assignedToId?: string
      },
    ) => {
      const submittedAt = input.submittedDaysAgo === null ? null : at(input.submittedDaysAgo)
      const submissions = [input.firstSubmittedDaysAgo, input.submittedDaysAgo].filter((days): days is number => days !== undefined && days !== null)
      const application = await prisma.registerApplication.create({
        data: {
          organisationId: input.organisationId,
          status: input.status,
          createdById: owner.id,
          submittedAt,
          assignedToId: input.assignedToId ?? null,
          categories: { create: input.categories.map((c) => ({ categoryId: c.id, decision: c.decision ?? 'PENDING' })) },
          events: {
            create: [
              { fromStatus: null, toStatus: 'DRAFT', actorId: owner.id, createdAt: at(70) },
              ...submissions.map((days) => ({ fromStatus: 'DRAFT' as const, toStatus: 'SUBMITTED' as const, actorId: owner.id, createdAt: at(days) })),
            ],
          },
        },
      })
      ids[key] = application.id
    }
    await make('a1', { organisationId: vaasa.id, status: 'SUBMITTED', categories: [{ id: H }], submittedDaysAgo: 40 })
    await make('a2', { organisationId: korsholm.id, status: 'SUBMITTED', categories: [{ id: S }], submittedDaysAgo: 3, firstSubmittedDaysAgo: 20, assignedToId: reviewer1.id })
    await make('a3', { organisationId: vaasa.id, status: 'IN_REVIEW', categories: [{ id: H }, { id: S, decision: 'PROPOSED_APPROVE' }], submittedDaysAgo: 10, assignedToId: reviewer1.id })
    await make('a4', { organisationId: korsholm.id, status: 'RETURNED', categories: [{ id: H }], submittedDaysAgo: 16, assignedToId: reviewer2.id })
    await make('a5', { organisationId: vaasa.id, status: 'APPROVED', categories: [{ id: S, decision: 'APPROVED' }], submittedDaysAgo: 60, assignedToId: reviewer2.id })
    await make('a6', { organisationId: korsholm.id, status: 'REJECTED', categories: [{ id: H, decision: 'REJECTED' }], submittedDaysAgo: 50, assignedToId: reviewer1.id })
    await make('a7', { organisationId: vaasa.id, status: 'WITHDRAWN', categories: [{ id: S }], submittedDaysAgo: 5 })
    // never submitted: never in the queue
    await make('a8', { organisationId: vaasa.id, status: 'DRAFT', categories: [{ id: H }], submittedDaysAgo: null })
    await make('a9', { organisationId: korsholm.id, status: 'WITHDRAWN', categories: [{ id: S }], submittedDaysAgo: null })
  })

  const queue = (query: string, pageSize?: number) => listQueue({ actor: r1, filters: parseQueueFilters(new URLSearchParams(query)), now, pageSize })
  const idsOf = (rows: { id: string }[]) => rows.map((row) => Object.entries(ids).find(([, id]) => id === row.id)?.[0] ?? row.id)

  it('lists open applications, the longest waiting first, with counts per state', async () => {
    const result = await queue('')
    expect(idsOf(result.rows)).toEqual(['a1', 'a4', 'a3', 'a2'])
    expect(result.total).toBe(4)
    expect(result.counts).toEqual({ SUBMITTED: 2, IN_REVIEW: 1, RETURNED: 1, APPROVED: 1, REJECTED: 1, WITHDRAWN: 1 })
  })

  it('includes decided and withdrawn applications on request, and filters by one state', async () => {
    expect(idsOf((await queue('state=all')).rows)).toEqual(['a5', 'a6', 'a1', 'a4', 'a3', 'a7', 'a2'])
    expect(idsOf((await queue('state=RETURNED')).rows)).toEqual(['a4'])
    expect(idsOf((await queue('state=APPROVED')).rows)).toEqual(['a5'])
  })

  it('filters by category, municipality, waiting time, assignee and proposals; counts follow all but the state', async () => {
    const homeCare = await queue(`category=${categories.homeCare.id}`)
    expect(idsOf(homeCare.rows)).toEqual(['a1', 'a4', 'a3'])
    expect(homeCare.counts).toEqual({ SUBMITTED: 1, IN_REVIEW: 1, RETURNED: 1, APPROVED: 0, REJECTED: 1, WITHDRAWN: 0 })
    expect(idsOf((await queue('municipality=499')).rows)).toEqual(['a4', 'a2'])
    expect(idsOf((await queue('age=7')).rows)).toEqual(['a1', 'a4', 'a3'])
    expect(idsOf((await queue('age=14')).rows)).toEqual(['a1', 'a4'])
    expect(idsOf((await queue('age=30')).rows)).toEqual(['a1'])
    const mine = await queue('mine=on')
    expect(idsOf(mine.rows)).toEqual(['a3', 'a2'])
    expect(mine.counts).toEqual({ SUBMITTED: 1, IN_REVIEW: 1, RETURNED: 0, APPROVED: 0, REJECTED: 1, WITHDRAWN: 0 })
    expect(idsOf((await queue('mine=on&state=all')).rows)).toEqual(['a6', 'a3', 'a2'])
    expect(idsOf((await queue('proposed=on')).rows)).toEqual(['a3'])
    expect(idsOf((await queue(`state=all&category=${categories.supportServices.id}&municipality=905`)).rows)).toEqual(['a5', 'a3', 'a7'])
    expect((await queue('municipality=499&age=30')).rows).toEqual([])
  })

  it('pages the table and keeps to the last page', async () => {
    const first = await queue('', 2)
    expect([idsOf(first.rows), first.page, first.pageCount]).toEqual([['a1', 'a4'], 1, 2])
    expect(idsOf((await queue('page=2', 2)).rows)).toEqual(['a3', 'a2'])
    const beyond = await queue('page=5', 2)
    expect([idsOf(beyond.rows), beyond.page]).toEqual([['a3', 'a2'], 2])
  })

  it('gives each row what the table shows', async () => {
    const row = (await queue('municipality=499')).rows.find((candidate) => candidate.id === ids.a2)
    expect(row).toMatchObject({
      status: 'SUBMITTED',
      submittedAt: at(3),
      firstSubmittedAt: at(20),
      ageDays: 3,
      assignedTo: { name: 'Reviewer One' },
      organisation: { municipality: { code: '499', nameFi: 'Mustasaari', nameSv: 'Korsholm' } },
      categories: [{ id: categories.supportServices.id, nameFi: 'Kotihoidon tukipalvelut', nameSv: 'Stödtjänster inom hemvården' }],
    })
  })

  it('gives the staff front page its counts and the reviewer’s own queue', async () => {
    const overview = await staffOverview(r1)
    expect(overview.counts).toEqual({ SUBMITTED: 2, IN_REVIEW: 1, RETURNED: 1 })
    expect(overview.mine.map((application) => application.id)).toEqual([ids.a3])
    expect(overview.mineTotal).toBe(1)
    expect(overview.awaitingConfirmation).toBe(1)
    expect(overview.oldestSubmittedAt).toEqual(at(40))
  })
})

// ─── Actions ────────────────────────────────────────────────────────────────

describe('taking an application', () => {
  it('puts it in review, assigned to the reviewer, with an event and an audit event', async () => {
    const w = await createReviewWorld()
    const id = await submittedApplication(w, [w.categories.supportServices.id])
    const version = await versionOf(id)
    expect(await takeApplication({ actor: w.reviewer, applicationId: id, expectedVersion: version })).toEqual({ ok: true })
    const application = await prisma.registerApplication.findUniqueOrThrow({ where: { id } })
    expect(application).toMatchObject({ status: 'IN_REVIEW', assignedToId: w.reviewer.id, version: version + 1 })
    const event = await prisma.applicationEvent.findFirstOrThrow({ where: { applicationId: id, toStatus: 'IN_REVIEW' } })
    expect(event).toMatchObject({ fromStatus: 'SUBMITTED', actorId: w.reviewer.id })
    expect(await prisma.auditEvent.findFirstOrThrow({ where: { entityId: id, action: 'application.take' } })).toMatchObject({
      actorId: w.reviewer.id,
      before: { status: 'SUBMITTED', version, assignedToId: null },
      after: { status: 'IN_REVIEW', version: version + 1, assignedToId: w.reviewer.id },
    })
    // a stale page, and an application no longer waiting
    expect(await takeApplication({ actor: w.secondReviewer, applicationId: id, expectedVersion: version })).toEqual({ ok: false, error: 'conflict' })
    expect(await takeApplication({ actor: w.secondReviewer, applicationId: id, expectedVersion: version + 1 })).toEqual({
      ok: false,
      error: 'wrongStatus',
      status: 'IN_REVIEW',
    })
  })

  it('is refused to providers and for drafts', async () => {
    const w = await createReviewWorld()
    const id = await submittedApplication(w, [w.categories.supportServices.id])
    const provider: StaffActor = { id: w.owner.id, role: 'provider_owner' }
    expect(await takeApplication({ actor: provider, applicationId: id, expectedVersion: await versionOf(id) })).toEqual({ ok: false, error: 'forbidden' })
    const draft = await prisma.registerApplication.create({
      data: { organisationId: w.world.organisation.id, createdById: w.owner.id, categories: { create: [{ categoryId: w.categories.homeCare.id }] } },
    })
    expect(await takeApplication({ actor: w.reviewer, applicationId: draft.id, expectedVersion: 0 })).toEqual({ ok: false, error: 'notFound' })
    expect(await getReviewDetail(draft.id)).toBeNull()
  })

  it('lets exactly one of two reviewers acting at once win; the other is told someone else changed it', async () => {
    const w = await createReviewWorld()
    const id = await submittedApplication(w, [w.categories.supportServices.id])
    const version = await versionOf(id)
    const results = await Promise.all([
      takeApplication({ actor: w.reviewer, applicationId: id, expectedVersion: version }),
      takeApplication({ actor: w.secondReviewer, applicationId: id, expectedVersion: version }),
    ])
    expect(results.filter((result) => result.ok)).toHaveLength(1)
    expect(results.filter((result) => !result.ok)).toEqual([{ ok: false, error: 'conflict' }])
    const winner = results[0]?.ok ? w.reviewer : w.secondReviewer
    expect(await prisma.registerApplication.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: 'IN_REVIEW', assignedToId: winner.id, version: version + 1 })
    expect(await prisma.applicationEvent.count({ where: { applicationId: id, toStatus: 'IN_REVIEW' } })).toBe(1)
  })
})

describe('checking sections and documents', () => {
  it('marks sections checked and accepts or rejects the documents in use', async () => {
    const w = await createReviewWorld()
    const id = await submittedApplication(w, [w.categories.supportServices.id])
    expect(await checkSection({ actor: w.reviewer, applicationId: id, expectedVersion: await versionOf(id), section: 'organisation' })).toEqual({
      ok: false,
      error: 'wrongStatus',
      status: 'SUBMITTED',
    })
    await take(id, w.reviewer)
    expect(await checkSection({ actor: w.reviewer, applicationId: id, expectedVersion: await versionOf(id), section: 'organisation' })).toEqual({ ok: true })
    // support services do not need a Soteri registration
    expect(
      await checkSection({ actor: w.reviewer, applicationId: id, expectedVersion: await versionOf(id), section: 'documents:SOTERI_REGISTRATION' }),
    ).toEqual({ ok: false, error: 'unknownSection' })
    expect(await prisma.applicationSectionReview.findMany({ where: { applicationId: id }, select: { section: true, status: true, reviewerId: true } })).toEqual([
      { section: 'organisation', status: 'CHECKED', reviewerId: w.reviewer.id },
    ])

    const tax = await prisma.complianceDocument.findFirstOrThrow({ where: { organisationId: w.world.organisation.id, documentTypeCode: 'TAX_DEBT_CERTIFICATE' } })
    const trade = await prisma.complianceDocument.findFirstOrThrow({ where: { organisationId: w.world.organisation.id, documentTypeCode: 'TRADE_REGISTER_EXTRACT' } })
    const accepted = await reviewDocument({ actor: w.reviewer, applicationId: id, expectedVersion: await versionOf(id), documentId: trade.id, decision: 'accept' })
    expect(accepted).toEqual({ ok: true })
    expect(await prisma.complianceDocument.findUniqueOrThrow({ where: { id: trade.id } })).toMatchObject({ status: 'ACCEPTED', reviewedById: w.reviewer.id, rejectionReason: null })
    expect(await prisma.applicationSectionReview.count({ where: { applicationId: id, section: 'documents:TRADE_REGISTER_EXTRACT', status: 'CHECKED' } })).toBe(1)

    expect(await reviewDocument({ actor: w.reviewer, applicationId: id, expectedVersion: await versionOf(id), documentId: tax.id, decision: 'reject' })).toEqual({
      ok: false,
      error: 'reasonRequired',
    })
    expect(
      await reviewDocument({ actor: w.reviewer, applicationId: id, expectedVersion: await versionOf(id), documentId: tax.id, decision: 'reject', reason: 'Utfärdat för ett annat FO-nummer.' }),
    ).toEqual({ ok: true })
    expect(await prisma.complianceDocument.findUniqueOrThrow({ where: { id: tax.id } })).toMatchObject({
      status: 'REJECTED',
      reviewedById: w.reviewer.id,
      rejectionReason: 'Utfärdat för ett annat FO-nummer.',
    })
    expect(await prisma.auditEvent.findFirstOrThrow({ where: { entityId: tax.id, action: 'document.reject' } })).toMatchObject({
      actorId: w.reviewer.id,
      before: { status: 'PENDING' },
      after: { status: 'REJECTED', rejectionReason: 'Utfärdat för ett annat FO-nummer.' },
    })
    // another organisation's document is not reachable from this application
    const other = await addDocument(w.world.otherOrganisation.id, w.owner.id, 'TRADE_REGISTER_EXTRACT')
    expect(await reviewDocument({ actor: w.reviewer, applicationId: id, expectedVersion: await versionOf(id), documentId: other.id, decision: 'accept' })).toEqual({
      ok: false,
      error: 'documentNotFound',
    })
    // a rejected document stops the approval of the category that requires it
    expect(await decideCategories({ actor: w.reviewer, applicationId: id, expectedVersion: await versionOf(id), approveCategoryIds: [w.categories.supportServices.id] })).toMatchObject({
      ok: false,
      error: 'documentsNotValid',
      problems: [{ code: 'TAX_DEBT_CERTIFICATE', validity: 'rejected' }],
    })

    const detail = await getReviewDetail(id)
    expect(detail?.sections.map((section) => [section.section, section.status])).toEqual([
      ['organisation', 'CHECKED'],
      ['documents:TRADE_REGISTER_EXTRACT', 'CHECKED'],
      ['documents:TAX_DEBT_CERTIFICATE', null],
      ['documents:LIABILITY_INSURANCE', null],
      ['documents:OCCUPATIONAL_HEALTHCARE', null],
      ['categories', null],
      ['rulebook', null],
    ])
    expect(detail?.checklist.find((item) => item.code === 'TAX_DEBT_CERTIFICATE')).toMatchObject({
      validity: 'rejected',
      document: { id: tax.id, status: 'REJECTED', rejectionReason: 'Utfärdat för ett annat FO-nummer.', reviewedBy: { name: 'Reviewer' } },
    })
  })
})

describe('the whole journey: return, resubmit, approve some', () => {
  let w: ReviewWorld
  let id: string

  beforeAll(async () => {
    w = await createReviewWorld({ ownerLocale: 'fi', secondOwnerLocale: 'en' })
    id = await submittedApplication(w, [w.categories.homeCare.id, w.categories.supportServices.id])
    await take(id, w.reviewer)
  })

  it('returns with a reason per section: RETURNED, section rows, event, audit and email in each owner’s language', async () => {
    const version = await versionOf(id)
    expect(await returnApplication({ actor: w.reviewer, applicationId: id, expectedVersion: version, sections: [{ section: 'organisation', reason: '  ' }] })).toEqual({
      ok: false,
      error: 'reasonRequired',
    })
    expect(
      await returnApplication({ actor: w.reviewer, applicationId: id, expectedVersion: version, sections: [{ section: 'documents:NO_SUCH_TYPE', reason: 'x' }] }),
    ).toEqual({ ok: false, error: 'unknownSection' })
    // a proposal made before the return is cleared by it
    await prisma.applicationCategory.update({
      where: { applicationId_categoryId: { applicationId: id, categoryId: w.categories.homeCare.id } },
      data: { decision: 'PROPOSED_APPROVE', proposedById: w.reviewer.id, proposedAt: new Date() },
    })
    const result = await returnApplication({
      actor: w.reviewer,
      applicationId: id,
      expectedVersion: version,
      sections: [
        { section: 'documents:TAX_DEBT_CERTIFICATE', reason: 'Intyget är äldre än tre månader.' },
        { section: 'rulebook', reason: '' },
        { section: 'organisation', reason: 'Adressen saknar postnummer.' },
      ],
    })
    expect(result).toEqual({ ok: true })
    const application = await prisma.registerApplication.findUniqueOrThrow({ where: { id }, include: { categories: true } })
    expect(application).toMatchObject({ status: 'RETURNED', version: version + 1 })
    expect(application.categories.every((c) => c.decision === 'PENDING' && c.proposedById === null)).toBe(true)
    const rows = await prisma.applicationSectionReview.findMany({ where: { applicationId: id, status: 'RETURNED' }, orderBy: { section: 'asc' } })
    expect(rows.map((row) => [row.section, row.reason, row.reviewerId])).toEqual([
      ['documents:TAX_DEBT_CERTIFICATE', 'Intyget är äldre än tre månader.', w.reviewer.id],
      ['organisation', 'Adressen saknar postnummer.', w.reviewer.id],
    ])
    expect(await prisma.applicationEvent.count({ where: { applicationId: id, toStatus: 'RETURNED', actorId: w.reviewer.id } })).toBe(1)
    expect(await prisma.auditEvent.findFirstOrThrow({ where: { entityId: id, action: 'application.return' } })).toMatchObject({
      actorId: w.reviewer.id,
      before: { status: 'IN_REVIEW', decisions: { [w.categories.homeCare.code]: 'PROPOSED_APPROVE' } },
      after: { status: 'RETURNED' },
    })

    const emails = await outboxFor(id, 'application-returned')
    expect(emails.map((email) => [email.toAddress, email.locale])).toEqual([
      [w.world.users.owner.email, 'fi'],
      [w.secondOwner.email, 'en'],
    ])
    expect(emails[0]?.props).toMatchObject({
      values: { organisation: w.world.organisation.name },
      items: ['Organisaation tiedot: Adressen saknar postnummer.', 'Asiakirja: Verovelkatodistus: Intyget är äldre än tre månader.'],
    })
    expect((emails[1]?.props as { items: string[] }).items).toEqual([
      'Organisation details: Adressen saknar postnummer.',
      'Document: Tax debt certificate: Intyget är äldre än tre månader.',
    ])
  })

  it('approves some categories after the resubmission: APPROVED, entries for exactly those, email', async () => {
    // an earlier entry for home care was removed: the approval reactivates it
    const removed = await prisma.registerEntry.create({
      data: {
        organisationId: w.world.organisation.id,
        categoryId: w.categories.homeCare.id,
        status: 'REMOVED',
        validFrom: daysAgo(400),
        statusReason: 'Ended by the provider',
      },
    })
    expect(await submit(w.owner, id, { acceptRulebookId: w.rulebooks.current.id })).toEqual({ ok: true })
    expect((await prisma.registerApplication.findUniqueOrThrow({ where: { id } })).status).toBe('SUBMITTED')
    await take(id, w.secondReviewer)

    const version = await versionOf(id)
    expect(
      await decideCategories({ actor: w.secondReviewer, applicationId: id, expectedVersion: version, approveCategoryIds: [w.categories.homeCare.id] }),
    ).toEqual({ ok: false, error: 'reasonRequired' })
    expect(
      await decideCategories({ actor: w.secondReviewer, applicationId: id, expectedVersion: version, approveCategoryIds: [w.categories.closed.id] }),
    ).toEqual({ ok: false, error: 'notDecidable', categoryIds: [w.categories.closed.id] })
    const now = new Date()
    const result = await decideCategories({
      actor: w.secondReviewer,
      applicationId: id,
      expectedVersion: version,
      approveCategoryIds: [w.categories.homeCare.id],
      reason: 'Stödtjänsterna saknar en ansvarsperson.',
      now,
    })
    expect(result).toMatchObject({ ok: true, outcome: 'APPROVED' })

    const application = await prisma.registerApplication.findUniqueOrThrow({ where: { id }, include: { categories: true } })
    expect(application).toMatchObject({ status: 'APPROVED', decidedAt: now, decisionReason: 'Stödtjänsterna saknar en ansvarsperson.', version: version + 1 })
    expect(Object.fromEntries(application.categories.map((c) => [c.categoryId, c.decision]))).toEqual({
      [w.categories.homeCare.id]: 'APPROVED',
      [w.categories.supportServices.id]: 'REJECTED',
    })
    const entries = await prisma.registerEntry.findMany({ where: { organisationId: w.world.organisation.id } })
    expect(entries).toHaveLength(1)
    expect(entries[0]).toMatchObject({
      id: removed.id,
      categoryId: w.categories.homeCare.id,
      status: 'ACTIVE',
      applicationId: id,
      decidedById: w.secondReviewer.id,
      decidedAt: now,
      statusReason: null,
    })
    expect(entries[0]?.validFrom.toISOString().slice(0, 10)).toBe(new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Helsinki' }).format(now))
    expect(await prisma.applicationEvent.findFirstOrThrow({ where: { applicationId: id, toStatus: 'APPROVED' } })).toMatchObject({
      fromStatus: 'IN_REVIEW',
      actorId: w.secondReviewer.id,
    })
    expect(await prisma.auditEvent.findFirstOrThrow({ where: { entityId: removed.id, action: 'register-entry.reactivate' } })).toMatchObject({
      actorId: w.secondReviewer.id,
      before: { status: 'REMOVED' },
      after: { status: 'ACTIVE', applicationId: id },
    })
    expect(await prisma.auditEvent.findFirstOrThrow({ where: { entityId: id, action: 'application.approve' } })).toMatchObject({
      after: { status: 'APPROVED', approved: [w.categories.homeCare.code], rejected: [w.categories.supportServices.code] },
    })

    const emails = await outboxFor(id, 'application-approved')
    expect(emails.map((email) => [email.toAddress, email.locale])).toEqual([
      [w.world.users.owner.email, 'fi'],
      [w.secondOwner.email, 'en'],
    ])
    expect(emails[0]?.props).toMatchObject({
      values: { organisation: w.world.organisation.name, categories: 'Kotihoito' },
      items: ['Kotihoidon tukipalvelut: ei hyväksytty. Perustelu: Stödtjänsterna saknar en ansvarsperson.'],
      link: expect.stringMatching(new RegExp(`/provider/${w.world.organisation.id}/register$`)) as unknown,
    })
    expect(emails[1]?.props).toMatchObject({ values: { categories: 'Home care' } })

    // decided: nothing more can be done
    expect(await rejectApplication({ actor: w.admin, applicationId: id, expectedVersion: version + 1, reason: 'x' })).toEqual({
      ok: false,
      error: 'wrongStatus',
      status: 'APPROVED',
    })
  })

  it('shows the whole history with names on the review page', async () => {
    const detail = await getReviewDetail(id)
    const history = detail?.history.map((event) => [event.fromStatus, event.toStatus, event.actor?.name]) ?? []
    // the draft and its submission are made within a millisecond here: their order is not the point
    expect(history.slice(0, 2)).toEqual(
      expect.arrayContaining([
        [null, 'DRAFT', 'Owner'],
        ['DRAFT', 'SUBMITTED', 'Owner'],
      ]),
    )
    expect(history.slice(2)).toEqual([
      ['SUBMITTED', 'IN_REVIEW', 'Reviewer'],
      ['IN_REVIEW', 'RETURNED', 'Reviewer'],
      ['RETURNED', 'SUBMITTED', 'Owner'],
      ['SUBMITTED', 'IN_REVIEW', 'Second reviewer'],
      ['IN_REVIEW', 'APPROVED', 'Second reviewer'],
    ])
    expect(detail?.sectionReviews.filter((review) => review.status === 'RETURNED')).toHaveLength(2)
    expect(detail?.application.rulebook?.version).toBe('2025-1')
    expect(detail?.categories.map((category) => [category.code, category.decision])).toEqual([
      [w.categories.homeCare.code, 'APPROVED'],
      [w.categories.supportServices.code, 'REJECTED'],
    ])
  })
})

describe('rejecting', () => {
  it('rejects the whole application with a reason: REJECTED, no entries, email with the reason', async () => {
    const w = await createReviewWorld({ ownerLocale: 'sv', secondOwnerLocale: 'fi' })
    const id = await submittedApplication(w, [w.categories.supportServices.id, w.categories.homeCare.id])
    await take(id, w.reviewer)
    const version = await versionOf(id)
    expect(await rejectApplication({ actor: w.reviewer, applicationId: id, expectedVersion: version, reason: ' ' })).toEqual({ ok: false, error: 'reasonRequired' })
    const result = await rejectApplication({ actor: w.reviewer, applicationId: id, expectedVersion: version, reason: 'Verksamheten har inte inletts.' })
    expect(result).toMatchObject({ ok: true, outcome: 'REJECTED' })
    const application = await prisma.registerApplication.findUniqueOrThrow({ where: { id }, include: { categories: true } })
    expect(application).toMatchObject({ status: 'REJECTED', decisionReason: 'Verksamheten har inte inletts.' })
    expect(application.categories.map((c) => c.decision)).toEqual(['REJECTED', 'REJECTED'])
    expect(await prisma.registerEntry.count({ where: { organisationId: w.world.organisation.id } })).toBe(0)
    const emails = await outboxFor(id, 'application-rejected')
    expect(emails.map((email) => email.locale)).toEqual(['sv', 'fi'])
    expect(emails[0]?.props).toMatchObject({
      values: { reason: 'Verksamheten har inte inletts.', categories: 'Hemvård, Stödtjänster inom hemvården' },
    })
    expect(await prisma.applicationEvent.findFirstOrThrow({ where: { applicationId: id, toStatus: 'REJECTED' } })).toMatchObject({
      actorId: w.reviewer.id,
      note: 'Verksamheten har inte inletts.',
    })
    expect(await prisma.auditEvent.count({ where: { entityId: id, action: 'application.reject' } })).toBe(1)
  })
})

describe('two-step review', () => {
  async function twoStepWorld() {
    const w = await createReviewWorld()
    await prisma.serviceCategory.update({ where: { id: w.categories.homeCare.id }, data: { reviewMode: 'TWO_STEP' } })
    const id = await submittedApplication(w, [w.categories.homeCare.id, w.categories.supportServices.id])
    await take(id, w.reviewer)
    return { w, id }
  }

  it('a reviewer’s decision on a TWO_STEP category is a proposal: the application stays in review with no entries and no email', async () => {
    const { w, id } = await twoStepWorld()
    const outboxBefore = await prisma.emailOutbox.count()
    const result = await decideCategories({
      actor: w.reviewer,
      applicationId: id,
      expectedVersion: await versionOf(id),
      approveCategoryIds: [w.categories.homeCare.id, w.categories.supportServices.id],
      reason: 'Allt i skick.',
    })
    expect(result).toMatchObject({ ok: true, outcome: 'PENDING' })
    const application = await prisma.registerApplication.findUniqueOrThrow({ where: { id }, include: { categories: true } })
    expect(application.status).toBe('IN_REVIEW')
    expect(application.decidedAt).toBeNull()
    const homeCare = application.categories.find((c) => c.categoryId === w.categories.homeCare.id)
    expect(homeCare).toMatchObject({ decision: 'PROPOSED_APPROVE', proposedById: w.reviewer.id, proposalNote: 'Allt i skick.' })
    expect(homeCare?.proposedAt).toBeInstanceOf(Date)
    expect(application.categories.find((c) => c.categoryId === w.categories.supportServices.id)?.decision).toBe('APPROVED')
    expect(await prisma.registerEntry.count({ where: { organisationId: w.world.organisation.id } })).toBe(0)
    expect(await prisma.emailOutbox.count()).toBe(outboxBefore)
    expect(await prisma.auditEvent.findFirstOrThrow({ where: { entityId: id, action: 'application.decide-categories' } })).toMatchObject({
      actorId: w.reviewer.id,
      after: { decisions: { [w.categories.homeCare.code]: 'PROPOSED_APPROVE', [w.categories.supportServices.code]: 'APPROVED' } },
    })

    // the admin confirms: every category is decided, the application approved
    const confirmed = await decideCategories({ actor: w.admin, applicationId: id, expectedVersion: await versionOf(id), approveCategoryIds: [w.categories.homeCare.id] })
    expect(confirmed).toMatchObject({ ok: true, outcome: 'APPROVED', changes: [{ categoryId: w.categories.homeCare.id, from: 'PROPOSED_APPROVE', to: 'APPROVED' }] })
    const after = await prisma.registerApplication.findUniqueOrThrow({ where: { id }, include: { categories: true } })
    expect(after.status).toBe('APPROVED')
    // who proposed stays on record beside who decided
    expect(after.categories.find((c) => c.categoryId === w.categories.homeCare.id)).toMatchObject({ decision: 'APPROVED', proposedById: w.reviewer.id })
    const entries = await prisma.registerEntry.findMany({ where: { organisationId: w.world.organisation.id }, orderBy: { categoryId: 'asc' } })
    expect(entries.map((entry) => [entry.categoryId, entry.status, entry.decidedById])).toEqual(
      [
        [w.categories.homeCare.id, 'ACTIVE', w.admin.id],
        [w.categories.supportServices.id, 'ACTIVE', w.admin.id],
      ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    )
    expect(await prisma.applicationEvent.findFirstOrThrow({ where: { applicationId: id, toStatus: 'APPROVED' } })).toMatchObject({ actorId: w.admin.id })
    expect((await outboxFor(id, 'application-approved')).length).toBe(2)
  })

  it('an admin overturns a proposal with a reason', async () => {
    const { w, id } = await twoStepWorld()
    await decideCategories({
      actor: w.reviewer,
      applicationId: id,
      expectedVersion: await versionOf(id),
      approveCategoryIds: [w.categories.homeCare.id, w.categories.supportServices.id],
    })
    expect(await decideCategories({ actor: w.admin, applicationId: id, expectedVersion: await versionOf(id), approveCategoryIds: [] })).toEqual({
      ok: false,
      error: 'reasonRequired',
    })
    const result = await decideCategories({ actor: w.admin, applicationId: id, expectedVersion: await versionOf(id), approveCategoryIds: [], reason: 'Ingen Soteri-registrering för hemvård.' })
    expect(result).toMatchObject({ ok: true, outcome: 'APPROVED' })
    const entries = await prisma.registerEntry.findMany({ where: { organisationId: w.world.organisation.id } })
    expect(entries.map((entry) => entry.categoryId)).toEqual([w.categories.supportServices.id])
  })

  it('a reviewer rejecting the whole application proposes the rejection of TWO_STEP categories; an admin acting alone decides directly', async () => {
    const { w, id } = await twoStepWorld()
    const proposed = await rejectApplication({ actor: w.reviewer, applicationId: id, expectedVersion: await versionOf(id), reason: 'Ofullständig.' })
    expect(proposed).toMatchObject({ ok: true, outcome: 'PENDING' })
    const application = await prisma.registerApplication.findUniqueOrThrow({ where: { id }, include: { categories: true } })
    expect(application.status).toBe('IN_REVIEW')
    expect(Object.fromEntries(application.categories.map((c) => [c.categoryId, c.decision]))).toEqual({
      [w.categories.homeCare.id]: 'PROPOSED_REJECT',
      [w.categories.supportServices.id]: 'REJECTED',
    })

    const { w: w2, id: id2 } = await twoStepWorld()
    const direct = await decideCategories({ actor: w2.admin, applicationId: id2, expectedVersion: await versionOf(id2), approveCategoryIds: [w2.categories.homeCare.id, w2.categories.supportServices.id] })
    expect(direct).toMatchObject({ ok: true, outcome: 'APPROVED' })
    expect(await prisma.registerEntry.count({ where: { organisationId: w2.world.organisation.id, status: 'ACTIVE' } })).toBe(2)
  })

  it('two admins confirming at once: one decision, one set of entries and emails', async () => {
    const { w, id } = await twoStepWorld()
    await decideCategories({
      actor: w.reviewer,
      applicationId: id,
      expectedVersion: await versionOf(id),
      approveCategoryIds: [w.categories.homeCare.id, w.categories.supportServices.id],
    })
    const secondAdminUser = await createUser({ staffRole: 'ADMIN', name: 'Second admin' })
    const secondAdmin: StaffActor = { id: secondAdminUser.id, role: 'staff_admin' }
    const version = await versionOf(id)
    const results = await Promise.all([
      decideCategories({ actor: w.admin, applicationId: id, expectedVersion: version, approveCategoryIds: [w.categories.homeCare.id] }),
      decideCategories({ actor: secondAdmin, applicationId: id, expectedVersion: version, approveCategoryIds: [], reason: 'Nej.' }),
    ])
    expect(results.filter((result) => result.ok)).toHaveLength(1)
    expect(results.filter((result) => !result.ok)).toEqual([{ ok: false, error: 'conflict' }])
    expect(await prisma.applicationEvent.count({ where: { applicationId: id, toStatus: 'APPROVED' } })).toBe(1)
    expect((await outboxFor(id, 'application-approved')).length).toBe(2)
  })
})

describe('all or nothing', () => {
  it('a decision whose email cannot be queued leaves nothing written', async () => {
    const w = await createReviewWorld()
    const id = await submittedApplication(w, [w.categories.homeCare.id, w.categories.supportServices.id])
    await take(id, w.reviewer)
    const before = await reviewSnapshot(id)
    const failing = {
      notifyOwners: async () => {
        throw new Error('outbox unavailable')
      },
    }
    await expect(
      decideCategories(
        { actor: w.reviewer, applicationId: id, expectedVersion: before.version, approveCategoryIds: [w.categories.homeCare.id, w.categories.supportServices.id] },
        failing,
      ),
    ).rejects.toThrow('outbox unavailable')
    expect(await reviewSnapshot(id)).toEqual(before)
    await expect(
      returnApplication({ actor: w.reviewer, applicationId: id, expectedVersion: before.version, sections: [{ section: 'organisation', reason: 'x' }] }, failing),
    ).rejects.toThrow('outbox unavailable')
    expect(await reviewSnapshot(id)).toEqual(before)
    // the same decision succeeds with the real outbox
    expect(
      await decideCategories({ actor: w.reviewer, applicationId: id, expectedVersion: before.version, approveCategoryIds: [w.categories.homeCare.id, w.categories.supportServices.id] }),
    ).toMatchObject({ ok: true, outcome: 'APPROVED' })
  })

  it('a refused decision writes nothing either', async () => {
    const w = await createReviewWorld()
    const id = await submittedApplication(w, [w.categories.supportServices.id])
    await take(id, w.reviewer)
    const before = await reviewSnapshot(id)
    expect(await decideCategories({ actor: w.reviewer, applicationId: id, expectedVersion: before.version - 1, approveCategoryIds: [] })).toEqual({ ok: false, error: 'conflict' })
    expect(await decideCategories({ actor: w.reviewer, applicationId: id, expectedVersion: before.version, approveCategoryIds: [] })).toEqual({ ok: false, error: 'reasonRequired' })
    expect(await reviewSnapshot(id)).toEqual(before)
    // the applicant withdraws while the reviewer has the page open
    expect(await withdraw(w.owner, id)).toEqual({ ok: true })
    expect(await decideCategories({ actor: w.reviewer, applicationId: id, expectedVersion: before.version, approveCategoryIds: [w.categories.supportServices.id] })).toEqual({
      ok: false,
      error: 'conflict',
    })
  })
})

// ─── The review page (route access: every persona) ───────────────────────────

type RouteModule = {
  loader: (args: LoaderFunctionArgs) => Promise<unknown>
  action: (args: ActionFunctionArgs) => Promise<unknown>
}

describe('the review page', () => {
  it('is open to reviewers and admins only, and opening it writes no audit event', async () => {
    const w = await createReviewWorld()
    const id = await submittedApplication(w, [w.categories.supportServices.id])
    const route = (await import('~/routes/staff.applications.$applicationId')) as unknown as RouteModule
    const path = `/staff/applications/${id}`
    const params = { applicationId: id }
    const cookies = {
      reviewer: await cookieForUser(w.reviewer.id),
      admin: await cookieForUser(w.admin.id),
      owner: await cookieForUser(w.owner.id),
      editor: await cookieForUser(w.world.users.editor.id),
      otherProvider: await cookieForUser(w.world.users.otherProvider.id),
    }
    const auditsBefore = await prisma.auditEvent.count()
    for (const persona of ['reviewer', 'admin'] as const) {
      const result = await statusOf(() => route.loader({ request: makeRequest(path, { cookie: cookies[persona] }), params, context: {} }))
      expect(result.status, persona).toBe(200)
    }
    expect(await prisma.auditEvent.count()).toBe(auditsBefore)
    for (const persona of ['owner', 'editor', 'otherProvider'] as const) {
      expect((await statusOf(() => route.loader({ request: makeRequest(path, { cookie: cookies[persona] }), params, context: {} }))).status, persona).toBe(403)
      expect(
        (await statusOf(() => route.action({ request: makeRequest(path, { cookie: cookies[persona], form: { intent: 'take', version: '1' } }), params, context: {} })))
          .status,
        persona,
      ).toBe(403)
    }
    for (const kind of ['loader', 'action'] as const) {
      const request = makeRequest(path, kind === 'action' ? { form: { intent: 'take', version: '1' } } : {})
      const result = await statusOf(() => route[kind]({ request, params, context: {} }))
      expect(result).toEqual({ status: 302, location: `/login?${new URLSearchParams({ redirectTo: path })}` })
    }
    // an unknown application
    expect((await statusOf(() => route.loader({ request: makeRequest('/staff/applications/nope', { cookie: cookies.reviewer }), params: { applicationId: 'nope' }, context: {} }))).status).toBe(404)
  })

  it('takes the application through the form, and tells a second reviewer with a stale page about the conflict', async () => {
    const w = await createReviewWorld()
    const id = await submittedApplication(w, [w.categories.supportServices.id])
    const route = (await import('~/routes/staff.applications.$applicationId')) as unknown as RouteModule
    const path = `/staff/applications/${id}`
    const version = String(await versionOf(id))
    const reviewerCookie = await cookieForUser(w.reviewer.id)
    const first = await statusOf(() =>
      route.action({ request: makeRequest(path, { cookie: reviewerCookie, form: { intent: 'take', version } }), params: { applicationId: id }, context: {} }),
    )
    expect(first).toEqual({ status: 302, location: path })
    const second = (await route.action({
      request: makeRequest(path, { cookie: await cookieForUser(w.secondReviewer.id), form: { intent: 'take', version } }),
      params: { applicationId: id },
      context: {},
    })) as { data: { problems: unknown[] }; init: { status: number } }
    expect(second.init.status).toBe(409)
    expect(second.data.problems).toEqual([{ kind: 'message', key: 'review:errors.conflict' }])
    // a rejection without a reason is an error on the field
    const reject = (await route.action({
      request: makeRequest(path, { cookie: await cookieForUser(w.reviewer.id), form: { intent: 'reject', version: String(await versionOf(id)) } }),
      params: { applicationId: id },
      context: {},
    })) as { data: { form: string; result: { error: Record<string, string[]> } }; init: { status: number } }
    expect(reject.init.status).toBe(400)
    expect(reject.data.form).toBe('reject')
    expect(reject.data.result.error.reason).toEqual(['review:errors.reasonRequired'])
  })
})
