import type { Locale } from '~/generated/prisma/client'
import { enqueueEmail } from '~/modules/email/outbox.server'
import type { Tx } from '~/utils/db.server'
import { env } from '~/utils/env.server'

/** Where a producer's members see their voucher clients. */
export function providerClientsLink(organisationId: string): string {
  return `${env().APP_ORIGIN}/provider/${organisationId}/clients`
}

/**
 * Queues a choice notice, in the caller's transaction, to every active member (owners and editors) of the producer,
 * each in their own language. `values` gives the template's texts in a language.
 */
export async function notifyProducerMembers(
  tx: Tx,
  input: { organisationId: string; template: 'choice-received' | 'choice-ended'; values: (locale: Locale) => Record<string, string> },
): Promise<void> {
  const members = await tx.membership.findMany({
    where: { organisationId: input.organisationId, user: { deactivatedAt: null } },
    select: { user: { select: { name: true, email: true, locale: true } } },
    orderBy: { createdAt: 'asc' },
  })
  const link = providerClientsLink(input.organisationId)
  for (const { user } of members) {
    await enqueueEmail(tx, {
      to: user.email,
      locale: user.locale,
      template: input.template,
      props: { name: user.name, values: input.values(user.locale), link },
    })
  }
}
