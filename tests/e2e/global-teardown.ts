import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { identityCodeCheckCharacter } from '../../app/modules/clients/identity-code'
import { DEMO_PASSWORD } from '../../prisma/seed/accounts'
import { DEMO_VOUCHER } from '../../prisma/seed/vouchers'

/**
 * After the whole end-to-end run: the server's log (scripts/e2e-server.sh writes everything the app printed to
 * ./data/e2e/server.log) must not hold any secret the run used. Checked: the demo password, the demo voucher code
 * (with and without its hyphen), each also URL-encoded, any valid Finnish identity code (masked ones, "131052-****", pass; this covers the
 * seeded clients' codes and every code the journeys typed), the passwords the specs sign up with, and every token
 * and code in the links of the emails the run sent (./data/e2e/mail). A hit fails the run with where it was found,
 * the secret itself shown only by its kind.
 */
const root = fileURLToPath(new URL('../..', import.meta.url))
const e2eDir = process.env.E2E_DATA_DIR ?? join(root, 'data/e2e')

/** The passphrases the specs type when they sign up or invite (tests/e2e/*.spec.ts). */
function specPasswords(): string[] {
  const found = new Set<string>()
  const dir = join(root, 'tests/e2e')
  for (const name of readdirSync(dir).filter((file) => file.endsWith('.spec.ts'))) {
    for (const match of readFileSync(join(dir, name), 'utf8').matchAll(/\b(?:const|let)\s+\w*[pP]assword\w*\s*=\s*'([^']{8,})'/g)) {
      found.add(match[1]!)
    }
  }
  return [...found]
}

/** A record id (Prisma's cuid): links name records, and the audit log names them too; they are not secrets. */
const recordId = /^c[a-z0-9]{24}$/

/** Tokens and codes in the links of the emails the run sent: query values and long path segments other than record ids. */
function mailTokens(): string[] {
  const dir = join(e2eDir, 'mail')
  if (!existsSync(dir)) return []
  const tokens = new Set<string>()
  for (const name of readdirSync(dir).filter((file) => file.endsWith('.json'))) {
    const mail = JSON.parse(readFileSync(join(dir, name), 'utf8')) as { text?: string; html?: string }
    for (const match of `${mail.text ?? ''} ${mail.html ?? ''}`.matchAll(/https?:\/\/[^\s<>()[\]"']+/g)) {
      const url = new URL(match[0].replace(/&amp;/g, '&'))
      for (const value of url.searchParams.values()) if (value.length >= 16) tokens.add(value)
      for (const segment of url.pathname.split('/')) if (segment.length >= 24 && !recordId.test(segment)) tokens.add(decodeURIComponent(segment))
    }
  }
  return [...tokens]
}

export type Secret = { kind: string; value: string }

export function seededSecrets(): Secret[] {
  return [
    { kind: 'the demo password', value: DEMO_PASSWORD },
    { kind: 'the demo voucher code', value: DEMO_VOUCHER.code },
    { kind: 'the demo voucher code without its hyphen', value: DEMO_VOUCHER.code.replace('-', '') },
    ...specPasswords().map((value) => ({ kind: 'a password typed by a spec', value })),
    ...mailTokens().map((value) => ({ kind: 'a token from an email link', value })),
  ]
}

const identityCodePattern = /\b(\d{6})([-+A-FU-Y])(\d{3})([0-9A-Y])\b/gi

/** Lines of the log that hold a secret or a valid identity code, as "line N: kind". */
export function leaks(log: string, secrets: Secret[]): string[] {
  const found: string[] = []
  log.split('\n').forEach((line, index) => {
    for (const secret of secrets) {
      const forms = [secret.value, encodeURIComponent(secret.value), encodeURIComponent(secret.value).replace(/%20/g, '+')]
      if (forms.some((form) => line.includes(form))) found.push(`line ${index + 1}: ${secret.kind}`)
    }
    for (const match of line.matchAll(identityCodePattern)) {
      const [, date = '', , number = '', check = ''] = match
      if (identityCodeCheckCharacter(date, number) === check.toUpperCase()) found.push(`line ${index + 1}: a personal identity code`)
    }
  })
  return found
}

export default function globalTeardown(): void {
  const logFile = join(e2eDir, 'server.log')
  if (!existsSync(logFile)) throw new Error(`No server log at ${logFile}: scripts/e2e-server.sh must write the app's output there`)
  const found = leaks(readFileSync(logFile, 'utf8'), seededSecrets())
  if (found.length > 0) {
    throw new Error(`The server log (${logFile}) holds secrets or personal data:\n  ${found.slice(0, 50).join('\n  ')}`)
  }
}
