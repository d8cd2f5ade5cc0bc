import type Stripe from 'stripe'
import { recordAudit } from '~/modules/audit/audit.server'
import { prisma, type Tx } from '~/utils/db.server'
import { log } from '~/utils/logger.server'
import { stripeSettings } from './config.server'
import { verifiedEvent } from './stripe.server'

/**
 * Stripe's webhook: the only way a co-payment becomes paid. The signature is checked on the raw body; each event id
 * is recorded once (StripeEvent's primary key) in the same transaction as its effect, so an event delivered twice,
 * or ten times at once, has one effect. Events may come in any order: a paid payment is never made unpaid again, and
 * the end of an older Checkout Session does not fail a newer attempt.
 */
export type WebhookOutcome = { status: 200 | 400 | 404; message: string }

export async function receiveStripeWebhook(rawBody: string, signature: string | null, now = new Date()): Promise<WebhookOutcome> {
  const settings = stripeSettings()
  if (!settings) return { status: 404, message: 'Not Found' }
  if (!signature) return { status: 400, message: 'Missing Stripe-Signature header' }
  let event: Stripe.Event
  try {
    event = verifiedEvent(rawBody, signature, settings.webhookSecret)
  } catch (error) {
    log.warn('Stripe webhook refused: signature not verified', { error })
    return { status: 400, message: 'Invalid signature' }
  }
  return { status: 200, message: await applyStripeEvent(event, now) }
}

/** Records the event and applies its effect in one transaction; answers what happened (for the log and Stripe's dashboard). */
export async function applyStripeEvent(event: Stripe.Event, now = new Date()): Promise<string> {
  return prisma.$transaction(async (tx) => {
    const inserted = await tx.$executeRaw`INSERT INTO "StripeEvent" (id, type) VALUES (${event.id}, ${event.type}) ON CONFLICT (id) DO NOTHING`
    if (inserted === 0) return 'already processed'
    switch (event.type) {
      case 'checkout.session.completed':
        // a delayed payment method (a bank transfer, say) completes unpaid and succeeds or fails later
        return event.data.object.payment_status === 'paid' ? markPaid(tx, event, event.data.object, now) : 'awaiting payment'
      case 'checkout.session.async_payment_succeeded':
        return markPaid(tx, event, event.data.object, now)
      case 'checkout.session.async_payment_failed':
      case 'checkout.session.expired':
        return markFailed(tx, event, event.data.object)
      default:
        return 'ignored'
    }
  })
}

type LockedPayment = { id: string; status: string; amountCents: number; stripeCheckoutSessionId: string | null }

/** The payment the session was created for, locked for the rest of the transaction; null when it is not ours. */
async function lockPayment(tx: Tx, event: Stripe.Event, session: Stripe.Checkout.Session): Promise<LockedPayment | null> {
  const paymentId = session.client_reference_id ?? session.metadata?.paymentId
  const rows = paymentId
    ? await tx.$queryRaw<LockedPayment[]>`
        SELECT id, status::text AS status, "amountCents", "stripeCheckoutSessionId" FROM "Payment" WHERE id = ${paymentId} FOR UPDATE`
    : []
  if (!rows[0]) log.warn('Stripe webhook: no co-payment for the Checkout Session', { eventId: event.id, sessionId: session.id, paymentId })
  return rows[0] ?? null
}

async function markPaid(tx: Tx, event: Stripe.Event, session: Stripe.Checkout.Session, now: Date): Promise<string> {
  const payment = await lockPayment(tx, event, session)
  if (!payment) return 'unknown payment'
  const received = { eventId: event.id, sessionId: session.id, amountTotal: session.amount_total, currency: session.currency }
  if (session.amount_total !== payment.amountCents || session.currency !== 'eur') {
    log.error('Stripe webhook refused: the amount paid is not the co-payment', { paymentId: payment.id, amountCents: payment.amountCents, ...received })
    await recordAudit(tx, { actorId: null, action: 'payment.amount-mismatch', entityType: 'Payment', entityId: payment.id, after: received })
    return 'amount mismatch'
  }
  if (payment.status === 'PAID') {
    if (payment.stripeCheckoutSessionId === session.id) return 'already paid'
    // paid again through an older Checkout Session that was still open: staff refund one of them
    log.warn('Stripe webhook: a co-payment was paid twice', { paymentId: payment.id, ...received })
    await recordAudit(tx, { actorId: null, action: 'payment.paid-twice', entityType: 'Payment', entityId: payment.id, after: received })
    return 'paid twice'
  }
  await tx.payment.update({ where: { id: payment.id }, data: { status: 'PAID', paidAt: now, stripeCheckoutSessionId: session.id } })
  await recordAudit(tx, {
    actorId: null,
    action: 'payment.paid',
    entityType: 'Payment',
    entityId: payment.id,
    before: { status: payment.status },
    after: { status: 'PAID', paidAt: now.toISOString(), ...received },
  })
  return 'paid'
}

async function markFailed(tx: Tx, event: Stripe.Event, session: Stripe.Checkout.Session): Promise<string> {
  const payment = await lockPayment(tx, event, session)
  if (!payment) return 'unknown payment'
  // never un-pay a payment, and an older session ending does not fail the attempt in progress
  if (payment.status !== 'PENDING' || payment.stripeCheckoutSessionId !== session.id) return 'unchanged'
  await tx.payment.update({ where: { id: payment.id }, data: { status: 'FAILED' } })
  await recordAudit(tx, {
    actorId: null,
    action: 'payment.failed',
    entityType: 'Payment',
    entityId: payment.id,
    before: { status: payment.status },
    after: { status: 'FAILED', eventId: event.id, eventType: event.type, sessionId: session.id },
  })
  return 'failed'
}
