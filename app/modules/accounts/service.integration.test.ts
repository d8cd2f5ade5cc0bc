import { describe, expect, it } from 'vitest'
import { prisma } from '~/utils/db.server'
import { hashToken } from '~/utils/tokens.server'
import { createSession, getUser } from '~/utils/session.server'
import {
  authenticate,
  createStaffUser,
  deactivateStaffUser,
  reactivateStaffUser,
  requestPasswordReset,
  resetPassword,
  setStaffRole,
  signUp,
  verifyEmail,
} from './service.server'

const password = 'correct horse battery staple'

async function outboxFor(to: string) {
  return prisma.emailOutbox.findMany({ where: { toAddress: to }, orderBy: { createdAt: 'asc' } })
}

function tokenFrom(link: unknown): string {
  return new URL(String(link)).searchParams.get('token') ?? ''
}

async function signUpAndVerify(email: string) {
  await signUp({ name: 'Anna Provider', email, password, locale: 'sv' })
  const [mail] = await outboxFor(email)
  const userId = await verifyEmail(tokenFrom((mail?.props as { link: string }).link))
  if (!userId) throw new Error('verification failed')
  return userId
}

describe('sign-up and email verification', () => {
  it('creates an unverified user and queues the verification email in their language', async () => {
    await signUp({ name: 'Anna', email: 'anna@example.com', password, locale: 'sv' })
    const user = await prisma.user.findUniqueOrThrow({ where: { email: 'anna@example.com' } })
    expect(user.emailVerifiedAt).toBeNull()
    expect(user.passwordHash).toMatch(/^\$argon2id\$/)
    const mails = await outboxFor('anna@example.com')
    expect(mails).toHaveLength(1)
    expect(mails[0]).toMatchObject({ template: 'verify-email', locale: 'sv', status: 'PENDING' })
    expect(await authenticate('anna@example.com', password)).toMatchObject({ ok: false, error: 'emailNotVerified' })
  })

  it('a second sign-up with the same address creates nothing and tells the owner instead', async () => {
    await signUp({ name: 'Bo', email: 'bo@example.com', password, locale: 'fi' })
    await signUp({ name: 'Someone else', email: 'bo@example.com', password: 'another password 123', locale: 'en' })
    expect(await prisma.user.count({ where: { email: 'bo@example.com' } })).toBe(1)
    const mails = await outboxFor('bo@example.com')
    expect(mails.map((m) => [m.template, m.locale])).toEqual([
      ['verify-email', 'fi'],
      ['account-exists', 'fi'],
    ])
  })

  it('verification links work once', async () => {
    await signUp({ name: 'Cia', email: 'cia@example.com', password, locale: 'en' })
    const [mail] = await outboxFor('cia@example.com')
    const token = tokenFrom((mail?.props as { link: string }).link)
    expect(await verifyEmail(token)).toBeTruthy()
    expect(await verifyEmail(token)).toBeNull()
    expect(await verifyEmail('not-a-token')).toBeNull()
    expect(await authenticate('cia@example.com', password)).toMatchObject({ ok: true, locale: 'en' })
  })

  it('refuses expired verification links', async () => {
    await signUp({ name: 'Dan', email: 'dan@example.com', password, locale: 'en' })
    const [mail] = await outboxFor('dan@example.com')
    const token = tokenFrom((mail?.props as { link: string }).link)
    expect(await verifyEmail(token, new Date(Date.now() + 49 * 60 * 60 * 1000))).toBeNull()
  })
})

describe('authentication', () => {
  it('refuses a wrong password and an unknown address with the same answer', async () => {
    await signUpAndVerify('eve@example.com')
    expect(await authenticate('eve@example.com', 'wrong password!!')).toMatchObject({ ok: false, error: 'invalidCredentials' })
    expect(await authenticate('nobody@example.com', password)).toMatchObject({ ok: false, error: 'invalidCredentials' })
  })

  it('refuses deactivated users', async () => {
    const userId = await signUpAndVerify('fay@example.com')
    await prisma.user.update({ where: { id: userId }, data: { deactivatedAt: new Date() } })
    expect(await authenticate('fay@example.com', password)).toMatchObject({ ok: false, error: 'invalidCredentials' })
  })
})

describe('password reset', () => {
  it('sets the new password once, ends every session and says nothing about unknown addresses', async () => {
    const userId = await signUpAndVerify('gus@example.com')
    await prisma.session.create({ data: { userId, tokenHash: hashToken('s'), expiresAt: new Date(Date.now() + 60_000) } })
    await requestPasswordReset('unknown@example.com')
    expect(await outboxFor('unknown@example.com')).toHaveLength(0)
    await requestPasswordReset('gus@example.com')
    const resetMail = (await outboxFor('gus@example.com')).find((m) => m.template === 'reset-password')
    const token = tokenFrom((resetMail?.props as { link: string }).link)
    expect(await resetPassword(token, 'a brand new passphrase')).toBe(true)
    expect(await resetPassword(token, 'yet another passphrase')).toBe(false)
    expect(await prisma.session.count({ where: { userId } })).toBe(0)
    expect(await authenticate('gus@example.com', password)).toMatchObject({ ok: false })
    expect(await authenticate('gus@example.com', 'a brand new passphrase')).toMatchObject({ ok: true })
  })
})

describe('staff users', () => {
  it('an admin creates a staff user who sets a password through the invitation, with an audit event', async () => {
    const admin = await prisma.user.create({ data: { email: 'admin@example.com', name: 'Admin', staffRole: 'ADMIN' } })
    const result = await createStaffUser(admin.id, { name: 'Rita', email: 'rita@example.com', role: 'REVIEWER', locale: 'fi' })
    expect(result.ok).toBe(true)
    expect(await createStaffUser(admin.id, { name: 'Rita', email: 'rita@example.com', role: 'ADMIN', locale: 'fi' })).toEqual({
      ok: false,
      error: 'emailTaken',
    })
    const [invitation] = await outboxFor('rita@example.com')
    expect(invitation).toMatchObject({ template: 'staff-invitation', locale: 'fi' })
    expect(await resetPassword(tokenFrom((invitation?.props as { link: string }).link), 'reviewer passphrase 1')).toBe(true)
    expect(await authenticate('rita@example.com', 'reviewer passphrase 1')).toMatchObject({ ok: true })
    const audit = await prisma.auditEvent.findFirst({ where: { action: 'staff-user.create', actorId: admin.id } })
    expect(audit?.after).toEqual({ email: 'rita@example.com', staffRole: 'REVIEWER' })
  })
})

describe('staff roles and deactivation', () => {
  let counter = 0
  async function staffUser(staffRole: 'ADMIN' | 'REVIEWER', options: { deactivated?: boolean } = {}) {
    counter++
    return prisma.user.create({
      data: {
        email: `staff-${counter}-${Math.random().toString(36).slice(2)}@example.com`,
        name: `Staff ${counter}`,
        staffRole,
        emailVerifiedAt: new Date(),
        deactivatedAt: options.deactivated ? new Date() : null,
      },
    })
  }
  /** A request carrying a session cookie of the user, as the browser would send it. */
  async function sessionRequest(userId: string) {
    const cookie = (await createSession(userId, 'vitest', { secondFactorAt: new Date() })).split(';')[0] ?? ''
    return new Request('http://localhost:3000/staff', { headers: { Cookie: cookie } })
  }
  /** Deactivates every other active admin, so each test decides who the admins are. */
  async function onlyAdmins(...ids: string[]) {
    await prisma.user.updateMany({
      where: { staffRole: 'ADMIN', deactivatedAt: null, id: { notIn: ids } },
      data: { deactivatedAt: new Date() },
    })
  }

  it("an admin sets another user's role, with the role before and after in the audit log", async () => {
    const admin = await staffUser('ADMIN')
    const reviewer = await staffUser('REVIEWER')
    expect(await setStaffRole(admin.id, reviewer.id, 'ADMIN')).toEqual({ ok: true, changed: true })
    expect((await prisma.user.findUniqueOrThrow({ where: { id: reviewer.id } })).staffRole).toBe('ADMIN')
    expect(await setStaffRole(admin.id, reviewer.id, 'ADMIN')).toEqual({ ok: true, changed: false })
    expect(await setStaffRole(admin.id, reviewer.id, 'REVIEWER')).toEqual({ ok: true, changed: true })
    const events = await prisma.auditEvent.findMany({ where: { action: 'staff-user.set-role', entityId: reviewer.id }, orderBy: { id: 'asc' } })
    expect(events.map((e) => [e.actorId, e.before, e.after])).toEqual([
      [admin.id, { staffRole: 'REVIEWER' }, { staffRole: 'ADMIN' }],
      [admin.id, { staffRole: 'ADMIN' }, { staffRole: 'REVIEWER' }],
    ])
  })

  it('an admin can neither demote nor deactivate themselves', async () => {
    const admin = await staffUser('ADMIN')
    await staffUser('ADMIN')
    expect(await setStaffRole(admin.id, admin.id, 'REVIEWER')).toEqual({ ok: false, error: 'self' })
    expect(await deactivateStaffUser(admin.id, admin.id)).toEqual({ ok: false, error: 'self' })
    const row = await prisma.user.findUniqueOrThrow({ where: { id: admin.id } })
    expect(row).toMatchObject({ staffRole: 'ADMIN', deactivatedAt: null })
  })

  it('the last active admin can be neither demoted nor deactivated, even by two admins acting at once', async () => {
    const first = await staffUser('ADMIN')
    const second = await staffUser('ADMIN')
    const reviewer = await staffUser('REVIEWER')
    await onlyAdmins(first.id, second.id)
    const activeAdmins = () => prisma.user.findMany({ where: { staffRole: 'ADMIN', deactivatedAt: null }, select: { id: true } })

    // two admins demote each other at the same moment: the admins' rows are locked, so one wins and the other,
    // no longer an admin when its turn comes, is refused
    const demotions = await Promise.all([setStaffRole(first.id, second.id, 'REVIEWER'), setStaffRole(second.id, first.id, 'REVIEWER')])
    expect(demotions.filter((result) => result.ok)).toHaveLength(1)
    expect(demotions.filter((result) => !result.ok)).toEqual([{ ok: false, error: 'forbidden' }])
    const [last] = await activeAdmins()
    expect(last).toBeDefined()
    const lastId = last?.id ?? ''
    const demoted = lastId === first.id ? second : first

    // the last one cannot demote or deactivate themselves, and nobody else has the right to
    expect(await setStaffRole(lastId, lastId, 'REVIEWER')).toEqual({ ok: false, error: 'self' })
    expect(await deactivateStaffUser(lastId, lastId)).toEqual({ ok: false, error: 'self' })
    for (const actor of [demoted.id, reviewer.id]) {
      expect(await setStaffRole(actor, lastId, 'REVIEWER')).toEqual({ ok: false, error: 'forbidden' })
      expect(await deactivateStaffUser(actor, lastId)).toEqual({ ok: false, error: 'forbidden' })
    }
    expect(await activeAdmins()).toEqual([{ id: lastId }])

    // the same race with deactivation
    expect(await setStaffRole(lastId, demoted.id, 'ADMIN')).toEqual({ ok: true, changed: true })
    const deactivations = await Promise.all([deactivateStaffUser(lastId, demoted.id), deactivateStaffUser(demoted.id, lastId)])
    expect(deactivations.filter((result) => result.ok)).toHaveLength(1)
    expect(deactivations.filter((result) => !result.ok)).toEqual([{ ok: false, error: 'forbidden' }])
    expect(await activeAdmins()).toHaveLength(1)
  })

  it('deactivation ends every session at once, stops unused links, and is audited; reactivation lets the user in again', async () => {
    const admin = await staffUser('ADMIN')
    const reviewer = await staffUser('REVIEWER')
    const requests = [await sessionRequest(reviewer.id), await sessionRequest(reviewer.id)]
    expect(await getUser(requests[0]!)).toMatchObject({ id: reviewer.id })
    await prisma.userToken.create({
      data: { userId: reviewer.id, purpose: 'RESET_PASSWORD', tokenHash: hashToken(`t-${reviewer.id}`), expiresAt: new Date(Date.now() + 3_600_000) },
    })
    const now = new Date('2026-03-10T10:00:00Z')
    expect(await deactivateStaffUser(admin.id, reviewer.id, now)).toEqual({ ok: true, changed: true })
    expect(await prisma.session.count({ where: { userId: reviewer.id } })).toBe(0)
    for (const request of requests) expect(await getUser(request)).toBeNull()
    expect(await resetPassword(`t-${reviewer.id}`, 'a new passphrase here')).toBe(false)
    expect(await deactivateStaffUser(admin.id, reviewer.id)).toEqual({ ok: false, error: 'alreadyDeactivated' })
    const deactivation = await prisma.auditEvent.findFirst({ where: { action: 'staff-user.deactivate', entityId: reviewer.id } })
    expect(deactivation).toMatchObject({
      actorId: admin.id,
      entityType: 'User',
      before: { deactivatedAt: null },
      after: { deactivatedAt: now.toISOString(), sessionsEnded: 2 },
    })

    expect(await reactivateStaffUser(admin.id, reviewer.id)).toEqual({ ok: true, changed: true })
    expect((await prisma.user.findUniqueOrThrow({ where: { id: reviewer.id } })).deactivatedAt).toBeNull()
    expect(await getUser(await sessionRequest(reviewer.id))).toMatchObject({ id: reviewer.id })
    expect(await prisma.auditEvent.findFirst({ where: { action: 'staff-user.reactivate', entityId: reviewer.id } })).toMatchObject({
      before: { deactivatedAt: now.toISOString() },
      after: { deactivatedAt: null },
    })
  })

  it('acts only on staff accounts, and only for an active admin', async () => {
    const admin = await staffUser('ADMIN')
    const reviewer = await staffUser('REVIEWER')
    const provider = await prisma.user.create({ data: { email: `provider-${Math.random()}@example.com`, name: 'Provider' } })
    expect(await deactivateStaffUser(admin.id, provider.id)).toEqual({ ok: false, error: 'notFound' })
    expect(await setStaffRole(admin.id, provider.id, 'ADMIN')).toEqual({ ok: false, error: 'notFound' })
    expect(await setStaffRole(admin.id, 'no-such-user', 'ADMIN')).toEqual({ ok: false, error: 'notFound' })
    expect(await deactivateStaffUser(reviewer.id, admin.id)).toEqual({ ok: false, error: 'forbidden' })
    expect((await prisma.user.findUniqueOrThrow({ where: { id: provider.id } })).staffRole).toBeNull()
  })
})
