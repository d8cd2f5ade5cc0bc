import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { describe, expect, it } from 'vitest'
import { openClientSession } from '~/modules/client-access/session.server'
import { prisma } from '~/utils/db.server'
import { makeRequest, personas, statusOf } from '../../../tests/support/request'
import { createClient, createVoucher, createVoucherWorld } from '../../../tests/support/voucher-fixtures'

/**
 * The client's pages (/my-voucher/…): only a client session opens them, and it reaches only its own voucher. The
 * route-access table (tests/integration/route-access/choosing.ts) points here for every route of the slice.
 */
const validTo = new Date('2030-12-31')

type Handler = (args: LoaderFunctionArgs & ActionFunctionArgs) => Promise<unknown>
type RouteModule = { loader?: Handler; action?: Handler }

const clientRoutes: { file: string; load: () => Promise<RouteModule>; path: (offerId: string) => string; action: boolean }[] = [
  { file: 'my-voucher.tsx', load: () => import('~/routes/my-voucher'), path: () => '/my-voucher', action: false },
  { file: 'my-voucher._index.tsx', load: () => import('~/routes/my-voucher._index'), path: () => '/my-voucher', action: false },
  { file: 'my-voucher.producers._index.tsx', load: () => import('~/routes/my-voucher.producers._index'), path: () => '/my-voucher/producers', action: true },
  {
    file: 'my-voucher.producers.$offerId.tsx',
    load: () => import('~/routes/my-voucher.producers.$offerId'),
    path: (offerId) => `/my-voucher/producers/${offerId}`,
    action: true,
  },
  { file: 'my-voucher.feedback.tsx', load: () => import('~/routes/my-voucher.feedback'), path: () => '/my-voucher/feedback', action: true },
  { file: 'my-voucher.logout.tsx', load: () => import('~/routes/my-voucher.logout'), path: () => '/my-voucher/logout', action: false },
]

async function clientCookie(voucherId: string): Promise<string> {
  return (await openClientSession(voucherId)).split(';')[0] ?? ''
}

/** World: voucher B is the world's (ACTIVE, served by the first organisation); voucher A a new client's, ISSUED. */
async function twoVouchers() {
  const world = await createVoucherWorld({ validTo })
  const client = await createClient({ dateOfBirth: new Date('1938-07-02') })
  const voucherA = await createVoucher(client.id, world.categories.homeCare.id, world.users.reviewer.id, { validTo })
  return { ...world, voucherA, voucherB: world.voucher, cookieA: await clientCookie(voucherA.id), cookieB: await clientCookie(world.voucher.id) }
}

function run(handler: Handler, path: string, cookie: string, params: Record<string, string>, form?: Record<string, string>) {
  return statusOf(() => handler({ request: makeRequest(path, { cookie, form, method: form ? 'POST' : 'GET' }), params, context: {} }))
}

describe("the client's pages", () => {
  it('send everyone without a client session to the voucher form, staff and provider logins included', async () => {
    const world = await twoVouchers()
    const offerId = world.otherOffer.id
    for (const route of clientRoutes) {
      const module = await route.load()
      const path = route.path(offerId)
      const expected = { status: 302, location: `/voucher?${new URLSearchParams({ redirectTo: path })}` }
      for (const persona of personas) {
        expect(await run(module.loader!, path, world.cookies[persona], { offerId }), `${route.file} loader as ${persona}`).toEqual(expected)
        if (route.action) {
          const form = { offerId, organisationId: world.organisation.id, rating: '5', endDate: '2030-01-01' }
          expect(await run(module.action!, path, world.cookies[persona], { offerId }, form), `${route.file} action as ${persona}`).toEqual(expected)
        }
      }
    }
    // closing without a session only goes back to the form
    const { action: logout } = await import('~/routes/my-voucher.logout')
    expect(await run(logout, '/my-voucher/logout', world.cookies.admin, {}, {})).toEqual({ status: 302, location: '/voucher' })
    // nothing was chosen or rated by anyone
    expect(await prisma.choice.count({ where: { voucherId: { in: [world.voucherA.id, world.voucherB.id] }, status: 'PENDING' } })).toBe(0)
    expect(await prisma.feedback.count({ where: { voucherId: world.voucherB.id } })).toBe(0)
  })

  it('refuse an expired session', async () => {
    const world = await twoVouchers()
    await prisma.clientSession.updateMany({ where: { voucherId: world.voucherA.id }, data: { expiresAt: new Date(Date.now() - 1000) } })
    const { loader } = await import('~/routes/my-voucher._index')
    expect((await run(loader, '/my-voucher', world.cookieA, {})).location).toBe(`/voucher?${new URLSearchParams({ redirectTo: '/my-voucher' })}`)
  })

  it("show a session its own voucher only, and never act on another voucher's producers", async () => {
    const world = await twoVouchers()
    const { loader: overview } = await import('~/routes/my-voucher._index')
    const read = async (cookie: string) =>
      (await overview({ request: makeRequest('/my-voucher', { cookie }), params: {}, context: {} })) as Awaited<ReturnType<typeof overview>>
    const pageA = await read(world.cookieA)
    const pageB = await read(world.cookieB)
    expect(pageA).toMatchObject({ voucher: { code: world.voucherA.code, status: 'ISSUED', canChoose: true }, lead: null, earlier: [] })
    expect(pageB).toMatchObject({
      voucher: { code: world.voucherB.code, status: 'ACTIVE', unitsPerMonth: 10, unitsLeft: 1000 },
      lead: { producer: { id: world.organisation.id }, state: { kind: 'started', date: '2026-01-01' }, copaymentCents: 800 },
    })
    expect(JSON.stringify(pageA)).not.toContain(world.voucherB.code)

    // feedback: A was never served by B's producer
    const { loader: feedbackPage, action: feedback } = await import('~/routes/my-voucher.feedback')
    const rating = { organisationId: world.organisation.id, rating: '5' }
    expect(await run(feedback, '/my-voucher/feedback', world.cookieA, {}, rating)).toMatchObject({ status: 404 })
    expect(await prisma.feedback.count({ where: { organisationId: world.organisation.id } })).toBe(0)
    expect(((await feedbackPage({ request: makeRequest('/my-voucher/feedback', { cookie: world.cookieA }), params: {}, context: {} })) as { producers: unknown[] }).producers).toEqual([])
    expect(await run(feedback, '/my-voucher/feedback', world.cookieB, {}, rating)).toEqual({ status: 302, location: '/my-voucher/feedback' })
    expect(await run(feedback, '/my-voucher/feedback', world.cookieB, {}, { organisationId: world.organisation.id })).toMatchObject({ status: 400 })
    expect(await prisma.feedback.findMany({ where: { organisationId: world.organisation.id } })).toEqual([expect.objectContaining({ voucherId: world.voucherB.id, rating: 5 })])

    // choosing with A changes A only, even when it picks B's producer
    const { action: choose } = await import('~/routes/my-voucher.producers._index')
    expect(await run(choose, '/my-voucher/producers', world.cookieA, {}, { offerId: world.offer.id })).toEqual({ status: 302, location: '/my-voucher' })
    expect(await prisma.choice.findMany({ where: { voucherId: world.voucherB.id } })).toEqual([expect.objectContaining({ id: world.choice.id, status: 'ACCEPTED' })])
    expect((await prisma.voucher.findUniqueOrThrow({ where: { id: world.voucherB.id } })).status).toBe('ACTIVE')
    expect(await prisma.choice.count({ where: { voucherId: world.voucherA.id, status: 'PENDING' } })).toBe(1)
  })

  it('log out: the session ends and the cookie opens nothing any more', async () => {
    const world = await twoVouchers()
    const { action: logout } = await import('~/routes/my-voucher.logout')
    const { loader } = await import('~/routes/my-voucher._index')
    expect(await run(logout, '/my-voucher/logout', world.cookieA, {}, {})).toEqual({ status: 302, location: '/voucher' })
    expect(await prisma.clientSession.count({ where: { voucherId: world.voucherA.id } })).toBe(0)
    expect((await run(loader, '/my-voucher', world.cookieA, {})).status).toBe(302)
    expect((await run(loader, '/my-voucher', world.cookieB, {})).status).toBe(200)
  })
})
