import type { LoaderFunctionArgs } from '@remix-run/node'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { openClientSession } from '~/modules/client-access/session.server'
import { prisma } from '~/utils/db.server'
import { makeRequest, outcomeOf } from '../../../tests/support/request'
import { createClient, createVoucher, createVoucherWorld } from '../../../tests/support/voucher-fixtures'
import { decryptIdentityCode } from './identity-code.server'

/**
 * Staff views of a client's data are audited once per request, by the loaders of the pages that show it (the client
 * page, the voucher page, the decision letter) and by showing the identity code; the client's own data page lists
 * them with the staff member's name and role, and shows the stored data with the identity code masked.
 */
type Loader = (args: LoaderFunctionArgs) => Promise<unknown>

async function load(loader: Loader, path: string, cookie: string, params: Record<string, string> = {}) {
  return outcomeOf(() => loader({ request: makeRequest(path, { cookie }), params, context: {} }))
}

afterEach(() => {
  vi.restoreAllMocks()
})

describe("staff views of a client's data", () => {
  it('are recorded once per request on each page that shows the data, and logged without personal data', async () => {
    const world = await createVoucherWorld()
    const other = await createClient()
    const otherVoucher = await createVoucher(other.id, world.categories.homeCare.id, world.users.reviewer.id)
    const logLines: string[] = []
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      logLines.push(String(chunk))
      return true
    })
    const { loader: clientPage, action: clientAction } = await import('~/routes/staff.clients.$clientId')
    const { loader: voucherPage } = await import('~/routes/staff.vouchers.$voucherId')
    const { loader: letter } = await import('~/routes/staff.vouchers.$voucherId_.letter')

    expect((await load(clientPage, `/staff/clients/${world.client.id}`, world.cookies.reviewer, { clientId: world.client.id })).status).toBe(200)
    expect((await load(voucherPage, `/staff/vouchers/${world.voucher.id}`, world.cookies.admin, { voucherId: world.voucher.id })).status).toBe(200)
    expect((await load(letter, `/staff/vouchers/${world.voucher.id}/letter`, world.cookies.reviewer, { voucherId: world.voucher.id })).status).toBe(200)
    const reveal = await outcomeOf(() =>
      clientAction({ request: makeRequest(`/staff/clients/${world.client.id}`, { cookie: world.cookies.admin, method: 'POST', form: { intent: 'reveal' } }), params: { clientId: world.client.id }, context: {} }),
    )
    expect(reveal.status).toBe(200)
    // someone else's client, and pages that are refused, record nothing for this client
    await load(voucherPage, `/staff/vouchers/${otherVoucher.id}`, world.cookies.reviewer, { voucherId: otherVoucher.id })
    expect((await load(clientPage, `/staff/clients/${world.client.id}`, world.cookies.owner, { clientId: world.client.id })).status).toBe(403)

    const events = await prisma.auditEvent.findMany({ where: { entityType: 'Client', entityId: world.client.id }, orderBy: { id: 'asc' } })
    expect(events.map((event) => [event.action, event.actorId, event.after])).toEqual([
      ['client.viewed', world.users.reviewer.id, { place: 'client-page' }],
      ['client.viewed', world.users.admin.id, { place: 'voucher-page', voucherId: world.voucher.id }],
      ['client.viewed', world.users.reviewer.id, { place: 'decision-letter', voucherId: world.voucher.id }],
      ['client.identity-code-viewed', world.users.admin.id, null],
    ])
    const auditLines = logLines.filter((line) => line.includes('"message":"audit"') && line.includes(world.client.id))
    expect(auditLines).toHaveLength(4)
    const code = decryptIdentityCode(world.client.identityCodeCipher)
    for (const line of auditLines) {
      expect(Object.keys(JSON.parse(line) as object).sort()).toEqual(['action', 'actorId', 'entityId', 'entityType', 'level', 'message', 'time'])
      expect(line).not.toContain(code)
      expect(line).not.toContain('Ingrid')
    }
  })
})

describe("the client's own data page", () => {
  it('shows the stored data with the identity code masked and who viewed it, newest first, for this client only', async () => {
    const world = await createVoucherWorld()
    const second = await createVoucher(world.client.id, world.categories.homeCare.id, world.users.reviewer.id, { validFrom: new Date('2025-01-01'), validTo: new Date('2025-06-30') })
    const stranger = await createClient()
    const at = (minute: number) => new Date(`2026-11-02T10:${String(minute).padStart(2, '0')}:00Z`)
    await prisma.auditEvent.createMany({
      data: [
        { at: at(1), actorId: world.users.reviewer.id, action: 'client.viewed', entityType: 'Client', entityId: world.client.id, after: { place: 'client-page' } },
        { at: at(2), actorId: world.users.admin.id, action: 'client.viewed', entityType: 'Client', entityId: world.client.id, after: { place: 'voucher-page', voucherId: second.id } },
        { at: at(3), actorId: world.users.admin.id, action: 'client.identity-code-viewed', entityType: 'Client', entityId: world.client.id },
        { at: at(4), actorId: world.users.reviewer.id, action: 'client.viewed', entityType: 'Client', entityId: stranger.id, after: { place: 'client-page' } },
        { at: at(5), actorId: world.users.reviewer.id, action: 'client.create', entityType: 'Client', entityId: world.client.id },
      ],
    })
    const cookie = (await openClientSession(world.voucher.id)).split(';')[0] ?? ''
    const { loader } = await import('~/routes/my-voucher.data')
    const page = await load(loader, '/my-voucher/data', cookie)
    expect(page.status).toBe(200)
    const data = JSON.parse(page.body) as {
      client: { firstName: string; maskedIdentityCode: string }
      vouchers: { code: string }[]
      views: { at: string; kind: string; staffName: string; staffRole: string; voucherCode: string | null }[]
      viewCount: number
    }
    const code = decryptIdentityCode(world.client.identityCodeCipher)
    expect(data.client.firstName).toBe('Ingrid')
    expect(data.client.maskedIdentityCode).toBe(`${code.slice(0, 7)}****`)
    expect(page.body).not.toContain(code)
    expect(page.body).not.toContain('identityCodeCipher')
    expect(data.vouchers.map((voucher) => voucher.code).sort()).toEqual([world.voucher.code, second.code].sort())
    expect(data.viewCount).toBe(3)
    expect(data.views).toEqual([
      { at: at(3).toISOString(), kind: 'identity-code', staffName: 'Admin', staffRole: 'ADMIN', voucherCode: null },
      { at: at(2).toISOString(), kind: 'voucher-page', staffName: 'Admin', staffRole: 'ADMIN', voucherCode: second.code },
      { at: at(1).toISOString(), kind: 'client-page', staffName: 'Reviewer', staffRole: 'REVIEWER', voucherCode: null },
    ])
    // staff and provider logins do not open it; without a client session it goes to the voucher form
    for (const persona of ['anonymous', 'owner', 'reviewer', 'admin'] as const) {
      expect(await load(loader, '/my-voucher/data', world.cookies[persona])).toMatchObject({ status: 302, location: '/voucher?redirectTo=%2Fmy-voucher%2Fdata' })
    }
  })
})
