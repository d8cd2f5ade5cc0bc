import { createCookie, redirect } from '@remix-run/node'
import { prisma } from '~/utils/db.server'
import { env } from '~/utils/env.server'
import { hashToken, newToken } from '~/utils/tokens.server'

/**
 * A client's session on their own voucher. Today it is opened with the voucher code and the date of birth
 * (client-login.server.ts); strong electronic identification would open the same session (ADR 0007).
 * Kept in the database (revocable, shared across app instances); ends after 30 minutes without use.
 */
const idleMinutes = 30

export const clientSessionCookie = createCookie('__voucher', {
  path: '/',
  httpOnly: true,
  sameSite: 'lax',
  secure: env().NODE_ENV === 'production' && env().APP_ORIGIN.startsWith('https://'),
})

export type ClientVoucherSession = { sessionId: string; voucherId: string }

/** Opens a session on the voucher and returns its Set-Cookie header (a new token each time). */
export async function openClientSession(voucherId: string, now = new Date()): Promise<string> {
  const { token, tokenHash } = newToken()
  await prisma.clientSession.create({
    data: { voucherId, tokenHash, createdAt: now, lastSeenAt: now, expiresAt: new Date(now.getTime() + idleMinutes * 60_000) },
  })
  return clientSessionCookie.serialize(token)
}

async function sessionToken(request: Request): Promise<string | null> {
  const value: unknown = await clientSessionCookie.parse(request.headers.get('Cookie'))
  return typeof value === 'string' && value.length > 0 ? value : null
}

/** The voucher of the request's client session, or null; each use moves the idle expiry on. */
export async function getClientVoucher(request: Request, now = new Date()): Promise<ClientVoucherSession | null> {
  const token = await sessionToken(request)
  if (!token) return null
  const session = await prisma.clientSession.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, voucherId: true, expiresAt: true },
  })
  if (!session || session.expiresAt <= now) return null
  await prisma.clientSession.update({
    where: { id: session.id },
    data: { lastSeenAt: now, expiresAt: new Date(now.getTime() + idleMinutes * 60_000) },
  })
  return { sessionId: session.id, voucherId: session.voucherId }
}

/** For every client page: the voucher of the session, or a redirect to /voucher (the code and date-of-birth form). */
export async function requireClientVoucher(request: Request): Promise<ClientVoucherSession> {
  const session = await getClientVoucher(request)
  if (session) return session
  const url = new URL(request.url)
  throw redirect(`/voucher?${new URLSearchParams({ redirectTo: `${url.pathname}${url.search}` })}`)
}

/** Ends the session and returns the Set-Cookie header that clears the cookie. */
export async function closeClientSession(request: Request): Promise<string> {
  const token = await sessionToken(request)
  if (token) await prisma.clientSession.deleteMany({ where: { tokenHash: hashToken(token) } })
  return clientSessionCookie.serialize('', { maxAge: 0 })
}
