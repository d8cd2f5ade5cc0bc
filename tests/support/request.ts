import type { StaffRole } from '~/generated/prisma/client'
import { prisma } from '~/utils/db.server'
import { createSession } from '~/utils/session.server'

export type Persona = 'anonymous' | 'provider' | 'reviewer' | 'admin'

/** Creates a verified user for the persona and returns the Cookie header of a fresh session ('' for anonymous). */
export async function cookieFor(persona: Persona): Promise<string> {
  if (persona === 'anonymous') return ''
  const staffRole: StaffRole | null = persona === 'admin' ? 'ADMIN' : persona === 'reviewer' ? 'REVIEWER' : null
  const user = await prisma.user.create({
    data: {
      email: `${persona}-${Math.random().toString(36).slice(2)}@example.com`,
      name: persona,
      staffRole,
      emailVerifiedAt: new Date(),
    },
  })
  const setCookie = await createSession(user.id, 'vitest')
  return setCookie.split(';')[0] ?? ''
}

export function makeRequest(path: string, init: { cookie?: string; method?: string; form?: Record<string, string> } = {}) {
  const headers = new Headers({ 'Accept-Language': 'sv' })
  if (init.cookie) headers.set('Cookie', init.cookie)
  const body = init.form ? new URLSearchParams(init.form) : undefined
  if (body) headers.set('Content-Type', 'application/x-www-form-urlencoded')
  return new Request(`http://localhost:3000${path}`, { method: init.method ?? (body ? 'POST' : 'GET'), headers, body })
}

/** Runs a loader or action and reports the HTTP status it produced (thrown responses included). */
export async function statusOf(run: () => Promise<unknown>): Promise<{ status: number; location: string | null }> {
  try {
    const result = await run()
    if (result instanceof Response) return { status: result.status, location: result.headers.get('Location') }
    const init = (result as { init?: { status?: number } } | null)?.init
    return { status: init?.status ?? 200, location: null }
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, location: thrown.headers.get('Location') }
    throw thrown
  }
}
