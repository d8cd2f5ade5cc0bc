import { beforeAll, describe, expect, it } from 'vitest'
// eslint-disable-next-line no-restricted-imports -- the staff register page's access is tested here (custom in route-access)
import { action as detailAction, loader as detailLoader } from '~/routes/staff.register.$organisationId'
import { prisma } from '~/utils/db.server'
import { formatDate } from '~/utils/format'
import { createCategories } from '../../../tests/support/application-fixtures'
import { createOrganisation, createUser, createWorld, makeRequest, statusOf, type Persona } from '../../../tests/support/request'
import { publicOfferWhere } from './public-offers'
import { publicRegister } from './public-register.server'
import { parseStaffRegisterFilters } from './schema'
import { helsinkiStartOfDay, reinstateEntry, removeEntry, suspendEntry, type StaffActor } from './service.server'
import { listStaffRegister, organisationRegister } from './staff.server'

type World = Awaited<ReturnType<typeof createWorld>>
type Categories = Awaited<ReturnType<typeof createCategories>>

let world: World
let categories: Categories
let reviewer: StaffActor
let secondOwnerEmail: string

beforeAll(async () => {
  world = await createWorld()
  categories = await createCategories()
  reviewer = { id: world.users.reviewer.id, role: 'staff_reviewer' }
  await prisma.user.update({ where: { id: world.users.owner.id }, data: { locale: 'fi' } })
  const secondOwner = await createUser({ name: 'Second owner' })
  await prisma.user.update({ where: { id: secondOwner.id }, data: { locale: 'en' } })
  await prisma.membership.create({ data: { userId: secondOwner.id, organisationId: world.organisation.id, role: 'OWNER' } })
  secondOwnerEmail = secondOwner.email
})

/** An organisation with active entries in both fixture categories and a published offer in each (plus a draft). */
async function registered(organisationId = world.organisation.id) {
  const entry = (categoryId: string) =>
    prisma.registerEntry.create({ data: { organisationId, categoryId, validFrom: new Date('2026-01-15T00:00:00Z') } })
  const offer = (categoryId: string, priceCents: number, status: 'PUBLISHED' | 'DRAFT' = 'PUBLISHED') =>
    prisma.offer.create({ data: { organisationId, categoryId, priceCents, languages: ['sv', 'fi'], status, titleSv: 'Tjänst' } })
  return {
    support: await entry(categories.supportServices.id),
    homeCare: await entry(categories.homeCare.id),
    supportOffer: await offer(categories.supportServices.id, 3450),
    homeCareOffer: await offer(categories.homeCare.id, 4200),
    draftOffer: await offer(categories.supportServices.id, 3000, 'DRAFT'),
  }
}

async function publicOfferIds(now?: Date) {
  const offers = await prisma.offer.findMany({ where: await publicOfferWhere({ now }), select: { id: true } })
  return offers.map((offer) => offer.id)
}

async function outboxFor(template: string, organisationId: string) {
  return prisma.emailOutbox.findMany({
    where: { template, props: { path: ['link'], string_contains: `/provider/${organisationId}/register` } },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  })
}

describe('suspending, reinstating and removing an entry', () => {
  let setup: Awaited<ReturnType<typeof registered>>
  beforeAll(async () => {
    setup = await registered()
  })

  it('suspends: status, reason and time in one go, an audit event, each owner emailed in their language; the offer leaves public search', async () => {
    expect(await publicOfferIds()).toEqual(expect.arrayContaining([setup.supportOffer.id, setup.homeCareOffer.id]))
    expect(await publicOfferIds()).not.toContain(setup.draftOffer.id)

    const now = new Date('2026-11-23T12:00:00Z')
    const result = await suspendEntry(
      reviewer,
      { organisationId: world.organisation.id, entryId: setup.support.id, expectedStatus: 'ACTIVE', reason: 'Vastuuvakuutus puuttuu.' },
      now,
    )
    expect(result).toEqual({ ok: true, status: 'SUSPENDED', effectiveFrom: now })
    expect(await prisma.registerEntry.findUniqueOrThrow({ where: { id: setup.support.id } })).toMatchObject({
      status: 'SUSPENDED',
      statusReason: 'Vastuuvakuutus puuttuu.',
      statusChangedAt: now,
    })
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { entityId: setup.support.id, action: 'register-entry.suspend' } })
    expect(audit).toMatchObject({
      actorId: reviewer.id,
      entityType: 'RegisterEntry',
      before: { status: 'ACTIVE', statusReason: null },
      after: { status: 'SUSPENDED', statusReason: 'Vastuuvakuutus puuttuu.', statusChangedAt: now.toISOString() },
    })

    const mails = await outboxFor('register-entry-suspended', world.organisation.id)
    expect(mails.map((mail) => [mail.toAddress, mail.locale]).sort()).toEqual(
      [
        [world.users.owner.email, 'fi'],
        [secondOwnerEmail, 'en'],
      ].sort(),
    )
    expect(mails.find((mail) => mail.locale === 'fi')?.props).toMatchObject({
      // the template adds the full stop after the reason
      values: { organisation: world.organisation.name, category: 'Kotihoidon tukipalvelut', date: '23.11.2026', reason: 'Vastuuvakuutus puuttuu' },
    })
    expect(mails.find((mail) => mail.locale === 'en')?.props).toMatchObject({
      values: { category: 'Support services for home care', date: formatDate(now, 'en') },
    })
    expect(await prisma.emailOutbox.count({ where: { toAddress: world.users.editor.email } })).toBe(0)

    // the offer in the suspended category is gone from public search at once; the other category's stays
    const ids = await publicOfferIds()
    expect(ids).not.toContain(setup.supportOffer.id)
    expect(ids).toContain(setup.homeCareOffer.id)
    // the offer itself is untouched: reinstating brings it back as it was
    expect((await prisma.offer.findUniqueOrThrow({ where: { id: setup.supportOffer.id } })).status).toBe('PUBLISHED')
  })

  it('refuses a decision made on a stale page, and changes nothing', async () => {
    const audits = await prisma.auditEvent.count()
    const mails = await prisma.emailOutbox.count()
    // the page still showed the entry as active
    expect(
      await suspendEntry(reviewer, { organisationId: world.organisation.id, entryId: setup.support.id, expectedStatus: 'ACTIVE', reason: 'Again' }),
    ).toEqual({ ok: false, error: 'conflict', status: 'SUSPENDED' })
    expect(
      await removeEntry(reviewer, { organisationId: world.organisation.id, entryId: setup.support.id, expectedStatus: 'ACTIVE', reason: 'Stale' }),
    ).toEqual({ ok: false, error: 'conflict', status: 'SUSPENDED' })
    expect(await prisma.auditEvent.count()).toBe(audits)
    expect(await prisma.emailOutbox.count()).toBe(mails)
    expect((await prisma.registerEntry.findUniqueOrThrow({ where: { id: setup.support.id } })).statusReason).toBe('Vastuuvakuutus puuttuu.')
  })

  it('lets only one of two simultaneous decisions through', async () => {
    const input = { organisationId: world.organisation.id, entryId: setup.homeCare.id, expectedStatus: 'ACTIVE' as const }
    const results = await Promise.all([
      suspendEntry(reviewer, { ...input, reason: 'First' }),
      removeEntry({ id: world.users.admin.id, role: 'staff_admin' }, { ...input, reason: 'Second' }),
    ])
    expect(results.filter((result) => result.ok)).toHaveLength(1)
    expect(results.filter((result) => !result.ok)).toEqual([{ ok: false, error: 'conflict', status: expect.stringMatching(/SUSPENDED|REMOVED/) }])
    expect(await prisma.auditEvent.count({ where: { entityId: setup.homeCare.id } })).toBe(1)
    // put it back for the next tests
    const entry = await prisma.registerEntry.findUniqueOrThrow({ where: { id: setup.homeCare.id } })
    await prisma.registerEntry.update({ where: { id: entry.id }, data: { status: 'ACTIVE', statusReason: null } })
  })

  it('reinstates: active again, audit event and email; the offer is public again', async () => {
    const result = await reinstateEntry(reviewer, {
      organisationId: world.organisation.id,
      entryId: setup.support.id,
      expectedStatus: 'SUSPENDED',
      note: 'Uusi vakuutustodistus saatu.',
    })
    expect(result).toMatchObject({ ok: true, status: 'ACTIVE' })
    expect(await prisma.registerEntry.findUniqueOrThrow({ where: { id: setup.support.id } })).toMatchObject({
      status: 'ACTIVE',
      statusReason: 'Uusi vakuutustodistus saatu.',
    })
    expect(await prisma.auditEvent.count({ where: { entityId: setup.support.id, action: 'register-entry.reinstate' } })).toBe(1)
    expect(await outboxFor('register-entry-reinstated', world.organisation.id)).toHaveLength(2)
    expect(await publicOfferIds()).toContain(setup.supportOffer.id)
  })

  it('removes: the entry is struck off for good, its offer hidden, and it cannot be reinstated', async () => {
    expect(
      await removeEntry(reviewer, { organisationId: world.organisation.id, entryId: setup.support.id, expectedStatus: 'ACTIVE', reason: '  ' }),
    ).toEqual({ ok: false, error: 'reasonRequired' })
    const result = await removeEntry(reviewer, {
      organisationId: world.organisation.id,
      entryId: setup.support.id,
      expectedStatus: 'ACTIVE',
      reason: 'Toiminta on päättynyt.',
    })
    expect(result).toMatchObject({ ok: true, status: 'REMOVED' })
    expect((await prisma.registerEntry.findUniqueOrThrow({ where: { id: setup.support.id } })).status).toBe('REMOVED')
    expect(await prisma.auditEvent.count({ where: { entityId: setup.support.id, action: 'register-entry.remove' } })).toBe(1)
    // the newest: when the removal won the race in the test of simultaneous decisions, home care's mail came first
    const fi = (await outboxFor('register-entry-removed', world.organisation.id)).filter((mail) => mail.locale === 'fi').at(-1)
    expect(fi?.props).toMatchObject({ values: { category: 'Kotihoidon tukipalvelut', reason: 'Toiminta on päättynyt' } })
    expect(await publicOfferIds()).not.toContain(setup.supportOffer.id)
    expect(
      await reinstateEntry(reviewer, { organisationId: world.organisation.id, entryId: setup.support.id, expectedStatus: 'REMOVED' }),
    ).toEqual({ ok: false, error: 'notAllowed', status: 'REMOVED' })
  })

  it('refuses people without the permission, entries of another organisation and past start dates', async () => {
    const owner: StaffActor = { id: world.users.owner.id, role: 'provider_owner' }
    const input = { organisationId: world.organisation.id, entryId: setup.homeCare.id, expectedStatus: 'ACTIVE' as const, reason: 'No' }
    expect(await suspendEntry(owner, input)).toEqual({ ok: false, error: 'forbidden' })
    expect(await suspendEntry(reviewer, { ...input, organisationId: world.otherOrganisation.id })).toEqual({ ok: false, error: 'notFound' })
    expect(await suspendEntry(reviewer, { ...input, startDate: '2026-11-22' }, new Date('2026-11-23T12:00:00Z'))).toEqual({
      ok: false,
      error: 'dateInvalid',
    })
    expect(await suspendEntry(reviewer, { ...input, startDate: '2028-01-01' }, new Date('2026-11-23T12:00:00Z'))).toEqual({
      ok: false,
      error: 'dateInvalid',
    })
    expect((await prisma.registerEntry.findUniqueOrThrow({ where: { id: setup.homeCare.id } })).status).toBe('ACTIVE')
  })
})

describe('a suspension from a later day', () => {
  it('keeps the entry and its offers in force until the start of that day in Helsinki', async () => {
    const owner = await createUser()
    const organisation = await createOrganisation([{ userId: owner.id, role: 'OWNER' }])
    const setup = await registered(organisation.id)
    const now = new Date('2026-11-23T12:00:00Z')
    const result = await suspendEntry(
      reviewer,
      { organisationId: organisation.id, entryId: setup.homeCare.id, expectedStatus: 'ACTIVE', reason: 'Avtalet upphör.', startDate: '2026-12-01' },
      now,
    )
    // midnight in Helsinki (UTC+2 in winter)
    const start = new Date('2026-11-30T22:00:00Z')
    expect(result).toEqual({ ok: true, status: 'SUSPENDED', effectiveFrom: start })
    expect(helsinkiStartOfDay('2027-07-01')).toEqual(new Date('2027-06-30T21:00:00Z'))
    const [mail] = await outboxFor('register-entry-suspended', organisation.id)
    expect(mail?.props).toMatchObject({ values: { date: formatDate(start, mail!.locale) } })

    expect(await publicOfferIds(now)).toContain(setup.homeCareOffer.id)
    expect(await publicOfferIds(new Date(start.getTime() - 1))).toContain(setup.homeCareOffer.id)
    expect(await publicOfferIds(start)).not.toContain(setup.homeCareOffer.id)
    const inRegister = async (at: Date) =>
      (await publicRegister({ category: categories.homeCare.code, page: 1 }, at)).entries.map((entry) => entry.id)
    expect(await inRegister(now)).toContain(setup.homeCare.id)
    expect(await inRegister(start)).not.toContain(setup.homeCare.id)
  })
})

describe('the public register', () => {
  it('lists exactly the entries in force, by category and name, with the published price per unit', async () => {
    const own = await createCategories()
    const make = async (name: string, municipalityCode = '905') => {
      const organisation = await createOrganisation()
      await prisma.municipality.upsert({
        where: { code: '545' },
        update: {},
        create: { code: '545', nameFi: 'Närpiö', nameSv: 'Närpes', officialLanguages: ['sv', 'fi'], latitude: 62.47, longitude: 21.34 },
      })
      return prisma.organisation.update({ where: { id: organisation.id }, data: { name, municipalityCode } })
    }
    const alpha = await make('Alfa Hoiva Oy')
    const beta = await make('Beta Vård Ab', '545')
    const gamma = await make('Gamma Care Oy')
    const entry = (organisationId: string, categoryId: string, status: 'ACTIVE' | 'SUSPENDED' | 'REMOVED' = 'ACTIVE') =>
      prisma.registerEntry.create({ data: { organisationId, categoryId, status, validFrom: new Date('2025-03-01T00:00:00Z') } })
    const a1 = await entry(alpha.id, own.homeCare.id)
    const a2 = await entry(alpha.id, own.supportServices.id)
    const b1 = await entry(beta.id, own.homeCare.id)
    await entry(beta.id, own.supportServices.id, 'SUSPENDED')
    await entry(gamma.id, own.homeCare.id, 'REMOVED')
    await prisma.offer.create({ data: { organisationId: alpha.id, categoryId: own.homeCare.id, priceCents: 4590, languages: ['fi'], status: 'PUBLISHED' } })
    await prisma.offer.create({ data: { organisationId: alpha.id, categoryId: own.homeCare.id, priceCents: 3990, languages: ['fi'], status: 'ARCHIVED' } })
    await prisma.offer.create({ data: { organisationId: beta.id, categoryId: own.supportServices.id, priceCents: 2500, languages: ['sv'], status: 'PUBLISHED' } })

    // later than every suspension decided in this file, so "in force" means "active" here
    const later = new Date('2030-01-01T00:00:00Z')
    const ids = async (filters: { category?: string; municipality?: string }) => {
      const all = []
      for (let page = 1; ; page++) {
        const result = await publicRegister({ ...filters, page }, later)
        all.push(...result.entries)
        if (page >= result.pageCount) return { total: result.total, entries: all }
      }
    }
    const homeCare = await ids({ category: own.homeCare.code })
    expect(homeCare.total).toBe(2)
    expect(homeCare.entries.map((e) => [e.id, e.organisation.name, e.pricesCents])).toEqual([
      [a1.id, 'Alfa Hoiva Oy', [4590]],
      [b1.id, 'Beta Vård Ab', []],
    ])
    const support = await ids({ category: own.supportServices.code })
    // Beta's published offer is in a suspended category: no entry, no price
    expect(support.entries.map((e) => [e.id, e.pricesCents])).toEqual([[a2.id, []]])
    const inNarpes = await ids({ municipality: '545' })
    expect(inNarpes.entries.map((e) => e.id)).toEqual([b1.id])
    expect(inNarpes.entries[0]?.organisation.municipality).toMatchObject({ nameFi: 'Närpiö', nameSv: 'Närpes' })

    // across everything: exactly the entries in force
    const everything = await ids({})
    const inForce = await prisma.registerEntry.findMany({ where: { status: 'ACTIVE' }, select: { id: true } })
    expect(everything.entries.map((e) => e.id).sort()).toEqual(inForce.map((e) => e.id).sort())
    expect(everything.total).toBe(inForce.length)
  })
})

describe('the staff register list', () => {
  it('filters by category, status, lapsed documents, municipality and name or business ID, with counts', async () => {
    const own = await createCategories()
    const organisation = await createOrganisation()
    await prisma.organisation.update({ where: { id: organisation.id }, data: { name: 'Zeta Omsorg Ab' } })
    await prisma.registerEntry.create({ data: { organisationId: organisation.id, categoryId: own.homeCare.id, validFrom: new Date('2025-01-01T00:00:00Z'), lapsedAt: new Date() } })
    await prisma.registerEntry.create({
      data: { organisationId: organisation.id, categoryId: own.supportServices.id, validFrom: new Date('2025-01-01T00:00:00Z'), status: 'SUSPENDED', statusReason: 'Test' },
    })
    const list = (query: string) => listStaffRegister(parseStaffRegisterFilters(new URLSearchParams(query)))

    const byCategory = await list(`category=${own.homeCare.code}`)
    expect(byCategory.organisations.map((o) => o.id)).toEqual([organisation.id])
    expect(byCategory.counts).toMatchObject({ organisations: 1, ACTIVE: 1, SUSPENDED: 0, REMOVED: 0, lapsed: 1 })
    const suspended = await list(`category=${own.supportServices.code}&status=SUSPENDED`)
    expect(suspended.organisations[0]?.registerEntries.map((e) => e.status)).toEqual(['SUSPENDED'])
    expect((await list('q=zeta omsorg')).organisations.map((o) => o.id)).toEqual([organisation.id])
    expect((await list(`q=${organisation.businessId}`)).organisations.map((o) => o.id)).toEqual([organisation.id])
    expect((await list(`q=zeta&lapsed=on`)).organisations[0]?.registerEntries.map((e) => e.category.id)).toEqual([own.homeCare.id])
    expect((await list(`q=zeta&municipality=545`)).organisations).toEqual([])
    // nonsense in the address is ignored, not an error
    expect((await list('status=ASLEEP&page=-3&q=zeta')).organisations.map((o) => o.id)).toEqual([organisation.id])

    const detail = await organisationRegister(organisation.id)
    expect(detail?.entries.map((e) => [e.category.id, e.lapsedDocuments.length > 0])).toEqual([
      [own.homeCare.id, true],
      [own.supportServices.id, true],
    ])
    expect(await organisationRegister('no-such-organisation')).toBeNull()
  })
})

describe('the staff register page', () => {
  let entryId: string
  beforeAll(async () => {
    const organisation = await prisma.organisation.findUniqueOrThrow({ where: { id: world.otherOrganisation.id } })
    const entry = await prisma.registerEntry.create({
      data: { organisationId: organisation.id, categoryId: categories.homeCare.id, validFrom: new Date('2026-01-01T00:00:00Z') },
    })
    entryId = entry.id
  })
  const path = () => `/staff/register/${world.otherOrganisation.id}`
  const load = (persona: Persona, organisationId = world.otherOrganisation.id) =>
    statusOf(() =>
      detailLoader({ request: makeRequest(`/staff/register/${organisationId}`, { cookie: world.cookies[persona] }), params: { organisationId }, context: {} }),
    )
  const post = (persona: Persona, form: Record<string, string>) =>
    statusOf(() =>
      detailAction({
        request: makeRequest(path(), { cookie: world.cookies[persona], form }),
        params: { organisationId: world.otherOrganisation.id },
        context: {},
      }),
    )

  it('opens for staff; providers get 403, anonymous users the login page, an unknown id 404', async () => {
    expect(await load('reviewer')).toEqual({ status: 200, location: null })
    expect(await load('admin')).toEqual({ status: 200, location: null })
    for (const persona of ['owner', 'editor', 'otherProvider'] as const) expect((await load(persona)).status).toBe(403)
    expect(await load('anonymous')).toEqual({ status: 302, location: `/login?${new URLSearchParams({ redirectTo: path() })}` })
    expect((await load('reviewer', 'no-such-organisation')).status).toBe(404)
  })

  it('takes decisions from staff only, and answers a stale form with 409', async () => {
    const form = { intent: 'suspend', entryId, expectedStatus: 'ACTIVE', reason: 'Intyget saknas.', start: 'today' }
    for (const persona of ['owner', 'editor', 'otherProvider'] as const) expect((await post(persona, form)).status).toBe(403)
    expect((await post('anonymous', form)).status).toBe(302)
    expect((await post('reviewer', { ...form, reason: '' })).status).toBe(400)
    expect((await post('reviewer', { ...form, start: 'date', startDate: '2001-01-01' })).status).toBe(400)
    expect(await post('reviewer', form)).toEqual({ status: 302, location: path() })
    expect((await prisma.registerEntry.findUniqueOrThrow({ where: { id: entryId } })).status).toBe('SUSPENDED')
    // the same form again: the entry is no longer active
    expect((await post('admin', form)).status).toBe(409)
    expect((await post('admin', { intent: 'reinstate', entryId, expectedStatus: 'SUSPENDED' })).status).toBe(302)
    expect((await prisma.registerEntry.findUniqueOrThrow({ where: { id: entryId } })).status).toBe('ACTIVE')
  })
})
