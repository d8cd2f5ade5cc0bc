import { recordAudit } from '~/modules/audit/audit.server'
import { prisma, type Tx } from '~/utils/db.server'
import { hashRecoveryCode, looksLikeRecoveryCode, newRecoveryCodes } from './recovery-codes.server'
import { openSecret, sealSecret } from './secret-box.server'
import { matchTotp, newTotpSecret, otpauthUri } from './totp'

/** The name authenticator apps show above the code. */
const issuer = 'Palvelutori'

/**
 * The authenticator secret a staff user is setting up: the one stored when they first opened the set-up page, or
 * a new one. Null when they already have an authenticator.
 */
export async function pendingEnrolment(userId: string): Promise<{ secret: string; uri: string } | null> {
  const user = await prisma.user.findUniqueOrThrow({
    where: { id: userId },
    select: { email: true, totpSecretCipher: true, totpEnabledAt: true },
  })
  if (user.totpEnabledAt) return null
  let secret = user.totpSecretCipher ? openSecret(user.totpSecretCipher) : null
  if (!secret) {
    secret = newTotpSecret()
    await prisma.user.update({ where: { id: userId }, data: { totpSecretCipher: sealSecret(secret), totpLastStep: null } })
  }
  return { secret, uri: otpauthUri({ secret, issuer, account: user.email }) }
}

/** Accepts the step of a code only if no later or equal step was accepted before: a code works once. */
async function claimStep(tx: Tx, userId: string, step: number): Promise<boolean> {
  const claimed = await tx.user.updateMany({
    where: { id: userId, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] },
    data: { totpLastStep: step },
  })
  return claimed.count === 1
}

async function completeSession(tx: Tx, sessionId: string, now: Date) {
  await tx.session.update({ where: { id: sessionId }, data: { secondFactorAt: now } })
}

export type SecondFactorFailure = { ok: false; reason: 'wrongCode' | 'replayedCode' | 'notEnrolled' }

/**
 * Confirms the set-up with a code from the app: the authenticator is on, the session complete, and ten new
 * recovery codes are returned to be shown once (only their hashes are kept).
 */
export async function confirmEnrolment(
  userId: string,
  sessionId: string,
  code: string,
  now = new Date(),
): Promise<{ ok: true; recoveryCodes: string[] } | SecondFactorFailure> {
  const user = await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { totpSecretCipher: true, totpEnabledAt: true } })
  if (user.totpEnabledAt || !user.totpSecretCipher) return { ok: false, reason: 'notEnrolled' }
  const step = matchTotp(openSecret(user.totpSecretCipher), code.trim(), now)
  if (step === null) return { ok: false, reason: 'wrongCode' }
  const recoveryCodes = newRecoveryCodes()
  return prisma.$transaction(async (tx) => {
    if (!(await claimStep(tx, userId, step))) return { ok: false, reason: 'replayedCode' } as const
    await tx.user.update({ where: { id: userId }, data: { totpEnabledAt: now } })
    await tx.recoveryCode.deleteMany({ where: { userId } })
    await tx.recoveryCode.createMany({ data: recoveryCodes.map((recovery) => ({ userId, codeHash: hashRecoveryCode(recovery) })) })
    await completeSession(tx, sessionId, now)
    await recordAudit(tx, { actorId: userId, action: 'second-factor.enrol', entityType: 'User', entityId: userId })
    return { ok: true, recoveryCodes } as const
  })
}

/**
 * The second step of a staff login: a code from the app, or one of the recovery codes (used up here). Either marks
 * the session complete.
 */
export async function verifySecondFactor(
  userId: string,
  sessionId: string,
  input: string,
  now = new Date(),
): Promise<{ ok: true; method: 'totp' | 'recoveryCode' } | SecondFactorFailure> {
  const user = await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { totpSecretCipher: true, totpEnabledAt: true } })
  if (!user.totpEnabledAt || !user.totpSecretCipher) return { ok: false, reason: 'notEnrolled' }
  if (looksLikeRecoveryCode(input)) {
    return prisma.$transaction(async (tx) => {
      const used = await tx.recoveryCode.updateMany({
        where: { userId, codeHash: hashRecoveryCode(input), usedAt: null },
        data: { usedAt: now },
      })
      if (used.count !== 1) return { ok: false, reason: 'wrongCode' } as const
      await completeSession(tx, sessionId, now)
      const left = await tx.recoveryCode.count({ where: { userId, usedAt: null } })
      await recordAudit(tx, {
        actorId: userId,
        action: 'second-factor.recovery-code',
        entityType: 'User',
        entityId: userId,
        after: { recoveryCodesLeft: left },
      })
      return { ok: true, method: 'recoveryCode' } as const
    })
  }
  const step = matchTotp(openSecret(user.totpSecretCipher), input.trim(), now)
  if (step === null) return { ok: false, reason: 'wrongCode' }
  return prisma.$transaction(async (tx) => {
    if (!(await claimStep(tx, userId, step))) return { ok: false, reason: 'replayedCode' } as const
    await completeSession(tx, sessionId, now)
    return { ok: true, method: 'totp' } as const
  })
}

/** How many unused recovery codes the user has left. */
export function recoveryCodesLeft(userId: string): Promise<number> {
  return prisma.recoveryCode.count({ where: { userId, usedAt: null } })
}

/**
 * Turns the user's authenticator off (a lost phone): secret and recovery codes go, every other session ends, and
 * the session `keepSessionId` (the user's own, or none when an admin does it) must set up a new authenticator
 * before it reaches anything else.
 */
export async function resetSecondFactor(actorId: string, userId: string, keepSessionId: string | null): Promise<void> {
  await prisma.$transaction((tx) => clearSecondFactor(tx, actorId, userId, keepSessionId))
}

/** resetSecondFactor inside the caller's transaction (an admin's reset checks the accounts in the same one). */
export async function clearSecondFactor(tx: Tx, actorId: string, userId: string, keepSessionId: string | null): Promise<void> {
  await tx.user.update({ where: { id: userId }, data: { totpSecretCipher: null, totpEnabledAt: null, totpLastStep: null } })
  await tx.recoveryCode.deleteMany({ where: { userId } })
  await tx.session.deleteMany({ where: { userId, ...(keepSessionId ? { id: { not: keepSessionId } } : {}) } })
  if (keepSessionId) await tx.session.updateMany({ where: { id: keepSessionId, userId }, data: { secondFactorAt: null } })
  await recordAudit(tx, { actorId, action: 'second-factor.reset', entityType: 'User', entityId: userId })
}
