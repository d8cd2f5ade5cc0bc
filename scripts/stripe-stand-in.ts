// npx tsx scripts/stripe-stand-in.ts: the local Stripe stand-in (tests/support/stripe-stand-in.ts) for Playwright
// and the demo. Settings from the environment:
//   STRIPE_STAND_IN_PORT    port to listen on at 127.0.0.1 (default 12111)
//   STRIPE_WEBHOOK_URL      where its Pay button delivers checkout.session.completed (default: APP_ORIGIN, else
//                           http://127.0.0.1:3000, + /api/stripe-webhook)
//   STRIPE_WEBHOOK_SECRET   the app's webhook secret, to sign the events (required)
// Start the app with STRIPE_API_BASE=http://127.0.0.1:<port>, any STRIPE_SECRET_KEY=sk_test_… and the same
// STRIPE_WEBHOOK_SECRET. Nothing leaves this machine and no money moves.
import { startStripeStandIn } from '../tests/support/stripe-stand-in'

async function main() {
  const webhookSecret = process.env.STRIPE_WEBHOOK_SECRET
  if (!webhookSecret) throw new Error('Set STRIPE_WEBHOOK_SECRET (the same value as the app) so the stand-in can sign its events.')
  const port = Number(process.env.STRIPE_STAND_IN_PORT || 12111)
  const webhookUrl = process.env.STRIPE_WEBHOOK_URL || `${process.env.APP_ORIGIN || 'http://127.0.0.1:3000'}/api/stripe-webhook`
  const standIn = await startStripeStandIn({ port, webhookUrl, webhookSecret })
  console.log(`Stripe stand-in listening on ${standIn.url} (STRIPE_API_BASE); payments are delivered to ${webhookUrl}`)
  const stop = () => void standIn.close().finally(() => process.exit(0))
  process.once('SIGTERM', stop)
  process.once('SIGINT', stop)
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
