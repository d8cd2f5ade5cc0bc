import { createCookie, redirect } from '@remix-run/node'
import type { Locale, StaffRole } from '~/generated/prisma/client'
import { prisma } from './db.server'
import { env } from './env.server'
import { log } from './logger.server'
import { can, memberRole, staffRole, type Permission, type Role } from './permissions'
import { hashToken, newToken } from './tokens.server'

/** Every session ends 12 hours after login and after 30 minutes without a request (OWASP ASVS 3.3.2, level 2). */
export const sessionAbsoluteMs = 12 * 60 * 60 * 1000
export const sessionIdleMs = 30 * 60 * 1000
/** lastSeenAt is written at most once a minute, so idle expiry is exact to within a minute. */
const lastSeenWriteIntervalMs = 60 * 1000

export const sessionCookie = createCookie('__session', {
  path: '/',
  httpOnly: true,
  sameSite: 'lax',
  secure: env().NODE_ENV === 'production' && env().APP_ORIGIN.startsWith('https://'),
  maxAge: sessionAbsoluteMs / 1000,
})

export type SessionUser = {
  id: string
  email: string
  name: string
  locale: Locale
  staffRole: StaffRole | null
  sessionId: string
}

/**
 * Creates a database session (revocable) and returns the Set-Cookie header. Login always makes a new one
 * (rotation); a staff session is complete only once `secondFactorAt` is set.
 */
export async function createSession(
  userId: string,
  userAgent: string | null,
  options: { secondFactorAt?: Date; now?: Date } = {},
): Promise<string> {
  const { token, tokenHash } = newToken()
  const now = options.now ?? new Date()
  await prisma.session.create({
    data: {
      userId,
      tokenHash,
      userAgent: userAgent?.slice(0, 300) ?? null,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + sessionAbsoluteMs),
      secondFactorAt: options.secondFactorAt ?? null,
    },
  })
  return sessionCookie.serialize(token)
}

async function sessionToken(request: Request): Promise<string | null> {
  const value: unknown = await sessionCookie.parse(request.headers.get('Cookie'))
  return typeof value === 'string' && value.length > 0 ? value : null
}

type SessionState = SessionUser & {
  /** staff who have not given the second factor in this session yet; `enrol`: they have no authenticator yet */
  secondFactor: 'done' | 'required' | 'enrol'
}

/** The session of the request, whatever its second-factor state; null when there is none or it has expired. */
async function readSession(request: Request, now: Date): Promise<SessionState | null> {
  const token = await sessionToken(request)
  if (!token) return null
  const session = await prisma.session.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      id: true,
      expiresAt: true,
      lastSeenAt: true,
      secondFactorAt: true,
      user: {
        select: { id: true, email: true, name: true, locale: true, staffRole: true, deactivatedAt: true, totpEnabledAt: true },
      },
    },
  })
  if (!session || session.user.deactivatedAt) return null
  if (session.expiresAt <= now || now.getTime() - session.lastSeenAt.getTime() > sessionIdleMs) {
    await prisma.session.deleteMany({ where: { id: session.id } })
    return null
  }
  if (now.getTime() - session.lastSeenAt.getTime() > lastSeenWriteIntervalMs) {
    await prisma.session.update({ where: { id: session.id }, data: { lastSeenAt: now } })
  }
  const { deactivatedAt: _deactivated, totpEnabledAt, ...user } = session.user
  const secondFactor = !user.staffRole || session.secondFactorAt ? 'done' : totpEnabledAt ? 'required' : 'enrol'
  return { ...user, sessionId: session.id, secondFactor }
}

function withoutState({ secondFactor: _state, ...user }: SessionState): SessionUser {
  return user
}

/** The signed-in user; a staff session still waiting for its second factor counts as nobody here. */
export async function getUser(request: Request, now = new Date()): Promise<SessionUser | null> {
  const session = await readSession(request, now)
  return session?.secondFactor === 'done' ? withoutState(session) : null
}

/** Where a staff session without the second factor goes: the code page, or setting up an authenticator first. */
export function secondFactorPath(state: 'required' | 'enrol', redirectTo: string): string {
  const page = state === 'enrol' ? '/login/second-factor-setup' : '/login/second-factor'
  return redirectTo && redirectTo !== '/account' ? `${page}?${new URLSearchParams({ redirectTo })}` : page
}

/**
 * For the second-factor pages: a staff session that has not given the second factor yet. Anonymous visitors go to
 * login, a complete session to its destination, and each page sends the other state to the other page.
 */
export async function requirePendingSecondFactor(request: Request, state: 'required' | 'enrol'): Promise<SessionUser> {
  const session = await readSession(request, new Date())
  const redirectTo = safeRedirectTo(new URL(request.url).searchParams.get('redirectTo'), '/account')
  if (!session) throw redirect('/login')
  if (session.secondFactor === 'done') throw redirect(redirectTo)
  if (session.secondFactor !== state) throw redirect(secondFactorPath(session.secondFactor, redirectTo))
  return withoutState(session)
}

function loginRedirect(request: Request): never {
  const url = new URL(request.url)
  const redirectTo = `${url.pathname}${url.search}`
  throw redirect(`/login?${new URLSearchParams({ redirectTo })}`)
}

/** The signed-in user; anonymous visitors go to login, staff without the second factor to its page. */
export async function requireUser(request: Request): Promise<SessionUser> {
  const session = await readSession(request, new Date())
  if (!session) loginRedirect(request)
  if (session.secondFactor !== 'done') {
    const url = new URL(request.url)
    throw redirect(secondFactorPath(session.secondFactor, `${url.pathname}${url.search}`))
  }
  return withoutState(session)
}

/** Context for the log line of an access denial: who, where, why. Never an email address, token or code. */
type Denial = { actorId?: string; route?: string; reason?: string }

function logDenial(status: number, denial: Denial) {
  log.warn('access denied', { status, ...denial })
}

export function forbidden(denial: Denial = {}): never {
  logDenial(403, { reason: 'forbidden', ...denial })
  throw new Response('Forbidden', { status: 403 })
}

export function notFound(): never {
  throw new Response('Not Found', { status: 404 })
}

/** Staff permission check: anonymous users go to login, everyone else without the permission gets 403. */
export async function requirePermission(request: Request, permission: Permission): Promise<SessionUser & { role: Role }> {
  const user = await requireUser(request)
  const role = staffRole(user.staffRole)
  if (!role || !can(role, permission)) {
    forbidden({ actorId: user.id, route: new URL(request.url).pathname, reason: `missing permission ${permission}` })
  }
  return { ...user, role }
}

/**
 * Provider permission check inside one organisation: membership is looked up with the organisation id in the
 * query, so another organisation's id gives 404 (its existence is not revealed); a member without the
 * permission gets 403.
 */
export async function requireOrganisationPermission(
  request: Request,
  organisationId: string,
  permission: Permission,
): Promise<SessionUser & { role: Role; organisationId: string }> {
  const user = await requireUser(request)
  const membership = await prisma.membership.findUnique({
    where: { userId_organisationId: { userId: user.id, organisationId } },
    select: { role: true },
  })
  const route = new URL(request.url).pathname
  if (!membership) {
    logDenial(404, { actorId: user.id, route, reason: 'not a member of the organisation' })
    notFound()
  }
  const role = memberRole(membership.role)
  if (!can(role, permission)) forbidden({ actorId: user.id, route, reason: `missing permission ${permission}` })
  return { ...user, role, organisationId }
}

export async function destroySession(request: Request): Promise<string> {
  const token = await sessionToken(request)
  if (token) await prisma.session.deleteMany({ where: { tokenHash: hashToken(token) } })
  return sessionCookie.serialize('', { maxAge: 0 })
}

export function safeRedirectTo(value: FormDataEntryValue | string | null | undefined, fallback = '/'): string {
  // visible ASCII only: our own addresses are percent-encoded, and a Location header cannot carry line breaks or emoji
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\') || !/^[\x21-\x7e]*$/.test(value)) {
    return fallback
  }
  return value
}
