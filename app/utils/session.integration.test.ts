import { describe, expect, it, vi } from 'vitest'
import { cookieForUser, createUser, makeRequest, statusOf } from '../../tests/support/request'
import { prisma } from './db.server'
import { hashToken } from './tokens.server'
import { destroySession, getUser, requireOrganisationPermission, requirePermission, safeRedirectTo } from './session.server'

async function organisationWithMember(userEmail: string, role: 'OWNER' | 'EDITOR', businessId: string) {
  await prisma.municipality.upsert({
    where: { code: '905' },
    update: {},
    create: { code: '905', nameFi: 'Vaasa', nameSv: 'Vasa', officialLanguages: ['fi', 'sv'], latitude: 63.1, longitude: 21.6 },
  })
  const user = await prisma.user.create({ data: { email: userEmail, name: 'Member', emailVerifiedAt: new Date() } })
  const organisation = await prisma.organisation.create({
    data: {
      name: `Org ${businessId}`,
      businessId,
      legalForm: 'COMPANY',
      sector: 'PRIVATE',
      streetAddress: 'Storgatan 1',
      postalCode: '65100',
      postOffice: 'Vasa',
      municipalityCode: '905',
      phone: '+358 6 123 4567',
      email: 'info@example.com',
      memberships: { create: { userId: user.id, role } },
    },
  })
  return { user, organisation }
}

describe('sessions', () => {
  it('finds the user of a valid session and nobody for an expired, ended or deactivated one', async () => {
    const cookie = await cookieForUser((await createUser({ name: 'provider' })).id)
    const request = makeRequest('/account', { cookie })
    const user = await getUser(request)
    expect(user?.name).toBe('provider')
    await prisma.session.updateMany({ where: { userId: user?.id }, data: { expiresAt: new Date(Date.now() - 1000) } })
    expect(await getUser(request)).toBeNull()

    const other = await cookieForUser((await createUser({ staffRole: 'REVIEWER' })).id)
    const otherUser = await getUser(makeRequest('/', { cookie: other }))
    await prisma.user.update({ where: { id: otherUser?.id }, data: { deactivatedAt: new Date() } })
    expect(await getUser(makeRequest('/', { cookie: other }))).toBeNull()

    const third = await cookieForUser((await createUser({ staffRole: 'ADMIN' })).id)
    await destroySession(makeRequest('/', { cookie: third }))
    expect(await getUser(makeRequest('/', { cookie: third }))).toBeNull()
    expect(await prisma.session.count({ where: { tokenHash: hashToken(decodeURIComponent(third.split('=')[1] ?? '')) } })).toBe(0)
  })

  it('refuses staff routes to providers with 403 and sends anonymous users to login', async () => {
    expect(await statusOf(() => requirePermission(makeRequest('/staff'), 'staff:access'))).toEqual({
      status: 302,
      location: '/login?redirectTo=%2Fstaff',
    })
    const provider = await cookieForUser((await createUser()).id)
    expect((await statusOf(() => requirePermission(makeRequest('/staff', { cookie: provider }), 'staff:access'))).status).toBe(403)
    const reviewer = await cookieForUser((await createUser({ staffRole: 'REVIEWER' })).id)
    expect((await statusOf(() => requirePermission(makeRequest('/staff', { cookie: reviewer }), 'audit:view'))).status).toBe(403)
    expect((await statusOf(() => requirePermission(makeRequest('/staff', { cookie: reviewer }), 'staff:access'))).status).toBe(200)
  })
})

describe('organisation permissions', () => {
  it("gives 404 for another organisation's id and 403 for a member without the permission", async () => {
    const a = await organisationWithMember('owner-a@example.com', 'OWNER', '1234567-8')
    const b = await organisationWithMember('editor-b@example.com', 'EDITOR', '7654321-0')
    const { createSession } = await import('./session.server')
    const cookieA = (await createSession(a.user.id, null)).split(';')[0] ?? ''
    const cookieB = (await createSession(b.user.id, null)).split(';')[0] ?? ''
    const asA = makeRequest('/provider', { cookie: cookieA })
    const asB = makeRequest('/provider', { cookie: cookieB })
    expect((await statusOf(() => requireOrganisationPermission(asA, a.organisation.id, 'application:submit'))).status).toBe(200)
    expect((await statusOf(() => requireOrganisationPermission(asA, b.organisation.id, 'organisation:view'))).status).toBe(404)
    expect((await statusOf(() => requireOrganisationPermission(asB, b.organisation.id, 'offer:edit'))).status).toBe(200)
    expect((await statusOf(() => requireOrganisationPermission(asB, b.organisation.id, 'application:submit'))).status).toBe(403)
  })
})

describe('safeRedirectTo', () => {
  it('keeps local paths and refuses other sites', () => {
    expect(safeRedirectTo('/staff?x=1')).toBe('/staff?x=1')
    for (const unsafe of ['https://evil.example', '//evil.example', '/\\evil.example', 'javascript:alert(1)', null]) {
      expect(safeRedirectTo(unsafe)).toBe('/')
    }
  })
})

describe('logging access denials', () => {
  it('writes a warning with the actor id, route and reason, and no email address', async () => {
    const provider = await createUser()
    const cookie = await cookieForUser(provider.id)
    const lines: string[] = []
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      lines.push(String(chunk))
      return true
    })
    try {
      expect((await statusOf(() => requirePermission(makeRequest('/staff/audit', { cookie }), 'audit:view'))).status).toBe(403)
    } finally {
      spy.mockRestore()
    }
    const denial = lines.map((line) => JSON.parse(line) as Record<string, unknown>).find((line) => line.message === 'access denied')
    expect(denial).toMatchObject({ level: 'warn', status: 403, actorId: provider.id, route: '/staff/audit', reason: 'missing permission audit:view' })
    expect(lines.join('')).not.toContain(provider.email)
  })
})
