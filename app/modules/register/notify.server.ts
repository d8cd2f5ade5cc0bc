import type { Locale } from '~/generated/prisma/client'
import { enqueueEmail } from '~/modules/email/outbox.server'
import type { Tx } from '~/utils/db.server'
import { env } from '~/utils/env.server'

/** Notices about an organisation's register entries and documents (texts in email.json). */
export type OrganisationNotice =
  | 'register-entry-suspended'
  | 'register-entry-reinstated'
  | 'register-entry-removed'
  | 'document-expiring'

/** Where the provider sees what a notice is about. */
export function providerLink(organisationId: string, page: 'register' | 'documents'): string {
  return `${env().APP_ORIGIN}/provider/${organisationId}/${page}`
}

/**
 * Queues a notice, in the caller's transaction, to every active owner of the organisation in the owner's own
 * language. `values` are the template's texts per language; the organisation's name is added. Returns how many
 * messages were queued.
 */
export async function notifyOrganisationOwners(
  tx: Tx,
  input: {
    organisationId: string
    template: OrganisationNotice
    values: (locale: Locale) => Record<string, string>
    link: string
  },
): Promise<number> {
  const organisation = await tx.organisation.findUniqueOrThrow({
    where: { id: input.organisationId },
    select: {
      name: true,
      memberships: {
        where: { role: 'OWNER', user: { deactivatedAt: null } },
        select: { user: { select: { name: true, email: true, locale: true } } },
        orderBy: { createdAt: 'asc' },
      },
    },
  })
  for (const { user } of organisation.memberships) {
    await enqueueEmail(tx, {
      to: user.email,
      locale: user.locale,
      template: input.template,
      props: { name: user.name, values: { organisation: organisation.name, ...input.values(user.locale) }, link: input.link },
    })
  }
  return organisation.memberships.length
}
