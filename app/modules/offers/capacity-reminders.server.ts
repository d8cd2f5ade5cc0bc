import type { NoticeEmailProps } from '#emails/notice-email'
import { enqueueEmail } from '~/modules/email/outbox.server'
import { prisma } from '~/utils/db.server'
import { env } from '~/utils/env.server'
import { capacityAgeDays, capacityReminderIntervalDays, staleBefore } from './capacity'
import { offerTitle } from './texts'

const dayMs = 24 * 60 * 60 * 1000

export const capacityReminderTemplate = 'capacity-reminder'

/** Where the owner confirms the free places. */
export function offerLink(organisationId: string, offerId: string): string {
  return `${env().APP_ORIGIN}/provider/${organisationId}/offers/${offerId}`
}

/**
 * Reminds the owners of published offers whose free places were never confirmed, or last confirmed more than 14 days
 * ago, to confirm them: one email per owner, in the owner's language, with a link to the offer page. Run by the
 * hourly job; idempotent.
 *
 * At most one reminder per offer in 7 days. The schema has no column for "last reminded", and needs none: the
 * reminders themselves are the record. Each reminder is an EmailOutbox row with template `capacity-reminder` whose
 * props carry the offer's id (`props.offerId`), so "reminded in the last 7 days" is a JSON-path query on the outbox
 * (`props: { path: ['offerId'], equals: id }`, PostgreSQL and PGlite alike). Each offer is handled in its own
 * transaction with its row locked, so two app instances running the job at once send one reminder, not two.
 * (Outbox rows must then be kept at least 7 days; nothing deletes them today.)
 *
 * Returns the number of offers reminded and emails queued.
 */
export async function runCapacityReminders(now = new Date()): Promise<{ offers: number; emails: number }> {
  const stale = await prisma.offer.findMany({
    where: {
      status: 'PUBLISHED',
      OR: [{ capacityConfirmedAt: null }, { capacityConfirmedAt: { lt: staleBefore(now) } }],
    },
    select: { id: true },
    orderBy: { id: 'asc' },
  })
  const remindedSince = new Date(now.getTime() - capacityReminderIntervalDays * dayMs)
  let offers = 0
  let emails = 0
  for (const { id } of stale) {
    const sent = await prisma.$transaction(async (tx) => {
      const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Offer" WHERE id = ${id} FOR UPDATE`
      if (locked.length === 0) return 0
      // read again under the lock: confirmed, unpublished or reminded meanwhile means nothing to do
      const offer = await tx.offer.findFirst({
        where: {
          id,
          status: 'PUBLISHED',
          OR: [{ capacityConfirmedAt: null }, { capacityConfirmedAt: { lt: staleBefore(now) } }],
        },
        select: {
          id: true,
          organisationId: true,
          titleFi: true,
          titleSv: true,
          titleEn: true,
          capacityConfirmedAt: true,
          publishedAt: true,
          createdAt: true,
          organisation: {
            select: {
              name: true,
              memberships: {
                where: { role: 'OWNER', user: { deactivatedAt: null } },
                select: { user: { select: { name: true, email: true, locale: true } } },
                orderBy: { createdAt: 'asc' },
              },
            },
          },
        },
      })
      if (!offer) return 0
      const reminded = await tx.emailOutbox.findFirst({
        where: { template: capacityReminderTemplate, props: { path: ['offerId'], equals: offer.id }, createdAt: { gt: remindedSince } },
        select: { id: true },
      })
      if (reminded) return 0
      // never confirmed: counted from publication
      const days = capacityAgeDays(offer.capacityConfirmedAt ?? offer.publishedAt ?? offer.createdAt, now) ?? 0
      for (const { user } of offer.organisation.memberships) {
        const props: NoticeEmailProps & { offerId: string } = {
          offerId: offer.id,
          name: user.name,
          values: {
            organisation: offer.organisation.name,
            offer: offerTitle(offer, user.locale)?.text ?? '',
            days: String(days),
          },
          link: offerLink(offer.organisationId, offer.id),
        }
        await enqueueEmail(tx, { to: user.email, locale: user.locale, template: capacityReminderTemplate, props })
      }
      return offer.organisation.memberships.length
    })
    if (sent > 0) {
      offers++
      emails += sent
    }
  }
  return { offers, emails }
}
