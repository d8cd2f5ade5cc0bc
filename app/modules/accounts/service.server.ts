import type { Locale, StaffRole } from '~/generated/prisma/client'
import { recordAudit } from '~/modules/audit/audit.server'
import { enqueueEmail } from '~/modules/email/outbox.server'
import { prisma, type Tx } from '~/utils/db.server'
import { env } from '~/utils/env.server'
import { hashToken, newToken } from '~/utils/tokens.server'
import { decoyPasswordHash, hashPassword, verifyPassword } from './password.server'
import { clearSecondFactor } from './second-factor.server'

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
  | { ok: true; userId: string; locale: Locale; secondFactor: 'none' | 'required' | 'enrol' }
  | { ok: false; error: 'invalidCredentials' | 'emailNotVerified'; userId?: string }

/**
 * Checks email and password. Staff then need their second factor (`required`), or to set up an authenticator first
 * (`enrol`). A failure carries the account's id when there is one, for the log only.
 */
export async function authenticate(email: string, password: string): Promise<AuthenticateResult> {
  const user = await prisma.user.findUnique({
    where: { email },
    select: { id: true, passwordHash: true, emailVerifiedAt: true, deactivatedAt: true, locale: true, staffRole: true, totpEnabledAt: true },
  })
  const valid = await verifyPassword(user?.passwordHash ?? (await decoyPasswordHash()), password)
  if (!user) return { ok: false, error: 'invalidCredentials' }
  if (!user.passwordHash || !valid || user.deactivatedAt) return { ok: false, error: 'invalidCredentials', userId: user.id }
  if (!user.emailVerifiedAt) return { ok: false, error: 'emailNotVerified', userId: user.id }
  const secondFactor = !user.staffRole ? 'none' : user.totpEnabledAt ? 'required' : 'enrol'
  return { ok: true, userId: user.id, locale: user.locale, secondFactor }
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

// ─── Staff roles and deactivation ───────────────────────────────────────────

export type StaffUserChangeError = 'notFound' | 'self' | 'lastAdmin' | 'forbidden' | 'alreadyDeactivated' | 'notDeactivated'
export type StaffUserChangeResult = { ok: true; changed: boolean } | { ok: false; error: StaffUserChangeError }

/**
 * Locks the active admins' rows for the rest of the transaction and returns their ids. Two admins demoting or
 * deactivating each other at the same moment queue here, and the second one sees the first one's change, so the
 * area never ends up without an active admin.
 */
async function lockActiveAdmins(tx: Tx): Promise<string[]> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "User" WHERE "staffRole" = 'ADMIN' AND "deactivatedAt" IS NULL ORDER BY "id" FOR UPDATE`
  return rows.map((row) => row.id)
}

/** The checks every change of a staff account shares: an active admin acts on another staff user. */
async function staffTarget(
  tx: Tx,
  actorId: string,
  userId: string,
): Promise<
  | { ok: true; admins: string[]; target: { id: string; staffRole: StaffRole; deactivatedAt: Date | null } }
  | { ok: false; error: 'forbidden' | 'self' | 'notFound' }
> {
  const admins = await lockActiveAdmins(tx)
  if (!admins.includes(actorId)) return { ok: false, error: 'forbidden' }
  if (actorId === userId) return { ok: false, error: 'self' }
  const target = await tx.user.findUnique({
    where: { id: userId },
    select: { id: true, staffRole: true, deactivatedAt: true },
  })
  if (!target || !target.staffRole) return { ok: false, error: 'notFound' }
  return { ok: true, admins, target: { ...target, staffRole: target.staffRole } }
}

/**
 * Sets a staff user's role (REVIEWER or ADMIN). An admin cannot change their own role, and the last active admin
 * cannot be demoted. Audited with the role before and after.
 */
export async function setStaffRole(actorId: string, userId: string, role: StaffRole): Promise<StaffUserChangeResult> {
  return prisma.$transaction(async (tx): Promise<StaffUserChangeResult> => {
    const found = await staffTarget(tx, actorId, userId)
    if (!found.ok) return found
    const { target, admins } = found
    if (target.staffRole === role) return { ok: true, changed: false }
    const activeAdmin = target.staffRole === 'ADMIN' && !target.deactivatedAt
    if (activeAdmin && admins.filter((id) => id !== target.id).length === 0) return { ok: false, error: 'lastAdmin' }
    await tx.user.update({ where: { id: target.id }, data: { staffRole: role } })
    await recordAudit(tx, {
      actorId,
      action: 'staff-user.set-role',
      entityType: 'User',
      entityId: target.id,
      before: { staffRole: target.staffRole },
      after: { staffRole: role },
    })
    return { ok: true, changed: true }
  })
}

/**
 * Deactivates a staff user: they can no longer log in, every session of theirs ends at once, and their unused
 * invitation or reset links stop working. An admin cannot deactivate themselves, nor the last active admin.
 */
export async function deactivateStaffUser(actorId: string, userId: string, now = new Date()): Promise<StaffUserChangeResult> {
  return prisma.$transaction(async (tx): Promise<StaffUserChangeResult> => {
    const found = await staffTarget(tx, actorId, userId)
    if (!found.ok) return found
    const { target, admins } = found
    if (target.deactivatedAt) return { ok: false, error: 'alreadyDeactivated' }
    if (target.staffRole === 'ADMIN' && admins.filter((id) => id !== target.id).length === 0) return { ok: false, error: 'lastAdmin' }
    await tx.user.update({ where: { id: target.id }, data: { deactivatedAt: now } })
    const sessions = await tx.session.deleteMany({ where: { userId: target.id } })
    await tx.userToken.updateMany({ where: { userId: target.id, usedAt: null }, data: { usedAt: now } })
    await recordAudit(tx, {
      actorId,
      action: 'staff-user.deactivate',
      entityType: 'User',
      entityId: target.id,
      before: { deactivatedAt: null },
      after: { deactivatedAt: now.toISOString(), sessionsEnded: sessions.count },
    })
    return { ok: true, changed: true }
  })
}

/**
 * For a staff user who lost their authenticator and recovery codes: an admin removes their second factor and ends
 * their sessions; at the next login they set up a new authenticator. Not for one's own account (Sign-in security is).
 */
export async function resetStaffSecondFactor(actorId: string, userId: string): Promise<StaffUserChangeResult> {
  return prisma.$transaction(async (tx): Promise<StaffUserChangeResult> => {
    const found = await staffTarget(tx, actorId, userId)
    if (!found.ok) return found
    await clearSecondFactor(tx, actorId, found.target.id, null)
    return { ok: true, changed: true }
  })
}

/** Lets a deactivated staff user log in again (with their old password, or through "forgot password"). */
export async function reactivateStaffUser(actorId: string, userId: string): Promise<StaffUserChangeResult> {
  return prisma.$transaction(async (tx): Promise<StaffUserChangeResult> => {
    const found = await staffTarget(tx, actorId, userId)
    if (!found.ok) return found
    const { target } = found
    if (!target.deactivatedAt) return { ok: false, error: 'notDeactivated' }
    await tx.user.update({ where: { id: target.id }, data: { deactivatedAt: null } })
    await recordAudit(tx, {
      actorId,
      action: 'staff-user.reactivate',
      entityType: 'User',
      entityId: target.id,
      before: { deactivatedAt: target.deactivatedAt.toISOString() },
      after: { deactivatedAt: null },
    })
    return { ok: true, changed: true }
  })
}
