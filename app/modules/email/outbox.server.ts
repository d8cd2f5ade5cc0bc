import type { Locale } from '~/generated/prisma/client'
import type { Tx } from '~/utils/db.server'
import type { EmailProps, EmailTemplate } from '#emails/templates'

/** Queues an email in the caller's transaction: it is sent only if the change commits, and never lost after. */
export async function enqueueEmail<T extends EmailTemplate>(
  tx: Tx,
  message: { to: string; locale: Locale; template: T; props: EmailProps[T] },
): Promise<void> {
  await tx.emailOutbox.create({
    data: { toAddress: message.to, locale: message.locale, template: message.template, props: message.props },
  })
}
