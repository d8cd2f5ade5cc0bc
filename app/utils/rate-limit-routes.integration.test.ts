import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { createInstance } from 'i18next'
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { I18nextProvider, initReactI18next } from 'react-i18next'
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from 'react-router-dom/server'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { honeypotFieldName } from '~/components/honeypot-field'
import { i18nConfig, namespaces, type AppLocale } from '~/i18n'
import { resources } from '~/locales/resources'
import { openClientSession } from '~/modules/client-access/session.server'
import { generateVoucherCode } from '~/modules/vouchers/voucher-code'
import { ErrorBoundary } from '~/root'
import { prisma } from '~/utils/db.server'
import { createWorld, makeRequest } from '../../tests/support/request'
import { createVoucherWorld } from '../../tests/support/voucher-fixtures'
import { rateLimits } from './rate-limit-policies'
import { clientAddressHeader } from './rate-limit.server'

/**
 * Every rate-limited route: the request past its limit gets a 429 with Retry-After, which the root ErrorBoundary
 * renders as the translated page (HTML routes) or the open-data API answers as JSON. Honeypots: a filled one is a
 * no-op that looks like success.
 */
type Handler = (args: LoaderFunctionArgs & ActionFunctionArgs) => Promise<unknown>

let addressCounter = 0
/** Each test its own address, so one test's counts do not reach another. */
const newAddress = () => `198.51.100.${++addressCounter}`

function request(path: string, address: string, init: { cookie?: string; form?: Record<string, string> } = {}) {
  const built = makeRequest(path, init)
  built.headers.set(clientAddressHeader, address)
  return built
}

/** What the handler gave: a Response (returned or thrown), or data() / plain data as status 200-ish. */
async function call(handler: Handler, built: Request, params: Record<string, string> = {}): Promise<{ status: number; response: Response | null }> {
  try {
    const result = await handler({ request: built, params, context: {} })
    if (result instanceof Response) return { status: result.status, response: result }
    return { status: (result as { init?: { status?: number } } | null)?.init?.status ?? 200, response: null }
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, response: thrown }
    throw thrown
  }
}

/** The root ErrorBoundary's page for a refused request, as the browser would get it, in `locale`. */
async function errorPage(refused: Response, path: string, locale: AppLocale): Promise<string> {
  const handler = createStaticHandler([
    {
      id: 'root',
      path: '*',
      loader: () => {
        throw refused
      },
      Component: () => null,
      ErrorBoundary,
    },
  ])
  const context = await handler.query(new Request(`http://localhost:3000${path}`))
  if (context instanceof Response) throw new Error('expected a rendered error, got a Response')
  const router = createStaticRouter(handler.dataRoutes, context)
  const i18n = createInstance()
  await i18n.use(initReactI18next).init({ ...i18nConfig, lng: locale, ns: [...namespaces], resources })
  return renderToStaticMarkup(createElement(I18nextProvider, { i18n }, createElement(StaticRouterProvider, { router, context, hydrate: false })))
}

const textOf = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ')

type Init = { cookie?: string; form?: Record<string, string> }

/** Calls the handler `allowed` times (none refused), then once more: the 429, its Retry-After and its sv page. */
async function exhaust(handler: Handler, path: string, allowed: number, init: () => Init = () => ({}), params: Record<string, string> = {}) {
  const address = newAddress()
  for (let i = 0; i < allowed; i++) expect((await call(handler, request(path, address, init()), params)).status, `${path} call ${i + 1}`).not.toBe(429)
  const { status, response } = await call(handler, request(path, address, init()), params)
  expect(status, path).toBe(429)
  if (!response) throw new Error('no response')
  const html = await errorPage(response.clone(), path, 'sv')
  return { retryAfter: response.headers.get('Retry-After'), page: textOf(html), html, response }
}

/** A form with a new unknown code each time, so the per-code lock never answers before the per-address limit. */
function unknownVoucher(): Init {
  return { form: { code: generateVoucherCode(Math.random), 'dateOfBirth.day': '1', 'dateOfBirth.month': '1', 'dateOfBirth.year': '1950' } }
}

afterEach(() => {
  vi.unstubAllEnvs()
})

describe('rate limits on routes', () => {
  it('voucher lookup: 20 tries per address in 15 minutes, then the 429 page in Swedish with the minutes to wait and a way back', async () => {
    const { action } = await import('~/routes/voucher')
    const { retryAfter, page, html } = await exhaust(action as Handler, '/voucher?redirectTo=%2Fmy-voucher%2Ffeedback', rateLimits.voucherLookupPerIp.limit, unknownVoucher)
    expect(Number(retryAfter)).toBeGreaterThan(14 * 60)
    expect(page).toContain('För många förfrågningar')
    expect(page).toContain('Det har kommit fler förfrågningar från din anslutning på kort tid än tjänsten tillåter.')
    expect(page).toContain('Du kan försöka igen om 15 minuter.')
    expect(html).toContain('<a href="/voucher?redirectTo=%2Fmy-voucher%2Ffeedback">Tillbaka till sidan där du var</a>')
  })

  it('says it in Finnish too', async () => {
    const { action } = await import('~/routes/voucher')
    const { response } = await exhaust(action as Handler, '/voucher', rateLimits.voucherLookupPerIp.limit, unknownVoucher)
    const page = textOf(await errorPage(response, '/voucher', 'fi'))
    expect(page).toContain('Liian monta pyyntöä')
    expect(page).toContain('Voit yrittää uudelleen 15 minuutin kuluttua.')
    expect(page).toContain('Palaa sivulle, jolla olit')
  })

  it('document uploads: counted per user before the file is read', async () => {
    const world = await createWorld()
    const { action } = await import('~/routes/provider.$orgId.documents')
    const path = `/provider/${world.organisation.id}/documents`
    const { retryAfter, page } = await exhaust(action as Handler, path, rateLimits.documentUploadPerUser.limit, () => ({ cookie: world.cookies.owner, form: {} }), { orgId: world.organisation.id })
    expect(Number(retryAfter)).toBeGreaterThan(3500)
    expect(page).toContain('Du kan försöka igen om 60 minuter.')
    // another member of the same organisation has their own count
    const other = await call(action as Handler, request(path, newAddress(), { cookie: world.cookies.editor, form: {} }), { orgId: world.organisation.id })
    expect(other.status).toBe(400)
  })

  it('public pages: one generous count per address over the catalogue, the calculator, producer profiles and the register', async () => {
    vi.stubEnv('RATE_LIMIT_PUBLIC_PER_MINUTE', '3')
    const pages: [string, () => Promise<{ loader: Handler }>, Record<string, string>][] = [
      ['/services', () => import('~/routes/services._index') as Promise<{ loader: Handler }>, {}],
      ['/services/compare', () => import('~/routes/services.compare') as Promise<{ loader: Handler }>, {}],
      ['/services/what-would-i-pay', () => import('~/routes/services.what-would-i-pay') as Promise<{ loader: Handler }>, {}],
      ['/producers/no-such-producer', () => import('~/routes/producers.$organisationId') as Promise<{ loader: Handler }>, { organisationId: 'no-such-producer' }],
      ['/register', () => import('~/routes/register') as Promise<{ loader: Handler }>, {}],
    ]
    for (const [path, load, params] of pages) {
      const { loader } = await load()
      const { retryAfter, page } = await exhaust(loader, path, 3, () => ({}), params)
      expect(Number(retryAfter), path).toBeGreaterThan(0)
      expect(Number(retryAfter), path).toBeLessThanOrEqual(60)
      expect(page, path).toContain('Du kan försöka igen om 1 minut.')
    }
    // the pages share the count: two pages from one address use up the same three
    const address = newAddress()
    const { loader: services } = (await import('~/routes/services._index')) as { loader: Handler }
    const { loader: register } = (await import('~/routes/register')) as { loader: Handler }
    for (let i = 0; i < 3; i++) expect((await call(services, request('/services', address))).status).toBe(200)
    expect((await call(register, request('/register', address))).status).toBe(429)
  })

  it('the open-data API answers 429 as JSON with Retry-After, the catch-all too', async () => {
    vi.stubEnv('RATE_LIMIT_OPEN_DATA_PER_MINUTE', '2')
    for (const [path, load] of [
      ['/api/hsds/services', () => import('~/routes/api.hsds.services._index')],
      ['/api/hsds/no-such-endpoint', () => import('~/routes/api.hsds.$')],
    ] as const) {
      const { loader } = (await load()) as { loader: Handler }
      const address = newAddress()
      for (let i = 0; i < 2; i++) expect((await call(loader, request(path, address))).status).not.toBe(429)
      const { status, response } = await call(loader, request(path, address))
      expect(status).toBe(429)
      expect(response?.headers.get('Content-Type')).toBe('application/json; charset=utf-8')
      expect(Number(response?.headers.get('Retry-After'))).toBeGreaterThan(0)
      expect(response?.headers.get('Access-Control-Allow-Origin')).toBe('*')
      expect(await response?.json()).toMatchObject({ error: 'too_many_requests' })
    }
  })
})

describe('rate limits on the account forms', () => {
  const loginForm = (email: string): Init => ({ form: { email, password: 'not the password at all' } })

  it('login: per account across addresses, and per address across accounts', async () => {
    const { action } = (await import('~/routes/login')) as { action: Handler }
    const email = `limited-${Date.now()}@example.com`
    for (let i = 0; i < rateLimits.loginPerAccount.limit; i++) {
      expect((await call(action, request('/login', newAddress(), loginForm(email)))).status, `try ${i + 1}`).toBe(400)
    }
    const refused = await call(action, request('/login', newAddress(), loginForm(email)))
    expect(refused.status).toBe(429)
    expect(Number(refused.response?.headers.get('Retry-After'))).toBeGreaterThan(14 * 60)
    // another account from a fresh address is not touched by this one's count
    expect((await call(action, request('/login', newAddress(), loginForm(`other-${email}`)))).status).toBe(400)

    const { page } = await exhaust(action, '/login', rateLimits.loginPerIp.limit, () => loginForm(`${Math.random()}@example.com`))
    expect(page).toContain('Du kan försöka igen om 15 minuter.')
  })

  it('sign-up, reset requests and new passwords: per address, and reset links per email address too', async () => {
    for (const [path, load, limit] of [
      ['/signup', () => import('~/routes/signup'), rateLimits.signupPerIp.limit],
      ['/forgot-password', () => import('~/routes/forgot-password'), rateLimits.passwordResetRequestPerIp.limit],
      ['/reset-password', () => import('~/routes/reset-password'), rateLimits.passwordResetPerIp.limit],
    ] as const) {
      const { action } = (await load()) as { action: Handler }
      const { retryAfter, page } = await exhaust(action, path, limit, () => ({ form: {} }))
      expect(Number(retryAfter), path).toBeGreaterThan(59 * 60)
      expect(page, path).toContain('Du kan försöka igen om 60 minuter.')
    }
    const { action } = (await import('~/routes/forgot-password')) as { action: Handler }
    const email = `reset-${Date.now()}@example.com`
    for (let i = 0; i < rateLimits.passwordResetRequestPerAccount.limit; i++) {
      expect((await call(action, request('/forgot-password', newAddress(), { form: { email } }))).status, `request ${i + 1}`).toBe(302)
    }
    expect((await call(action, request('/forgot-password', newAddress(), { form: { email } }))).status).toBe(429)
  })
})

describe('the honeypot on the client feedback form', () => {
  it('thanks a bot that filled it as if the feedback were saved, and saves nothing', async () => {
    const world = await createVoucherWorld({ validTo: new Date('2030-12-31') })
    const cookie = (await openClientSession(world.voucher.id)).split(';')[0] ?? ''
    const { action } = await import('~/routes/my-voucher.feedback')
    const form = { organisationId: world.organisation.id, rating: '5', text: 'Bra' }
    const bot = await call(action as Handler, request('/my-voucher/feedback', newAddress(), { cookie, form: { ...form, [honeypotFieldName]: 'x' } }))
    expect(bot).toMatchObject({ status: 302 })
    expect(bot.response?.headers.get('Location')).toBe('/my-voucher/feedback')
    expect(await prisma.feedback.count({ where: { voucherId: world.voucher.id } })).toBe(0)
    const person = await call(action as Handler, request('/my-voucher/feedback', newAddress(), { cookie, form: { ...form, [honeypotFieldName]: '' } }))
    expect(person.status).toBe(302)
    expect(await prisma.feedback.count({ where: { voucherId: world.voucher.id } })).toBe(1)
  })
})
