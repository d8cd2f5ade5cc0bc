import { randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import Stripe from 'stripe'

/**
 * A local stand-in for the part of Stripe the app uses, so tests and the demo run with no network:
 * - `POST /v1/checkout/sessions` (form-encoded, as the SDK sends it) answers with a Checkout Session and records the
 *   request; the same Idempotency-Key gets the same session back, as at Stripe.
 * - `GET /pay/<id>` is a small "Test payment" page; its Pay button marks the session paid, delivers a signed
 *   `checkout.session.completed` event to the app's webhook URL and redirects to the session's success_url.
 * Point the app at it with STRIPE_API_BASE=<url> (the SDK's host/port/protocol options); scripts/stripe-stand-in.ts
 * runs it from the command line.
 */
export type StripeStandInOptions = {
  /** 0 (the default) picks a free port */
  port?: number
  /** where the Pay button delivers its event, e.g. http://127.0.0.1:3000/api/stripe-webhook */
  webhookUrl?: string
  /** the app's STRIPE_WEBHOOK_SECRET: events are signed with it */
  webhookSecret: string
}

export type RecordedRequest = {
  method: string
  path: string
  authorization: string | null
  idempotencyKey: string | null
  /** the form body decoded into nested objects and arrays (`line_items[0][quantity]` → `{ line_items: [{ quantity }] }`) */
  params: Record<string, unknown>
}

export type StandInSession = {
  id: string
  object: 'checkout.session'
  mode: string
  url: string
  amount_subtotal: number
  amount_total: number
  currency: string
  client_reference_id: string | null
  metadata: Record<string, string>
  success_url: string | null
  cancel_url: string | null
  locale: string | null
  payment_status: 'unpaid' | 'paid'
  status: 'open' | 'complete' | 'expired'
  payment_intent: string | null
  livemode: false
  created: number
  expires_at: number
  /** the first line item's product name, shown on the test payment page (not a Stripe field) */
  product_name: string
}

export type StripeStandIn = {
  /** e.g. http://127.0.0.1:12111: the value of STRIPE_API_BASE */
  url: string
  requests: RecordedRequest[]
  sessions: Map<string, StandInSession>
  /** answers API requests with this HTTP status (a Stripe api_error) until set back to null */
  failWith: (status: number | null) => void
  /** where the Pay button delivers its event from now on */
  setWebhookUrl: (url: string) => void
  close: () => Promise<void>
}

const testId = (prefix: string) => `${prefix}_test_${randomBytes(12).toString('hex')}`

/** Decodes Stripe's form encoding: `a[b][0][c]=x` → `{ a: { b: [{ c: 'x' }] } }`. */
export function decodeStripeForm(body: string): Record<string, unknown> {
  const root: Record<string, unknown> = {}
  for (const [key, value] of new URLSearchParams(body)) {
    const path = key.split(/[[\]]+/).filter(Boolean)
    let node: Record<string, unknown> = root
    path.forEach((part, index) => {
      const next = path[index + 1]
      if (next === undefined) {
        node[part] = value
        return
      }
      node[part] ??= /^\d+$/.test(next) ? [] : {}
      node = node[part] as Record<string, unknown>
    })
  }
  return root
}

/** A Stripe event around `object`, as its JSON body and the Stripe-Signature header that the webhook secret verifies. */
export function signedStripeEvent(
  secret: string,
  type: string,
  object: Record<string, unknown>,
  options: { id?: string; timestamp?: number } = {},
): { id: string; payload: string; signature: string } {
  const id = options.id ?? testId('evt')
  const event = {
    id,
    object: 'event',
    api_version: Stripe.API_VERSION,
    created: Math.floor(Date.now() / 1000),
    type,
    data: { object },
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
  }
  const payload = JSON.stringify(event)
  return { id, payload, signature: Stripe.webhooks.generateTestHeaderString({ payload, secret, timestamp: options.timestamp }) }
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    request.on('error', reject)
  })
}

function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  response.writeHead(status, { 'Content-Type': 'application/json', 'Request-Id': testId('req'), ...headers })
  response.end(JSON.stringify(body))
}

function stripeError(response: ServerResponse, status: number, type: string, message: string) {
  // Stripe-Should-Retry: false keeps the SDK from retrying, so a test sees the failure at once
  sendJson(response, status, { error: { type, message } }, { 'Stripe-Should-Retry': 'false' })
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] ?? char)

function paymentPage(session: StandInSession): string {
  const amount = new Intl.NumberFormat('en-FI', { style: 'currency', currency: session.currency.toUpperCase() }).format(session.amount_total / 100)
  const cancel = session.cancel_url ? `<p><a href="${escapeHtml(session.cancel_url)}">Cancel and return</a></p>` : ''
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Test payment</title>
<style>
body { font-family: system-ui, sans-serif; max-width: 32rem; margin: 2rem auto; padding: 0 1rem; color: #111; }
label { display: block; font-weight: 600; margin-top: 1rem; }
input { font-size: 1rem; padding: 0.4rem; border: 2px solid #333; }
button { margin-top: 1rem; font-size: 1rem; font-weight: 600; padding: 0.5rem 1.5rem; background: #1d4ed8; color: #fff; border: 2px solid #1d4ed8; border-radius: 4px; }
</style>
</head>
<body>
<main>
<h1>Test payment</h1>
<p>A local stand-in for Stripe Checkout: no real money moves.</p>
<dl>
<dt>Payment for</dt><dd>${escapeHtml(session.product_name)}</dd>
<dt>Amount</dt><dd>${escapeHtml(amount)}</dd>
</dl>
<form method="post" action="/pay/${escapeHtml(session.id)}">
<label for="card">Card number (test card)</label>
<input id="card" name="card" value="4242 4242 4242 4242" inputmode="numeric" autocomplete="off">
<div><button type="submit">Pay</button></div>
</form>
${cancel}
</main>
</body>
</html>`
}

export async function startStripeStandIn(options: StripeStandInOptions): Promise<StripeStandIn> {
  const requests: RecordedRequest[] = []
  const sessions = new Map<string, StandInSession>()
  const byIdempotencyKey = new Map<string, StandInSession>()
  let failure: number | null = null
  let webhookUrl = options.webhookUrl
  let base = ''

  function createSession(params: Record<string, unknown>): StandInSession {
    const items = (params.line_items ?? []) as { quantity?: string; price_data?: { currency?: string; unit_amount?: string; product_data?: { name?: string } } }[]
    const total = items.reduce((sum, item) => sum + Number(item.price_data?.unit_amount ?? 0) * Number(item.quantity ?? 1), 0)
    const id = testId('cs')
    const now = Math.floor(Date.now() / 1000)
    return {
      id,
      object: 'checkout.session',
      mode: String(params.mode ?? 'payment'),
      url: `${base}/pay/${id}`,
      amount_subtotal: total,
      amount_total: total,
      currency: items[0]?.price_data?.currency ?? 'eur',
      client_reference_id: typeof params.client_reference_id === 'string' ? params.client_reference_id : null,
      metadata: (params.metadata ?? {}) as Record<string, string>,
      success_url: typeof params.success_url === 'string' ? params.success_url : null,
      cancel_url: typeof params.cancel_url === 'string' ? params.cancel_url : null,
      locale: typeof params.locale === 'string' ? params.locale : null,
      payment_status: 'unpaid',
      status: 'open',
      payment_intent: null,
      livemode: false,
      created: now,
      expires_at: now + 24 * 60 * 60,
      product_name: items[0]?.price_data?.product_data?.name ?? '',
    }
  }

  async function api(request: IncomingMessage, response: ServerResponse, path: string) {
    const body = await readBody(request)
    const record: RecordedRequest = {
      method: request.method ?? 'GET',
      path,
      authorization: request.headers.authorization ?? null,
      idempotencyKey: (request.headers['idempotency-key'] as string | undefined) ?? null,
      params: decodeStripeForm(body),
    }
    requests.push(record)
    if (!record.authorization?.startsWith('Bearer sk_')) return stripeError(response, 401, 'invalid_request_error', 'Invalid API Key provided')
    if (failure !== null) return stripeError(response, failure, 'api_error', 'The stand-in was told to fail')
    if (record.method === 'POST' && path === '/v1/checkout/sessions') {
      const replayed = record.idempotencyKey ? byIdempotencyKey.get(record.idempotencyKey) : undefined
      if (replayed) return sendJson(response, 200, replayed, { 'Idempotent-Replayed': 'true' })
      const session = createSession(record.params)
      sessions.set(session.id, session)
      if (record.idempotencyKey) byIdempotencyKey.set(record.idempotencyKey, session)
      return sendJson(response, 200, session)
    }
    const retrieve = /^\/v1\/checkout\/sessions\/([\w]+)$/.exec(path)
    const found = retrieve?.[1] ? sessions.get(retrieve[1]) : undefined
    if (record.method === 'GET' && found) return sendJson(response, 200, found)
    return stripeError(response, 404, 'invalid_request_error', `Unrecognized request URL (${record.method}: ${path})`)
  }

  /** The Pay button: the session is paid, the app hears it from the webhook, the browser returns to success_url. */
  async function pay(response: ServerResponse, session: StandInSession) {
    if (session.status === 'open') {
      if (!webhookUrl) {
        response.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' })
        return response.end('The stand-in has no webhook URL to deliver the payment to.')
      }
      Object.assign(session, { status: 'complete', payment_status: 'paid', payment_intent: testId('pi') })
      const event = signedStripeEvent(options.webhookSecret, 'checkout.session.completed', session)
      const delivered = await fetch(webhookUrl, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Stripe-Signature': event.signature },
        body: event.payload,
      })
      if (!delivered.ok) {
        response.writeHead(502, { 'Content-Type': 'text/plain; charset=utf-8' })
        return response.end(`The app answered the webhook with ${delivered.status}: ${await delivered.text()}`)
      }
    }
    response.writeHead(303, { Location: session.success_url ?? '/' })
    response.end()
  }

  async function handle(request: IncomingMessage, response: ServerResponse) {
    const path = new URL(request.url ?? '/', 'http://stand-in').pathname
    if (path.startsWith('/v1/')) return api(request, response, path)
    const page = /^\/pay\/([\w]+)$/.exec(path)
    const session = page?.[1] ? sessions.get(page[1]) : undefined
    if (session && request.method === 'GET') {
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
      return response.end(paymentPage(session))
    }
    if (session && request.method === 'POST') {
      await readBody(request)
      return pay(response, session)
    }
    response.writeHead(path === '/' ? 200 : 404, { 'Content-Type': 'text/plain; charset=utf-8' })
    response.end(path === '/' ? 'Stripe stand-in' : 'Not found')
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      response.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' })
      response.end(String(error))
    })
  })
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    url: base,
    requests,
    sessions,
    failWith: (status) => {
      failure = status
    },
    setWebhookUrl: (url) => {
      webhookUrl = url
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections()
        server.close((error) => (error ? reject(error) : resolve()))
      }),
  }
}
