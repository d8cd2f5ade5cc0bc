import { prisma } from '~/utils/db.server'
import { sessionIdleMs } from '~/utils/session.server'

export type ActiveSession = { id: string; createdAt: Date; lastSeenAt: Date; userAgent: string | null; current: boolean }

/** The user's sessions that still work (not past their absolute or idle limit), newest activity first. */
export async function listActiveSessions(userId: string, currentSessionId: string, now = new Date()): Promise<ActiveSession[]> {
  const sessions = await prisma.session.findMany({
    where: { userId, expiresAt: { gt: now }, lastSeenAt: { gt: new Date(now.getTime() - sessionIdleMs) } },
    select: { id: true, createdAt: true, lastSeenAt: true, userAgent: true },
    orderBy: { lastSeenAt: 'desc' },
  })
  return sessions.map((session) => ({ ...session, current: session.id === currentSessionId }))
}

/** Ends one of the user's own sessions; false when the id is not one of theirs. */
export async function endSession(userId: string, sessionId: string): Promise<boolean> {
  const ended = await prisma.session.deleteMany({ where: { id: sessionId, userId } })
  return ended.count === 1
}

/** Ends every session of the user except the current one; returns how many ended. */
export async function endOtherSessions(userId: string, currentSessionId: string): Promise<number> {
  const ended = await prisma.session.deleteMany({ where: { userId, id: { not: currentSessionId } } })
  return ended.count
}
