import type Stripe from 'stripe'
import type { AppLocale } from '~/i18n'
import { translator } from '~/i18n.server'
import { recordAudit } from '~/modules/audit/audit.server'
import { prisma } from '~/utils/db.server'
import { env } from '~/utils/env.server'
import { log } from '~/utils/logger.server'
import { stripeSettings } from './config.server'
import { monthKey, monthNumeric } from './month'
import { isPayable, payableStatuses } from './status'
import { stripeClient } from './stripe.server'

/**
 * Paying a co-payment online: a Stripe Checkout Session for the amount of one approved month, created for the
 * client of the session's voucher. The payment is marked paid only by Stripe's signed webhook (webhook.server.ts),
 * never by the return to the app.
 */
export type StartCheckoutInput = {
  /** the voucher of the client's session */
  voucherId: string
  paymentId: string
  /** the client's UI language: Stripe's page and the product name follow it */
  locale: AppLocale
}

export type StartCheckoutResult =
  | { ok: true; url: string }
  | { ok: false; error: 'disabled' | 'notFound' | 'notPayable' | 'stripeFailed' }

/** Audit actions that count as attempts: each attempt sends a new idempotency key to Stripe. */
const attemptActions = ['payment.checkout-started', 'payment.checkout-failed']

export async function startCheckout(input: StartCheckoutInput): Promise<StartCheckoutResult> {
  const settings = stripeSettings()
  if (!settings) return { ok: false, error: 'disabled' }
  const payment = await prisma.payment.findFirst({
    where: { id: input.paymentId, voucherId: input.voucherId, settlement: { status: 'APPROVED' } },
    select: {
      id: true,
      amountCents: true,
      status: true,
      stripeCheckoutSessionId: true,
      settlement: { select: { id: true, month: true, organisation: { select: { id: true, name: true, businessId: true } } } },
    },
  })
  if (!payment) return { ok: false, error: 'notFound' }
  if (!isPayable(payment.status)) return { ok: false, error: 'notPayable' }

  const { settlement } = payment
  // two clicks at the same moment count the same attempts, so Stripe answers both with the same session
  const attempt = await prisma.auditEvent.count({ where: { entityType: 'Payment', entityId: payment.id, action: { in: attemptActions } } })
  const t = await translator(input.locale, 'payment')
  const returnUrl = (result: 'success' | 'cancelled') => `${env().APP_ORIGIN}/my-voucher/payments/${payment.id}?result=${result}`
  const params: Stripe.Checkout.SessionCreateParams = {
    mode: 'payment',
    line_items: [
      {
        quantity: 1,
        price_data: {
          currency: 'eur',
          unit_amount: payment.amountCents,
          product_data: { name: t('checkout.productName', { month: monthNumeric(settlement.month), producer: settlement.organisation.name }) },
        },
      },
    ],
    client_reference_id: payment.id,
    metadata: {
      paymentId: payment.id,
      settlementId: settlement.id,
      organisationId: settlement.organisation.id,
      voucherId: input.voucherId,
      providerShareReference: `${settlement.organisation.businessId}/${monthKey(settlement.month)}`,
    },
    success_url: returnUrl('success'),
    cancel_url: returnUrl('cancelled'),
    locale: input.locale,
  }

  let session: Stripe.Checkout.Session
  try {
    session = await stripeClient(settings).checkout.sessions.create(params, { idempotencyKey: `co-payment-${payment.id}-${attempt}` })
    if (!session.url) throw new Error('Stripe returned a Checkout Session without a URL')
  } catch (error) {
    log.error('Stripe Checkout Session not created', { paymentId: payment.id, attempt, error })
    await prisma.$transaction((tx) =>
      recordAudit(tx, { actorId: null, action: 'payment.checkout-failed', entityType: 'Payment', entityId: payment.id, after: { attempt } }),
    )
    return { ok: false, error: 'stripeFailed' }
  }

  const url = session.url
  const stored = await prisma.$transaction(async (tx) => {
    // the webhook may have marked it paid meanwhile: then the new session is not used
    const { count } = await tx.payment.updateMany({
      where: { id: payment.id, voucherId: input.voucherId, status: { in: [...payableStatuses] } },
      data: { stripeCheckoutSessionId: session.id, status: 'PENDING' },
    })
    if (count === 0) return false
    await recordAudit(tx, {
      actorId: null,
      action: 'payment.checkout-started',
      entityType: 'Payment',
      entityId: payment.id,
      before: { status: payment.status, stripeCheckoutSessionId: payment.stripeCheckoutSessionId },
      after: { status: 'PENDING', stripeCheckoutSessionId: session.id, attempt },
    })
    return true
  })
  return stored ? { ok: true, url } : { ok: false, error: 'notPayable' }
}
