import { beforeAll, describe, expect, it } from 'vitest'
import { prisma } from '~/utils/db.server'
import { addAllDocuments, addDocument, createCategories, createRulebooks, daysAgo } from '../../../tests/support/application-fixtures'
import { createUser, createWorld, makeRequest, statusOf } from '../../../tests/support/request'
import { listRegisterEntries } from '../register/service.server'
import {
  createDraft,
  getApplication,
  latestReturn,
  listApplications,
  listCategoryChoices,
  submit,
  updateDraft,
  withdraw,
  type Member,
} from './service.server'

type World = Awaited<ReturnType<typeof createWorld>>
type Rulebooks = Awaited<ReturnType<typeof createRulebooks>>

let rulebooks: Rulebooks

beforeAll(async () => {
  rulebooks = await createRulebooks()
})

function membersOf(world: World) {
  const owner: Member = { id: world.users.owner.id, role: 'provider_owner', organisationId: world.organisation.id }
  const editor: Member = { id: world.users.editor.id, role: 'provider_editor', organisationId: world.organisation.id }
  return { owner, editor }
}

/** A world with the catalogue, a second owner (English) and the first owner reading Finnish. */
async function setup() {
  const world = await createWorld()
  const categories = await createCategories()
  await prisma.user.update({ where: { id: world.users.owner.id }, data: { locale: 'fi' } })
  const secondOwner = await createUser({ name: 'Second owner' })
  await prisma.user.update({ where: { id: secondOwner.id }, data: { locale: 'en' } })
  await prisma.membership.create({ data: { userId: secondOwner.id, organisationId: world.organisation.id, role: 'OWNER' } })
  return { world, categories, secondOwner, ...membersOf(world) }
}

async function draftFor(member: Member, categoryIds: string[]) {
  const result = await createDraft(member, member.organisationId, categoryIds)
  if (!result.ok) throw new Error(`draft refused: ${result.error}`)
  return result.applicationId
}

async function snapshot(applicationId: string) {
  const application = await prisma.registerApplication.findUniqueOrThrow({ where: { id: applicationId } })
  return {
    status: application.status,
    version: application.version,
    rulebookId: application.rulebookId,
    submittedAt: application.submittedAt,
    events: await prisma.applicationEvent.count({ where: { applicationId } }),
    audits: await prisma.auditEvent.count({ where: { entityId: applicationId } }),
  }
}

describe('drafts', () => {
  it('creates a draft with its categories, a DRAFT event and an audit event', async () => {
    const { categories, owner } = await setup()
    const id = await draftFor(owner, [categories.homeCare.id, categories.supportServices.id])
    const application = await prisma.registerApplication.findUniqueOrThrow({ where: { id }, include: { categories: true, events: true } })
    expect(application).toMatchObject({ status: 'DRAFT', version: 0, createdById: owner.id })
    expect(application.categories.map((c) => c.categoryId).sort()).toEqual([categories.homeCare.id, categories.supportServices.id].sort())
    expect(application.events).toMatchObject([{ fromStatus: null, toStatus: 'DRAFT', actorId: owner.id }])
    expect(await prisma.auditEvent.findFirst({ where: { entityId: id, action: 'application.create' } })).toMatchObject({ actorId: owner.id })
  })

  it('refuses inactive categories, categories already in the register and categories in an open application', async () => {
    const { world, categories, owner, editor } = await setup()
    expect(await createDraft(owner, world.organisation.id, [])).toEqual({ ok: false, error: 'noCategories' })
    expect(await createDraft(owner, world.organisation.id, [categories.closed.id, 'no-such-category'])).toEqual({
      ok: false,
      error: 'categoriesUnavailable',
      blocked: expect.arrayContaining([
        { categoryId: categories.closed.id, reason: 'inactive' },
        { categoryId: 'no-such-category', reason: 'inactive' },
      ]) as unknown,
    })
    const open = await draftFor(owner, [categories.supportServices.id])
    expect(await createDraft(editor, world.organisation.id, [categories.supportServices.id])).toEqual({
      ok: false,
      error: 'categoriesUnavailable',
      blocked: [{ categoryId: categories.supportServices.id, reason: 'openApplication', applicationId: open }],
    })
    await prisma.registerEntry.create({
      data: { organisationId: world.organisation.id, categoryId: categories.homeCare.id, validFrom: daysAgo(100) },
    })
    expect(await createDraft(owner, world.organisation.id, [categories.homeCare.id])).toEqual({
      ok: false,
      error: 'categoriesUnavailable',
      blocked: [{ categoryId: categories.homeCare.id, reason: 'inRegister' }],
    })
    // the "new application" page shows why
    const choices = await listCategoryChoices(world.organisation.id)
    expect(choices.find((c) => c.id === categories.homeCare.id)?.block).toEqual({ reason: 'inRegister' })
    expect(choices.find((c) => c.id === categories.supportServices.id)?.block).toEqual({ reason: 'openApplication', applicationId: open })
    expect(choices.some((c) => c.id === categories.closed.id)).toBe(false)
    // a withdrawn application frees its categories
    expect(await withdraw(owner, open)).toEqual({ ok: true })
    expect((await createDraft(owner, world.organisation.id, [categories.supportServices.id])).ok).toBe(true)
    // the register page lists the entry
    expect(await listRegisterEntries(world.organisation.id)).toMatchObject([
      { status: 'ACTIVE', category: { id: categories.homeCare.id, nameSv: 'Hemvård', nameFi: 'Kotihoito', nameEn: 'Home care' } },
    ])
  })

  it('changes categories of a draft (any member), bumping the version, but not once submitted', async () => {
    const { world, categories, owner, editor } = await setup()
    const id = await draftFor(owner, [categories.supportServices.id])
    expect(await updateDraft(editor, id, { categoryIds: [categories.homeCare.id, categories.supportServices.id], version: 0 })).toEqual({ ok: true, changed: true })
    expect(await updateDraft(editor, id, { categoryIds: [categories.homeCare.id, categories.supportServices.id], version: 1 })).toEqual({ ok: true, changed: false })
    expect(await updateDraft(editor, id, { categoryIds: [categories.homeCare.id], version: 0 })).toEqual({ ok: false, error: 'conflict' })
    const detail = await getApplication(world.organisation.id, id)
    expect(detail?.application.categories.map((c) => c.id)).toEqual([categories.homeCare.id, categories.supportServices.id])
    expect(detail?.application.version).toBe(1)

    await addAllDocuments(world.organisation.id, owner.id)
    expect(await submit(owner, id, { acceptRulebookId: rulebooks.current.id })).toEqual({ ok: true })
    expect(await updateDraft(owner, id, { categoryIds: [categories.homeCare.id] })).toEqual({ ok: false, error: 'notEditable', status: 'SUBMITTED' })
  })
})

describe('submission', () => {
  it('is refused while documents are missing or expired, changing nothing, and names what is missing', async () => {
    const { world, categories, owner } = await setup()
    const id = await draftFor(owner, [categories.homeCare.id])
    const before = await snapshot(id)
    const missing = await submit(owner, id, { acceptRulebookId: rulebooks.current.id })
    expect(missing).toMatchObject({ ok: false, error: 'documentsMissing' })
    if (missing.ok || missing.error !== 'documentsMissing') throw new Error('expected documentsMissing')
    // the organisation employs staff and home care requires Soteri: every type of the fixture is required
    expect(missing.problems.map((p) => [p.code, p.validity])).toEqual([
      ['TRADE_REGISTER_EXTRACT', 'missing'],
      ['TAX_DEBT_CERTIFICATE', 'missing'],
      ['LIABILITY_INSURANCE', 'missing'],
      ['OCCUPATIONAL_HEALTHCARE', 'missing'],
      ['SOTERI_REGISTRATION', 'missing'],
    ])

    await addAllDocuments(world.organisation.id, owner.id)
    // a newer tax debt certificate that is too old replaces the valid one; the liability insurance was rejected
    const old = await prisma.complianceDocument.findFirstOrThrow({ where: { organisationId: world.organisation.id, documentTypeCode: 'TAX_DEBT_CERTIFICATE' } })
    await prisma.complianceDocument.update({ where: { id: old.id }, data: { supersededAt: new Date() } })
    await addDocument(world.organisation.id, owner.id, 'TAX_DEBT_CERTIFICATE', { issueDate: daysAgo(120) })
    await prisma.complianceDocument.updateMany({
      where: { organisationId: world.organisation.id, documentTypeCode: 'LIABILITY_INSURANCE' },
      data: { status: 'REJECTED' },
    })
    const expired = await submit(owner, id, { acceptRulebookId: rulebooks.current.id })
    if (expired.ok || expired.error !== 'documentsMissing') throw new Error('expected documentsMissing')
    expect(expired.problems.map((p) => [p.code, p.validity])).toEqual([
      ['TAX_DEBT_CERTIFICATE', 'expired'],
      ['LIABILITY_INSURANCE', 'rejected'],
    ])
    expect(expired.problems[0]?.expiresOn).toEqual(daysAgo(30))

    expect(await snapshot(id)).toEqual(before)
    expect(await prisma.emailOutbox.count({ where: { template: 'application-submitted', props: { path: ['link'], string_contains: id } } })).toBe(0)
  })

  it('needs no Soteri registration or employer documents where they do not apply', async () => {
    const { world, categories, owner } = await setup()
    await prisma.organisation.update({ where: { id: world.organisation.id }, data: { employsStaff: false } })
    const id = await draftFor(owner, [categories.supportServices.id])
    const result = await submit(owner, id, { acceptRulebookId: rulebooks.current.id })
    if (result.ok || result.error !== 'documentsMissing') throw new Error('expected documentsMissing')
    expect(result.problems.map((p) => p.code)).toEqual(['TRADE_REGISTER_EXTRACT', 'TAX_DEBT_CERTIFICATE', 'LIABILITY_INSURANCE'])
  })

  it('is refused with an outdated or a future rulebook, or without one', async () => {
    const { world, categories, owner } = await setup()
    await addAllDocuments(world.organisation.id, owner.id)
    const id = await draftFor(owner, [categories.supportServices.id])
    const before = await snapshot(id)
    for (const rulebookId of [rulebooks.outdated.id, rulebooks.future.id, '']) {
      expect(await submit(owner, id, { acceptRulebookId: rulebookId })).toEqual({
        ok: false,
        error: 'rulebookOutdated',
        rulebook: { id: rulebooks.current.id, version: '2025-1' },
      })
    }
    expect(await snapshot(id)).toEqual(before)
  })

  it('submits when everything is in order: status, event, audit and a receipt to each owner in their language', async () => {
    const { world, categories, owner, secondOwner } = await setup()
    await addAllDocuments(world.organisation.id, owner.id)
    const id = await draftFor(owner, [categories.supportServices.id, categories.homeCare.id])
    const now = new Date()
    expect(await submit(owner, id, { acceptRulebookId: rulebooks.current.id }, now)).toEqual({ ok: true })

    const application = await prisma.registerApplication.findUniqueOrThrow({ where: { id } })
    expect(application).toMatchObject({ status: 'SUBMITTED', version: 1, rulebookId: rulebooks.current.id, submittedAt: now, rulebookAcceptedAt: now })
    const events = await prisma.applicationEvent.findMany({ where: { applicationId: id }, orderBy: { createdAt: 'asc' } })
    expect(events.map((e) => [e.fromStatus, e.toStatus, e.actorId])).toEqual([
      [null, 'DRAFT', owner.id],
      ['DRAFT', 'SUBMITTED', owner.id],
    ])
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { entityId: id, action: 'application.submit' } })
    expect(audit).toMatchObject({
      actorId: owner.id,
      entityType: 'RegisterApplication',
      before: { status: 'DRAFT', version: 0 },
      after: { status: 'SUBMITTED', version: 1, rulebookVersion: '2025-1' },
    })

    const mails = await prisma.emailOutbox.findMany({ where: { template: 'application-submitted' } })
    const ours = mails.filter((mail) => (mail.props as { link: string }).link.endsWith(`/applications/${id}`))
    expect(ours.map((mail) => [mail.toAddress, mail.locale]).sort()).toEqual(
      [
        [world.users.owner.email, 'fi'],
        [secondOwner.email, 'en'],
      ].sort(),
    )
    const finnish = ours.find((mail) => mail.locale === 'fi')?.props as { name: string; values: Record<string, string>; link: string }
    expect(finnish.name).toBe('Owner')
    expect(finnish.values).toMatchObject({ organisation: world.organisation.name, categories: 'Kotihoito, Kotihoidon tukipalvelut' })
    expect(finnish.values.date).toMatch(/\d{4}/)
    expect(finnish.link).toBe(`http://localhost:3000/provider/${world.organisation.id}/applications/${id}`)
    const english = ours.find((mail) => mail.locale === 'en')?.props as { values: Record<string, string> }
    expect(english.values.categories).toBe('Home care, Support services for home care')
    // the editor is not an owner and gets nothing
    expect(mails.some((mail) => mail.toAddress === world.users.editor.email)).toBe(false)

    // a submitted application cannot be submitted again
    expect(await submit(owner, id, { acceptRulebookId: rulebooks.current.id })).toEqual({ ok: false, error: 'wrongStatus', status: 'SUBMITTED' })
    expect(await listApplications(world.organisation.id)).toMatchObject([{ id, status: 'SUBMITTED' }])
  })

  it('an editor cannot submit', async () => {
    const { world, categories, owner, editor } = await setup()
    await addAllDocuments(world.organisation.id, owner.id)
    const id = await draftFor(editor, [categories.supportServices.id])
    expect(await submit(editor, id, { acceptRulebookId: rulebooks.current.id })).toEqual({ ok: false, error: 'forbidden' })
    expect((await snapshot(id)).status).toBe('DRAFT')
  })

  it('of two submissions racing, exactly one succeeds', async () => {
    const { world, categories, owner, secondOwner } = await setup()
    await addAllDocuments(world.organisation.id, owner.id)
    const id = await draftFor(owner, [categories.supportServices.id])
    const results = await Promise.all([
      submit(owner, id, { acceptRulebookId: rulebooks.current.id }),
      submit({ ...owner, id: secondOwner.id }, id, { acceptRulebookId: rulebooks.current.id }),
    ])
    expect(results.filter((result) => result.ok)).toHaveLength(1)
    expect(results.find((result) => !result.ok)).toMatchObject({ ok: false, error: expect.stringMatching(/^(conflict|wrongStatus)$/) as unknown })
    expect(await prisma.applicationEvent.count({ where: { applicationId: id, toStatus: 'SUBMITTED' } })).toBe(1)
    expect(await prisma.auditEvent.count({ where: { entityId: id, action: 'application.submit' } })).toBe(1)
    const mails = await prisma.emailOutbox.findMany({ where: { template: 'application-submitted' } })
    expect(mails.filter((mail) => (mail.props as { link: string }).link.endsWith(`/applications/${id}`))).toHaveLength(2)
    expect((await snapshot(id)).version).toBe(1)
  })
})

describe('after a return', () => {
  it('shows the reasons of the last return and resubmits, keeping categories and documents', async () => {
    const { world, categories, owner } = await setup()
    await addAllDocuments(world.organisation.id, owner.id)
    const id = await draftFor(owner, [categories.supportServices.id])
    expect(await submit(owner, id, { acceptRulebookId: rulebooks.current.id })).toEqual({ ok: true })
    expect(await latestReturn(world.organisation.id, id)).toBeNull()

    // staff review does not exist yet: take and return the application directly (a few seconds later)
    const reviewer = world.users.reviewer.id
    const t0 = Date.now()
    await prisma.registerApplication.update({ where: { id }, data: { status: 'RETURNED', version: { increment: 2 }, assignedToId: reviewer } })
    await prisma.applicationEvent.create({ data: { applicationId: id, fromStatus: 'SUBMITTED', toStatus: 'IN_REVIEW', actorId: reviewer, createdAt: new Date(t0 + 1000) } })
    await prisma.applicationSectionReview.createMany({
      data: [
        { applicationId: id, section: 'organisation', status: 'CHECKED', reviewerId: reviewer, createdAt: new Date(t0 + 2000) },
        { applicationId: id, section: 'documents:TAX_DEBT_CERTIFICATE', status: 'RETURNED', reason: 'Skatteskuldsintyget är för gammalt.', reviewerId: reviewer, createdAt: new Date(t0 + 3000) },
        { applicationId: id, section: 'categories', status: 'RETURNED', reason: 'Ange området för hembesök.', reviewerId: reviewer, createdAt: new Date(t0 + 3000) },
      ],
    })
    await prisma.applicationEvent.create({
      data: { applicationId: id, fromStatus: 'IN_REVIEW', toStatus: 'RETURNED', actorId: reviewer, note: 'Returnerad.', createdAt: new Date(t0 + 4000) },
    })

    const returned = await latestReturn(world.organisation.id, id)
    expect(returned?.sections.map((s) => [s.section, s.reason]).sort()).toEqual([
      ['categories', 'Ange området för hembesök.'],
      ['documents:TAX_DEBT_CERTIFICATE', 'Skatteskuldsintyget är för gammalt.'],
    ])
    const detail = await getApplication(world.organisation.id, id)
    expect(detail?.history.map((e) => [e.toStatus, e.actor.kind])).toEqual([
      ['DRAFT', 'provider'],
      ['SUBMITTED', 'provider'],
      ['IN_REVIEW', 'staff'],
      ['RETURNED', 'staff'],
    ])
    // another organisation sees none of it
    expect(await latestReturn(world.otherOrganisation.id, id)).toBeNull()
    expect(await getApplication(world.otherOrganisation.id, id)).toBeNull()

    const documentsBefore = await prisma.complianceDocument.count({ where: { organisationId: world.organisation.id } })
    expect(await submit(owner, id, { acceptRulebookId: rulebooks.current.id }, new Date(t0 + 5000))).toEqual({ ok: true })
    const application = await prisma.registerApplication.findUniqueOrThrow({ where: { id }, include: { categories: true } })
    expect(application).toMatchObject({ status: 'SUBMITTED', version: 4, assignedToId: reviewer })
    expect(application.categories.map((c) => c.categoryId)).toEqual([categories.supportServices.id])
    expect(await prisma.complianceDocument.count({ where: { organisationId: world.organisation.id } })).toBe(documentsBefore)
    expect(await prisma.applicationSectionReview.count({ where: { applicationId: id } })).toBe(3)
    const events = await prisma.applicationEvent.findMany({ where: { applicationId: id }, orderBy: { createdAt: 'asc' } })
    expect(events.map((e) => `${e.fromStatus ?? ''}→${e.toStatus}`)).toEqual(['→DRAFT', 'DRAFT→SUBMITTED', 'SUBMITTED→IN_REVIEW', 'IN_REVIEW→RETURNED', 'RETURNED→SUBMITTED'])
    expect(await prisma.auditEvent.findFirst({ where: { entityId: id, action: 'application.submit' }, orderBy: { at: 'desc' } })).toMatchObject({
      before: { status: 'RETURNED', version: 3 },
      after: { status: 'SUBMITTED', version: 4 },
    })
  })
})

describe('withdrawal', () => {
  it('an owner withdraws a submitted application; an editor may discard a draft but not withdraw a submission', async () => {
    const { world, categories, owner, editor } = await setup()
    await addAllDocuments(world.organisation.id, owner.id)
    const draft = await draftFor(editor, [categories.homeCare.id])
    expect(await withdraw(editor, draft)).toEqual({ ok: true })
    expect((await snapshot(draft)).status).toBe('WITHDRAWN')

    const id = await draftFor(owner, [categories.supportServices.id])
    expect(await submit(owner, id, { acceptRulebookId: rulebooks.current.id })).toEqual({ ok: true })
    expect(await withdraw(editor, id)).toEqual({ ok: false, error: 'forbidden' })
    expect(await withdraw(owner, id, { version: 0 })).toEqual({ ok: false, error: 'conflict' })
    expect(await withdraw(owner, id, { version: 1 })).toEqual({ ok: true })
    expect(await snapshot(id)).toMatchObject({ status: 'WITHDRAWN', version: 2 })
    const event = await prisma.applicationEvent.findFirstOrThrow({ where: { applicationId: id, toStatus: 'WITHDRAWN' } })
    expect(event).toMatchObject({ fromStatus: 'SUBMITTED', actorId: owner.id })
    expect(await prisma.auditEvent.findFirst({ where: { entityId: id, action: 'application.withdraw' } })).toMatchObject({
      before: { status: 'SUBMITTED' },
      after: { status: 'WITHDRAWN' },
    })
    expect(await withdraw(owner, id)).toEqual({ ok: false, error: 'wrongStatus', status: 'WITHDRAWN' })
    expect(await withdraw({ ...owner, organisationId: world.otherOrganisation.id }, id)).toEqual({ ok: false, error: 'notFound' })
  })
})

describe('the application page', () => {
  // The test drives the routes themselves (loaded on demand, as the route-access test does): access is part of the contract.
  const route = () => import('~/routes/provider.$orgId.applications.$applicationId')
  const newRoute = () => import('~/routes/provider.$orgId.applications.new')

  async function prepared() {
    const context = await setup()
    await addAllDocuments(context.world.organisation.id, context.owner.id)
    const id = await draftFor(context.owner, [context.categories.supportServices.id])
    const path = `/provider/${context.world.organisation.id}/applications/${id}`
    const params = { orgId: context.world.organisation.id, applicationId: id }
    return { ...context, id, path, params }
  }

  it('answers members with 200, other organisations with 404 and anonymous users with the login page', async () => {
    const { world, path, params } = await prepared()
    const { loader, action } = await route()
    for (const persona of ['owner', 'editor'] as const) {
      expect((await statusOf(() => loader({ request: makeRequest(path, { cookie: world.cookies[persona] }), params, context: {} }))).status).toBe(200)
    }
    for (const persona of ['otherProvider', 'reviewer', 'admin'] as const) {
      expect((await statusOf(() => loader({ request: makeRequest(path, { cookie: world.cookies[persona] }), params, context: {} }))).status).toBe(404)
      const posted = makeRequest(path, { cookie: world.cookies[persona], form: { intent: 'save' } })
      expect((await statusOf(() => action({ request: posted, params, context: {} }))).status).toBe(404)
    }
    const anonymous = await statusOf(() => loader({ request: makeRequest(path), params, context: {} }))
    expect(anonymous).toEqual({ status: 302, location: `/login?${new URLSearchParams({ redirectTo: path })}` })
    const anonymousPost = await statusOf(() => action({ request: makeRequest(path, { form: { intent: 'save' } }), params, context: {} }))
    expect(anonymousPost.status).toBe(302)
  })

  it("gives 404 for another organisation's application id, even to its own owner under their organisation", async () => {
    const { world, params } = await prepared()
    const { loader, action } = await route()
    const otherOwner: Member = { id: world.users.otherProvider.id, role: 'provider_owner', organisationId: world.otherOrganisation.id }
    const foreign = { orgId: world.otherOrganisation.id, applicationId: params.applicationId }
    const path = `/provider/${foreign.orgId}/applications/${foreign.applicationId}`
    const cookie = world.cookies.otherProvider
    expect((await statusOf(() => loader({ request: makeRequest(path, { cookie }), params: foreign, context: {} }))).status).toBe(404)
    const form = { intent: 'withdraw', version: '0' }
    expect((await statusOf(() => action({ request: makeRequest(path, { cookie, form }), params: foreign, context: {} }))).status).toBe(404)
    expect(await withdraw(otherOwner, params.applicationId)).toEqual({ ok: false, error: 'notFound' })
    expect((await snapshot(params.applicationId)).status).toBe('DRAFT')
  })

  it('refuses an editor submitting with 403 and changes nothing', async () => {
    const { world, categories, id, path, params } = await prepared()
    const { action } = await route()
    const before = await snapshot(id)
    const form = { intent: 'submit', version: '0', categoryIds: categories.homeCare.id, rulebookId: rulebooks.current.id, acceptRulebook: 'on' }
    const result = await statusOf(() => action({ request: makeRequest(path, { cookie: world.cookies.editor, form }), params, context: {} }))
    expect(result.status).toBe(403)
    expect(await snapshot(id)).toEqual(before)
    // saving the draft is fine for an editor
    const saved = await statusOf(() =>
      action({ request: makeRequest(path, { cookie: world.cookies.editor, form: { ...form, intent: 'save' } }), params, context: {} }),
    )
    expect(saved).toEqual({ status: 302, location: path })
    expect((await snapshot(id)).version).toBe(1)
  })

  it('lets an owner submit through the form, and shows what is missing when refused', async () => {
    const { world, categories, id, path, params } = await prepared()
    const { action } = await route()
    const cookie = world.cookies.owner
    const form = { intent: 'submit', version: '0', categoryIds: categories.supportServices.id, rulebookId: rulebooks.current.id }
    // the box not ticked
    expect((await statusOf(() => action({ request: makeRequest(path, { cookie, form }), params, context: {} }))).status).toBe(400)
    // home care needs the Soteri registration, which this organisation lacks
    await prisma.complianceDocument.deleteMany({ where: { organisationId: world.organisation.id, documentTypeCode: 'SOTERI_REGISTRATION' } })
    const refused = (await action({
      request: makeRequest(path, { cookie, form: { ...form, categoryIds: categories.homeCare.id, acceptRulebook: 'on' } }),
      params,
      context: {},
    })) as { data: { problems: unknown[] }; init: { status: number } }
    expect(refused.init.status).toBe(400)
    expect(refused.data.problems).toEqual([{ kind: 'document', code: 'SOTERI_REGISTRATION', validity: 'missing', expiresOn: null }])
    // the category change was saved as a draft; the submission was not
    expect(await snapshot(id)).toMatchObject({ status: 'DRAFT', version: 1 })

    const accepted = await statusOf(() =>
      action({
        request: makeRequest(path, { cookie, form: { ...form, version: '1', acceptRulebook: 'on' } }),
        params,
        context: {},
      }),
    )
    expect(accepted).toEqual({ status: 302, location: path })
    expect(await snapshot(id)).toMatchObject({ status: 'SUBMITTED', version: 3, rulebookId: rulebooks.current.id })
  })

  it('withdraws after the confirmation step', async () => {
    const { world, id, path, params } = await prepared()
    const { loader, action } = await route()
    const cookie = world.cookies.owner
    const page = (await loader({ request: makeRequest(`${path}?withdraw=confirm`, { cookie }), params, context: {} })) as {
      confirmWithdraw: boolean
      canWithdraw: boolean
    }
    expect(page).toMatchObject({ confirmWithdraw: true, canWithdraw: true })
    const result = await statusOf(() => action({ request: makeRequest(path, { cookie, form: { intent: 'withdraw', version: '0' } }), params, context: {} }))
    expect(result).toEqual({ status: 302, location: path })
    expect((await snapshot(id)).status).toBe('WITHDRAWN')
  })

  it('the new-application form creates a draft and opens it', async () => {
    const { world, categories } = await setup()
    const { action } = await newRoute()
    const path = `/provider/${world.organisation.id}/applications/new`
    const params = { orgId: world.organisation.id }
    const result = await statusOf(() =>
      action({ request: makeRequest(path, { cookie: world.cookies.editor, form: { categoryIds: categories.homeCare.id } }), params, context: {} }),
    )
    expect(result.status).toBe(302)
    const [created] = await listApplications(world.organisation.id)
    expect(result.location).toBe(`/provider/${world.organisation.id}/applications/${created?.id}`)
    expect(created?.categories.map((c) => c.id)).toEqual([categories.homeCare.id])
    // the same category again is refused with the reason
    const again = (await action({
      request: makeRequest(path, { cookie: world.cookies.owner, form: { categoryIds: categories.homeCare.id } }),
      params,
      context: {},
    })) as { data: { problems: unknown[] }; init: { status: number } }
    expect(again.init.status).toBe(400)
    expect(again.data.problems).toEqual([{ kind: 'category', categoryId: categories.homeCare.id, reason: 'openApplication' }])
  })
})
