import { recordAudit } from '~/modules/audit/audit.server'
import { prisma } from '~/utils/db.server'

/**
 * Staff moderate the texts of clients' feedback before they are public: pending texts first (oldest first), then
 * the latest decided ones. Staff see the producer, the rating and the text, never who gave it. Each decision is
 * audited; a text is decided once.
 */
const pendingWhere = { moderation: 'PENDING', text: { not: null } } as const
const queueSize = 50
const decidedShown = 20

const feedbackSelect = {
  id: true,
  rating: true,
  text: true,
  moderation: true,
  createdAt: true,
  organisation: { select: { id: true, name: true } },
} as const

export async function moderationQueue() {
  const [pending, pendingCount, decided] = await Promise.all([
    prisma.feedback.findMany({ where: pendingWhere, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], take: queueSize, select: feedbackSelect }),
    prisma.feedback.count({ where: pendingWhere }),
    prisma.feedback.findMany({
      where: { moderation: { in: ['APPROVED', 'REJECTED'] }, text: { not: null } },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: decidedShown,
      select: feedbackSelect,
    }),
  ])
  return { pending, pendingCount, decided }
}

export type ModerationResult = { ok: true } | { ok: false; error: 'notFound' | 'alreadyModerated' }

export async function moderateFeedback(actor: { id: string }, feedbackId: string, decision: 'approve' | 'reject'): Promise<ModerationResult> {
  const moderation = decision === 'approve' ? 'APPROVED' : 'REJECTED'
  return prisma.$transaction(async (tx) => {
    const changed = await tx.feedback.updateMany({ where: { id: feedbackId, ...pendingWhere }, data: { moderation } })
    if (changed.count !== 1) {
      const exists = await tx.feedback.findFirst({ where: { id: feedbackId, text: { not: null } }, select: { id: true } })
      return { ok: false, error: exists ? 'alreadyModerated' : 'notFound' } as const
    }
    await recordAudit(tx, {
      actorId: actor.id,
      action: `feedback.${decision}`,
      entityType: 'Feedback',
      entityId: feedbackId,
      before: { moderation: 'PENDING' },
      after: { moderation },
    })
    return { ok: true } as const
  })
}
