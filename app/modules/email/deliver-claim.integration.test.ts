import { describe, expect, it } from 'vitest'
import { prisma } from '~/utils/db.server'
import { claimSeconds, deliverDueEmails } from './deliver.server'
import { enqueueEmail } from './outbox.server'
import type { MailTransport, OutgoingEmail } from './transport.server'

const props = { name: 'Greta', link: 'http://localhost:3000/verify-email?token=abc', validHours: 48 }

function recordingTransport(delayMs = 0): MailTransport & { sent: OutgoingEmail[] } {
  const sent: OutgoingEmail[] = []
  return {
    sent,
    async send(message) {
      await new Promise((resolve) => setTimeout(resolve, delayMs))
      sent.push(message)
    },
  }
}

async function enqueue(count: number, prefix: string): Promise<void> {
  for (let index = 0; index < count; index++) {
    await prisma.$transaction((tx) => enqueueEmail(tx, { to: `${prefix}-${index}@example.com`, locale: 'fi', template: 'verify-email', props }))
  }
}

describe('outbox claims', () => {
  it('never lets two workers send the same message', async () => {
    await enqueue(12, 'parallel')
    const one = recordingTransport(20)
    const two = recordingTransport(20)
    await Promise.all([deliverDueEmails(one), deliverDueEmails(two), deliverDueEmails(one), deliverDueEmails(two)])
    const ids = [...one.sent, ...two.sent].map((message) => message.id)
    expect(ids).toHaveLength(12)
    expect(new Set(ids).size).toBe(12)
    expect(await prisma.emailOutbox.count({ where: { toAddress: { startsWith: 'parallel-' }, status: 'SENT' } })).toBe(12)
  })

  it('sends a message again only after the claim window when its worker never finished (at-least-once)', async () => {
    await enqueue(1, 'stuck')
    let finishStuckSend = () => {}
    const stuck: MailTransport = { send: () => new Promise<void>((resolve) => (finishStuckSend = resolve)) }
    const now = new Date()
    const abandoned = deliverDueEmails(stuck, now)
    while ((await prisma.emailOutbox.count({ where: { toAddress: 'stuck-0@example.com', attempts: 1 } })) === 0) {
      await new Promise((resolve) => setTimeout(resolve, 10))
    }
    const other = recordingTransport()
    expect(await deliverDueEmails(other, new Date(now.getTime() + (claimSeconds - 1) * 1000))).toEqual({ sent: 0, failed: 0 })
    expect(await deliverDueEmails(other, new Date(now.getTime() + (claimSeconds + 1) * 1000))).toEqual({ sent: 1, failed: 0 })
    // the first worker's send finally returns: it no longer owns the claim and changes nothing
    finishStuckSend()
    expect(await abandoned).toEqual({ sent: 1, failed: 0 })
    expect(await prisma.emailOutbox.findFirstOrThrow({ where: { toAddress: 'stuck-0@example.com' } })).toMatchObject({
      status: 'SENT',
      attempts: 2,
    })
  })
})
