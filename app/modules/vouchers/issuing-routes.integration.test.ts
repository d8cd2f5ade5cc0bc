import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { beforeAll, describe, expect, it } from 'vitest'
import { makeIdentityCode } from '~/modules/clients/identity-code'
import { addDays } from '~/modules/vouchers/issuing-schema'
import { helsinkiToday } from '~/modules/documents/dates'
import { prisma } from '~/utils/db.server'
import { makeRequest, personas, statusOf, type Persona } from '../../../tests/support/request'
import { createClient } from '../../../tests/support/voucher-fixtures'
import { createIssuingWorld, type IssuingWorld } from './issuing-fixtures'

type Handler = (args: LoaderFunctionArgs & ActionFunctionArgs) => Promise<unknown>

const clientPage = () => import('~/routes/staff.clients.$clientId')
const clientsPage = () => import('~/routes/staff.clients._index')
const newClientPage = () => import('~/routes/staff.clients.new')
const voucherPage = () => import('~/routes/staff.vouchers.$voucherId')
const letterPage = () => import('~/routes/staff.vouchers.$voucherId_.letter')
const issuePage = () => import('~/routes/staff.vouchers.new')

const staffPersonas: Persona[] = ['reviewer', 'admin']

type Page = { name?: string; load: () => Promise<unknown>; path: string; params: Record<string, string>; form?: Record<string, string> }
const providers: Persona[] = ['owner', 'editor', 'otherProvider']

function run(handler: Handler, path: string, cookie: string, params: Record<string, string>, form?: Record<string, string>) {
  const request = makeRequest(path, { cookie, method: form ? 'POST' : 'GET', form })
  return statusOf(() => handler({ request, params, context: {} }))
}

/** What a loader or action returned: a plain object, or `data()`'s payload. */
async function payload(handler: Handler, path: string, cookie: string, params: Record<string, string>, form?: Record<string, string>) {
  const result = await handler({ request: makeRequest(path, { cookie, method: form ? 'POST' : 'GET', form }), params, context: {} })
  if (result instanceof Response) throw new Error(`answered ${result.status}`)
  const wrapped = result as { type?: string; data?: unknown }
  return (wrapped.type === 'DataWithResponseInit' ? wrapped.data : result) as Record<string, unknown>
}

function clientViews(clientId: string) {
  return prisma.auditEvent.count({ where: { entityType: 'Client', entityId: clientId, action: 'client.viewed' } })
}

describe('the issuing pages', () => {
  let world: IssuingWorld
  beforeAll(async () => {
    world = await createIssuingWorld()
  })

  const pages = (): Page[] => [
    { name: 'client page', load: clientPage, path: `/staff/clients/${world.client.id}`, params: { clientId: world.client.id }, form: { intent: 'reveal' } },
    { name: 'voucher page', load: voucherPage, path: `/staff/vouchers/${world.voucher.id}`, params: { voucherId: world.voucher.id }, form: { intent: 'cancel' } },
    { name: 'decision letter', load: letterPage, path: `/staff/vouchers/${world.voucher.id}/letter`, params: { voucherId: world.voucher.id }, form: undefined },
  ]

  it('let staff in, refuse providers with 403 and send anonymous users to the login page; views are recorded for staff only', async () => {
    for (const page of pages()) {
      const module = (await page.load()) as { loader: Handler; action?: Handler }
      for (const persona of personas) {
        const loaded = await run(module.loader, page.path, world.cookies[persona], page.params)
        const expected = staffPersonas.includes(persona) ? 200 : providers.includes(persona) ? 403 : 302
        expect({ page: page.name, persona, status: loaded.status }).toEqual({ page: page.name, persona, status: expected })
        if (persona === 'anonymous') expect(loaded.location).toBe(`/login?${new URLSearchParams({ redirectTo: page.path })}`)
        if (!module.action || !page.form) continue
        const acted = await run(module.action, page.path, world.cookies[persona], page.params, page.form)
        // the voucher page's form without a reason is refused (400) and changes nothing
        const expectedAction = staffPersonas.includes(persona) ? (page.name === 'voucher page' ? 400 : 200) : expected
        expect({ page: page.name, persona, action: acted.status }).toEqual({ page: page.name, persona, action: expectedAction })
      }
    }
    // three pages show the client: each staff load recorded once, nobody else's
    expect(await clientViews(world.client.id)).toBe(3 * staffPersonas.length)
    expect(await prisma.auditEvent.count({ where: { entityId: world.client.id, action: 'client.identity-code-viewed' } })).toBe(staffPersonas.length)
    expect((await prisma.voucher.findUniqueOrThrow({ where: { id: world.voucher.id } })).status).toBe('ACTIVE')
  })

  it('answer 404 to staff for unknown ids, and record nothing', async () => {
    const cookie = world.cookies.reviewer
    const before = await prisma.auditEvent.count()
    const unknown: Page[] = [
      { load: clientPage, path: '/staff/clients/no-such-client', params: { clientId: 'no-such-client' }, form: { intent: 'reveal' } },
      { load: voucherPage, path: '/staff/vouchers/no-such-voucher', params: { voucherId: 'no-such-voucher' }, form: { intent: 'cancel', reason: 'x' } },
      { load: letterPage, path: '/staff/vouchers/no-such-voucher/letter', params: { voucherId: 'no-such-voucher' }, form: undefined },
      { load: issuePage, path: '/staff/vouchers/new?clientId=no-such-client', params: {}, form: undefined },
    ]
    for (const page of unknown) {
      const module = (await page.load()) as { loader: Handler; action?: Handler }
      expect((await run(module.loader, page.path, cookie, page.params)).status).toBe(404)
      if (module.action && page.form) expect((await run(module.action, page.path, cookie, page.params, page.form)).status).toBe(404)
    }
    // another organisation's member cannot reach a voucher of any organisation
    const { action } = await voucherPage()
    const path = `/staff/vouchers/${world.voucher.id}`
    expect((await run(action, path, world.cookies.otherProvider, { voucherId: world.voucher.id }, { intent: 'cancel', reason: 'x' })).status).toBe(403)
    expect(await prisma.auditEvent.count()).toBe(before)
  })

  it('show the identity code only after "Show", in that answer', async () => {
    const { loader, action } = await clientPage()
    const params = { clientId: world.client.id }
    const path = `/staff/clients/${world.client.id}`
    const page = await payload(loader, path, world.cookies.admin, params)
    const masked = (page.client as { maskedIdentityCode: string }).maskedIdentityCode
    expect(masked).toMatch(/^\d{6}.\*{4}$/)
    const revealed = await payload(action, path, world.cookies.admin, params, { intent: 'reveal' })
    expect(revealed.identityCode).toMatch(new RegExp(`^${masked.slice(0, 7).replace(/[-+]/g, '\\$&')}`))
    expect((await run(action, path, world.cookies.admin, params, {})).status).toBe(400)
  })
})

describe('finding and creating clients through the pages', () => {
  it('opens the client found by identity code (a POST: the address holds only the client id), and says when none is found', async () => {
    const world = await createIssuingWorld()
    const code = makeIdentityCode('1941-03-14', 'Y', 654)
    const { action: create } = await newClientPage()
    const form = {
      firstName: 'Märta',
      lastName: 'Holmqvist',
      identityCode: code.toLowerCase(),
      municipalityCode: '545',
      preferredLanguage: 'sv',
      streetAddress: 'Kyrkvägen 3',
      postalCode: '64200',
    }
    const created = await run(create, '/staff/clients/new', world.cookies.reviewer, {}, form)
    expect(created.status).toBe(302)
    const clientId = created.location?.split('/').pop() ?? ''
    expect(await prisma.client.findUniqueOrThrow({ where: { id: clientId } })).toMatchObject({ lastName: 'Holmqvist', dateOfBirth: new Date('1941-03-14') })

    const duplicate = await payload(create, '/staff/clients/new', world.cookies.reviewer, {}, { ...form, identityCode: code })
    expect(duplicate.existingClientId).toBe(clientId)
    expect((await run(create, '/staff/clients/new', world.cookies.reviewer, {}, { ...form, identityCode: code })).status).toBe(409)
    const mismatch = await payload(create, '/staff/clients/new', world.cookies.reviewer, {}, { ...form, identityCode: makeIdentityCode('1941-03-14', '-', 655), dateOfBirth: '1941-03-15' })
    expect(mismatch.result).toMatchObject({ error: { dateOfBirth: ['issuing:errors.dateOfBirthMismatch'] } })

    const { action: find } = await clientsPage()
    const found = await run(find, '/staff/clients', world.cookies.admin, {}, { identityCode: ` ${code.toLowerCase()} ` })
    expect(found).toEqual({ status: 302, location: `/staff/clients/${clientId}` })
    expect(found.location).not.toContain(code.slice(0, 6))
    const missing = await payload(find, '/staff/clients', world.cookies.admin, {}, { identityCode: makeIdentityCode('1941-03-14', 'Y', 656) })
    expect(missing.notFound).toBe(true)
    const invalid = await run(find, '/staff/clients', world.cookies.admin, {}, { identityCode: '131052-308U' })
    expect(invalid.status).toBe(400)
  })
})

describe('issuing through the page', () => {
  const today = helsinkiToday()
  const base = (world: IssuingWorld, categoryId: string) => ({
    intent: 'issue',
    clientId: world.client.id,
    categoryId,
    decisionNumber: 'OVPH-2026-04567',
    decisionDate: today,
    validFrom: today,
    validTo: addDays(today, 180),
    unitsKind: 'perMonth',
    units: '12',
  })

  it('shows the categories, calculates, refuses an override without a reason, issues, then cancels and refuses to extend', async () => {
    const world = await createIssuingWorld()
    const cookie = world.cookies.reviewer
    const homeCare = world.categories.homeCare.id
    const { loader, action } = await issuePage()
    expect(await run(loader, '/staff/vouchers/new', cookie, {})).toEqual({ status: 302, location: '/staff/clients' })
    const choose = await payload(loader, `/staff/vouchers/new?clientId=${world.client.id}`, cookie, {})
    expect(choose.category).toBeNull()
    expect((choose.categories as { id: string }[]).map((category) => category.id)).toEqual(
      expect.arrayContaining([homeCare, world.categories.supportServices.id]),
    )
    expect((choose.categories as { id: string }[]).map((category) => category.id)).not.toContain(world.categories.closed.id)
    const form = await payload(loader, `/staff/vouchers/new?clientId=${world.client.id}&categoryId=${homeCare}`, cookie, {})
    expect(form.category).toMatchObject({ id: homeCare, voucherType: 'INCOME_RELATED' })

    const income = { householdSize: '1', grossMonthlyIncome: '1 850,00' }
    const calculated = await payload(action, '/staff/vouchers/new', cookie, {}, { ...base(world, homeCare), ...income, intent: 'calculate' })
    expect(calculated.preview).toMatchObject({ valueCents: 1250, basis: 'INCOME_RELATED', explanation: { limitCents: 67500 } })

    const before = await prisma.voucher.count()
    const noReason = await payload(action, '/staff/vouchers/new', cookie, {}, { ...base(world, homeCare), ...income, override: 'on', overrideValue: '30' })
    expect(noReason.result).toMatchObject({ error: { overrideReason: ['issuing:errors.overrideReasonRequired'] } })
    const missingIncome = await payload(action, '/staff/vouchers/new', cookie, {}, base(world, homeCare))
    expect(missingIncome.result).toMatchObject({ error: { householdSize: ['issuing:errors.householdRequired'], grossMonthlyIncome: ['issuing:errors.incomeRequired'] } })
    const backwards = await payload(action, '/staff/vouchers/new', cookie, {}, { ...base(world, homeCare), ...income, validTo: addDays(today, -1) })
    expect(backwards.result).toMatchObject({ error: { validTo: expect.arrayContaining(['issuing:errors.validToPast']) } })
    expect(await prisma.voucher.count()).toBe(before)

    const issued = await run(action, '/staff/vouchers/new', cookie, {}, { ...base(world, homeCare), ...income })
    expect(issued.status).toBe(302)
    const voucherId = issued.location?.split('/').pop() ?? ''
    expect(await prisma.voucher.findUniqueOrThrow({ where: { id: voucherId } })).toMatchObject({
      clientId: world.client.id,
      valueCents: 1250,
      unitsPerMonth: 12,
      decisionNumber: 'OVPH-2026-04567',
    })

    const { action: change } = await voucherPage()
    const path = `/staff/vouchers/${voucherId}`
    const params = { voucherId }
    expect(await run(change, path, cookie, params, { intent: 'extend', validTo: addDays(today, 180) })).toMatchObject({ status: 400 })
    expect(await run(change, path, cookie, params, { intent: 'extend', validTo: addDays(today, 200) })).toEqual({ status: 302, location: path })
    expect(await run(change, path, cookie, params, { intent: 'cancel', reason: 'Moved to Sweden' })).toEqual({ status: 302, location: path })
    expect(await prisma.voucher.findUniqueOrThrow({ where: { id: voucherId } })).toMatchObject({ status: 'CANCELLED', validTo: new Date(addDays(today, 200)) })
    expect(await run(change, path, cookie, params, { intent: 'extend', validTo: addDays(today, 300) })).toMatchObject({ status: 409 })
  })

  it("prints the letter in the client's language, not the staff member's", async () => {
    const world = await createIssuingWorld()
    const finn = await createClient({ preferredLanguage: 'fi' })
    const { action } = await issuePage()
    const issued = await run(action, '/staff/vouchers/new', world.cookies.admin, {}, { ...base(world, world.categories.supportServices.id), clientId: finn.id })
    const voucherId = issued.location?.split('/').pop() ?? ''
    const { loader } = await letterPage()
    // makeRequest asks for Swedish (Accept-Language: sv)
    const page = await payload(loader, `/staff/vouchers/${voucherId}/letter`, world.cookies.admin, { voucherId })
    expect(page.letter).toMatchObject({ lang: 'fi', title: 'Päätös palvelusetelistä' })
    expect(page.title).toMatch(/^Beslutsbrev /)
  })
})
