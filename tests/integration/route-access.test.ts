import { readdirSync } from 'node:fs'
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { beforeAll, describe, expect, it } from 'vitest'
import { createWorld, makeRequest, personas, statusOf, type Persona } from '../support/request'
import { members, signedIn, staff, type RouteAccess } from '../support/route-access'

/**
 * Every route file is classified here: public, or which personas may use its loader and action. A new route that
 * is missing from the table fails the first test. Everyone else gets: anonymous → the login page; a member without
 * the permission → 403; a non-member on an organisation's route → 404 (its existence is not revealed); anyone
 * without the permission on a staff route → 403.
 *
 * Paths may use `:orgId` (the organisation under test; `otherProvider` is a member of a different one) and
 * `:otherOrgId`. Routes whose loader needs more params (a document id, say) are `custom` and tested beside their module.
 * Each capability may keep its part of the table in ./route-access/<capability>.ts (exporting `routes`); they are merged.
 */
const coreTable: Record<string, RouteAccess> = {
  '$.tsx': { path: '/no-such-page', loader: 'public' },
  '_index.tsx': { path: '/', loader: 'public' },
  'accessibility.tsx': { path: '/accessibility', loader: 'public' },
  'account.tsx': { path: '/account', loader: signedIn },
  'dev.mail.tsx': { path: '/dev/mail', loader: 'public' },
  'forgot-password.tsx': { path: '/forgot-password', loader: 'public', action: 'public' },
  'invitations.$token.tsx': { path: '/invitations/some-token', loader: signedIn, action: ['owner', 'editor', 'otherProvider'] },
  'login.tsx': { path: '/login', loader: 'public', action: 'public' },
  'logout.tsx': { path: '/logout', loader: 'public', action: 'public' },
  'privacy.tsx': { path: '/privacy', loader: 'public' },
  // the public catalogue (issue 5): no login; unknown producers answer 404 (app/modules/public-catalogue)
  'producers.$organisationId.tsx': { path: '/producers/some-organisation', loader: 'public' },
  'provider._index.tsx': { path: '/provider', loader: signedIn, action: ['owner', 'editor', 'otherProvider'] },
  'provider.$orgId._index.tsx': { path: '/provider/:orgId', loader: members, action: members, scope: 'organisation' },
  // every persona is covered in app/modules/applications/service.integration.test.ts ("the application page")
  'provider.$orgId.applications.$applicationId.tsx': {
    path: '/provider/:orgId/applications/:applicationId',
    loader: members,
    action: members,
    scope: 'organisation',
    custom: true,
  },
  'provider.$orgId.applications._index.tsx': { path: '/provider/:orgId/applications', loader: members, scope: 'organisation' },
  'provider.$orgId.applications.new.tsx': { path: '/provider/:orgId/applications/new', loader: members, action: members, scope: 'organisation' },
  'provider.$orgId.documents.tsx': { path: '/provider/:orgId/documents', loader: members, action: members, scope: 'organisation' },
  // every persona is covered in app/modules/documents/service.integration.test.ts ("downloading a document")
  'provider.$orgId.documents.$documentId.download.tsx': {
    path: '/provider/:orgId/documents/:documentId/download',
    loader: [...members, ...staff],
    scope: 'organisation',
    custom: true,
  },
  'provider.$orgId.edit.tsx': { path: '/provider/:orgId/edit', loader: members, action: members, scope: 'organisation' },
  'provider.$orgId.members.tsx': { path: '/provider/:orgId/members', loader: ['owner'], action: ['owner'], scope: 'organisation' },
  // every persona (and another organisation's offer id) is covered in app/modules/offers/service.integration.test.ts ("the offer page")
  'provider.$orgId.offers.$offerId.tsx': {
    path: '/provider/:orgId/offers/:offerId',
    loader: members,
    action: members,
    scope: 'organisation',
    custom: true,
  },
  'provider.$orgId.offers._index.tsx': { path: '/provider/:orgId/offers', loader: members, action: members, scope: 'organisation' },
  'provider.$orgId.offers.new.tsx': { path: '/provider/:orgId/offers/new', loader: members, action: members, scope: 'organisation' },
  'provider.$orgId.register.tsx': { path: '/provider/:orgId/register', loader: members, scope: 'organisation' },
  'provider.$orgId.tsx': { path: '/provider/:orgId', loader: members, scope: 'organisation' },
  // every persona (and another organisation's unit id) is covered in app/modules/service-units/service.integration.test.ts ("the unit page")
  'provider.$orgId.units.$unitId.tsx': {
    path: '/provider/:orgId/units/:unitId',
    loader: members,
    action: members,
    scope: 'organisation',
    custom: true,
  },
  'provider.$orgId.units._index.tsx': { path: '/provider/:orgId/units', loader: members, scope: 'organisation' },
  'provider.$orgId.units.new.tsx': { path: '/provider/:orgId/units/new', loader: members, action: members, scope: 'organisation' },
  // staff accounts may not register organisations
  'provider.organisations.new.tsx': { path: '/provider/organisations/new', loader: ['owner', 'editor', 'otherProvider'], action: ['owner', 'editor', 'otherProvider'] },
  'register.tsx': { path: '/register', loader: 'public' },
  'reset-password.tsx': { path: '/reset-password', loader: 'public', action: 'public' },
  'services._index.tsx': { path: '/services', loader: 'public' },
  'services.compare.tsx': { path: '/services/compare', loader: 'public' },
  'services.what-would-i-pay.tsx': { path: '/services/what-would-i-pay', loader: 'public' },
  'set-language.tsx': { path: '/set-language', loader: 'public', action: 'public' },
  'signup.tsx': { path: '/signup', loader: 'public', action: 'public' },
  'signup_.sent.tsx': { path: '/signup/sent', loader: 'public' },
  'staff.tsx': { path: '/staff', loader: staff },
  'staff._index.tsx': { path: '/staff', loader: staff },
  'staff.applications._index.tsx': { path: '/staff/applications', loader: staff },
  // every persona (and an unknown id) is covered in app/modules/review/service.integration.test.ts ("the review page")
  'staff.applications.$applicationId.tsx': {
    path: '/staff/applications/:applicationId',
    loader: staff,
    action: staff,
    custom: true,
  },
  'staff.attention.tsx': { path: '/staff/attention', loader: staff },
  // every persona (and an unknown id) is covered in app/modules/register/service.integration.test.ts ("the staff register page")
  'staff.register.$organisationId.tsx': { path: '/staff/register/:orgId', loader: staff, action: staff, custom: true },
  'staff.register._index.tsx': { path: '/staff/register', loader: staff },
  'staff.users.tsx': { path: '/staff/users', loader: ['admin'], action: ['admin'] },
  'staff.catalogue._index.tsx': { path: '/staff/catalogue', loader: ['admin'] },
  // every persona is covered in app/modules/catalogue/service.integration.test.ts ("the category page")
  'staff.catalogue.$categoryId.tsx': { path: '/staff/catalogue/:categoryId', loader: ['admin'], action: ['admin'], custom: true },
  'staff.rulebook.tsx': { path: '/staff/rulebook', loader: ['admin'], action: ['admin'] },
  'staff.audit.tsx': { path: '/staff/audit', loader: ['admin'] },
  'verify-email.tsx': { path: '/verify-email', loader: 'public' },
}

const parts = import.meta.glob<Record<string, RouteAccess>>('./route-access/*.ts', { eager: true, import: 'routes' })
const table: Record<string, RouteAccess> = Object.assign({}, coreTable, ...Object.values(parts))

type RouteModule = {
  loader?: (args: LoaderFunctionArgs) => Promise<unknown>
  action?: (args: ActionFunctionArgs) => Promise<unknown>
}
const modules = import.meta.glob<RouteModule>('../../app/routes/*.tsx')
const routeFiles = readdirSync(new URL('../../app/routes', import.meta.url)).filter((file) => file.endsWith('.tsx'))

function expectation(access: RouteAccess, allowed: Persona[], persona: Persona) {
  if (allowed.includes(persona)) return 'allowed'
  if (persona === 'anonymous') return 'login'
  if (access.scope === 'organisation' && !members.includes(persona)) return 'not found'
  return 'forbidden'
}

describe('route access', () => {
  let world: Awaited<ReturnType<typeof createWorld>>
  beforeAll(async () => {
    world = await createWorld()
  })

  it('classifies every route file', () => {
    expect(routeFiles.filter((file) => !(file in table))).toEqual([])
    expect(Object.keys(table).filter((file) => !routeFiles.includes(file))).toEqual([])
  })

  for (const [file, access] of Object.entries(table)) {
    if (access.custom) continue
    for (const kind of ['loader', 'action'] as const) {
      const allowed = access[kind]
      if (!allowed || allowed === 'public') continue
      for (const persona of personas) {
        const expected = expectation(access, allowed, persona)
        it(`${kind} of ${file} as ${persona}: ${expected}`, async () => {
          const module = await modules[`../../app/routes/${file}`]?.()
          const handler = module?.[kind]
          if (!handler) throw new Error(`${file} has no ${kind}`)
          const params = { orgId: world.organisation.id, otherOrgId: world.otherOrganisation.id }
          const path = access.path.replace(/:(\w+)/g, (_m, name: keyof typeof params) => params[name])
          const request = makeRequest(path, {
            cookie: world.cookies[persona],
            method: kind === 'action' ? 'POST' : 'GET',
            form: kind === 'action' ? {} : undefined,
          })
          const { status, location } = await statusOf(() => handler({ request, params, context: {} }))
          if (expected === 'login') {
            expect(status).toBe(302)
            expect(location).toBe(`/login?${new URLSearchParams({ redirectTo: path })}`)
          } else if (expected === 'forbidden') {
            expect(status).toBe(403)
          } else if (expected === 'not found') {
            expect(status).toBe(404)
          } else {
            expect([200, 302, 400]).toContain(status)
            expect(location ?? '').not.toMatch(/^\/login/)
          }
        })
      }
    }
  }
})
