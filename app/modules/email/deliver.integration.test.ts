import { describe, expect, it } from 'vitest'
import { startSmtpServer } from '../../../tests/support/smtp-server'
import { prisma } from '~/utils/db.server'
import { deliverDueEmails, nextAttemptDelaySeconds } from './deliver.server'
import { enqueueEmail } from './outbox.server'
import { smtpTransport } from './transport.server'

const props = { name: 'Greta', link: 'http://localhost:3000/verify-email?token=abc', validHours: 48 }

/** The message as readable UTF-8 text: quoted-printable soft breaks and escapes undone. */
function decodeQuotedPrintable(raw: string): string {
  const unfolded = raw.replace(/=\r?\n/g, '')
  const bytes = unfolded.replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)))
  return Buffer.from(bytes, 'latin1').toString('utf8')
}

describe('email delivery', () => {
  it('sends a queued message once over SMTP, in the recipient language', async () => {
    const smtp = await startSmtpServer()
    try {
      await prisma.$transaction((tx) => enqueueEmail(tx, { to: 'greta@example.com', locale: 'sv', template: 'verify-email', props }))
      const transport = smtpTransport(smtp.url, 'Servicetorget <noreply@example.com>')
      expect(await deliverDueEmails(transport)).toEqual({ sent: 1, failed: 0 })
      expect(await deliverDueEmails(transport)).toEqual({ sent: 0, failed: 0 })
      expect(smtp.received).toHaveLength(1)
      expect(smtp.received[0]?.to).toEqual(['greta@example.com'])
      const raw = smtp.received[0]?.raw ?? ''
      expect(raw).toContain('Subject: =?UTF-8?Q?Bekr=C3=A4fta_din_e-postadress?=')
      const body = decodeQuotedPrintable(raw)
      expect(body).toContain('Hej Greta')
      expect(body).toContain(props.link)
      expect(await prisma.emailOutbox.findFirst({ where: { toAddress: 'greta@example.com' } })).toMatchObject({
        status: 'SENT',
        attempts: 1,
      })
    } finally {
      await smtp.stop()
    }
  })

  it('keeps the message while SMTP is down and sends it when the server is back', async () => {
    const smtp = await startSmtpServer()
    const { port, url } = smtp
    await smtp.stop()
    await prisma.$transaction((tx) => enqueueEmail(tx, { to: 'henrik@example.com', locale: 'fi', template: 'reset-password', props }))
    const transport = smtpTransport(url, 'Palvelutori <noreply@example.com>')
    const now = new Date()
    expect(await deliverDueEmails(transport, now)).toEqual({ sent: 0, failed: 1 })
    const pending = await prisma.emailOutbox.findFirstOrThrow({ where: { toAddress: 'henrik@example.com' } })
    expect(pending).toMatchObject({ status: 'PENDING', attempts: 1 })
    expect(pending.lastError).toBeTruthy()
    expect(pending.nextAttemptAt.getTime()).toBe(now.getTime() + nextAttemptDelaySeconds(1) * 1000)
    expect(await deliverDueEmails(transport, now)).toEqual({ sent: 0, failed: 0 })

    const restarted = await startSmtpServer(port)
    try {
      expect(await deliverDueEmails(transport, new Date(pending.nextAttemptAt.getTime() + 1))).toEqual({ sent: 1, failed: 0 })
      expect(restarted.received).toHaveLength(1)
      expect(decodeQuotedPrintable(restarted.received[0]?.raw ?? '')).toContain('Hei Greta')
    } finally {
      await restarted.stop()
    }
  })

  it('backs off exponentially up to an hour', () => {
    expect([1, 2, 3, 4].map(nextAttemptDelaySeconds)).toEqual([30, 60, 120, 240])
    expect(nextAttemptDelaySeconds(50)).toBe(3600)
  })
})
