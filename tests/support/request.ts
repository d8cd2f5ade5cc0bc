import type { MemberRole, StaffRole } from '~/generated/prisma/client'
import { prisma } from '~/utils/db.server'
import { createSession } from '~/utils/session.server'

/**
 * Who is asking. `owner` and `editor` are members of the organisation under test; `otherProvider` owns a different
 * organisation and must never reach the first one's rows.
 */
export type Persona = 'anonymous' | 'owner' | 'editor' | 'otherProvider' | 'reviewer' | 'admin'
export const personas: Persona[] = ['anonymous', 'owner', 'editor', 'otherProvider', 'reviewer', 'admin']

let counter = 0

export async function createUser(options: { staffRole?: StaffRole | null; name?: string } = {}) {
  counter++
  return prisma.user.create({
    data: {
      email: `user-${counter}-${Math.random().toString(36).slice(2)}@example.com`,
      name: options.name ?? `User ${counter}`,
      staffRole: options.staffRole ?? null,
      emailVerifiedAt: new Date(),
    },
  })
}

export async function createOrganisation(members: { userId: string; role: MemberRole }[] = []) {
  counter++
  await prisma.municipality.upsert({
    where: { code: '905' },
    update: {},
    create: { code: '905', nameFi: 'Vaasa', nameSv: 'Vasa', officialLanguages: ['fi', 'sv'], latitude: 63.096, longitude: 21.6158 },
  })
  return prisma.organisation.create({
    data: {
      name: `Test Organisation ${counter}`,
      businessId: `${String(1000000 + counter).slice(0, 7)}-${counter % 10}`,
      legalForm: 'COMPANY',
      sector: 'PRIVATE',
      employsStaff: true,
      streetAddress: 'Storgatan 1',
      postalCode: '65100',
      postOffice: 'Vasa',
      municipalityCode: '905',
      phone: '+358 6 123 4567',
      email: 'info@example.com',
      memberships: { create: members },
    },
  })
}

/** A session cookie as after a complete login: staff sessions carry their second factor. */
export async function cookieForUser(userId: string): Promise<string> {
  return (await createSession(userId, 'vitest', { secondFactorAt: new Date() })).split(';')[0] ?? ''
}

/** A world with one organisation under test and a user for every persona; cookies per persona. */
export async function createWorld() {
  const owner = await createUser({ name: 'Owner' })
  const editor = await createUser({ name: 'Editor' })
  const otherProvider = await createUser({ name: 'Other provider' })
  const reviewer = await createUser({ staffRole: 'REVIEWER', name: 'Reviewer' })
  const admin = await createUser({ staffRole: 'ADMIN', name: 'Admin' })
  const organisation = await createOrganisation([
    { userId: owner.id, role: 'OWNER' },
    { userId: editor.id, role: 'EDITOR' },
  ])
  const otherOrganisation = await createOrganisation([{ userId: otherProvider.id, role: 'OWNER' }])
  const users = { owner, editor, otherProvider, reviewer, admin }
  const cookies: Record<Persona, string> = {
    anonymous: '',
    owner: await cookieForUser(owner.id),
    editor: await cookieForUser(editor.id),
    otherProvider: await cookieForUser(otherProvider.id),
    reviewer: await cookieForUser(reviewer.id),
    admin: await cookieForUser(admin.id),
  }
  return { organisation, otherOrganisation, users, cookies }
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

/** Like statusOf, plus what the answer carries: a Response's text, or the returned data as JSON. */
export async function outcomeOf(run: () => Promise<unknown>): Promise<{ status: number; location: string | null; body: string }> {
  let result: unknown
  try {
    result = await run()
  } catch (thrown) {
    if (!(thrown instanceof Response)) throw thrown
    result = thrown
  }
  if (result instanceof Response) {
    return { status: result.status, location: result.headers.get('Location'), body: result.body ? await result.clone().text() : '' }
  }
  const init = (result as { init?: { status?: number } } | null)?.init
  return { status: init?.status ?? 200, location: null, body: JSON.stringify(result) ?? '' }
}
