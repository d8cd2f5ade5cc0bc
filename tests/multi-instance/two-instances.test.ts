import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { PrismaClient } from '~/generated/prisma/client'
import { hashPassword } from '~/modules/accounts/password.server'
import { formatVoucherCode, VOUCHER_CODE_ALPHABET } from '~/modules/vouchers/voucher-code'
import { prismaForPostgres } from '~/utils/db.server'
import { startSmtpServer } from '../support/smtp-server'
import { freePort, startInstance, stopInstance, type Instance } from './instances'

/**
 * Two instances of the production build (`npm start`, ./build) on one PostgreSQL, as a welfare area would run them
 * behind a load balancer, both with background workers on and sending mail to one SMTP server. Needs DATABASE_URL
 * (a server it may create a database on) and a build: `npm run build && DATABASE_URL=… npm run test:multi-instance`.
 */
const adminUrl = process.env.DATABASE_URL
if (!adminUrl) throw new Error('test:multi-instance needs DATABASE_URL (a PostgreSQL server it may create a database on)')
if (!existsSync('build/server/index.js')) throw new Error('test:multi-instance needs the production build: run `npm run build` first')

const databaseName = `palvelutori_multi_${process.pid}`
const databaseUrl = (() => {
  const url = new URL(adminUrl)
  url.pathname = `/${databaseName}`
  return url.toString()
})()
/** the address users know (a load balancer's); both instances answer for it */
const appOrigin = 'http://palvelutori.test'
const provider = { email: 'multi.instance@example.com', password: 'two instances, one database' }

let prisma: PrismaClient
let smtp: Awaited<ReturnType<typeof startSmtpServer>>
let scratch: string
let one: Instance
let two: Instance

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl })
  await client.connect()
  try {
    await client.query(sql)
  } finally {
    await client.end()
  }
}

beforeAll(async () => {
  await admin(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`)
  await admin(`CREATE DATABASE ${databaseName}`)
  const migrated = spawnSync('node_modules/.bin/tsx', ['scripts/db-migrate.ts'], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: 'utf8',
  })
  if (migrated.status !== 0) throw new Error(`migration failed:\n${migrated.stdout}\n${migrated.stderr}`)

  prisma = prismaForPostgres(databaseUrl)
  await prisma.user.create({
    data: {
      email: provider.email,
      name: 'Multi Instance',
      passwordHash: await hashPassword(provider.password),
      locale: 'fi',
      emailVerifiedAt: new Date(),
    },
  })

  smtp = await startSmtpServer()
  scratch = mkdtempSync(join(tmpdir(), 'palvelutori-multi-'))
  const env = {
    NODE_ENV: 'production',
    // development keys for identity codes (no real data here)
    DEMO_MODE: 'on',
    DATABASE_URL: databaseUrl,
    APP_ORIGIN: appOrigin,
    SMTP_URL: smtp.url,
    WORKERS: 'on',
    LOG_LEVEL: 'warn',
    PGLITE_DIR: join(scratch, 'pglite'),
    MAIL_DIR: join(scratch, 'mail'),
    UPLOAD_DIR: join(scratch, 'uploads'),
  }
  ;[one, two] = await Promise.all([startInstance('one', await freePort(), env), startInstance('two', await freePort(), env)])
})

afterAll(async () => {
  await Promise.all([one, two].filter(Boolean).map((instance) => stopInstance(instance)))
  await smtp?.stop()
  await prisma?.$disconnect()
  await admin(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`)
  if (scratch) rmSync(scratch, { recursive: true, force: true })
})

function post(instance: Instance, path: string, fields: Record<string, string>, cookie?: string): Promise<Response> {
  return fetch(`${instance.url}${path}`, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      // as a browser behind the load balancer: the page's origin, and the public host the balancer passes on
      Origin: appOrigin,
      'X-Forwarded-Host': new URL(appOrigin).host,
      'Content-Type': 'application/x-www-form-urlencoded',
      'Accept-Language': 'fi',
      ...(cookie ? { Cookie: cookie } : {}),
    },
    body: new URLSearchParams(fields),
  })
}

function get(instance: Instance, path: string, cookie?: string): Promise<Response> {
  return fetch(`${instance.url}${path}`, { redirect: 'manual', headers: cookie ? { Cookie: cookie } : {} })
}

/** `name=value` of each Set-Cookie that sets a value, for the Cookie header. */
function cookiesOf(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((header) => header.split(';')[0] ?? '')
    .filter((pair) => /^[^=]+=.+/.test(pair))
    .join('; ')
}

/** Distinct well-formed voucher codes that belong to no voucher. */
function unknownVoucherCodes(count: number): string[] {
  return Array.from({ length: count }, (_, index) => {
    const data = Array.from({ length: 7 }, (_, position) => VOUCHER_CODE_ALPHABET[Math.floor(index / 32 ** position) % 32]).join('')
    return formatVoucherCode(data)
  })
}

describe('two instances on one database', () => {
  it('accepts on one instance a session made on the other', async () => {
    const login = await post(one, '/login', { email: provider.email, password: provider.password })
    expect(login.status).toBe(302)
    const cookie = cookiesOf(login)
    expect(cookie).toContain('__session=')

    const onTwo = await get(two, '/account', cookie)
    expect(onTwo.status).toBe(200)
    expect(await onTwo.text()).toContain(provider.email)
    expect((await get(two, '/account')).status).toBe(302)

    // and a logout on the second ends it on the first
    await post(two, '/logout', {}, cookie)
    expect((await get(one, '/account', cookie)).status).toBe(302)
  })

  it('counts a rate limit across both instances', async () => {
    // the voucher lookup allows 20 tries per address in 15 minutes; the tries alternate between the instances
    const statuses: number[] = []
    for (const [index, code] of unknownVoucherCodes(22).entries()) {
      const response = await post(index % 2 === 0 ? one : two, '/voucher', {
        code,
        'dateOfBirth.day': '1',
        'dateOfBirth.month': '2',
        'dateOfBirth.year': '1950',
      })
      await response.arrayBuffer()
      statuses.push(response.status)
    }
    expect(statuses.slice(0, 20)).toEqual(Array(20).fill(400))
    expect(statuses.slice(20)).toEqual([429, 429])
  })

  it('sends each outbox email exactly once although both instances deliver mail', async () => {
    const count = 30
    const received = smtp.received.length
    const rows = Array.from({ length: count }, (_, index) => ({
      toAddress: `outbox-${index}@example.com`,
      locale: 'fi' as const,
      template: 'verify-email',
      props: { name: `Vastaanottaja ${index}`, link: `${appOrigin}/verify-email?token=t${index}`, validHours: 48 },
    }))
    await prisma.emailOutbox.createMany({ data: rows })
    const deadline = Date.now() + 60_000
    while (Date.now() < deadline && (await prisma.emailOutbox.count({ where: { status: 'SENT', toAddress: { startsWith: 'outbox-' } } })) < count) {
      await new Promise((resolve) => setTimeout(resolve, 500))
    }
    // a few more worker rounds on both instances: nothing may go out twice
    await new Promise((resolve) => setTimeout(resolve, 5_000))
    const messages = smtp.received.slice(received)
    const recipients = messages.flatMap((message) => message.to).sort()
    expect(recipients).toEqual(rows.map((row) => row.toAddress).sort())
    const messageIds = messages.map((message) => /^Message-ID: (.+)$/im.exec(message.raw)?.[1]?.trim())
    expect(new Set(messageIds).size).toBe(count)
    expect(await prisma.emailOutbox.count({ where: { toAddress: { startsWith: 'outbox-' }, status: 'SENT', attempts: 1 } })).toBe(count)
  })
})
