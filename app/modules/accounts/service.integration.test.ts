import { describe, expect, it } from 'vitest'
import { prisma } from '~/utils/db.server'
import { hashToken } from '~/utils/tokens.server'
import {
  authenticate,
  createStaffUser,
  requestPasswordReset,
  resetPassword,
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
    expect(await authenticate('anna@example.com', password)).toEqual({ ok: false, error: 'emailNotVerified' })
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
    expect(await authenticate('eve@example.com', 'wrong password!!')).toEqual({ ok: false, error: 'invalidCredentials' })
    expect(await authenticate('nobody@example.com', password)).toEqual({ ok: false, error: 'invalidCredentials' })
  })

  it('refuses deactivated users', async () => {
    const userId = await signUpAndVerify('fay@example.com')
    await prisma.user.update({ where: { id: userId }, data: { deactivatedAt: new Date() } })
    expect(await authenticate('fay@example.com', password)).toEqual({ ok: false, error: 'invalidCredentials' })
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
