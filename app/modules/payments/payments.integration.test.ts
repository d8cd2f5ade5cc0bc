import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import type { PaymentStatus } from '~/generated/prisma/client'
import { openClientSession } from '~/modules/client-access/session.server'
// eslint-disable-next-line no-restricted-imports -- this test drives the payment routes end to end
import { action as webhookAction } from '~/routes/api.stripe-webhook'
// eslint-disable-next-line no-restricted-imports -- as above
import { action as payAction, loader as paymentsLoader } from '~/routes/my-voucher.payments._index'
// eslint-disable-next-line no-restricted-imports -- as above
import { loader as paymentLoader } from '~/routes/my-voucher.payments.$paymentId'
import { prisma } from '~/utils/db.server'
import { log } from '~/utils/logger.server'
import { securityHeaders } from '~/utils/security-headers.server'
import { makeRequest, personas, statusOf } from '../../../tests/support/request'
import { signedStripeEvent } from '../../../tests/support/stripe-stand-in'
import { createClient, createVoucher, createVoucherWorld, type VoucherWorld } from '../../../tests/support/voucher-fixtures'

// env() reads the Stripe settings once per test file: start the stand-in and configure them before any app module asks.
const stripe = await vi.hoisted(async () => {
  const { startStripeStandIn } = await import('../../../tests/support/stripe-stand-in')
  const webhookSecret = 'whsec_test_payments_integration'
  const standIn = await startStripeStandIn({ webhookSecret })
  process.env.STRIPE_SECRET_KEY = 'sk_test_payments_integration'
  process.env.STRIPE_WEBHOOK_SECRET = webhookSecret
  process.env.STRIPE_API_BASE = standIn.url
  return { standIn, webhookSecret }
})
const { standIn, webhookSecret } = stripe

let world: VoucherWorld
let clientCookie: string
let otherVoucherId: string
/** forwards HTTP requests to the webhook route, so the stand-in's Pay button reaches the app */
let receiver: Server
let monthCounter = 0

beforeAll(async () => {
  world = await createVoucherWorld()
  clientCookie = (await openClientSession(world.voucher.id)).split(';')[0] ?? ''
  const otherClient = await createClient({ preferredLanguage: 'fi' })
  otherVoucherId = (await createVoucher(otherClient.id, world.categories.homeCare.id, world.users.reviewer.id, { status: 'ACTIVE' })).id
  receiver = createServer((incoming, outgoing) => {
    const chunks: Buffer[] = []
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk))
    incoming.on('end', () => {
      const request = new Request(`http://localhost:3000${incoming.url ?? '/'}`, {
        method: incoming.method,
        headers: { 'Content-Type': 'application/json', 'Stripe-Signature': String(incoming.headers['stripe-signature'] ?? '') },
        body: Buffer.concat(chunks).toString('utf8'),
      })
      void webhookAction({ request, params: {}, context: {} }).then(async (response) => {
        outgoing.writeHead(response.status)
        outgoing.end(await response.text())
      })
    })
  })
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve))
  standIn.setWebhookUrl(`http://127.0.0.1:${(receiver.address() as AddressInfo).port}/api/stripe-webhook`)
})

afterAll(async () => {
  await standIn.close()
  await new Promise((resolve) => receiver.close(resolve))
})

beforeEach(() => {
  standIn.failWith(null)
})

/** A co-payment of a month of the personas' organisation (a new month each call, approved unless told otherwise). */
async function createPayment(
  options: { month?: string; amountCents?: number; status?: PaymentStatus; voucherId?: string; settlementStatus?: 'OPEN' | 'APPROVED' } = {},
) {
  monthCounter++
  const month = options.month ? new Date(options.month) : new Date(Date.UTC(2000, monthCounter, 1))
  const approved = (options.settlementStatus ?? 'APPROVED') === 'APPROVED'
  const amountCents = options.amountCents ?? 8000
  const settlement = await prisma.monthlySettlement.create({
    data: {
      organisationId: world.organisation.id,
      month,
      status: options.settlementStatus ?? 'APPROVED',
      copaymentCents: amountCents,
      approvedById: approved ? world.users.reviewer.id : null,
      approvedAt: approved ? new Date() : null,
    },
  })
  return prisma.payment.create({
    data: { settlementId: settlement.id, voucherId: options.voucherId ?? world.voucher.id, amountCents, status: options.status ?? 'PENDING' },
  })
}

function pay(paymentId: string, init: { cookie?: string; language?: string } = {}) {
  const request = makeRequest('/my-voucher/payments?index', { cookie: init.cookie ?? clientCookie, form: { paymentId } })
  if (init.language) request.headers.set('Accept-Language', init.language)
  return statusOf(() => payAction({ request, params: {}, context: {} }))
}

async function payError(paymentId: string): Promise<{ status: number; error?: string }> {
  const request = makeRequest('/my-voucher/payments?index', { cookie: clientCookie, form: { paymentId } })
  const result = (await payAction({ request, params: {}, context: {} })) as unknown as { data: { error: string }; init: { status: number } }
  return { status: result.init.status, error: result.data.error }
}

/** A Checkout Session object as Stripe sends it in events (paid unless told otherwise). */
function sessionObject(payment: { id: string; amountCents: number }, overrides: Record<string, unknown> = {}) {
  return {
    id: `cs_test_${payment.id}`,
    object: 'checkout.session',
    amount_total: payment.amountCents,
    currency: 'eur',
    client_reference_id: payment.id,
    metadata: { paymentId: payment.id },
    payment_status: 'paid',
    status: 'complete',
    ...overrides,
  }
}

async function deliver(payload: string, signature: string | null) {
  const headers = new Headers({ 'Content-Type': 'application/json' })
  if (signature !== null) headers.set('Stripe-Signature', signature)
  const response = await webhookAction({
    request: new Request('http://localhost:3000/api/stripe-webhook', { method: 'POST', headers, body: payload }),
    params: {},
    context: {},
  })
  return { status: response.status, text: await response.text() }
}

function send(type: string, object: Record<string, unknown>, id?: string) {
  const event = signedStripeEvent(webhookSecret, type, object, { id })
  return deliver(event.payload, event.signature)
}

const auditsOf = (paymentId: string) =>
  prisma.auditEvent.findMany({ where: { entityType: 'Payment', entityId: paymentId }, orderBy: { id: 'asc' }, select: { action: true, after: true } })

describe('the payments page', () => {
  it("lists the client's co-payments of approved months only, with Pay online where it can be paid", async () => {
    const pending = await createPayment()
    const paid = await createPayment({ status: 'PAID' })
    const failed = await createPayment({ status: 'FAILED' })
    const open = await createPayment({ settlementStatus: 'OPEN' })
    const others = await createPayment({ voucherId: otherVoucherId })
    const data = await paymentsLoader({ request: makeRequest('/my-voucher/payments', { cookie: clientCookie }), params: {}, context: {} })
    expect(data.onlinePayment).toBe(true)
    const ids = data.payments.map((payment) => payment.id)
    expect(ids).not.toContain(open.id)
    expect(ids).not.toContain(others.id)
    const canPay = Object.fromEntries(data.payments.map((payment) => [payment.id, payment.canPay]))
    expect(canPay).toMatchObject({ [pending.id]: true, [paid.id]: false, [failed.id]: true })
    expect(data.payments.find((payment) => payment.id === pending.id)).toMatchObject({ producer: world.organisation.name, amountCents: 8000 })
  })
})

describe('paying online (Stripe Checkout)', () => {
  it('creates a Checkout Session for the amount, with the references, and sends the client to it', async () => {
    const payment = await createPayment({ month: '2026-10-01', amountCents: 1234 })
    const before = standIn.requests.length
    const { status, location } = await pay(payment.id)
    expect(status).toBe(303)
    const received = standIn.requests.slice(before)
    expect(received).toHaveLength(1)
    const request = received[0]!
    expect(request).toMatchObject({ method: 'POST', path: '/v1/checkout/sessions', authorization: 'Bearer sk_test_payments_integration' })
    expect(request.idempotencyKey).toBe(`co-payment-${payment.id}-0`)
    expect(request.params).toEqual({
      mode: 'payment',
      line_items: [
        { quantity: '1', price_data: { currency: 'eur', unit_amount: '1234', product_data: { name: `Självriskandel 10/2026 – ${world.organisation.name}` } } },
      ],
      client_reference_id: payment.id,
      metadata: {
        paymentId: payment.id,
        settlementId: payment.settlementId,
        organisationId: world.organisation.id,
        voucherId: world.voucher.id,
        providerShareReference: `${world.organisation.businessId}/2026-10`,
      },
      success_url: `http://localhost:3000/my-voucher/payments/${payment.id}?result=success`,
      cancel_url: `http://localhost:3000/my-voucher/payments/${payment.id}?result=cancelled`,
      locale: 'sv',
    })
    const session = [...standIn.sessions.values()].find((candidate) => candidate.client_reference_id === payment.id)
    expect(location).toBe(session?.url)
    expect(location).toMatch(new RegExp(`^${standIn.url}/pay/cs_test_`))
    const stored = await prisma.payment.findUniqueOrThrow({ where: { id: payment.id } })
    expect(stored).toMatchObject({ status: 'PENDING', stripeCheckoutSessionId: session?.id })
    expect((await auditsOf(payment.id)).map((audit) => audit.action)).toEqual(['payment.checkout-started'])
  })

  it("lets the pages' forms send the browser on to the checkout page (browsers check form-action on the redirect)", () => {
    expect(securityHeaders()['Content-Security-Policy']).toContain(`form-action 'self' ${new URL(standIn.url).origin};`)
  })

  it("uses the client's UI language for Stripe's page and the product name, and a new key for each attempt", async () => {
    const payment = await createPayment({ month: '2026-03-01' })
    await pay(payment.id, { language: 'fi' })
    await pay(payment.id, { language: 'fi' })
    const sent = standIn.requests.filter((request) => request.params.client_reference_id === payment.id)
    expect(sent.map((request) => request.idempotencyKey)).toEqual([`co-payment-${payment.id}-0`, `co-payment-${payment.id}-1`])
    expect(sent[0]?.params).toMatchObject({
      locale: 'fi',
      line_items: [{ price_data: { product_data: { name: `Omavastuuosuus 3/2026 – ${world.organisation.name}` } } }],
    })
    const stored = await prisma.payment.findUniqueOrThrow({ where: { id: payment.id } })
    const latest = [...standIn.sessions.values()].filter((session) => session.client_reference_id === payment.id).at(-1)
    expect(stored.stripeCheckoutSessionId).toBe(latest?.id)
  })

  it("answers 404 for another voucher's payment, and Stripe is not asked", async () => {
    const others = await createPayment({ voucherId: otherVoucherId })
    const before = standIn.requests.length
    expect((await pay(others.id)).status).toBe(404)
    expect((await pay('no-such-payment')).status).toBe(404)
    expect(standIn.requests.length).toBe(before)
    expect(await prisma.payment.findUniqueOrThrow({ where: { id: others.id } })).toMatchObject({ status: 'PENDING', stripeCheckoutSessionId: null })
  })

  it('answers 404 for a month that is not approved', async () => {
    const open = await createPayment({ settlementStatus: 'OPEN' })
    expect((await pay(open.id)).status).toBe(404)
  })

  it('refuses a payment that is already paid or cancelled, without asking Stripe', async () => {
    const paid = await createPayment({ status: 'PAID' })
    const cancelled = await createPayment({ status: 'CANCELLED' })
    const before = standIn.requests.length
    expect(await payError(paid.id)).toEqual({ status: 409, error: 'payment:errors.notPayable' })
    expect(await payError(cancelled.id)).toEqual({ status: 409, error: 'payment:errors.notPayable' })
    expect(standIn.requests.length).toBe(before)
  })

  it('lets a failed payment be tried again', async () => {
    const failed = await createPayment({ status: 'FAILED' })
    expect((await pay(failed.id)).status).toBe(303)
    expect(await prisma.payment.findUniqueOrThrow({ where: { id: failed.id } })).toMatchObject({ status: 'PENDING' })
  })

  it('says so when Stripe fails, writes nothing to the payment, and the next attempt uses a new key', async () => {
    const payment = await createPayment()
    standIn.failWith(500)
    expect(await payError(payment.id)).toEqual({ status: 503, error: 'payment:errors.stripeFailed' })
    expect(await prisma.payment.findUniqueOrThrow({ where: { id: payment.id } })).toMatchObject({ status: 'PENDING', stripeCheckoutSessionId: null })
    expect((await auditsOf(payment.id)).map((audit) => audit.action)).toEqual(['payment.checkout-failed'])
    standIn.failWith(null)
    expect((await pay(payment.id)).status).toBe(303)
    expect(standIn.requests.filter((request) => request.params.client_reference_id === payment.id).map((request) => request.idempotencyKey)).toEqual([
      `co-payment-${payment.id}-0`,
      `co-payment-${payment.id}-1`,
    ])
  })

  it('pays through the stand-in: its Pay button delivers a signed event to the webhook and returns to the app', async () => {
    const payment = await createPayment({ amountCents: 4550 })
    const { location } = await pay(payment.id)
    const page = await fetch(location ?? '')
    const html = await page.text()
    expect(html).toMatch(/<html lang="en">/)
    expect(html).toContain('<h1>Test payment</h1>')
    expect(html).toMatch(/<label for="card">/)
    expect(html).toContain('<button type="submit">Pay</button>')
    const paid = await fetch(location ?? '', { method: 'POST', redirect: 'manual' })
    expect(paid.status).toBe(303)
    expect(paid.headers.get('Location')).toBe(`http://localhost:3000/my-voucher/payments/${payment.id}?result=success`)
    const stored = await prisma.payment.findUniqueOrThrow({ where: { id: payment.id } })
    expect(stored.status).toBe('PAID')
    expect(stored.paidAt).toBeInstanceOf(Date)
    const back = await paymentLoader({
      request: makeRequest(`/my-voucher/payments/${payment.id}?result=success`, { cookie: clientCookie }),
      params: { paymentId: payment.id },
      context: {},
    })
    expect(back).toMatchObject({ result: 'success', payment: { status: 'PAID', canPay: false, amountCents: 4550 } })
  })
})

describe('the return page', () => {
  it('shows the status from the database: still unpaid after a successful return until the webhook arrives', async () => {
    const payment = await createPayment()
    const load = (query: string) =>
      paymentLoader({ request: makeRequest(`/my-voucher/payments/${payment.id}${query}`, { cookie: clientCookie }), params: { paymentId: payment.id }, context: {} })
    expect(await load('?result=success')).toMatchObject({ result: 'success', payment: { status: 'PENDING', canPay: false } })
    expect(await load('?result=cancelled')).toMatchObject({ result: 'cancelled', payment: { status: 'PENDING', canPay: true } })
    expect(await load('?result=whatever')).toMatchObject({ result: null })
    await send('checkout.session.completed', sessionObject(payment))
    expect(await load('?result=success')).toMatchObject({ result: 'success', payment: { status: 'PAID', canPay: false } })
  })

  it("answers 404 for another voucher's payment", async () => {
    const others = await createPayment({ voucherId: otherVoucherId })
    const { status } = await statusOf(() =>
      paymentLoader({ request: makeRequest(`/my-voucher/payments/${others.id}`, { cookie: clientCookie }), params: { paymentId: others.id }, context: {} }),
    )
    expect(status).toBe(404)
  })
})

describe('the Stripe webhook', () => {
  it('marks the payment paid once, with an audit event', async () => {
    const payment = await createPayment()
    const event = signedStripeEvent(webhookSecret, 'checkout.session.completed', sessionObject(payment))
    expect(await deliver(event.payload, event.signature)).toEqual({ status: 200, text: 'paid' })
    const stored = await prisma.payment.findUniqueOrThrow({ where: { id: payment.id } })
    expect(stored).toMatchObject({ status: 'PAID', stripeCheckoutSessionId: `cs_test_${payment.id}` })
    expect(stored.paidAt).toBeInstanceOf(Date)
    expect(await prisma.stripeEvent.findUnique({ where: { id: event.id } })).toMatchObject({ type: 'checkout.session.completed' })
    expect((await auditsOf(payment.id)).map((audit) => audit.action)).toEqual(['payment.paid'])
  })

  it('has one effect when the same event arrives 10 times at once', async () => {
    const payment = await createPayment()
    const event = signedStripeEvent(webhookSecret, 'checkout.session.completed', sessionObject(payment))
    const answers = await Promise.all(Array.from({ length: 10 }, () => deliver(event.payload, event.signature)))
    expect(answers.every((answer) => answer.status === 200)).toBe(true)
    expect(answers.map((answer) => answer.text).sort()).toEqual(['paid', ...Array<string>(9).fill('already processed')].sort())
    expect(await prisma.stripeEvent.count({ where: { id: event.id } })).toBe(1)
    expect((await auditsOf(payment.id)).map((audit) => audit.action)).toEqual(['payment.paid'])
    expect(await prisma.payment.findUniqueOrThrow({ where: { id: payment.id } })).toMatchObject({ status: 'PAID' })
  })

  it('answers 400 to a missing or bad signature, and nothing changes', async () => {
    const payment = await createPayment()
    const good = signedStripeEvent(webhookSecret, 'checkout.session.completed', sessionObject(payment))
    const otherSecret = signedStripeEvent('whsec_someone_else', 'checkout.session.completed', sessionObject(payment))
    const stale = signedStripeEvent(webhookSecret, 'checkout.session.completed', sessionObject(payment), { timestamp: Math.floor(Date.now() / 1000) - 3600 })
    const tampered = good.payload.replace('"payment_status":"paid"', '"payment_status":"paid","x":1')
    expect(tampered).not.toBe(good.payload)
    vi.spyOn(log, 'warn').mockImplementation(() => {})
    expect((await deliver(good.payload, null)).status).toBe(400)
    expect((await deliver(good.payload, 'not a signature')).status).toBe(400)
    expect((await deliver(otherSecret.payload, otherSecret.signature)).status).toBe(400)
    expect((await deliver(stale.payload, stale.signature)).status).toBe(400)
    expect((await deliver(tampered, good.signature)).status).toBe(400)
    vi.mocked(log.warn).mockRestore()
    expect(await prisma.stripeEvent.count({ where: { id: { in: [good.id, otherSecret.id, stale.id] } } })).toBe(0)
    expect(await prisma.payment.findUniqueOrThrow({ where: { id: payment.id } })).toMatchObject({ status: 'PENDING', paidAt: null })
    expect(await auditsOf(payment.id)).toEqual([])
  })

  it('never un-pays a payment: completed, then expired and failed, leaves it paid', async () => {
    const payment = await createPayment()
    await prisma.payment.update({ where: { id: payment.id }, data: { stripeCheckoutSessionId: `cs_test_${payment.id}` } })
    expect((await send('checkout.session.completed', sessionObject(payment))).text).toBe('paid')
    expect((await send('checkout.session.expired', sessionObject(payment, { status: 'expired', payment_status: 'unpaid' }))).text).toBe('unchanged')
    expect((await send('checkout.session.async_payment_failed', sessionObject(payment, { payment_status: 'unpaid' }))).text).toBe('unchanged')
    expect(await prisma.payment.findUniqueOrThrow({ where: { id: payment.id } })).toMatchObject({ status: 'PAID' })
    expect((await auditsOf(payment.id)).map((audit) => audit.action)).toEqual(['payment.paid'])
  })

  it('marks the current attempt failed when its session expires, and a late payment still counts', async () => {
    const payment = await createPayment()
    await prisma.payment.update({ where: { id: payment.id }, data: { stripeCheckoutSessionId: `cs_test_current_${payment.id}` } })
    // an older attempt's session ending does not fail the current one
    expect((await send('checkout.session.expired', sessionObject(payment, { id: `cs_test_older_${payment.id}`, status: 'expired', payment_status: 'unpaid' }))).text).toBe(
      'unchanged',
    )
    expect((await send('checkout.session.expired', sessionObject(payment, { id: `cs_test_current_${payment.id}`, status: 'expired', payment_status: 'unpaid' }))).text).toBe(
      'failed',
    )
    expect(await prisma.payment.findUniqueOrThrow({ where: { id: payment.id } })).toMatchObject({ status: 'FAILED' })
    expect((await send('checkout.session.async_payment_succeeded', sessionObject(payment, { id: `cs_test_current_${payment.id}` }))).text).toBe('paid')
    expect(await prisma.payment.findUniqueOrThrow({ where: { id: payment.id } })).toMatchObject({ status: 'PAID' })
    expect((await auditsOf(payment.id)).map((audit) => audit.action)).toEqual(['payment.failed', 'payment.paid'])
  })

  it('waits for a delayed payment method: completed unpaid changes nothing, async success pays', async () => {
    const payment = await createPayment()
    expect((await send('checkout.session.completed', sessionObject(payment, { payment_status: 'unpaid' }))).text).toBe('awaiting payment')
    expect(await prisma.payment.findUniqueOrThrow({ where: { id: payment.id } })).toMatchObject({ status: 'PENDING' })
    expect((await send('checkout.session.async_payment_succeeded', sessionObject(payment))).text).toBe('paid')
    expect(await prisma.payment.findUniqueOrThrow({ where: { id: payment.id } })).toMatchObject({ status: 'PAID' })
  })

  it('refuses an amount or currency that is not the co-payment, and logs it', async () => {
    const payment = await createPayment({ amountCents: 8000 })
    const logged = vi.spyOn(log, 'error').mockImplementation(() => {})
    expect(await send('checkout.session.completed', sessionObject(payment, { amount_total: 100 }))).toEqual({ status: 200, text: 'amount mismatch' })
    expect((await send('checkout.session.completed', sessionObject(payment, { currency: 'sek' }))).text).toBe('amount mismatch')
    expect(logged).toHaveBeenCalledTimes(2)
    expect(logged.mock.calls[0]?.[1]).toMatchObject({ paymentId: payment.id, amountCents: 8000, amountTotal: 100 })
    logged.mockRestore()
    expect(await prisma.payment.findUniqueOrThrow({ where: { id: payment.id } })).toMatchObject({ status: 'PENDING', paidAt: null })
    const audits = await auditsOf(payment.id)
    expect(audits.map((audit) => audit.action)).toEqual(['payment.amount-mismatch', 'payment.amount-mismatch'])
    expect(audits[0]?.after).toMatchObject({ amountTotal: 100, currency: 'eur' })
  })

  it('records a second payment through an older session for staff to refund', async () => {
    const payment = await createPayment()
    expect((await send('checkout.session.completed', sessionObject(payment, { id: `cs_test_first_${payment.id}` }))).text).toBe('paid')
    vi.spyOn(log, 'warn').mockImplementation(() => {})
    expect((await send('checkout.session.completed', sessionObject(payment, { id: `cs_test_second_${payment.id}` }))).text).toBe('paid twice')
    vi.mocked(log.warn).mockRestore()
    expect((await auditsOf(payment.id)).map((audit) => audit.action)).toEqual(['payment.paid', 'payment.paid-twice'])
    expect(await prisma.payment.findUniqueOrThrow({ where: { id: payment.id } })).toMatchObject({ status: 'PAID', stripeCheckoutSessionId: `cs_test_first_${payment.id}` })
  })

  it('records events of other types and answers 200', async () => {
    const answer = await send('customer.created', { id: 'cus_test_1', object: 'customer' }, 'evt_test_other_type')
    expect(answer).toEqual({ status: 200, text: 'ignored' })
    expect(await prisma.stripeEvent.findUnique({ where: { id: 'evt_test_other_type' } })).toMatchObject({ type: 'customer.created' })
  })

  it("answers 200 to a session that is not one of the app's payments", async () => {
    vi.spyOn(log, 'warn').mockImplementation(() => {})
    const answer = await send('checkout.session.completed', sessionObject({ id: 'no-such-payment', amountCents: 100 }, { metadata: {} }))
    vi.mocked(log.warn).mockRestore()
    expect(answer).toEqual({ status: 200, text: 'unknown payment' })
  })
})

// route access for tests/integration/route-access/payments.ts
describe('who may use the payment pages', () => {
  it('sends everyone without a client session to the voucher form, user sessions included', async () => {
    const payment = await createPayment()
    const pages = [
      { path: '/my-voucher/payments', run: (request: Request) => paymentsLoader({ request, params: {}, context: {} }) },
      { path: '/my-voucher/payments?index', run: (request: Request) => payAction({ request, params: {}, context: {} }), form: { paymentId: payment.id } },
      {
        path: `/my-voucher/payments/${payment.id}?result=success`,
        run: (request: Request) => paymentLoader({ request, params: { paymentId: payment.id }, context: {} }),
      },
    ]
    for (const page of pages) {
      for (const persona of personas) {
        const cookie = persona === 'anonymous' ? undefined : world.cookies[persona]
        const { status, location } = await statusOf(() => page.run(makeRequest(page.path, { cookie, form: page.form })))
        expect(status, `${page.path} as ${persona}`).toBe(302)
        expect(location, `${page.path} as ${persona}`).toBe(`/voucher?${new URLSearchParams({ redirectTo: page.path })}`)
      }
    }
    expect(standIn.requests.some((request) => request.params.client_reference_id === payment.id)).toBe(false)
  })

  it('lets the client with a session in', async () => {
    const payment = await createPayment()
    const list = await statusOf(() => paymentsLoader({ request: makeRequest('/my-voucher/payments', { cookie: clientCookie }), params: {}, context: {} }))
    expect(list.status).toBe(200)
    const page = await statusOf(() =>
      paymentLoader({ request: makeRequest(`/my-voucher/payments/${payment.id}`, { cookie: clientCookie }), params: { paymentId: payment.id }, context: {} }),
    )
    expect(page.status).toBe(200)
  })

  it('keeps the webhook public: no session needed, any session ignored, only the signature counts', async () => {
    const payment = await createPayment()
    const event = signedStripeEvent(webhookSecret, 'checkout.session.completed', sessionObject(payment))
    const withSession = await webhookAction({
      request: new Request('http://localhost:3000/api/stripe-webhook', { method: 'POST', headers: { Cookie: world.cookies.admin, 'Content-Type': 'application/json' }, body: event.payload }),
      params: {},
      context: {},
    })
    expect(withSession.status).toBe(400)
    expect((await deliver(event.payload, event.signature)).status).toBe(200)
  })
})
