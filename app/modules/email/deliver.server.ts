import { isLocale } from '~/i18n'
import { prisma } from '~/utils/db.server'
import { log } from '~/utils/logger.server'
import { renderEmail } from './render.server'
import type { MailTransport } from './transport.server'

const batchSize = 20
const maxBackoffSeconds = 60 * 60

/** Exponential backoff: 30 s, 1 min, 2 min … capped at an hour. A message is retried until it goes out. */
export function nextAttemptDelaySeconds(attempts: number): number {
  return Math.min(maxBackoffSeconds, 30 * 2 ** Math.max(0, attempts - 1))
}

type ClaimedRow = { id: string; toAddress: string; locale: string; template: string; props: unknown; attempts: number }

/**
 * How long a claimed message is kept from other workers while it is being sent: longer than any send can take
 * (nodemailer gives up on a silent server after 10 minutes), so two instances never send it at the same time. A
 * worker that dies mid-send leaves the message to be sent again after this (at-least-once; see ADR 0014).
 */
export const claimSeconds = 15 * 60

/**
 * Sends the due messages of the outbox. Rows are claimed with FOR UPDATE SKIP LOCKED in a short transaction that
 * counts the attempt and pushes the message past the claim window, so two workers (two app instances) never send
 * the same message. Each message is then marked SENT, or rescheduled with backoff, only if the claim is still ours.
 */
export async function deliverDueEmails(transport: MailTransport, now = new Date()): Promise<{ sent: number; failed: number }> {
  const claimed = await prisma.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<ClaimedRow[]>`
      SELECT "id", "toAddress", "locale", "template", "props", "attempts" FROM "EmailOutbox"
      WHERE "status" = 'PENDING' AND "nextAttemptAt" <= ${now}
      ORDER BY "nextAttemptAt" LIMIT ${batchSize} FOR UPDATE SKIP LOCKED`
    for (const row of rows) {
      await tx.emailOutbox.update({
        where: { id: row.id },
        data: { attempts: row.attempts + 1, nextAttemptAt: new Date(now.getTime() + claimSeconds * 1000) },
      })
    }
    return rows
  })
  let sent = 0
  let failed = 0
  for (const row of claimed) {
    const attempt = row.attempts + 1
    // still ours: nobody re-claimed it after the claim window (which counted another attempt)
    const ours = { id: row.id, status: 'PENDING' as const, attempts: attempt }
    try {
      const locale = isLocale(row.locale) ? row.locale : 'sv'
      const rendered = await renderEmail(row.template, locale, row.props)
      await transport.send({ id: row.id, to: row.toAddress, ...rendered })
      await prisma.emailOutbox.updateMany({ where: ours, data: { status: 'SENT', sentAt: new Date(), lastError: null } })
      sent++
    } catch (error) {
      failed++
      const message = error instanceof Error ? error.message : String(error)
      await prisma.emailOutbox.updateMany({
        where: ours,
        data: { lastError: message.slice(0, 500), nextAttemptAt: new Date(now.getTime() + nextAttemptDelaySeconds(attempt) * 1000) },
      })
      log.warn('email delivery failed, will retry', { outboxId: row.id, template: row.template, attempt, error: message })
    }
  }
  return { sent, failed }
}
