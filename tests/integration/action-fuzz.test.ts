import { readdirSync, readFileSync } from 'node:fs'
import type { ActionFunctionArgs } from '@remix-run/node'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { openClientSession } from '~/modules/client-access/session.server'
import { helsinkiToday } from '~/modules/documents/dates'
import { prisma } from '~/utils/db.server'
import { newToken } from '~/utils/tokens.server'
import { createRulebooks } from '../support/application-fixtures'
import { describeEntries, encodeBody, hostileForm, type FormSpec, type HostileBody } from '../support/hostile-input'
import { cookieForUser, personas, type Persona } from '../support/request'
import type { RouteAccess } from '../support/route-access'
import { createClient, createVoucher, createVoucherWorld } from '../support/voucher-fixtures'

/**
 * Bad input (issue 8): every route with an action gets random and hostile form data from every persona and a
 * client's voucher session. Never a 500 (a thrown error that is not a Response, or a 5xx answer), and never a change
 * the persona may not make: personas without access to the action change nothing in the key tables, and personas
 * with access change no row they may not (a provider's `status=APPROVED` or `staffRole=ADMIN` changes nothing).
 *
 * Deterministic: each route has a fixed seed (FUZZ_SEED overrides it); a failure prints the seed, the persona and the
 * form. FUZZ_RUNS sets the runs per allowed persona and route (default 5); forbidden personas get a third of them.
 */
type Actor = Persona | 'client'
const actors: Actor[] = [...new Set<Actor>([...personas, 'client'])]
const members: Actor[] = ['owner', 'editor']
const staff: Actor[] = ['reviewer', 'admin']
const providers: Actor[] = ['owner', 'editor', 'otherProvider']
const signedIn: Actor[] = [...providers, ...staff]

type World = Awaited<ReturnType<typeof createFuzzWorld>>

type FuzzRoute = {
  path: string
  access: 'public' | Actor[]
  /** the action may change what other routes' runs rely on (a membership, a voucher, a staff account): its own world */
  fresh?: true
  /** runs per allowed persona, when fewer than FUZZ_RUNS do */
  runs?: number
  /** route params that take another of the world's ids than their name says (`offerId: 'otherOfferId'`) */
  params?: Record<string, string>
  fields?: string[]
  intents?: string[]
}

const organisationFields = [
  'name',
  'legalForm',
  'sector',
  'employsStaff',
  'streetAddress',
  'postalCode',
  'postOffice',
  'municipalityCode',
  'phone',
  'email',
  'website',
  'descriptionFi',
  'descriptionSv',
  'descriptionEn',
]
const offerFields = ['titleFi', 'titleSv', 'titleEn', 'descriptionFi', 'descriptionSv', 'descriptionEn', 'languages', 'otherLanguages', 'unitIds', 'extras[0].nameFi', 'extras[0].price']
const unitFields = ['kind', 'name', 'streetAddress', 'postalCode', 'municipalityCode', 'latitude', 'longitude', 'stepFreeAccess', 'accessibilityFi', 'phone', 'municipalityCodes']
const categoryFields = ['nameFi', 'nameSv', 'nameEn', 'unit', 'voucherType', 'reviewMode', 'requiresSoteri', 'active', 'documentTypes']
/** The open-data API is read-only: every action answers 405 alike, so two forms per persona do. */
const hsds = { path: '/api/hsds/services', access: 'public', runs: 2 } as const

/** Every route file with an action; a new one fails the first test until it is added here. */
const routes: Record<string, FuzzRoute> = {
  'account_.security.tsx': {
    path: '/account/security',
    access: signedIn,
    intents: ['endSession', 'endOtherSessions', 'resetSecondFactor'],
    fields: ['sessionId'],
  },
  'api.hsds.$.tsx': { ...hsds, path: '/api/hsds/no-such-endpoint' },
  'api.hsds._index.tsx': hsds,
  'api.hsds.openapi[.]json.tsx': hsds,
  'api.hsds.organizations.$id.tsx': hsds,
  'api.hsds.organizations._index.tsx': hsds,
  'api.hsds.service_at_locations.$id.tsx': hsds,
  'api.hsds.service_at_locations._index.tsx': hsds,
  'api.hsds.services.$id.tsx': hsds,
  'api.hsds.services._index.tsx': hsds,
  'api.hsds.taxonomies.$id.tsx': hsds,
  'api.hsds.taxonomies._index.tsx': hsds,
  'api.hsds.taxonomy_terms.$id.tsx': hsds,
  'api.hsds.taxonomy_terms._index.tsx': hsds,
  'api.stripe-webhook.tsx': { path: '/api/stripe-webhook', access: 'public', fields: ['id', 'type', 'data'] },
  'forgot-password.tsx': { path: '/forgot-password', access: 'public', fields: ['email'] },
  'invitations.$token.tsx': { path: '/invitations/:token', access: providers },
  'login.tsx': { path: '/login', access: 'public', fields: ['email', 'password', 'redirectTo'] },
  // public: the pages themselves send everyone without a half-finished staff login elsewhere
  'login_.second-factor-setup.tsx': { path: '/login/second-factor-setup', access: 'public', fields: ['code'] },
  'login_.second-factor.tsx': { path: '/login/second-factor', access: 'public', fields: ['code', 'redirectTo'] },
  'logout.tsx': { path: '/logout', access: 'public' },
  'my-voucher.feedback.tsx': { path: '/my-voucher/feedback', access: ['client'], fields: ['organisationId', 'rating', 'text'] },
  'my-voucher.logout.tsx': { path: '/my-voucher/logout', access: 'public' },
  'my-voucher.payments._index.tsx': { path: '/my-voucher/payments', access: ['client'], fields: ['paymentId'] },
  // another producer than the one the voucher has: choosing it asks for the confirmation
  'my-voucher.producers.$offerId.tsx': {
    path: '/my-voucher/producers/:otherOfferId',
    params: { offerId: 'otherOfferId' },
    access: ['client'],
    fresh: true,
    fields: ['endDate'],
  },
  'my-voucher.producers._index.tsx': { path: '/my-voucher/producers', access: ['client'], fresh: true, fields: ['offerId'] },
  'provider.$orgId._index.tsx': { path: '/provider/:orgId', access: members, fresh: true, intents: ['leave'] },
  'provider.$orgId.applications.$applicationId.tsx': {
    path: '/provider/:orgId/applications/:applicationId',
    access: members,
    intents: ['save', 'submit', 'withdraw'],
    fields: ['categoryIds', 'version', 'rulebookId', 'acceptRulebook'],
  },
  'provider.$orgId.applications.new.tsx': { path: '/provider/:orgId/applications/new', access: members, fields: ['categoryIds'] },
  'provider.$orgId.clients.$choiceId.tsx': {
    path: '/provider/:orgId/clients/:choiceId',
    access: members,
    fresh: true,
    intents: ['accept', 'decline', 'record', 'delete', 'adjust'],
    fields: ['startDate', 'reason', 'serviceDate', 'units', 'note', 'extraServiceId', 'extraQuantity', 'recordId'],
  },
  'provider.$orgId.documents.tsx': {
    path: '/provider/:orgId/documents',
    access: members,
    fields: ['documentType', 'issueDate', 'validUntil', 'registrationNumber', 'file'],
  },
  'provider.$orgId.edit.tsx': { path: '/provider/:orgId/edit', access: members, fields: organisationFields },
  'provider.$orgId.members.tsx': {
    path: '/provider/:orgId/members',
    access: ['owner'],
    fresh: true,
    intents: ['invite', 'change-role', 'remove', 'cancel-invitation'],
    fields: ['email', 'role', 'membershipId', 'invitationId'],
  },
  'provider.$orgId.offers.$offerId.tsx': {
    path: '/provider/:orgId/offers/:offerId',
    access: members,
    fresh: true,
    intents: ['price', 'cancel-price', 'capacity', 'confirm-capacity', 'save', 'publish', 'unpublish', 'archive', 'restore'],
    fields: ['price', 'effectiveFrom', 'priceId', 'capacity', 'freePlaces', 'offerId', ...offerFields],
  },
  'provider.$orgId.offers._index.tsx': { path: '/provider/:orgId/offers', access: members, intents: ['confirm-capacity'], fields: ['offerId'] },
  'provider.$orgId.offers.new.tsx': {
    path: '/provider/:orgId/offers/new',
    access: members,
    fields: ['categoryId', 'price', 'capacity', 'freePlaces', ...offerFields],
  },
  'provider.$orgId.units.$unitId.tsx': { path: '/provider/:orgId/units/:unitId', access: members, intents: ['save', 'delete'], fields: unitFields },
  'provider.$orgId.units.new.tsx': { path: '/provider/:orgId/units/new', access: members, fields: unitFields },
  'provider._index.tsx': { path: '/provider', access: providers, intents: ['accept-invitation'], fields: ['invitationId'] },
  'provider.organisations.new.tsx': { path: '/provider/organisations/new', access: providers, fields: ['businessId', ...organisationFields] },
  'reset-password.tsx': { path: '/reset-password', access: 'public', fields: ['token', 'password', 'confirmPassword'] },
  'set-language.tsx': { path: '/set-language', access: 'public', fields: ['lang', 'redirectTo'] },
  'signup.tsx': { path: '/signup', access: 'public', fields: ['name', 'email', 'password', 'confirmPassword'] },
  'staff.applications.$applicationId.tsx': {
    path: '/staff/applications/:submittedApplicationId',
    params: { applicationId: 'submittedApplicationId' },
    access: staff,
    intents: ['take', 'check-section', 'document', 'return', 'decide', 'reject'],
    fields: ['version', 'section', 'documentId', 'decision', 'rejectionReason', 'sections[0].section', 'sections[0].reason', 'approve', 'reason'],
  },
  'staff.catalogue.$categoryId.tsx': {
    path: '/staff/catalogue/:categoryId',
    access: ['admin'],
    intents: ['update', 'add-value', 'withdraw-value'],
    fields: [...categoryFields, 'effectiveFrom', 'value', 'minValue', 'maxValue', 'valueId'],
  },
  'staff.clients.$clientId.tsx': { path: '/staff/clients/:clientId', access: staff, intents: ['reveal'] },
  'staff.clients._index.tsx': { path: '/staff/clients', access: staff, fields: ['identityCode'] },
  'staff.clients.new.tsx': {
    path: '/staff/clients/new',
    access: staff,
    fields: ['firstName', 'lastName', 'identityCode', 'dateOfBirth', 'municipalityCode', 'preferredLanguage', 'streetAddress', 'postalCode', 'phone', 'email'],
  },
  'staff.feedback.tsx': { path: '/staff/feedback', access: staff, fields: ['feedbackId', 'decision'] },
  'staff.follow-up.budgets.tsx': {
    path: '/staff/follow-up/budgets',
    access: ['admin'],
    fields: ['year', 'rows[0].categoryId', 'rows[0].budget', 'rows[0].unitCost', 'rows[1].categoryId', 'rows[1].budget'],
  },
  'staff.register.$organisationId.tsx': {
    path: '/staff/register/:orgId',
    access: staff,
    fresh: true,
    intents: ['suspend', 'reinstate', 'remove'],
    fields: ['entryId', 'expectedStatus', 'reason', 'start', 'startDate', 'note'],
  },
  'staff.rulebook.tsx': {
    path: '/staff/rulebook',
    access: ['admin'],
    fields: ['version', 'effectiveFrom', 'titleFi', 'titleSv', 'titleEn', 'bodyFi', 'bodySv', 'bodyEn'],
  },
  'staff.settlements.$organisationId.$month.tsx': { path: '/staff/settlements/:orgId/:month', access: staff, fields: ['version'] },
  'staff.users.tsx': {
    path: '/staff/users',
    access: ['admin'],
    fresh: true,
    intents: ['set-role', 'deactivate', 'reactivate', 'create'],
    fields: ['name', 'email', 'role', 'locale', 'userId'],
  },
  'staff.vouchers.$voucherId.tsx': { path: '/staff/vouchers/:voucherId', access: staff, fresh: true, intents: ['cancel', 'extend'], fields: ['reason', 'validTo', 'note'] },
  'staff.vouchers.new.tsx': {
    path: '/staff/vouchers/new?clientId=:clientId',
    access: staff,
    intents: ['calculate', 'issue'],
    fields: [
      'clientId',
      'categoryId',
      'decisionNumber',
      'decisionDate',
      'householdSize',
      'grossMonthlyIncome',
      'override',
      'overrideValue',
      'overrideReason',
      'validFrom',
      'validTo',
      'unitsKind',
      'units',
    ],
  },
  'voucher.tsx': { path: '/voucher', access: 'public', fields: ['code', 'dateOfBirth.day', 'dateOfBirth.month', 'dateOfBirth.year', 'redirectTo'] },
}

/** The authorization matrix's parts (tests/integration/route-access/*.ts): where they classify an action, we agree. */
const accessParts = import.meta.glob<Record<string, RouteAccess>>('./route-access/*.ts', { eager: true, import: 'routes' })
const matrix: Record<string, RouteAccess> = Object.assign({}, ...Object.values(accessParts))

/** Our access and the matrix's alike; the matrix writes a client's voucher session as no persona or as `client`. */
function sameAccess(ours: FuzzRoute['access'], theirs: RouteAccess['action']): boolean {
  if (ours === 'public' || theirs === 'public' || theirs === undefined) return ours === theirs
  const withoutClient = (list: readonly string[]) => [...new Set(list)].filter((actor) => actor !== 'client').sort()
  return JSON.stringify(withoutClient(ours)) === JSON.stringify(withoutClient(theirs))
}

type RouteModule = { action?: (args: ActionFunctionArgs) => Promise<unknown> }
const modules = import.meta.glob<RouteModule>('../../app/routes/*.tsx')
const routesDir = new URL('../../app/routes', import.meta.url)
const routeFilesWithAction = readdirSync(routesDir)
  .filter((file) => file.endsWith('.tsx'))
  .filter((file) => /export (async )?function action\b|export const action\b/.test(readFileSync(new URL(`../../app/routes/${file}`, import.meta.url), 'utf8')))

/** The personas' world (tests/support) plus a unit, applications, an invitation, feedback and a second client's voucher. */
async function createFuzzWorld() {
  const world = await createVoucherWorld()
  const { organisation, otherOrganisation, users, categories, offer, otherOffer, voucher } = world
  const rulebooks = await createRulebooks()
  const unit = await prisma.serviceUnit.create({
    data: { organisationId: organisation.id, kind: 'LOCATION', name: 'Kontoret', streetAddress: 'Storgatan 1', postalCode: '65100', municipalityCode: '905' },
  })
  await prisma.offerServiceUnit.create({ data: { offerId: offer.id, serviceUnitId: unit.id } })
  const otherUnit = await prisma.serviceUnit.create({
    data: { organisationId: otherOrganisation.id, kind: 'HOME_VISIT_AREA', name: 'Närpes', areaMunicipalities: { create: [{ municipalityCode: '545' }] } },
  })
  const application = await prisma.registerApplication.create({
    data: { organisationId: organisation.id, createdById: users.owner.id, categories: { create: [{ categoryId: categories.supportServices.id }] } },
  })
  const submittedApplication = await prisma.registerApplication.create({
    data: {
      organisationId: otherOrganisation.id,
      createdById: users.otherProvider.id,
      status: 'SUBMITTED',
      submittedAt: new Date(),
      rulebookId: rulebooks.current.id,
      rulebookAcceptedAt: new Date(),
      categories: { create: [{ categoryId: categories.supportServices.id }] },
    },
  })
  const invitationToken = newToken()
  const invitation = await prisma.organisationInvitation.create({
    data: {
      organisationId: organisation.id,
      email: 'invited@example.com',
      role: 'EDITOR',
      tokenHash: invitationToken.tokenHash,
      invitedById: users.owner.id,
      expiresAt: new Date(Date.now() + 86_400_000),
    },
  })
  const feedback = await prisma.feedback.create({ data: { voucherId: voucher.id, organisationId: organisation.id, rating: 4, text: 'Bra' } })
  const secondClient = await createClient()
  const secondVoucher = await createVoucher(secondClient.id, categories.homeCare.id, users.reviewer.id, { status: 'ACTIVE' })
  await prisma.choice.create({ data: { voucherId: secondVoucher.id, offerId: otherOffer.id, status: 'PENDING' } })
  await prisma.feedback.create({ data: { voucherId: secondVoucher.id, organisationId: otherOrganisation.id, rating: 2 } })
  const entry = await prisma.registerEntry.findUniqueOrThrow({
    where: { organisationId_categoryId: { organisationId: organisation.id, categoryId: categories.homeCare.id } },
  })
  const clientCookie = (await openClientSession(voucher.id)).split(';')[0] ?? ''
  const cookies: Record<Actor, string> = { ...world.cookies, client: clientCookie }
  return {
    ...world,
    cookies,
    rulebooks,
    unit,
    otherUnit,
    application,
    submittedApplication,
    invitation,
    invitationToken: invitationToken.token,
    feedback,
    secondVoucher,
    entry,
  }
}

let sharedWorld: World | undefined

/** The shared world (or a fresh one), with new sessions for every persona: a logout before must not count. */
async function worldFor(route: FuzzRoute): Promise<World> {
  const world = route.fresh || !sharedWorld ? await createFuzzWorld() : sharedWorld
  if (!route.fresh) sharedWorld = world
  const cookies = { ...world.cookies, client: (await openClientSession(world.voucher.id)).split(';')[0] ?? '' }
  for (const [persona, user] of Object.entries(world.users)) cookies[persona as Actor] = await cookieForUser(user.id)
  return { ...world, cookies }
}

function pathParams(world: World): Record<string, string> {
  return {
    orgId: world.organisation.id,
    otherOrgId: world.otherOrganisation.id,
    organisationId: world.organisation.id,
    applicationId: world.application.id,
    submittedApplicationId: world.submittedApplication.id,
    choiceId: world.choice.id,
    offerId: world.offer.id,
    otherOfferId: world.otherOffer.id,
    unitId: world.unit.id,
    token: world.invitationToken,
    categoryId: world.categories.homeCare.id,
    clientId: world.client.id,
    voucherId: world.voucher.id,
    month: '2026-10',
  }
}

/** Values our forms would send, per field name; ids are the world's (both organisations', so cross-tenant ones too). */
function validValues(world: World): Record<string, string[]> {
  const today = helsinkiToday()
  const ids = (...values: string[]) => values
  return {
    name: ['Närpes hemvård Ab', 'Kotihoito Oy'],
    businessId: ['0737546-2', '1572860-0'],
    legalForm: ['COMPANY', 'FOUNDATION'],
    sector: ['PRIVATE', 'THIRD_SECTOR'],
    employsStaff: ['on'],
    streetAddress: ['Storgatan 1'],
    postalCode: ['65100', '64200'],
    postOffice: ['Vasa'],
    municipalityCode: ['905', '545'],
    municipalityCodes: ['905', '545'],
    phone: ['+358 6 123 4567', '040 123 4567'],
    email: ['info@example.fi', 'invited@example.com', world.users.owner.email],
    website: ['www.example.fi'],
    descriptionFi: ['Kotihoitoa.'],
    descriptionSv: ['Hemvård.'],
    descriptionEn: ['Home care.'],
    titleFi: ['Kotihoito'],
    titleSv: ['Hemvård'],
    titleEn: ['Home care'],
    languages: ['fi', 'sv'],
    otherLanguages: ['ar, so', ''],
    unitIds: ids(world.unit.id, world.otherUnit.id),
    'extras[0].nameFi': ['Kauppakäynti'],
    'extras[0].price': ['12,50'],
    price: ['36,50', '40.00'],
    effectiveFrom: [today, '2027-01-01'],
    priceId: ['no-such-price'],
    capacity: ['none', 'some', 'unknown'],
    freePlaces: ['3'],
    offerId: ids(world.offer.id, world.otherOffer.id),
    categoryId: ids(world.categories.homeCare.id, world.categories.supportServices.id, world.categories.closed.id),
    categoryIds: ids(world.categories.homeCare.id, world.categories.supportServices.id),
    version: ['0', '1'],
    rulebookId: ids(world.rulebooks.current.id, world.rulebooks.future.id),
    acceptRulebook: ['on'],
    startDate: [today],
    reason: ['Ingen plats just nu.'],
    serviceDate: [today],
    units: ['1,5', '2', '10'],
    note: ['Tisdag'],
    extraServiceId: ['no-such-extra'],
    extraQuantity: ['1'],
    recordId: ['no-such-record'],
    documentType: ['TRADE_REGISTER_EXTRACT', 'SOTERI_REGISTRATION'],
    issueDate: [today],
    validUntil: ['2030-01-01'],
    registrationNumber: ['12345'],
    role: ['EDITOR', 'OWNER', 'REVIEWER', 'ADMIN'],
    membershipId: ['no-such-membership'],
    invitationId: ids(world.invitation.id),
    kind: ['LOCATION', 'HOME_VISIT_AREA'],
    latitude: ['63,1'],
    longitude: ['21,6'],
    stepFreeAccess: ['on'],
    accessibilityFi: ['Ramppi'],
    password: ['correct horse battery staple', 'x'],
    confirmPassword: ['correct horse battery staple'],
    redirectTo: ['/', '/my-voucher', '//evil.example'],
    token: ['no-such-token'],
    lang: ['fi', 'sv', 'en'],
    section: ['organisation', 'categories', 'rulebook', 'documents:TRADE_REGISTER_EXTRACT'],
    'sections[0].section': ['organisation'],
    'sections[0].reason': ['Fyll i adressen.'],
    documentId: ['no-such-document'],
    decision: ['accept', 'reject', 'approve'],
    rejectionReason: ['Oläslig.'],
    approve: ids(world.categories.supportServices.id),
    nameFi: ['Kotihoito'],
    nameSv: ['Hemvård'],
    nameEn: ['Home care'],
    unit: ['HOUR', 'DAY'],
    voucherType: ['FIXED', 'INCOME_RELATED'],
    reviewMode: ['SINGLE_STEP', 'TWO_STEP'],
    requiresSoteri: ['on'],
    active: ['on'],
    documentTypes: ['TRADE_REGISTER_EXTRACT'],
    value: ['30,00'],
    minValue: ['12,00'],
    maxValue: ['36,00'],
    valueId: ['no-such-value'],
    identityCode: ['131052-308T', '010594Y9032'],
    firstName: ['Ingrid'],
    lastName: ['Nyström'],
    dateOfBirth: ['1952-10-13'],
    preferredLanguage: ['sv', 'fi'],
    feedbackId: ids(world.feedback.id),
    year: ['2026', '2027'],
    'rows[0].categoryId': ids(world.categories.homeCare.id),
    'rows[0].budget': ['1 000 000,00'],
    'rows[0].unitCost': ['38,00'],
    'rows[1].categoryId': ids(world.categories.supportServices.id),
    'rows[1].budget': ['500 000'],
    entryId: ids(world.entry.id),
    expectedStatus: ['ACTIVE', 'SUSPENDED'],
    start: ['today', 'date'],
    bodyFi: ['Sääntö.'],
    bodySv: ['Regel.'],
    bodyEn: ['Rule.'],
    userId: ids(world.users.reviewer.id, world.users.admin.id, world.users.owner.id),
    locale: ['fi', 'sv', 'en'],
    clientId: ids(world.client.id),
    decisionNumber: ['VO/2026/99'],
    decisionDate: [today],
    householdSize: ['2'],
    grossMonthlyIncome: ['1 850,00'],
    override: ['on'],
    overrideValue: ['30,00'],
    overrideReason: ['Särskilda skäl.'],
    validFrom: [today],
    validTo: ['2027-12-31'],
    unitsKind: ['perMonth', 'total'],
    code: [world.voucher.code, world.secondVoucher.code],
    'dateOfBirth.day': ['14'],
    'dateOfBirth.month': ['3'],
    'dateOfBirth.year': ['1941'],
    organisationId: ids(world.organisation.id, world.otherOrganisation.id),
    rating: ['1', '5'],
    text: ['Mycket bra.'],
    paymentId: ['no-such-payment'],
    endDate: [today],
    sessionId: ['no-such-session'],
  }
}

// ─── What each persona may change ───────────────────────────────────────────

/** Tables a request may write to whoever sends it (sessions seen, rate-limit counters, denial logs). */
const volatileTables = ['Session', 'ClientSession', 'RateLimit', 'JobLease', 'AuditEvent']

async function tableNames(): Promise<string[]> {
  const rows = await prisma.$queryRawUnsafe<{ name: string }[]>(
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name NOT LIKE '\\_%' ORDER BY 1`,
  )
  return rows.map((row) => row.name).filter((name) => !volatileTables.includes(name))
}

const quote = (ids: string[]) => ids.map((id) => `'${id.replace(/'/g, "''")}'`).join(', ')

/**
 * Slices of the database, each with the personas that may change it. After an allowed persona's requests every
 * slice it may not change is compared with its state before.
 */
function protectedSlices(world: World): { name: string; sql: string; changers: Actor[] }[] {
  const userIds = quote(Object.values(world.users).map((user) => user.id))
  const org = quote([world.organisation.id])
  const other = quote([world.otherOrganisation.id])
  const both = quote([world.organisation.id, world.otherOrganisation.id])
  const providerContent = (orgs: string) => `
    SELECT concat_ws(',', o.id, o."organisationId", o."categoryId", o."titleFi", o."titleSv", o."titleEn", o."descriptionFi", o."descriptionSv", o."descriptionEn", o."priceCents", o.languages::text) FROM "Offer" o WHERE o."organisationId" IN (${orgs})
    UNION ALL SELECT concat_ws(',', u.id, u."organisationId", u.name, u."streetAddress", u."postalCode", u.phone) FROM "ServiceUnit" u WHERE u."organisationId" IN (${orgs})
    UNION ALL SELECT concat_ws(',', a.id, a.status, a.version) FROM "RegisterApplication" a WHERE a."organisationId" IN (${orgs})
    UNION ALL SELECT concat_ws(',', d.id, d."organisationId") FROM "ComplianceDocument" d WHERE d."organisationId" IN (${orgs})`
  const organisationRow = (orgs: string) =>
    `SELECT concat_ws(',', id, name, "legalForm", sector, "streetAddress", "postalCode", phone, email, website, "descriptionFi", "descriptionSv", "descriptionEn") FROM "Organisation" WHERE id IN (${orgs})`
  return [
    { name: 'business IDs', sql: `SELECT concat_ws(',', id, "businessId") FROM "Organisation" WHERE id IN (${both})`, changers: [] },
    {
      name: 'users’ staff roles, activity and credentials',
      sql: `SELECT concat_ws(',', id, email, "staffRole", "deactivatedAt", "passwordHash", "emailVerifiedAt") FROM "User" WHERE id IN (${userIds})`,
      changers: ['admin'],
    },
    { name: 'owners', sql: `SELECT concat_ws(',', id, "userId", "organisationId") FROM "Membership" WHERE role = 'OWNER' AND "organisationId" IN (${both})`, changers: ['owner'] },
    { name: 'memberships of the organisation', sql: `SELECT concat_ws(',', id, "userId", role) FROM "Membership" WHERE "organisationId" IN (${org})`, changers: members },
    { name: 'memberships of the other organisation', sql: `SELECT concat_ws(',', id, "userId", role) FROM "Membership" WHERE "organisationId" IN (${other})`, changers: ['otherProvider'] },
    { name: 'the organisation’s details', sql: organisationRow(org), changers: members },
    { name: 'the other organisation’s details', sql: organisationRow(other), changers: ['otherProvider'] },
    { name: 'the organisation’s offers, units, applications, documents', sql: providerContent(org), changers: [...members, ...staff] },
    { name: 'the other organisation’s offers, units, applications, documents', sql: providerContent(other), changers: ['otherProvider', ...staff] },
    {
      name: 'staff decisions (register, catalogue, rulebook, budgets, vouchers, clients, moderation, review)',
      sql: `
        SELECT concat_ws(',', id, status, "statusReason", "validFrom", "decidedById", "lapsedAt") FROM "RegisterEntry"
        UNION ALL SELECT t::text FROM "ServiceCategory" t
        UNION ALL SELECT t::text FROM "VoucherValue" t
        UNION ALL SELECT t::text FROM "Rulebook" t
        UNION ALL SELECT t::text FROM "CategoryBudget" t
        UNION ALL SELECT t::text FROM "Client" t
        UNION ALL SELECT concat_ws(',', id, "clientId", "categoryId", code, "decisionNumber", "validFrom", "validTo", "valueCents", "unitsPerMonth", "unitsTotal") FROM "Voucher"
        UNION ALL SELECT concat_ws(',', id, moderation) FROM "Feedback" WHERE moderation <> 'PENDING'
        UNION ALL SELECT concat_ws(',', "applicationId", "categoryId", decision, "proposedById") FROM "ApplicationCategory" WHERE decision <> 'PENDING' OR "proposedById" IS NOT NULL
        UNION ALL SELECT concat_ws(',', id, "assignedToId", "decidedAt", "decisionReason") FROM "RegisterApplication" WHERE "assignedToId" IS NOT NULL OR "decidedAt" IS NOT NULL
        UNION ALL SELECT concat_ws(',', id, status, "reviewedById") FROM "ComplianceDocument" WHERE status <> 'PENDING' OR "reviewedById" IS NOT NULL
        UNION ALL SELECT t::text FROM "MonthlySettlement" t`,
      changers: staff,
    },
    {
      name: 'the second client’s choices and feedback',
      sql: `SELECT concat_ws(',', c.id, c.status, c."offerId") FROM "Choice" c WHERE c."voucherId" = '${world.secondVoucher.id}'
        UNION ALL SELECT concat_ws(',', f.id, f.rating, f.text) FROM "Feedback" f WHERE f."voucherId" = '${world.secondVoucher.id}'`,
      changers: ['otherProvider', ...staff],
    },
  ]
}

type Digests = Record<string, string>

async function digests(queries: { name: string; sql: string }[]): Promise<Digests> {
  const union = queries
    .map((query, index) => `SELECT ${index} AS i, md5(coalesce(string_agg(x, '|' ORDER BY x), '')) AS d FROM (${query.sql}) AS q(x)`)
    .join('\nUNION ALL\n')
  const rows = await prisma.$queryRawUnsafe<{ i: number; d: string }[]>(union)
  return Object.fromEntries(rows.map((row) => [queries[Number(row.i)]!.name, row.d]))
}

const tableQueries = (tables: string[]) => tables.map((table) => ({ name: `table ${table}`, sql: `SELECT t::text FROM "${table}" t` }))

function changed(before: Digests, after: Digests): string[] {
  return Object.keys(before).filter((name) => before[name] !== after[name])
}

// ─── Running an action ──────────────────────────────────────────────────────

const contentTypes = ['application/x-www-form-urlencoded', 'application/x-www-form-urlencoded', 'application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'] as const

function request(path: string, cookie: string, body: HostileBody, contentType: (typeof contentTypes)[number]): Request {
  const headers = new Headers({ 'Accept-Language': 'fi', Origin: 'http://localhost:3000', 'Sec-Fetch-Site': 'same-origin' })
  if (cookie) headers.set('Cookie', cookie)
  const url = `http://localhost:3000${path}`
  if (contentType === 'multipart/form-data') {
    const form = new FormData()
    for (const [name, value] of body.entries) {
      if (name === 'file' || value.length % 7 === 3) form.append(name, new File([value], value.slice(0, 40) || 'x.pdf', { type: 'application/pdf' }))
      else form.append(name, value)
    }
    return new Request(url, { method: 'POST', headers, body: form })
  }
  headers.set('Content-Type', contentType)
  return new Request(url, { method: 'POST', headers, body: encodeBody(body) })
}

/** The status the action answered with, or the failure: a 5xx, or a thrown error that is not a Response. */
async function run(action: NonNullable<RouteModule['action']>, request: Request, params: Record<string, string>): Promise<number> {
  try {
    const result = await action({ request, params, context: {} })
    if (result instanceof Response) return result.status
    const init = (result as { init?: { status?: number } } | null)?.init
    return init?.status ?? 200
  } catch (thrown) {
    if (thrown instanceof Response) return thrown.status
    throw thrown
  }
}

function describeBody(body: HostileBody): string {
  return `${describeEntries(body.entries)}${body.rawSuffix ? ` + raw ${body.rawSuffix}` : ''}`
}

const baseRuns = Number(process.env.FUZZ_RUNS ?? 5)

function seedOf(text: string): number {
  if (process.env.FUZZ_SEED) return Number(process.env.FUZZ_SEED)
  let hash = 0
  for (const character of text) hash = (hash * 31 + character.charCodeAt(0)) | 0
  return hash
}

describe('hostile form data to every action', () => {
  it('has a fuzz entry for every route with an action', () => {
    expect(routeFilesWithAction.filter((file) => !(file in routes))).toEqual([])
    expect(Object.keys(routes).filter((file) => !routeFilesWithAction.includes(file))).toEqual([])
  })

  it('agrees with the authorization matrix on who may use each action', () => {
    const disagreements = Object.entries(routes)
      .filter(([file]) => matrix[file]?.action !== undefined)
      .filter(([file, route]) => !sameAccess(route.access, matrix[file]?.action))
      .map(([file]) => file)
    expect(disagreements).toEqual([])
  })

  for (const [file, route] of Object.entries(routes)) {
    it(`${file}: never a 500, never a forbidden change`, async () => {
      const action = (await modules[`../../app/routes/${file}`]?.())?.action
      if (!action) throw new Error(`${file} has no action`)
      const world = await worldFor(route)
      const params = pathParams(world)
      const path = route.path.replace(/:(\w+)/g, (_match, name: string) => params[name] ?? name)
      const renamed = Object.entries(route.params ?? {}).map(([name, source]) => [name, params[source] ?? source])
      const routeParams: Record<string, string> = { ...params, id: world.offer.id, '*': 'no-such-endpoint', ...Object.fromEntries(renamed) }
      const spec: FormSpec = { fields: route.fields ?? [], intents: route.intents, valid: validValues(world) }
      const slices = protectedSlices(world)
      const tables = tableQueries(await tableNames())

      for (const actor of actors) {
        const allowed = route.access === 'public' || route.access.includes(actor)
        const checked = allowed ? slices.filter((slice) => !slice.changers.includes(actor)) : tables
        const before = await digests(checked)
        const seed = seedOf(`${file} ${actor}`)
        const result = await fc.check(
          fc.asyncProperty(hostileForm(spec), fc.constantFrom(...contentTypes), async (body, contentType) => {
            const status = await run(action, request(path, world.cookies[actor], body, contentType), routeParams)
            if (status >= 500) throw new Error(`answered ${status}`)
          }),
          { seed, numRuns: allowed ? Math.min(route.runs ?? baseRuns, baseRuns) : Math.max(1, Math.ceil(baseRuns / 3)), endOnFailure: true },
        )
        if (result.failed) {
          const [body, contentType] = result.counterexample ?? []
          const reason = result.errorInstance instanceof Error ? (result.errorInstance.stack ?? result.errorInstance.message) : String(result.errorInstance)
          expect.fail(`${file} as ${actor} (seed ${seed}, ${contentType}): ${body ? describeBody(body) : '?'}\n${reason}`)
        }
        const after = await digests(checked)
        expect(changed(before, after), `${file} as ${actor} (${allowed ? 'allowed' : 'forbidden'}, seed ${seed}) changed`).toEqual([])
      }
    })
  }
})
