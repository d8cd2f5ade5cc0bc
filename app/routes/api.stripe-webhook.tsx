import type { ActionFunctionArgs } from '@remix-run/node'
import { receiveStripeWebhook } from '~/modules/payments/webhook.server'

/**
 * POST /api/stripe-webhook: Stripe's events about Checkout Sessions. Public, guarded by Stripe's signature on the
 * raw body (so the body is read as text, never parsed first). 404 while online payment is not configured.
 */
export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== 'POST') return new Response('Method Not Allowed', { status: 405, headers: { Allow: 'POST' } })
  const outcome = await receiveStripeWebhook(await request.text(), request.headers.get('Stripe-Signature'))
  return new Response(outcome.message, { status: outcome.status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
}
