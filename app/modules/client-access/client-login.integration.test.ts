import { describe, expect, it } from 'vitest'
import { honeypotFieldName } from '~/components/honeypot-field'
import { prisma } from '~/utils/db.server'
import { clientAddressHeader } from '~/utils/rate-limit.server'
import { createCategories } from '../../../tests/support/application-fixtures'
import { makeRequest, statusOf, createUser } from '../../../tests/support/request'
import { createClient, createVoucher } from '../../../tests/support/voucher-fixtures'
import { formatVoucherCode } from '~/modules/vouchers/voucher-code'
import { identifyClient, lockMinutes } from './client-login.server'
import { getClientVoucher } from './session.server'

const minute = 60_000
let ipCounter = 0
/** Each test its own address, so the per-IP limit of one test does not reach another. */
const newIp = () => `192.0.2.${++ipCounter}`

async function voucherFor(options: { status?: 'ISSUED' | 'ACTIVE' } = {}) {
  const [categories, issuer, client] = await Promise.all([createCategories(), createUser({ staffRole: 'REVIEWER' }), createClient({ dateOfBirth: new Date('1941-03-14') })])
  return createVoucher(client.id, categories.homeCare.id, issuer.id, { status: options.status ?? 'ISSUED' })
}

/** Codes with a correct check character that no voucher has. */
const unknownCode = formatVoucherCode('AAAAAAA')
const otherUnknownCode = (letter: string) => formatVoucherCode(letter.repeat(7))

function form(code: string, date: [string, string, string], extra: Record<string, string> = {}) {
  return { code, 'dateOfBirth.day': date[0], 'dateOfBirth.month': date[1], 'dateOfBirth.year': date[2], ...extra }
}

async function post(fields: Record<string, string>, ip = newIp()) {
  const { action } = await import('~/routes/voucher')
  const request = makeRequest('/voucher', { form: fields })
  request.headers.set(clientAddressHeader, ip)
  try {
    return (await action({ request, params: {}, context: {} })) as unknown
  } catch (thrown) {
    return thrown
  }
}

/** The status and form errors of the action's answer (data() or a redirect). */
function outcome(result: unknown) {
  if (result instanceof Response) return { status: result.status, location: result.headers.get('Location'), errors: null, cookie: result.headers.get('Set-Cookie') }
  const { data, init } = result as { data: { result: { error?: Record<string, string[]> } }; init: { status: number; headers?: Record<string, string> } }
  return { status: init.status, location: null, errors: data.result.error ?? null, cookie: null, retryAfter: init.headers?.['Retry-After'] }
}

describe('opening a voucher with its code and date of birth', () => {
  it('opens the voucher with the right code and date (spaces, dashes and case do not matter) and goes to the voucher', async () => {
    const voucher = await voucherFor()
    const typed = voucher.code.replace('-', ' ').toLowerCase()
    const result = outcome(await post(form(typed, ['14', '3', '1941'], { redirectTo: '/my-voucher/producers?municipality=545' })))
    expect(result).toMatchObject({ status: 302, location: '/my-voucher/producers?municipality=545' })
    const cookie = result.cookie?.split(';')[0] ?? ''
    expect(await getClientVoucher(makeRequest('/my-voucher', { cookie }))).toMatchObject({ voucherId: voucher.id })
  })

  it('never sends the client elsewhere than their voucher pages', async () => {
    const voucher = await voucherFor()
    for (const redirectTo of ['https://evil.example', '//evil.example', '/staff', '/my-voucherx']) {
      expect(outcome(await post(form(voucher.code, ['14', '03', '1941'], { redirectTo })))).toMatchObject({ status: 302, location: '/my-voucher' })
    }
  })

  it('refuses a mistyped code or date before looking anything up', async () => {
    const before = await prisma.rateLimit.count()
    const ip = newIp()
    const mistyped = outcome(await post(form('HEMV-ARD6', ['14', '3', '1941']), ip))
    expect(mistyped).toMatchObject({ status: 400, errors: { code: ['voucher:login.errors.codeInvalid'] } })
    expect(outcome(await post(form('', ['31', '2', '1941']), ip)).errors).toEqual({
      code: ['voucher:login.errors.codeRequired'],
      dateOfBirth: ['voucher:login.errors.dateInvalid'],
    })
    expect(outcome(await post(form(unknownCode, ['', '', '']), ip)).errors).toEqual({ dateOfBirth: ['voucher:login.errors.dateRequired'] })
    expect(outcome(await post(form(unknownCode, ['1', '1', '2999']), ip)).errors).toEqual({ dateOfBirth: ['voucher:login.errors.dateInFuture'] })
    expect(await prisma.rateLimit.count()).toBe(before)
  })

  it('answers a wrong date and an unknown code with the same message', async () => {
    const voucher = await voucherFor()
    const wrongDate = outcome(await post(form(voucher.code, ['15', '3', '1941'])))
    const unknown = outcome(await post(form(unknownCode, ['14', '3', '1941'])))
    expect(wrongDate).toMatchObject({ status: 400, errors: { '': ['voucher:login.errors.notMatching'] } })
    expect(unknown).toEqual(wrongDate)
  })

  it('locks the code for 15 minutes after 5 wrong dates in a row, and opens again after that', async () => {
    const voucher = await voucherFor()
    const ip = newIp()
    const start = new Date('2026-11-23T10:00:00Z')
    const at = (minutes: number) => new Date(start.getTime() + minutes * minute)
    const wrong = { code: voucher.code, dateOfBirth: '1941-03-15', ip }
    const right = { ...wrong, dateOfBirth: '1941-03-14' }
    for (let attempt = 1; attempt <= 4; attempt++) expect(await identifyClient(wrong, at(attempt / 10))).toEqual({ ok: false, error: 'notMatching' })
    expect(await identifyClient(wrong, at(1))).toEqual({ ok: false, error: 'locked', retryAfterSeconds: lockMinutes * 60 })
    // the right date does not open a locked code either
    expect(await identifyClient(right, at(2))).toEqual({ ok: false, error: 'locked', retryAfterSeconds: 14 * 60 })
    expect(await prisma.voucher.findUniqueOrThrow({ where: { id: voucher.id } })).toMatchObject({ failedCodeAttempts: 5, codeLockedUntil: at(16) })
    const audit = await prisma.auditEvent.findMany({ where: { entityId: voucher.id, action: 'voucher.code-locked' } })
    expect(audit).toHaveLength(1)
    expect(audit[0]).toMatchObject({ actorId: null, entityType: 'Voucher' })

    expect(await identifyClient(right, at(16))).toEqual({ ok: true, voucherId: voucher.id })
    expect(await prisma.voucher.findUniqueOrThrow({ where: { id: voucher.id } })).toMatchObject({ failedCodeAttempts: 0, codeLockedUntil: null })
  })

  it('starts counting again after a lock has passed, and a correct date resets the count', async () => {
    const voucher = await voucherFor()
    const ip = newIp()
    const start = new Date('2026-11-23T12:00:00Z')
    const at = (minutes: number) => new Date(start.getTime() + minutes * minute)
    const wrong = { code: voucher.code, dateOfBirth: '1941-03-15', ip }
    for (let attempt = 0; attempt < 5; attempt++) await identifyClient(wrong, at(0))
    // after the lock one wrong try is one, not the sixth
    expect(await identifyClient(wrong, at(20))).toEqual({ ok: false, error: 'notMatching' })
    expect((await prisma.voucher.findUniqueOrThrow({ where: { id: voucher.id } })).failedCodeAttempts).toBe(1)
    for (let attempt = 0; attempt < 3; attempt++) await identifyClient(wrong, at(21))
    expect(await identifyClient({ ...wrong, dateOfBirth: '1941-03-14' }, at(22))).toMatchObject({ ok: true })
    for (let attempt = 0; attempt < 4; attempt++) expect(await identifyClient(wrong, at(23))).toEqual({ ok: false, error: 'notMatching' })
  })

  it('locks an unknown code after as many tries, so a lock does not reveal that a code exists', async () => {
    const ip = newIp()
    const now = new Date('2026-11-23T14:00:00Z')
    const attempt = { code: otherUnknownCode('B'), dateOfBirth: '1941-03-14', ip }
    for (let index = 0; index < 4; index++) expect(await identifyClient(attempt, now)).toEqual({ ok: false, error: 'notMatching' })
    expect(await identifyClient(attempt, now)).toEqual({ ok: false, error: 'locked', retryAfterSeconds: lockMinutes * 60 })
  })

  it('answers a locked code with 429 and the lock message', async () => {
    const voucher = await voucherFor()
    const ip = newIp()
    for (let attempt = 0; attempt < 5; attempt++) await post(form(voucher.code, ['1', '1', '1950']), ip)
    const locked = outcome(await post(form(voucher.code, ['14', '3', '1941']), ip))
    expect(locked).toMatchObject({ status: 429, errors: { '': ['voucher:login.errors.locked'] } })
    expect(Number(locked.retryAfter)).toBeGreaterThan(0)
  })

  it('allows 20 tries per IP address in 15 minutes, whatever the codes', async () => {
    const voucher = await voucherFor()
    const ip = newIp()
    const now = new Date('2026-11-23T15:00:00Z')
    for (let attempt = 0; attempt < 20; attempt++) {
      const code = attempt % 2 === 0 ? unknownCode : otherUnknownCode('C')
      expect((await identifyClient({ code, dateOfBirth: '1950-01-01', ip }, now)).ok).toBe(false)
    }
    const right = { code: voucher.code, dateOfBirth: '1941-03-14', ip }
    const refused = await identifyClient(right, now).catch((thrown: unknown) => thrown)
    expect(refused).toBeInstanceOf(Response)
    expect(refused).toMatchObject({ status: 429 })
    expect((refused as Response).headers.get('Retry-After')).toBe(String(15 * 60))
    // another address is not affected; the same one is again after the window
    expect(await identifyClient({ ...right, ip: newIp() }, now)).toMatchObject({ ok: true })
    expect(await identifyClient(right, new Date(now.getTime() + 15 * minute))).toMatchObject({ ok: true })
  })

  it('answers the per-IP limit with the 429 page (a thrown 429 with Retry-After)', async () => {
    const ip = newIp()
    for (let attempt = 0; attempt < 20; attempt++) await post(form(attempt < 10 ? unknownCode : otherUnknownCode('D'), ['1', '1', '1950']), ip)
    const refused = await post(form(otherUnknownCode('E'), ['1', '1', '1950']), ip)
    expect(refused).toBeInstanceOf(Response)
    expect((refused as Response).status).toBe(429)
    expect(Number((refused as Response).headers.get('Retry-After'))).toBeGreaterThan(14 * 60)
  })

  it('ignores an empty honeypot, and answers a filled one as if the voucher opened, without opening it or counting a try', async () => {
    const voucher = await voucherFor()
    const ip = newIp()
    const right = form(voucher.code, ['14', '3', '1941'], { redirectTo: '/my-voucher/feedback' })
    const bot = outcome(await post({ ...right, [honeypotFieldName]: 'http://spam.example' }, ip))
    expect(bot).toMatchObject({ status: 302, location: '/my-voucher/feedback', cookie: null })
    expect(await prisma.clientSession.count({ where: { voucherId: voucher.id } })).toBe(0)
    expect(await prisma.rateLimit.count({ where: { key: { contains: ip } } })).toBe(0)
    expect(outcome(await post({ ...right, [honeypotFieldName]: '' }, ip))).toMatchObject({ status: 302, location: '/my-voucher/feedback' })
    expect(await prisma.clientSession.count({ where: { voucherId: voucher.id } })).toBe(1)
  })

  it('does not open a cancelled voucher, and says so only after the right code and date', async () => {
    const voucher = await voucherFor()
    await prisma.voucher.update({ where: { id: voucher.id }, data: { status: 'CANCELLED', cancelledReason: 'Moved away' } })
    expect(outcome(await post(form(voucher.code, ['2', '3', '1941'])))).toMatchObject({ status: 400, errors: { '': ['voucher:login.errors.notMatching'] } })
    expect(outcome(await post(form(voucher.code, ['14', '3', '1941'])))).toMatchObject({ status: 403, errors: { '': ['voucher:login.errors.cancelled'] }, cookie: null })
    expect(await prisma.clientSession.count({ where: { voucherId: voucher.id } })).toBe(0)
  })

  it('shows the form to anyone', async () => {
    const { loader } = await import('~/routes/voucher')
    expect(await statusOf(() => loader({ request: makeRequest('/voucher?redirectTo=/my-voucher/feedback'), params: {}, context: {} }))).toEqual({ status: 200, location: null })
  })
})
