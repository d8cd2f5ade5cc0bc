import type { LoaderFunctionArgs } from '@remix-run/node'
import { describe, expect, it } from 'vitest'
import { prisma } from '~/utils/db.server'
import { createSession, getUser } from '~/utils/session.server'
import { cookieForUser, createUser, makeRequest, statusOf } from '../../../tests/support/request'

// the sign-in security page is exercised here, through its loader and action
const { action: securityAction, loader: securityLoader } = await import('~/routes/account_.security')

const minutes = (count: number) => count * 60 * 1000

async function cookieAt(userId: string, now: Date, secondFactorAt?: Date) {
  return (await createSession(userId, 'vitest', { now, secondFactorAt })).split(';')[0] ?? ''
}

function run<T>(fn: (args: LoaderFunctionArgs) => Promise<T>, request: Request): Promise<T> {
  return fn({ request, params: {}, context: {} })
}

describe('session lifetime', () => {
  it('ends a session after 30 minutes without a request', async () => {
    const user = await createUser({ staffRole: 'REVIEWER' })
    const start = new Date('2026-11-23T08:00:00Z')
    const cookie = await cookieAt(user.id, start, start)
    const request = () => makeRequest('/staff', { cookie })
    expect(await getUser(request(), new Date(start.getTime() + minutes(29)))).toMatchObject({ id: user.id })
    // that request counted as use: 29 minutes later the session still works, 31 minutes after it no longer
    expect(await getUser(request(), new Date(start.getTime() + minutes(58)))).toMatchObject({ id: user.id })
    expect(await getUser(request(), new Date(start.getTime() + minutes(58 + 31)))).toBeNull()
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0)
  })

  it('ends a session 12 hours after login however busy it is, for staff and providers alike', async () => {
    for (const staffRole of ['ADMIN', null] as const) {
      const user = await createUser({ staffRole })
      const start = new Date('2026-11-23T06:00:00Z')
      const cookie = await cookieAt(user.id, start, start)
      let now = start
      for (let step = 1; step * 20 < 12 * 60; step++) {
        now = new Date(start.getTime() + minutes(step * 20))
        expect(await getUser(makeRequest('/account', { cookie }), now)).toMatchObject({ id: user.id })
      }
      expect(await getUser(makeRequest('/account', { cookie }), new Date(start.getTime() + minutes(12 * 60)))).toBeNull()
    }
  })
})

describe('the sign-in security page', () => {
  it('lists the user’s own active sessions, ends one or all others, and answers 404 for anyone else’s', async () => {
    const user = await createUser()
    const stranger = await createUser()
    const current = await cookieForUser(user.id)
    await cookieForUser(user.id)
    await cookieForUser(user.id)
    const strangers = await cookieForUser(stranger.id)
    const strangerSession = await getUser(makeRequest('/', { cookie: strangers }))

    const page = (await run(securityLoader, makeRequest('/account/security', { cookie: current }))) as {
      sessions: { id: string; current: boolean; userAgent: string | null }[]
      codesLeft: number | null
    }
    expect(page.sessions).toHaveLength(3)
    expect(page.sessions.filter((session) => session.current)).toHaveLength(1)
    expect(page.sessions.map((session) => session.userAgent)).toEqual(['vitest', 'vitest', 'vitest'])
    expect(page.codesLeft).toBeNull()

    const other = page.sessions.find((session) => !session.current)!
    const end = (sessionId: string) =>
      statusOf(() => run(securityAction, makeRequest('/account/security', { cookie: current, form: { intent: 'endSession', sessionId } })))
    expect(await end(strangerSession!.sessionId)).toMatchObject({ status: 404 })
    expect(await getUser(makeRequest('/', { cookie: strangers }))).toMatchObject({ id: stranger.id })
    expect(await end('no-such-session')).toMatchObject({ status: 404 })
    expect(await end(other.id)).toEqual({ status: 302, location: '/account/security' })
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(2)

    const endOthers = await statusOf(() =>
      run(securityAction, makeRequest('/account/security', { cookie: current, form: { intent: 'endOtherSessions' } })),
    )
    expect(endOthers).toEqual({ status: 302, location: '/account/security' })
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(1)
    expect(await getUser(makeRequest('/', { cookie: current }))).toMatchObject({ id: user.id })
    expect(await prisma.session.count({ where: { userId: stranger.id } })).toBe(1)

    // only staff have an authenticator to reset
    const reset = await statusOf(() => run(securityAction, makeRequest('/account/security', { cookie: current, form: { intent: 'resetSecondFactor' } })))
    expect(reset.status).toBe(403)
  })
})
