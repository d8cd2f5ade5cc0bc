import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect } from '@playwright/test'

/** Where scripts/e2e-server.sh has the app's file transport write each message as <id>.json. */
const mailDir = fileURLToPath(new URL('../../../data/e2e/mail', import.meta.url))

export type Mail = { id: string; to: string; subject: string; html: string; text: string; sentAt: string }

async function newestMail(to: string, subjectContains?: string): Promise<Mail | undefined> {
  const names = await readdir(mailDir).catch(() => [] as string[])
  const messages = await Promise.all(
    names.filter((name) => name.endsWith('.json')).map(async (name) => JSON.parse(await readFile(join(mailDir, name), 'utf8')) as Mail),
  )
  return messages
    .filter((message) => message.to === to && (!subjectContains || message.subject.includes(subjectContains)))
    .sort((a, b) => b.sentAt.localeCompare(a.sentAt))[0]
}

/** The newest message to `to` (optionally with `subjectContains` in its subject); waits for the outbox worker up to 10 s. */
export async function readMail(to: string, subjectContains?: string): Promise<Mail> {
  let found: Mail | undefined
  await expect
    .poll(
      async () => {
        found = await newestMail(to, subjectContains)
        return found !== undefined
      },
      { message: `no email to ${to} in ${mailDir}`, timeout: 10_000 },
    )
    .toBe(true)
  if (!found) throw new Error(`no email to ${to}`)
  return found
}

/** The path and query of the first link in the message's text that starts with `pathPrefix`, e.g. /verify-email. */
export function linkFrom(mail: Mail, pathPrefix: string): string {
  for (const match of mail.text.matchAll(/https?:\/\/[^\s<>()[\]"']+/g)) {
    const url = new URL(match[0])
    if (url.pathname.startsWith(pathPrefix)) return `${url.pathname}${url.search}`
  }
  throw new Error(`no ${pathPrefix} link in the email "${mail.subject}":\n${mail.text}`)
}
