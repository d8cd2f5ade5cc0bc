import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import nodemailer from 'nodemailer'
import { env } from '~/utils/env.server'
import type { RenderedEmail } from './render.server'

export type OutgoingEmail = RenderedEmail & { id: string; to: string }

export type MailTransport = { send(message: OutgoingEmail): Promise<void> }

/** SMTP when SMTP_URL is set; otherwise each message is written to MAIL_DIR and listed at /dev/mail. */
export function configuredTransport(): MailTransport {
  const { SMTP_URL, MAIL_FROM } = env()
  return SMTP_URL ? smtpTransport(SMTP_URL, MAIL_FROM) : fileTransport(resolve(env().MAIL_DIR))
}

export function smtpTransport(url: string, from: string): MailTransport {
  const transporter = nodemailer.createTransport(url)
  return {
    async send(message) {
      await transporter.sendMail({
        from,
        to: message.to,
        subject: message.subject,
        html: message.html,
        text: message.text,
        messageId: `<${message.id}@palvelutori>`,
      })
    },
  }
}

export type StoredEmail = OutgoingEmail & { sentAt: string }

export function fileTransport(dir: string): MailTransport {
  return {
    async send(message) {
      await mkdir(dir, { recursive: true })
      const stored: StoredEmail = { ...message, sentAt: new Date().toISOString() }
      await writeFile(join(dir, `${message.id}.json`), JSON.stringify(stored, null, 2))
    },
  }
}

/** The messages the file transport wrote, newest first. */
export async function listStoredEmails(dir = resolve(env().MAIL_DIR)): Promise<StoredEmail[]> {
  const names = await readdir(dir).catch(() => [] as string[])
  const messages = await Promise.all(
    names.filter((name) => name.endsWith('.json')).map(async (name) => JSON.parse(await readFile(join(dir, name), 'utf8')) as StoredEmail),
  )
  return messages.sort((a, b) => b.sentAt.localeCompare(a.sentAt))
}
