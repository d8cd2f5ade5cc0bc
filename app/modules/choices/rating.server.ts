import { prisma } from '~/utils/db.server'

/**
 * A producer's public rating: the clients' average (every rating counts at once, moderation concerns the texts)
 * and how many gave one, shown only from `minimumRatings` up so that a single client's rating cannot be read off;
 * and the newest approved texts (without their ratings, for the same reason).
 */
export const minimumRatings = 5
const textsShown = 5

export async function producerRating(organisationId: string) {
  const [aggregate, texts] = await Promise.all([
    prisma.feedback.aggregate({ where: { organisationId }, _avg: { rating: true }, _count: { _all: true } }),
    prisma.feedback.findMany({
      where: { organisationId, moderation: 'APPROVED', text: { not: null } },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: textsShown,
      select: { id: true, text: true, createdAt: true },
    }),
  ])
  const count = aggregate._count._all
  const average = aggregate._avg.rating
  return {
    summary: count >= minimumRatings && average !== null ? { average, count } : null,
    texts: texts.flatMap((feedback) => (feedback.text ? [{ id: feedback.id, text: feedback.text, createdAt: feedback.createdAt }] : [])),
  }
}
