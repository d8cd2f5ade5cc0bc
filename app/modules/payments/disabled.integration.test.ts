import { beforeAll, describe, expect, it, vi } from 'vitest'
import { openClientSession } from '~/modules/client-access/session.server'
// eslint-disable-next-line no-restricted-imports -- this test drives the payment routes end to end
import { action as webhookAction } from '~/routes/api.stripe-webhook'
// eslint-disable-next-line no-restricted-imports -- as above
import { action as payAction, loader as paymentsLoader } from '~/routes/my-voucher.payments._index'
// eslint-disable-next-line no-restricted-imports -- as above
import { loader as paymentLoader } from '~/routes/my-voucher.payments.$paymentId'
import { prisma } from '~/utils/db.server'
import { securityHeaders } from '~/utils/security-headers.server'
import { makeRequest, statusOf } from '../../../tests/support/request'
import { signedStripeEvent } from '../../../tests/support/stripe-stand-in'
import { createVoucherWorld, type VoucherWorld } from '../../../tests/support/voucher-fixtures'
import { isOnlinePaymentEnabled } from './config.server'

// env() reads the Stripe settings once per test file: this file runs without keys, whatever the shell has.
vi.hoisted(() => {
  delete process.env.STRIPE_SECRET_KEY
  delete process.env.STRIPE_WEBHOOK_SECRET
  delete process.env.STRIPE_API_BASE
})

let world: VoucherWorld
let clientCookie: string
let paymentId: string

beforeAll(async () => {
  world = await createVoucherWorld()
  clientCookie = (await openClientSession(world.voucher.id)).split(';')[0] ?? ''
  const settlement = await prisma.monthlySettlement.create({
    data: { organisationId: world.organisation.id, month: new Date('2026-10-01'), status: 'APPROVED', approvedById: world.users.reviewer.id, approvedAt: new Date() },
  })
  paymentId = (await prisma.payment.create({ data: { settlementId: settlement.id, voucherId: world.voucher.id, amountCents: 8000 } })).id
})

describe('without Stripe keys', () => {
  it('is off', () => {
    expect(isOnlinePaymentEnabled()).toBe(false)
  })

  it('lets forms send the browser to this site only', () => {
    expect(securityHeaders()['Content-Security-Policy']).toContain("form-action 'self';")
  })

  it('lists the co-payments without Pay online (the producer bills them)', async () => {
    const data = await paymentsLoader({ request: makeRequest('/my-voucher/payments', { cookie: clientCookie }), params: {}, context: {} })
    expect(data.onlinePayment).toBe(false)
    expect(data.payments).toEqual([expect.objectContaining({ id: paymentId, amountCents: 8000, status: 'PENDING', canPay: false })])
    const page = await paymentLoader({ request: makeRequest(`/my-voucher/payments/${paymentId}`, { cookie: clientCookie }), params: { paymentId }, context: {} })
    expect(page.payment.canPay).toBe(false)
  })

  it('answers 404 to Pay online and to the webhook, and changes nothing', async () => {
    const pay = await statusOf(() => payAction({ request: makeRequest('/my-voucher/payments?index', { cookie: clientCookie, form: { paymentId } }), params: {}, context: {} }))
    expect(pay.status).toBe(404)
    const session = { id: 'cs_test_disabled', object: 'checkout.session', amount_total: 8000, currency: 'eur', client_reference_id: paymentId, payment_status: 'paid' }
    const event = signedStripeEvent('whsec_any', 'checkout.session.completed', session)
    const response = await webhookAction({
      request: new Request('http://localhost:3000/api/stripe-webhook', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Stripe-Signature': event.signature },
        body: event.payload,
      }),
      params: {},
      context: {},
    })
    expect(response.status).toBe(404)
    expect(await prisma.stripeEvent.count()).toBe(0)
    expect(await prisma.payment.findUniqueOrThrow({ where: { id: paymentId } })).toMatchObject({ status: 'PENDING', stripeCheckoutSessionId: null })
  })
})
