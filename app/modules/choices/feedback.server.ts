import { recordAudit } from '~/modules/audit/audit.server'
import { helsinkiToday, utcDate } from '~/modules/documents/dates'
import { prisma } from '~/utils/db.server'
import type { FeedbackInput } from './schema'
import { hasServed } from './state'

/**
 * The client's feedback on the producers that have served them (service under an accepted or ended choice has
 * started): a rating 1–5 and an optional text, once per producer and voucher (a unique key). The client may change
 * it until staff have moderated it. Ratings count in the producer's average at once; texts are public only when
 * approved (moderation.server.ts, rating.server.ts).
 */
const servedStatuses = ['ACCEPTED', 'ENDED'] as const

/** The producers that have served the voucher, newest service first, each with the feedback already given. */
export async function feedbackOverview(voucherId: string, now = new Date()) {
  const today = helsinkiToday(now)
  const [choices, given] = await Promise.all([
    prisma.choice.findMany({
      where: { voucherId, status: { in: [...servedStatuses] }, startDate: { lte: utcDate(today) } },
      select: { status: true, startDate: true, endDate: true, offer: { select: { organisation: { select: { id: true, name: true } } } } },
      orderBy: [{ startDate: 'desc' }, { id: 'asc' }],
    }),
    prisma.feedback.findMany({ where: { voucherId }, select: { organisationId: true, rating: true, text: true, moderation: true } }),
  ])
  const byOrganisation = new Map(given.map((feedback) => [feedback.organisationId, feedback]))
  const producers = new Map<string, { id: string; name: string }>()
  for (const choice of choices) {
    const organisation = choice.offer.organisation
    if (hasServed(choice, today) && !producers.has(organisation.id)) producers.set(organisation.id, organisation)
  }
  return [...producers.values()].map((producer) => ({ ...producer, feedback: byOrganisation.get(producer.id) ?? null }))
}

export type FeedbackResult = { ok: true } | { ok: false; error: 'notServed' | 'alreadyModerated' }

/** Gives or changes the voucher's feedback on a producer, in one transaction under the voucher's row lock. */
export async function giveFeedback(voucherId: string, input: FeedbackInput, now = new Date()): Promise<FeedbackResult> {
  const today = helsinkiToday(now)
  const text = input.text?.trim() || null
  return prisma.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT "id" FROM "Voucher" WHERE "id" = ${voucherId} FOR UPDATE`
    const choices = await tx.choice.findMany({
      where: { voucherId, status: { in: [...servedStatuses] }, offer: { organisationId: input.organisationId } },
      select: { status: true, startDate: true, endDate: true },
    })
    if (!choices.some((choice) => hasServed(choice, today))) return { ok: false, error: 'notServed' } as const
    const key = { voucherId_organisationId: { voucherId, organisationId: input.organisationId } }
    const existing = await tx.feedback.findUnique({ where: key, select: { id: true, rating: true, text: true, moderation: true } })
    if (existing && existing.moderation !== 'PENDING') return { ok: false, error: 'alreadyModerated' } as const
    const after = { voucherId, organisationId: input.organisationId, rating: input.rating, hasText: text !== null }
    if (existing) {
      await tx.feedback.update({ where: { id: existing.id }, data: { rating: input.rating, text } })
      await recordAudit(tx, {
        actorId: null,
        action: 'feedback.change',
        entityType: 'Feedback',
        entityId: existing.id,
        before: { rating: existing.rating, hasText: existing.text !== null },
        after,
      })
    } else {
      const created = await tx.feedback.create({ data: { voucherId, organisationId: input.organisationId, rating: input.rating, text }, select: { id: true } })
      await recordAudit(tx, { actorId: null, action: 'feedback.give', entityType: 'Feedback', entityId: created.id, after })
    }
    return { ok: true } as const
  })
}
