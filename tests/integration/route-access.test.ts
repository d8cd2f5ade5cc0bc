import { rmSync } from 'node:fs'
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { createAccessWorld, type AccessWorld, type PlaceholderName } from '../support/access-world'
import { makeRequest, outcomeOf } from '../support/request'
import { matrixPersonas, members, signedIn, staff, type MatrixPersona, type RouteAccess } from '../support/route-access'
import { loadRouteManifest, type ManifestRoute } from '../support/route-manifest'

/**
 * The authorization matrix. Every route of the app's route manifest (as Remix builds it from app/routes) has a row
 * below or in ./route-access/<area>.ts (each part exports `routes`; they are merged): who may call its loader and
 * its action. A route without a row, or a row without a route, fails the first test — so every new route is
 * classified. Each loader and action is then called in-process, as Remix would (the params come from matching the
 * row's address against the manifest), as every persona:
 *
 * - anonymous, client (a voucher session, `__voucher`), owner and editor (members of organisation A),
 *   otherProvider (owner of organisation B), reviewer and admin (staff).
 * - A persona that is not allowed gets: anonymous or client → the login page (`/login?redirectTo=…`); on a client
 *   page (`scope: 'client'`) everyone without a client session → `/voucher?redirectTo=…`; a signed-in non-member on
 *   an organisation's page (`scope: 'organisation'`) → 404; anyone else → 403.
 * - An allowed persona gets 200, a redirect (not to a login) or 400 (actions get an empty form).
 * - Public loaders answer every persona without a refusal. Public actions (login, sign-up, the API's 405…) are
 *   not called here: their forms are tested beside their modules.
 *
 * Organisation B's records: where an organisation's address names a record (an offer, unit, document,
 * application, client's choice, settlement month, membership), A's members ask for B's record under A's id, B's
 * owner asks for A's record under B's id, and A's owner asks for B's record under B's id: all 404. Actions get
 * the row's `probe` form so that they get as far as looking the record up. The client asks for another voucher's
 * payment: 404. No answer to A's members or the client may contain B's (or the other voucher's) ids or names.
 *
 * To classify a new route: add a row keyed by its file under app/routes to your area's part file, with an address
 * that reaches it (placeholders in tests/support/route-access.ts), `loader` and `action` as the personas allowed
 * (`members`, `staff`, `signedIn`, `client`, `'public'` or a list), `scope` when it is an organisation's or a
 * client's page, and a `probe` when its action looks up a record named in the address or form.
 */
const coreTable: Record<string, RouteAccess> = {
  // — public pages; the root route's loader runs on every page —
  'root.tsx': { path: '/', loader: 'public' },
  '_index.tsx': { path: '/', loader: 'public' },
  '$.tsx': { path: '/no-such-page', loader: 'public' },
  'accessibility.tsx': { path: '/accessibility', loader: 'public' },
  'privacy.tsx': { path: '/privacy', loader: 'public' },
  'set-language.tsx': { path: '/set-language', loader: 'public', action: 'public' },
  // the development mail viewer; it answers 404 in production
  'dev.mail.tsx': { path: '/dev/mail', loader: 'public' },
  'register.tsx': { path: '/register', loader: 'public' },

  // — the public catalogue (issue 5): unknown producers answer 404 —
  'producers.$organisationId.tsx': { path: '/producers/:orgId', loader: 'public' },
  'services._index.tsx': { path: '/services', loader: 'public' },
  'services.compare.tsx': { path: '/services/compare', loader: 'public' },
  'services.what-would-i-pay.tsx': { path: '/services/what-would-i-pay', loader: 'public' },

  // — accounts —
  'login.tsx': { path: '/login', loader: 'public', action: 'public' },
  'logout.tsx': { path: '/logout', loader: 'public', action: 'public' },
  'signup.tsx': { path: '/signup', loader: 'public', action: 'public' },
  'signup_.sent.tsx': { path: '/signup/sent', loader: 'public' },
  'verify-email.tsx': { path: '/verify-email', loader: 'public' },
  'forgot-password.tsx': { path: '/forgot-password', loader: 'public', action: 'public' },
  'reset-password.tsx': { path: '/reset-password', loader: 'public', action: 'public' },
  'account.tsx': { path: '/account', loader: signedIn },
  // staff accounts cannot join organisations
  'invitations.$token.tsx': { path: '/invitations/some-token', loader: signedIn, action: ['owner', 'editor', 'otherProvider'] },

  // — providers: their organisations —
  'provider._index.tsx': { path: '/provider', loader: signedIn, action: ['owner', 'editor', 'otherProvider'] },
  // staff accounts may not register organisations
  'provider.organisations.new.tsx': { path: '/provider/organisations/new', loader: ['owner', 'editor', 'otherProvider'], action: ['owner', 'editor', 'otherProvider'] },
  'provider.$orgId.tsx': { path: '/provider/:orgId', loader: members, scope: 'organisation' },
  'provider.$orgId._index.tsx': { path: '/provider/:orgId', loader: members, action: members, scope: 'organisation' },
  'provider.$orgId.edit.tsx': { path: '/provider/:orgId/edit', loader: members, action: members, scope: 'organisation' },
  'provider.$orgId.members.tsx': {
    path: '/provider/:orgId/members',
    loader: ['owner'],
    action: ['owner'],
    scope: 'organisation',
    probe: { intent: 'change-role', membershipId: ':membershipId', role: 'EDITOR' },
  },
  'provider.$orgId.register.tsx': { path: '/provider/:orgId/register', loader: members, scope: 'organisation' },

  // — providers: applications to the register and their documents (issue 3) —
  'provider.$orgId.applications._index.tsx': { path: '/provider/:orgId/applications', loader: members, scope: 'organisation' },
  'provider.$orgId.applications.new.tsx': { path: '/provider/:orgId/applications/new', loader: members, action: members, scope: 'organisation' },
  'provider.$orgId.applications.$applicationId.tsx': {
    path: '/provider/:orgId/applications/:applicationId',
    loader: members,
    action: members,
    scope: 'organisation',
    probe: { intent: 'withdraw', version: '0' },
  },
  'provider.$orgId.documents.tsx': { path: '/provider/:orgId/documents', loader: members, action: members, scope: 'organisation' },
  // staff download any organisation's documents (each download is audited), only under the organisation's own id
  'provider.$orgId.documents.$documentId.download.tsx': {
    path: '/provider/:orgId/documents/:documentId/download',
    loader: [...members, ...staff],
    scope: 'organisation',
  },

  // — providers: offers and service units (issue 4) —
  'provider.$orgId.offers._index.tsx': {
    path: '/provider/:orgId/offers',
    loader: members,
    action: members,
    scope: 'organisation',
    probe: { intent: 'confirm-capacity', offerId: ':offerId' },
  },
  'provider.$orgId.offers.new.tsx': { path: '/provider/:orgId/offers/new', loader: members, action: members, scope: 'organisation' },
  'provider.$orgId.offers.$offerId.tsx': {
    path: '/provider/:orgId/offers/:offerId',
    loader: members,
    action: members,
    scope: 'organisation',
    probe: { intent: 'confirm-capacity', offerId: ':offerId' },
  },
  'provider.$orgId.units._index.tsx': { path: '/provider/:orgId/units', loader: members, scope: 'organisation' },
  'provider.$orgId.units.new.tsx': { path: '/provider/:orgId/units/new', loader: members, action: members, scope: 'organisation' },
  'provider.$orgId.units.$unitId.tsx': {
    path: '/provider/:orgId/units/:unitId',
    loader: members,
    action: members,
    scope: 'organisation',
    probe: { intent: 'delete' },
  },

  // — staff: the register, applications, catalogue, users and audit (issues 2–4) —
  'staff.tsx': { path: '/staff', loader: staff },
  'staff._index.tsx': { path: '/staff', loader: staff },
  'staff.attention.tsx': { path: '/staff/attention', loader: staff },
  'staff.applications._index.tsx': { path: '/staff/applications', loader: staff },
  'staff.applications.$applicationId.tsx': { path: '/staff/applications/:applicationId', loader: staff, action: staff },
  'staff.register._index.tsx': { path: '/staff/register', loader: staff },
  'staff.register.$organisationId.tsx': { path: '/staff/register/:orgId', loader: staff, action: staff },
  'staff.catalogue._index.tsx': { path: '/staff/catalogue', loader: ['admin'] },
  'staff.catalogue.$categoryId.tsx': { path: '/staff/catalogue/:categoryId', loader: ['admin'], action: ['admin'] },
  'staff.rulebook.tsx': { path: '/staff/rulebook', loader: ['admin'], action: ['admin'] },
  'staff.users.tsx': { path: '/staff/users', loader: ['admin'], action: ['admin'] },
  'staff.audit.tsx': { path: '/staff/audit', loader: ['admin'] },
}

const parts = import.meta.glob<Record<string, RouteAccess>>('./route-access/*.ts', { eager: true, import: 'routes' })
const table: Record<string, RouteAccess> = Object.assign({}, coreTable, ...Object.values(parts))

type RouteModule = {
  loader?: (args: LoaderFunctionArgs) => Promise<unknown>
  action?: (args: ActionFunctionArgs) => Promise<unknown>
}
const modules = import.meta.glob<RouteModule>(['../../app/root.tsx', '../../app/routes/**/*.{ts,tsx,js,jsx}', '!**/*.test.*'])
const moduleOf = (route: ManifestRoute) => modules[`../../app/${route.file}`]?.()

const manifest = await loadRouteManifest()
/** a route's row key: its file under app/routes (the root route's: `root.tsx`) */
const keyOf = (route: ManifestRoute) => route.file.replace(/^routes\//, '')
const routeByKey = new Map(manifest.routes.map((route) => [keyOf(route), route]))

// env() reads UPLOAD_DIR once per test file: the world's document files go to a temporary folder.
const uploadDir = vi.hoisted(() => {
  const dir = `${process.env.TMPDIR ?? '/tmp'}/palvelutori-route-access-${process.pid}-${Date.now()}`
  process.env.UPLOAD_DIR = dir
  return dir
})

type Side = 'a' | 'b'
type Expected = 'public' | 'allowed' | 'login' | 'voucher' | 'forbidden' | 'not found'
type Case = {
  title: string
  persona: MatrixPersona
  expected: Expected
  /** whose organisation id (`:orgId`) and whose records (every other placeholder) the address names */
  org: Side
  records: Side
  form?: Record<string, string>
  /** the other side's secrets that must not appear in the answer */
  secrets?: { side: Side; kind: 'providerSecrets' | 'clientSecrets' }
}

const placeholderPattern = /:(\w+)/g

/** Fills an address or form value: `:orgId` with `org`'s organisation, `:otherX` with B's X, the rest with `records`' ids. */
function fill(template: string, world: AccessWorld, org: Side, records: Side): string {
  return template.replace(placeholderPattern, (whole, name: string) => {
    const other = /^other([A-Z]\w*)$/.exec(name)?.[1]
    const key = (other ? `${other[0]?.toLowerCase()}${other.slice(1)}` : name) as PlaceholderName
    const side = other ? 'b' : name === 'orgId' ? org : records
    const value: string | undefined = world[side].ids[key]
    if (value === undefined) throw new Error(`unknown placeholder ${whole} in ${template}`)
    return value
  })
}

/**
 * The placeholders that name a record of the organisation (or voucher) in what the loader or action gets (an
 * action also its probe form): those swapped for the other side's.
 */
function recordPlaceholders(access: RouteAccess, kind: 'loader' | 'action'): string[] {
  const texts = [access.path, ...(kind === 'action' ? Object.values(access.probe ?? {}) : [])]
  return texts
    .flatMap((text) => [...text.matchAll(placeholderPattern)].map((match) => match[1] ?? ''))
    .filter((name) => name !== 'orgId' && name !== 'categoryId' && !name.startsWith('other'))
}

const isMember = (persona: MatrixPersona) => (members as MatrixPersona[]).includes(persona)
const isStaff = (persona: MatrixPersona) => (staff as MatrixPersona[]).includes(persona)

function expectation(access: RouteAccess, allowed: MatrixPersona[], persona: MatrixPersona): Expected {
  if (allowed.includes(persona)) return 'allowed'
  if (access.scope === 'client') return 'voucher'
  if (persona === 'anonymous' || persona === 'client') return 'login'
  if (access.scope === 'organisation' && !isMember(persona)) return 'not found'
  return 'forbidden'
}

/** The secrets an allowed persona's answer must not hold: B's, to A's members; the other voucher's, to the client. */
function secretsFor(access: RouteAccess, persona: MatrixPersona): Case['secrets'] {
  if (access.scope === 'organisation' && isMember(persona)) return { side: 'b', kind: 'providerSecrets' }
  if (access.scope === 'client' && persona === 'client') return { side: 'b', kind: 'clientSecrets' }
  return undefined
}

function casesOf(access: RouteAccess, kind: 'loader' | 'action'): Case[] {
  const allowed = access[kind]
  if (!allowed || access.custom) return []
  if (allowed === 'public') {
    // public actions are exercised beside their modules (their forms send mail, count rate limits…)
    if (kind === 'action') return []
    return matrixPersonas.map((persona) => ({ title: `as ${persona}: public`, persona, expected: 'public', org: 'a', records: 'a' }))
  }
  const form = kind === 'action' ? {} : undefined
  const cases: Case[] = matrixPersonas.map((persona) => {
    const expected = expectation(access, allowed, persona)
    const secrets = expected === 'allowed' ? secretsFor(access, persona) : undefined
    return { title: `as ${persona}: ${expected}`, persona, expected, org: 'a', records: 'a', form, secrets }
  })
  if (recordPlaceholders(access, kind).length === 0 || (kind === 'action' && !access.probe)) return cases
  const probe = kind === 'action' ? access.probe : undefined
  const notFound = (persona: MatrixPersona, org: Side, records: Side, title: string): Case => ({
    title: `as ${persona} with ${title}: not found`,
    persona,
    expected: 'not found',
    org,
    records,
    form: probe,
    secrets: { side: records, kind: persona === 'client' ? 'clientSecrets' : 'providerSecrets' },
  })
  if (access.scope === 'organisation') {
    for (const persona of allowed.filter((name) => isMember(name) || isStaff(name))) {
      cases.push(notFound(persona, 'a', 'b', "B's records under A's id"))
    }
    if (allowed.includes('owner')) {
      cases.push(notFound('otherProvider', 'b', 'a', "A's records under B's own id"))
      cases.push(notFound('owner', 'b', 'b', "B's records under B's id"))
    }
  }
  if (access.scope === 'client' && allowed.includes('client')) cases.push(notFound('client', 'a', 'b', "another voucher's records"))
  return cases
}

describe('route access', () => {
  let world: AccessWorld
  beforeAll(async () => {
    world = await createAccessWorld()
  })
  afterAll(() => rmSync(uploadDir, { recursive: true, force: true }))

  it('classifies every route of the manifest, and only those', () => {
    const keys = manifest.routes.map(keyOf)
    expect(keys.filter((key, index) => keys.indexOf(key) !== index)).toEqual([])
    const unclassified = manifest.routes.filter((route) => !(keyOf(route) in table)).map((route) => `${route.id} (${route.pattern}): add a row '${keyOf(route)}'`)
    expect(unclassified).toEqual([])
    expect(Object.keys(table).filter((key) => !routeByKey.has(key))).toEqual([])
  })

  it("gives each row an address that reaches its route, and names exactly the route's loader and action", async () => {
    const problems: string[] = []
    for (const [key, access] of Object.entries(table)) {
      const route = routeByKey.get(key)
      if (!route) continue
      const module = await moduleOf(route)
      for (const kind of ['loader', 'action'] as const) {
        if (Boolean(module?.[kind]) !== (access[kind] !== undefined)) {
          problems.push(`${key}: the module ${module?.[kind] ? 'has' : 'has no'} ${kind}, the row ${access[kind] ? 'names one' : 'does not'}`)
        }
      }
      try {
        const pathname = new URL(fill(access.path, world, 'a', 'a'), 'http://localhost').pathname
        if (!manifest.paramsFor(route.id, pathname)) problems.push(`${key}: ${access.path} does not reach ${route.id} (${route.pattern})`)
        for (const value of Object.values(access.probe ?? {})) fill(value, world, 'a', 'a')
      } catch (error) {
        problems.push(`${key}: ${String(error)}`)
      }
      if (access.action && access.action !== 'public' && !access.custom && access.scope && recordPlaceholders(access, 'loader').length > 0 && !access.probe) {
        problems.push(`${key}: its action looks up a record named in the address; give the row a probe form`)
      }
    }
    expect(problems).toEqual([])
  })

  for (const [key, access] of Object.entries(table)) {
    const route = routeByKey.get(key)
    if (!route || (casesOf(access, 'loader').length === 0 && casesOf(access, 'action').length === 0)) continue
    describe(`${route.id} (${access.path})`, () => {
      for (const kind of ['loader', 'action'] as const) {
        for (const testCase of casesOf(access, kind)) {
          it(`${kind} ${testCase.title}`, async () => {
            const handler = (await moduleOf(route))?.[kind]
            if (!handler) throw new Error(`${key} has no ${kind}`)
            const path = fill(access.path, world, testCase.org, testCase.records)
            const url = new URL(path, 'http://localhost')
            const params = manifest.paramsFor(route.id, url.pathname)
            if (!params) throw new Error(`${path} does not reach ${route.id}`)
            const form = testCase.form && Object.fromEntries(Object.entries(testCase.form).map(([name, value]) => [name, fill(value, world, testCase.org, testCase.records)]))
            const cookie = testCase.persona === 'client' ? world.clientCookie : world.cookies[testCase.persona]
            const request = makeRequest(path, { cookie, method: kind === 'action' ? 'POST' : 'GET', form })
            const { status, location, body } = await outcomeOf(() => handler({ request, params, context: {} }))
            const refusal = /^\/(login|voucher)\?/
            switch (testCase.expected) {
              case 'public':
                expect(status).toBeLessThan(500)
                expect([401, 403]).not.toContain(status)
                expect(location ?? '').not.toMatch(refusal)
                break
              case 'allowed':
                expect([200, 302, 303, 400, ...(access.allowedStatuses ?? [])]).toContain(status)
                expect(location ?? '').not.toMatch(refusal)
                break
              case 'login':
                expect({ status, location }).toEqual({ status: 302, location: `/login?${new URLSearchParams({ redirectTo: path })}` })
                break
              case 'voucher':
                expect({ status, location }).toEqual({ status: 302, location: `/voucher?${new URLSearchParams({ redirectTo: path })}` })
                break
              case 'forbidden':
                expect({ status, location }).toEqual({ status: 403, location: null })
                break
              case 'not found':
                expect({ status, location }).toEqual({ status: 404, location: null })
                break
            }
            if (testCase.secrets) {
              const { side, kind: secretKind } = testCase.secrets
              const asked = `${path} ${JSON.stringify(form ?? {})}`
              const secrets = Object.entries(world[side][secretKind]).filter(([, secret]) => !asked.includes(secret))
              const leaked = secrets.filter(([, secret]) => body.includes(secret)).map(([name]) => `${side.toUpperCase()}'s ${name}`)
              expect(leaked).toEqual([])
            }
          })
        }
      }
    })
  }
})
