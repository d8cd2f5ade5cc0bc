import { createCookie, redirect } from '@remix-run/node'
import type { Locale, StaffRole } from '~/generated/prisma/client'
import { prisma } from './db.server'
import { env } from './env.server'
import { can, memberRole, staffRole, type Permission, type Role } from './permissions'
import { hashToken, newToken } from './tokens.server'

const sessionDays = 14
const lastSeenWriteIntervalMs = 5 * 60 * 1000

export const sessionCookie = createCookie('__session', {
  path: '/',
  httpOnly: true,
  sameSite: 'lax',
  secure: env().NODE_ENV === 'production' && env().APP_ORIGIN.startsWith('https://'),
  maxAge: sessionDays * 24 * 60 * 60,
})

export type SessionUser = {
  id: string
  email: string
  name: string
  locale: Locale
  staffRole: StaffRole | null
  sessionId: string
}

/** Creates a database session (revocable) and returns the Set-Cookie header. Login always makes a new one (rotation). */
export async function createSession(userId: string, userAgent: string | null): Promise<string> {
  const { token, tokenHash } = newToken()
  await prisma.session.create({
    data: {
      userId,
      tokenHash,
      userAgent: userAgent?.slice(0, 300) ?? null,
      expiresAt: new Date(Date.now() + sessionDays * 24 * 60 * 60 * 1000),
    },
  })
  return sessionCookie.serialize(token)
}

async function sessionToken(request: Request): Promise<string | null> {
  const value: unknown = await sessionCookie.parse(request.headers.get('Cookie'))
  return typeof value === 'string' && value.length > 0 ? value : null
}

export async function getUser(request: Request): Promise<SessionUser | null> {
  const token = await sessionToken(request)
  if (!token) return null
  const session = await prisma.session.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      id: true,
      expiresAt: true,
      lastSeenAt: true,
      user: { select: { id: true, email: true, name: true, locale: true, staffRole: true, deactivatedAt: true } },
    },
  })
  if (!session || session.expiresAt <= new Date() || session.user.deactivatedAt) return null
  if (Date.now() - session.lastSeenAt.getTime() > lastSeenWriteIntervalMs) {
    await prisma.session.update({ where: { id: session.id }, data: { lastSeenAt: new Date() } })
  }
  const { deactivatedAt: _deactivated, ...user } = session.user
  return { ...user, sessionId: session.id }
}

function loginRedirect(request: Request): never {
  const url = new URL(request.url)
  const redirectTo = `${url.pathname}${url.search}`
  throw redirect(`/login?${new URLSearchParams({ redirectTo })}`)
}

export async function requireUser(request: Request): Promise<SessionUser> {
  return (await getUser(request)) ?? loginRedirect(request)
}

export function forbidden(): never {
  throw new Response('Forbidden', { status: 403 })
}

export function notFound(): never {
  throw new Response('Not Found', { status: 404 })
}

/** Staff permission check: anonymous users go to login, everyone else without the permission gets 403. */
export async function requirePermission(request: Request, permission: Permission): Promise<SessionUser & { role: Role }> {
  const user = await requireUser(request)
  const role = staffRole(user.staffRole)
  if (!role || !can(role, permission)) forbidden()
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
  if (!membership) notFound()
  const role = memberRole(membership.role)
  if (!can(role, permission)) forbidden()
  return { ...user, role, organisationId }
}

export async function destroySession(request: Request): Promise<string> {
  const token = await sessionToken(request)
  if (token) await prisma.session.deleteMany({ where: { tokenHash: hashToken(token) } })
  return sessionCookie.serialize('', { maxAge: 0 })
}

export function safeRedirectTo(value: FormDataEntryValue | string | null | undefined, fallback = '/'): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) {
    return fallback
  }
  return value
}
