import { describe, expect, it } from 'vitest'
import { deliverDueEmails, nextAttemptDelaySeconds } from '~/modules/email/deliver.server'
import { enqueueEmail } from '~/modules/email/outbox.server'
import { smtpTransport } from '~/modules/email/transport.server'
import { prisma } from '~/utils/db.server'
import { startSmtpServer } from '../../support/smtp-server'

const props = { name: 'Greta', link: 'http://localhost:3000/verify-email?token=abc', validHours: 48 }
const recipients = [
  { to: 'aino@example.com', locale: 'fi' as const },
  { to: 'britt@example.com', locale: 'sv' as const },
  { to: 'carol@example.com', locale: 'en' as const },
]

async function outbox() {
  return prisma.emailOutbox.findMany({ orderBy: { toAddress: 'asc' }, select: { toAddress: true, status: true, attempts: true, nextAttemptAt: true, lastError: true } })
}

describe('SMTP down', () => {
  it('keeps every email in the outbox through an outage, backing off, and sends each exactly once when SMTP is back', async () => {
    const smtp = await startSmtpServer()
    const { port, url } = smtp
    await smtp.stop()
    for (const { to, locale } of recipients) {
      await prisma.$transaction((tx) => enqueueEmail(tx, { to, locale, template: 'verify-email', props }))
    }
    const transport = smtpTransport(url, 'Palvelutori <noreply@example.com>')

    // two rounds while the server is down: nothing is lost, the attempts are counted and the wait doubles
    let now = new Date()
    for (const attempt of [1, 2]) {
      expect(await deliverDueEmails(transport, now)).toEqual({ sent: 0, failed: 3 })
      const rows = await outbox()
      expect(rows.map((row) => [row.toAddress, row.status, row.attempts])).toEqual(recipients.map(({ to }) => [to, 'PENDING', attempt]))
      for (const row of rows) {
        expect(row.lastError).toBeTruthy()
        expect(row.nextAttemptAt.getTime()).toBe(now.getTime() + nextAttemptDelaySeconds(attempt) * 1000)
      }
      // not due again before its time
      expect(await deliverDueEmails(transport, new Date(now.getTime() + nextAttemptDelaySeconds(attempt) * 1000 - 1))).toEqual({ sent: 0, failed: 0 })
      now = new Date(now.getTime() + nextAttemptDelaySeconds(attempt) * 1000)
    }

    const restarted = await startSmtpServer(port)
    try {
      // two workers (two app instances) run at the same moment: each message still goes out once
      const results = await Promise.all([deliverDueEmails(transport, now), deliverDueEmails(transport, now)])
      expect(results.reduce((sum, result) => sum + result.sent, 0)).toBe(3)
      expect(results.reduce((sum, result) => sum + result.failed, 0)).toBe(0)
      expect(await deliverDueEmails(transport, new Date(now.getTime() + 24 * 3600 * 1000))).toEqual({ sent: 0, failed: 0 })
      expect(restarted.received.map((mail) => mail.to).sort()).toEqual(recipients.map(({ to }) => [to]))
      expect((await outbox()).map((row) => [row.toAddress, row.status, row.attempts, row.lastError])).toEqual(
        recipients.map(({ to }) => [to, 'SENT', 3, null]),
      )
    } finally {
      await restarted.stop()
    }
  })
})
