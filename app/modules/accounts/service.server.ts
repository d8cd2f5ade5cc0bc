import type { Locale, StaffRole } from '~/generated/prisma/client'
import { recordAudit } from '~/modules/audit/audit.server'
import { enqueueEmail } from '~/modules/email/outbox.server'
import { prisma } from '~/utils/db.server'
import { env } from '~/utils/env.server'
import { hashToken, newToken } from '~/utils/tokens.server'
import { decoyPasswordHash, hashPassword, verifyPassword } from './password.server'

const verifyTokenHours = 48
const resetTokenHours = 2
const staffInvitationHours = 72

function link(path: string, token: string): string {
  return `${env().APP_ORIGIN}${path}?${new URLSearchParams({ token })}`
}

function hoursFromNow(hours: number, now = new Date()): Date {
  return new Date(now.getTime() + hours * 60 * 60 * 1000)
}

/**
 * Creates a provider user and queues the verification email, in one transaction. When the address already has an
 * account, that account's owner is emailed instead, so the form never reveals which addresses are registered.
 */
export async function signUp(input: { name: string; email: string; password: string; locale: Locale }): Promise<void> {
  const existing = await prisma.user.findUnique({ where: { email: input.email }, select: { name: true, locale: true } })
  if (existing) {
    await prisma.$transaction((tx) =>
      enqueueEmail(tx, {
        to: input.email,
        locale: existing.locale,
        template: 'account-exists',
        props: { name: existing.name, loginLink: `${env().APP_ORIGIN}/login`, resetLink: `${env().APP_ORIGIN}/forgot-password` },
      }),
    )
    return
  }
  const passwordHash = await hashPassword(input.password)
  const { token, tokenHash } = newToken()
  await prisma.$transaction(async (tx) => {
    const created = await tx.user.create({
      data: { name: input.name, email: input.email, passwordHash, locale: input.locale },
      select: { id: true },
    })
    await tx.userToken.create({
      data: { userId: created.id, purpose: 'VERIFY_EMAIL', tokenHash, expiresAt: hoursFromNow(verifyTokenHours) },
    })
    await enqueueEmail(tx, {
      to: input.email,
      locale: input.locale,
      template: 'verify-email',
      props: { name: input.name, link: link('/verify-email', token), validHours: verifyTokenHours },
    })
    await recordAudit(tx, { actorId: created.id, action: 'user.signup', entityType: 'User', entityId: created.id })
  })
}

/** Marks the email verified when the token is valid and unused. Returns the user id, or null. */
export async function verifyEmail(token: string, now = new Date()): Promise<string | null> {
  return prisma.$transaction(async (tx) => {
    const row = await tx.userToken.findUnique({
      where: { tokenHash: hashToken(token) },
      select: { id: true, userId: true, purpose: true, usedAt: true, expiresAt: true },
    })
    if (!row || row.purpose !== 'VERIFY_EMAIL' || row.usedAt || row.expiresAt <= now) return null
    await tx.userToken.update({ where: { id: row.id }, data: { usedAt: now } })
    await tx.user.update({ where: { id: row.userId }, data: { emailVerifiedAt: now } })
    await recordAudit(tx, { actorId: row.userId, action: 'user.verify-email', entityType: 'User', entityId: row.userId })
    return row.userId
  })
}

export type AuthenticateResult =
  | { ok: true; userId: string; locale: Locale }
  | { ok: false; error: 'invalidCredentials' | 'emailNotVerified' }

export async function authenticate(email: string, password: string): Promise<AuthenticateResult> {
  const user = await prisma.user.findUnique({
    where: { email },
    select: { id: true, passwordHash: true, emailVerifiedAt: true, deactivatedAt: true, locale: true },
  })
  const valid = await verifyPassword(user?.passwordHash ?? (await decoyPasswordHash()), password)
  if (!user || !user.passwordHash || !valid || user.deactivatedAt) return { ok: false, error: 'invalidCredentials' }
  if (!user.emailVerifiedAt) return { ok: false, error: 'emailNotVerified' }
  return { ok: true, userId: user.id, locale: user.locale }
}

/** Queues a reset link when the address belongs to an active account; says nothing either way. */
export async function requestPasswordReset(email: string): Promise<void> {
  const user = await prisma.user.findUnique({
    where: { email },
    select: { id: true, name: true, locale: true, deactivatedAt: true },
  })
  if (!user || user.deactivatedAt) return
  const { token, tokenHash } = newToken()
  await prisma.$transaction(async (tx) => {
    await tx.userToken.create({
      data: { userId: user.id, purpose: 'RESET_PASSWORD', tokenHash, expiresAt: hoursFromNow(resetTokenHours) },
    })
    await enqueueEmail(tx, {
      to: email,
      locale: user.locale,
      template: 'reset-password',
      props: { name: user.name, link: link('/reset-password', token), validHours: resetTokenHours },
    })
  })
}

/**
 * Sets a new password with a valid reset token. The address is proven by the link, so it is also marked
 * verified, and every existing session of the user ends.
 */
export async function resetPassword(token: string, password: string, now = new Date()): Promise<boolean> {
  const row = await prisma.userToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, userId: true, purpose: true, usedAt: true, expiresAt: true },
  })
  if (!row || row.purpose !== 'RESET_PASSWORD' || row.usedAt || row.expiresAt <= now) return false
  const passwordHash = await hashPassword(password)
  return prisma.$transaction(async (tx) => {
    const claimed = await tx.userToken.updateMany({ where: { id: row.id, usedAt: null }, data: { usedAt: now } })
    if (claimed.count !== 1) return false
    const user = await tx.user.update({
      where: { id: row.userId },
      data: { passwordHash },
      select: { emailVerifiedAt: true },
    })
    if (!user.emailVerifiedAt) await tx.user.update({ where: { id: row.userId }, data: { emailVerifiedAt: now } })
    await tx.session.deleteMany({ where: { userId: row.userId } })
    await recordAudit(tx, { actorId: row.userId, action: 'user.reset-password', entityType: 'User', entityId: row.userId })
    return true
  })
}

export type CreateStaffUserResult = { ok: true; userId: string } | { ok: false; error: 'emailTaken' }

/** A staff admin creates a staff account; the new user sets a password through the emailed link. */
export async function createStaffUser(
  actorId: string,
  input: { name: string; email: string; role: StaffRole; locale: Locale },
): Promise<CreateStaffUserResult> {
  const existing = await prisma.user.findUnique({ where: { email: input.email }, select: { id: true } })
  if (existing) return { ok: false, error: 'emailTaken' }
  const { token, tokenHash } = newToken()
  const user = await prisma.$transaction(async (tx) => {
    const created = await tx.user.create({
      data: { name: input.name, email: input.email, staffRole: input.role, locale: input.locale },
      select: { id: true },
    })
    await tx.userToken.create({
      data: { userId: created.id, purpose: 'RESET_PASSWORD', tokenHash, expiresAt: hoursFromNow(staffInvitationHours) },
    })
    await enqueueEmail(tx, {
      to: input.email,
      locale: input.locale,
      template: 'staff-invitation',
      props: { name: input.name, link: link('/reset-password', token), validHours: staffInvitationHours },
    })
    await recordAudit(tx, {
      actorId,
      action: 'staff-user.create',
      entityType: 'User',
      entityId: created.id,
      after: { email: input.email, staffRole: input.role },
    })
    return created
  })
  return { ok: true, userId: user.id }
}

export async function setUserLocale(userId: string, locale: Locale): Promise<void> {
  await prisma.user.update({ where: { id: userId }, data: { locale } })
}

export function listStaffUsers() {
  return prisma.user.findMany({
    where: { staffRole: { not: null } },
    select: { id: true, name: true, email: true, staffRole: true, emailVerifiedAt: true, deactivatedAt: true },
    orderBy: { name: 'asc' },
  })
}
