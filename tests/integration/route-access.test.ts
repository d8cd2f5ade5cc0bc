import { readdirSync } from 'node:fs'
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { describe, expect, it } from 'vitest'
import { cookieFor, makeRequest, statusOf, type Persona } from '../support/request'

/**
 * Every route file is classified here: public, or which personas may use its loader and action. A new route that
 * is missing from the table fails the first test. (Issue 8 grows this into the full authorization matrix.)
 */
type Access = 'public' | Persona[]
type RouteAccess = { path: string; loader: Access; action?: Access }

const signedIn: Persona[] = ['provider', 'reviewer', 'admin']
const staff: Persona[] = ['reviewer', 'admin']

const table: Record<string, RouteAccess> = {
  '$.tsx': { path: '/no-such-page', loader: 'public' },
  '_index.tsx': { path: '/', loader: 'public' },
  'account.tsx': { path: '/account', loader: signedIn },
  'dev.mail.tsx': { path: '/dev/mail', loader: 'public' },
  'forgot-password.tsx': { path: '/forgot-password', loader: 'public', action: 'public' },
  'login.tsx': { path: '/login', loader: 'public', action: 'public' },
  'logout.tsx': { path: '/logout', loader: 'public', action: 'public' },
  'provider._index.tsx': { path: '/provider', loader: signedIn },
  'reset-password.tsx': { path: '/reset-password', loader: 'public', action: 'public' },
  'set-language.tsx': { path: '/set-language', loader: 'public', action: 'public' },
  'signup.tsx': { path: '/signup', loader: 'public', action: 'public' },
  'signup_.sent.tsx': { path: '/signup/sent', loader: 'public' },
  'staff._index.tsx': { path: '/staff', loader: staff },
  'staff.users.tsx': { path: '/staff/users', loader: ['admin'], action: ['admin'] },
  'verify-email.tsx': { path: '/verify-email', loader: 'public' },
  'accessibility.tsx': { path: '/accessibility', loader: 'public' },
  'privacy.tsx': { path: '/privacy', loader: 'public' },
}

type RouteModule = {
  loader?: (args: LoaderFunctionArgs) => Promise<unknown>
  action?: (args: ActionFunctionArgs) => Promise<unknown>
}
const modules = import.meta.glob<RouteModule>('../../app/routes/*.tsx')
const routeFiles = readdirSync(new URL('../../app/routes', import.meta.url)).filter((file) => file.endsWith('.tsx'))
const personas: Persona[] = ['anonymous', 'provider', 'reviewer', 'admin']

describe('route access', () => {
  it('classifies every route file', () => {
    expect(routeFiles.filter((file) => !(file in table))).toEqual([])
  })

  const protectedRoutes = Object.entries(table).filter(([file]) => routeFiles.includes(file))
  for (const [file, access] of protectedRoutes) {
    for (const kind of ['loader', 'action'] as const) {
      const allowed = access[kind]
      if (!allowed || allowed === 'public') continue
      for (const persona of personas) {
        const expected = allowed.includes(persona) ? 'allowed' : persona === 'anonymous' ? 'login' : 'forbidden'
        it(`${kind} of ${file} as ${persona}: ${expected}`, async () => {
          const module = await modules[`../../app/routes/${file}`]?.()
          const handler = module?.[kind]
          if (!handler) throw new Error(`${file} has no ${kind}`)
          const cookie = await cookieFor(persona)
          const request = makeRequest(access.path, { cookie, method: kind === 'action' ? 'POST' : 'GET', form: kind === 'action' ? {} : undefined })
          const { status, location } = await statusOf(() => handler({ request, params: {}, context: {} }))
          if (expected === 'login') {
            expect(status).toBe(302)
            expect(location).toBe(`/login?${new URLSearchParams({ redirectTo: access.path })}`)
          } else if (expected === 'forbidden') {
            expect(status).toBe(403)
          } else {
            expect([200, 400]).toContain(status)
          }
        })
      }
    }
  }
})
