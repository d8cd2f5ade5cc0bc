import type { LoaderFunctionArgs } from '@remix-run/node'
import { describe, expect, it } from 'vitest'
import { prisma } from '~/utils/db.server'
import { getUser, requireUser } from '~/utils/session.server'
import { createUser, makeRequest, statusOf } from '../../../tests/support/request'
import { hashPassword } from './password.server'
import { resetStaffSecondFactor } from './service.server'
import { confirmEnrolment, pendingEnrolment, resetSecondFactor, verifySecondFactor } from './second-factor.server'
import { totpCode } from './totp'

// the login pages are exercised here, through their loaders and actions
const { action: loginAction } = await import('~/routes/login')
const { action: secondFactorAction, loader: secondFactorLoader } = await import('~/routes/login_.second-factor')
const { action: setupAction, loader: setupLoader } = await import('~/routes/login_.second-factor-setup')

const password = 'staff passphrase for tests'
let passwordHash: Promise<string> | undefined

async function userWithPassword(staffRole: 'REVIEWER' | 'ADMIN' | null) {
  const user = await createUser({ staffRole })
  passwordHash ??= hashPassword(password)
  await prisma.user.update({ where: { id: user.id }, data: { passwordHash: await passwordHash } })
  return user
}

/** Logs in through the login action; returns the session cookie and where the browser is sent. */
async function logIn(email: string, redirectTo = '') {
  const response = (await loginAction({
    request: makeRequest('/login', { form: { email, password, redirectTo } }),
    params: {},
    context: {},
  })) as Response
  const cookie = response.headers.getSetCookie().find((header) => header.startsWith('__session='))?.split(';')[0] ?? ''
  return { cookie, location: response.headers.get('Location') }
}

function run<T>(fn: (args: LoaderFunctionArgs) => Promise<T>, request: Request): Promise<T> {
  return fn({ request, params: {}, context: {} })
}

describe('staff login with a second factor', () => {
  it('sends a provider straight on, and a staff user without an authenticator to set one up first', async () => {
    const provider = await userWithPassword(null)
    expect((await logIn(provider.email, '/provider')).location).toBe('/provider')

    const reviewer = await userWithPassword('REVIEWER')
    const { cookie, location } = await logIn(reviewer.email, '/staff/applications')
    expect(location).toBe('/login/second-factor-setup?redirectTo=%2Fstaff%2Fapplications')
    // the half-done session reaches nothing else: not a signed-in user, and protected pages send it back
    expect(await getUser(makeRequest('/staff', { cookie }))).toBeNull()
    expect(await statusOf(() => requireUser(makeRequest('/staff/vouchers', { cookie })))).toEqual({
      status: 302,
      location: '/login/second-factor-setup?redirectTo=%2Fstaff%2Fvouchers',
    })
    expect(await statusOf(() => run(secondFactorLoader, makeRequest('/login/second-factor', { cookie })))).toEqual({
      status: 302,
      location: '/login/second-factor-setup',
    })

    const page = (await run(setupLoader, makeRequest('/login/second-factor-setup', { cookie }))) as { enrolment: { secret: string; uri: string } }
    expect(page.enrolment.secret).toMatch(/^[A-Z2-7]{32}$/)
    expect(page.enrolment.uri).toContain(`secret=${page.enrolment.secret}`)
    const stored = await prisma.user.findUniqueOrThrow({ where: { id: reviewer.id } })
    expect(stored.totpSecretCipher).toMatch(/^t1:k0:/)
    expect(stored.totpSecretCipher).not.toContain(page.enrolment.secret)

    const wrong = await statusOf(() => run(setupAction, makeRequest('/login/second-factor-setup', { cookie, form: { code: '000000' } })))
    expect(wrong.status).toBe(400)
    const code = totpCode(page.enrolment.secret, new Date())
    const confirmed = (await run(setupAction, makeRequest('/login/second-factor-setup', { cookie, form: { code } }))) as {
      recoveryCodes: string[]
    }
    expect(confirmed.recoveryCodes).toHaveLength(10)
    expect(await getUser(makeRequest('/staff', { cookie }))).toMatchObject({ id: reviewer.id })
    expect(await prisma.recoveryCode.count({ where: { userId: reviewer.id, usedAt: null } })).toBe(10)
    const hashes = await prisma.recoveryCode.findMany({ where: { userId: reviewer.id }, select: { codeHash: true } })
    expect(hashes.map((row) => row.codeHash)).not.toContain(confirmed.recoveryCodes[0])
    expect(await prisma.auditEvent.count({ where: { action: 'second-factor.enrol', entityId: reviewer.id } })).toBe(1)

    // next login: the code page, where the code just used is refused and a recovery code works once
    const second = await logIn(reviewer.email)
    expect(second.location).toBe('/login/second-factor')
    const replay = await statusOf(() =>
      run(secondFactorAction, makeRequest('/login/second-factor', { cookie: second.cookie, form: { code } })),
    )
    expect(replay.status).toBe(400)
    expect(await getUser(makeRequest('/staff', { cookie: second.cookie }))).toBeNull()
    const recovery = confirmed.recoveryCodes[3]!.toUpperCase()
    expect(
      await statusOf(() => run(secondFactorAction, makeRequest('/login/second-factor', { cookie: second.cookie, form: { code: recovery } }))),
    ).toEqual({ status: 302, location: '/account' })
    expect(await getUser(makeRequest('/staff', { cookie: second.cookie }))).toMatchObject({ id: reviewer.id })
    expect(await prisma.auditEvent.findFirst({ where: { action: 'second-factor.recovery-code', entityId: reviewer.id } })).toMatchObject({
      after: { recoveryCodesLeft: 9 },
    })

    const third = await logIn(reviewer.email)
    const reused = await statusOf(() =>
      run(secondFactorAction, makeRequest('/login/second-factor', { cookie: third.cookie, form: { code: recovery } })),
    )
    expect(reused.status).toBe(400)
    expect(await getUser(makeRequest('/staff', { cookie: third.cookie }))).toBeNull()
  })

  it('accepts each code once, one step of drift either way, and limits the attempts', async () => {
    const admin = await userWithPassword('ADMIN')
    const now = new Date('2026-11-23T12:00:10Z')
    const session = await prisma.session.create({ data: { userId: admin.id, tokenHash: `t-${admin.id}`, expiresAt: new Date(now.getTime() + 3_600_000) } })
    const { secret } = (await pendingEnrolment(admin.id))!
    expect((await pendingEnrolment(admin.id))?.secret).toBe(secret)
    expect(await confirmEnrolment(admin.id, session.id, totpCode(secret, new Date(now.getTime() - 30_000)), now)).toMatchObject({ ok: true })
    expect(await pendingEnrolment(admin.id)).toBeNull()
    // the step before has been used: it and every earlier one are refused from now on
    expect(await verifySecondFactor(admin.id, session.id, totpCode(secret, new Date(now.getTime() - 30_000)), now)).toEqual({
      ok: false,
      reason: 'replayedCode',
    })
    expect(await verifySecondFactor(admin.id, session.id, totpCode(secret, now), now)).toEqual({ ok: true, method: 'totp' })
    expect(await verifySecondFactor(admin.id, session.id, totpCode(secret, now), now)).toEqual({ ok: false, reason: 'replayedCode' })
    expect(await verifySecondFactor(admin.id, session.id, totpCode(secret, new Date(now.getTime() + 30_000)), now)).toEqual({ ok: true, method: 'totp' })
    expect(await verifySecondFactor(admin.id, session.id, totpCode(secret, new Date(now.getTime() + 90_000)), now)).toEqual({
      ok: false,
      reason: 'wrongCode',
    })

    const { cookie } = await logIn(admin.email)
    const attempts = []
    for (let attempt = 0; attempt < 11; attempt++) {
      attempts.push((await statusOf(() => run(secondFactorAction, makeRequest('/login/second-factor', { cookie, form: { code: '999999' } })))).status)
    }
    expect(attempts.slice(0, 10).every((status) => status === 400)).toBe(true)
    expect(attempts[10]).toBe(429)
  })

  it('a reset turns the authenticator off, ends the other sessions and asks this one to set up again, audited', async () => {
    const reviewer = await userWithPassword('REVIEWER')
    const kept = await prisma.session.create({
      data: { userId: reviewer.id, tokenHash: `k-${reviewer.id}`, expiresAt: new Date(Date.now() + 3_600_000), secondFactorAt: new Date() },
    })
    await prisma.session.create({ data: { userId: reviewer.id, tokenHash: `o-${reviewer.id}`, expiresAt: new Date(Date.now() + 3_600_000) } })
    const { secret } = (await pendingEnrolment(reviewer.id))!
    await confirmEnrolment(reviewer.id, kept.id, totpCode(secret, new Date()))
    await resetSecondFactor(reviewer.id, reviewer.id, kept.id)
    const user = await prisma.user.findUniqueOrThrow({ where: { id: reviewer.id } })
    expect([user.totpSecretCipher, user.totpEnabledAt, user.totpLastStep]).toEqual([null, null, null])
    expect(await prisma.recoveryCode.count({ where: { userId: reviewer.id } })).toBe(0)
    expect(await prisma.session.findMany({ where: { userId: reviewer.id }, select: { id: true, secondFactorAt: true } })).toEqual([
      { id: kept.id, secondFactorAt: null },
    ])
    expect(await prisma.auditEvent.count({ where: { action: 'second-factor.reset', entityId: reviewer.id } })).toBe(1)
    expect((await logIn(reviewer.email)).location).toBe('/login/second-factor-setup')
  })

  it('an admin resets a staff user who lost their phone: authenticator, recovery codes and sessions gone, audited', async () => {
    const admin = await userWithPassword('ADMIN')
    const reviewer = await userWithPassword('REVIEWER')
    const session = await prisma.session.create({
      data: { userId: reviewer.id, tokenHash: `a-${reviewer.id}`, expiresAt: new Date(Date.now() + 3_600_000), secondFactorAt: new Date() },
    })
    const { secret } = (await pendingEnrolment(reviewer.id))!
    await confirmEnrolment(reviewer.id, session.id, totpCode(secret, new Date()))

    // only an admin, never for themselves, only staff accounts
    expect(await resetStaffSecondFactor(reviewer.id, admin.id)).toEqual({ ok: false, error: 'forbidden' })
    expect(await resetStaffSecondFactor(admin.id, admin.id)).toEqual({ ok: false, error: 'self' })
    const provider = await userWithPassword(null)
    expect(await resetStaffSecondFactor(admin.id, provider.id)).toEqual({ ok: false, error: 'notFound' })
    expect(await prisma.recoveryCode.count({ where: { userId: reviewer.id } })).toBe(10)

    expect(await resetStaffSecondFactor(admin.id, reviewer.id)).toEqual({ ok: true, changed: true })
    const user = await prisma.user.findUniqueOrThrow({ where: { id: reviewer.id } })
    expect([user.totpSecretCipher, user.totpEnabledAt, user.totpLastStep]).toEqual([null, null, null])
    expect(await prisma.recoveryCode.count({ where: { userId: reviewer.id } })).toBe(0)
    expect(await prisma.session.count({ where: { userId: reviewer.id } })).toBe(0)
    expect(await prisma.auditEvent.findFirst({ where: { action: 'second-factor.reset', entityId: reviewer.id }, select: { actorId: true } })).toEqual({ actorId: admin.id })
    expect((await logIn(reviewer.email)).location).toBe('/login/second-factor-setup')
  })
})
