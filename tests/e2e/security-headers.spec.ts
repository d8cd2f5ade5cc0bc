import { expect, request as playwrightRequest, test, type APIRequestContext, type APIResponse } from '@playwright/test'
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../prisma/seed/accounts'
import { DEMO_TOTP_SECRET } from '../../prisma/seed/second-factor'
import { DEMO_VOUCHER } from '../../prisma/seed/vouchers'
import { t } from './support/i18n'
import { freshCode } from './support/second-factor'

/**
 * The production server's headers (ADR 0011) on every kind of response, the script nonce, and the cross-site request
 * check: mostly plain HTTP with Playwright's request fixture, and one browser visit that must meet no CSP violation.
 */

const noStore = 'no-store'

function expectSecurityHeaders(response: APIResponse, what: string) {
  const headers = response.headers()
  const policy = headers['content-security-policy'] ?? ''
  expect(policy, `${what}: CSP`).toMatch(/script-src 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/)
  expect(policy, `${what}: CSP`).toContain("frame-ancestors 'none'")
  expect(policy, `${what}: CSP`).toContain("object-src 'none'")
  expect(policy, `${what}: CSP`).toContain("base-uri 'self'")
  expect(policy, `${what}: CSP`).toMatch(/form-action 'self'/)
  expect(headers['x-content-type-options'], `${what}: nosniff`).toBe('nosniff')
  expect(headers['referrer-policy'], `${what}: Referrer-Policy`).toBe('strict-origin-when-cross-origin')
  expect(headers['x-frame-options'], `${what}: X-Frame-Options`).toBe('DENY')
  expect(headers['x-powered-by'], `${what}: X-Powered-By`).toBeUndefined()
}

function nonceOf(response: APIResponse): string {
  const nonce = /'nonce-([^']+)'/.exec(response.headers()['content-security-policy'] ?? '')?.[1]
  if (!nonce) throw new Error('no nonce in the CSP')
  return nonce
}

/** A context of its own (own cookies), with the app's origin to send as `Origin`. */
async function newContext(baseURL: string | undefined): Promise<{ context: APIRequestContext; origin: string }> {
  if (!baseURL) throw new Error('baseURL is not set')
  return { context: await playwrightRequest.newContext({ baseURL }), origin: new URL(baseURL).origin }
}

async function logInAsOwner(context: APIRequestContext, origin: string) {
  const response = await context.post('/login', {
    form: { email: DEMO_ACCOUNTS.owner, password: DEMO_PASSWORD, redirectTo: '/provider' },
    headers: { Origin: origin },
    maxRedirects: 0,
  })
  expect(response.status(), 'login answers with a redirect').toBe(302)
  expect(response.headers()['cache-control'], 'the login response sets the session cookie').toBe(noStore)
  expectSecurityHeaders(response, 'login redirect')
}

/** The demo admin, with the published authenticator secret and a code this run has not given yet (freshCode). */
async function logInAsAdmin(context: APIRequestContext, origin: string) {
  const login = await context.post('/login', {
    form: { email: DEMO_ACCOUNTS.admin, password: DEMO_PASSWORD, redirectTo: '/staff' },
    headers: { Origin: origin },
    maxRedirects: 0,
  })
  expect(login.headers()['location']).toContain('/login/second-factor')
  const answer = await context.post('/login/second-factor', {
    form: { code: await freshCode(DEMO_TOTP_SECRET, DEMO_ACCOUNTS.admin), redirectTo: '/staff' },
    headers: { Origin: origin },
    maxRedirects: 0,
  })
  expect(answer.status(), 'the admin gives the second factor').toBe(302)
}

test.describe('security headers on every kind of response', () => {
  test('public pages, data, the open-data API, static files and error pages', async ({ request }) => {
    const page = await request.get('/services')
    expect(page.status()).toBe(200)
    expectSecurityHeaders(page, 'HTML document')
    expect(page.headers()['cache-control'], 'an anonymous page may be cached').not.toBe(noStore)

    const html = await page.text()
    const asset = /<link rel="modulepreload" href="(\/assets\/[^"]+\.js)"/.exec(html)?.[1]
    expect(asset, 'the page preloads its scripts').toBeTruthy()
    const script = await request.get(asset!)
    expect(script.status()).toBe(200)
    expectSecurityHeaders(script, 'hashed asset')
    expect(script.headers()['cache-control']).toBe('public, max-age=31536000, immutable')

    const favicon = await request.get('/favicon.svg')
    expect(favicon.status()).toBe(200)
    expectSecurityHeaders(favicon, 'public file')
    expect(favicon.headers()['cache-control']).toBe('public, max-age=3600')

    const data = await request.get('/services.data')
    expect(data.status()).toBe(200)
    expectSecurityHeaders(data, 'data request')

    const api = await request.get('/api/hsds/services')
    expect(api.status()).toBe(200)
    expect(api.headers()['content-type']).toContain('json')
    expectSecurityHeaders(api, 'resource route (/api/hsds)')

    const notFound = await request.get('/no-such-page')
    expect(notFound.status()).toBe(404)
    expectSecurityHeaders(notFound, '404 page')

    const missingAsset = await request.get('/assets/no-such-file.js')
    expect(missingAsset.status()).toBe(404)
    expectSecurityHeaders(missingAsset, 'missing asset')

    // The root error boundary renders this like a 500: the same path through entry.server.
    const notAllowed = await request.post('/accessibility', { headers: { Origin: new URL(page.url()).origin }, form: { x: '1' } })
    expect(notAllowed.status()).toBe(405)
    expectSecurityHeaders(notAllowed, '405 error page')

    // A form body that cannot be parsed: a 500 from the action today (a 400 once input handling maps it).
    const unreadable = await request.post('/login', {
      headers: { Origin: new URL(page.url()).origin, 'Content-Type': 'multipart/form-data; boundary=x' },
      data: 'not multipart',
    })
    expect(unreadable.status()).toBeGreaterThanOrEqual(400)
    expectSecurityHeaders(unreadable, 'error from an action')
  })

  test('the nonce is new for every response and is the one on the page\'s scripts, a cached copy too', async ({ request }) => {
    const first = await request.get('/services')
    const second = await request.get('/services')
    expect(nonceOf(first)).not.toBe(nonceOf(second))
    // an anonymous reader's second look comes from the public page cache (ADR 0015), with this response's nonce
    expect(second.headers()['x-cache']).toBe('hit')
    for (const response of [first, second]) {
      const scripts = [...(await response.text()).matchAll(/<script\b[^>]*>/g)].map((match) => match[0])
      expect(scripts.length).toBeGreaterThan(0)
      for (const tag of scripts) expect(tag).toContain(`nonce="${nonceOf(response)}"`)
    }
  })

  test('logged-in pages and document downloads are never stored', async ({ baseURL }) => {
    const { context, origin } = await newContext(baseURL)
    await logInAsOwner(context, origin)

    const provider = await context.get('/provider')
    expect(provider.status()).toBe(200)
    expectSecurityHeaders(provider, 'logged-in page')
    expect(provider.headers()['cache-control']).toBe(noStore)

    const organisationPath = /href="(\/provider\/[^/"]+)"/.exec(await provider.text())?.[1]
    expect(organisationPath, 'the owner sees their organisation').toBeTruthy()
    const documents = await context.get(`${organisationPath}/documents`)
    expect(documents.headers()['cache-control']).toBe(noStore)
    const download = /href="([^"]+\/documents\/[^/"]+\/download)"/.exec(await documents.text())?.[1]
    expect(download, 'the seeded organisation has documents').toBeTruthy()

    const file = await context.get(download!)
    expect(file.status()).toBe(200)
    expectSecurityHeaders(file, 'document download')
    expect(file.headers()['content-disposition']).toMatch(/^attachment;/)
    expect(file.headers()['cache-control']).toBe(noStore)
    expect(file.headers()['content-security-policy'], "the download's own sandbox policy stays").toContain('sandbox')

    const data = await context.get(`${organisationPath}.data`)
    expectSecurityHeaders(data, 'logged-in data request')
    expect(data.headers()['cache-control']).toBe(noStore)

    const api = await context.get('/api/hsds/organizations')
    expect(api.headers()['cache-control'], 'even public data, when the request carries a session').toBe(noStore)
    await context.dispose()
  })

  test('a voucher client\'s pages are never stored', async ({ baseURL }) => {
    const { context, origin } = await newContext(baseURL)
    const [year, month, day] = DEMO_VOUCHER.dateOfBirth.split('-')
    const opened = await context.post('/voucher', {
      form: { code: DEMO_VOUCHER.code, 'dateOfBirth.day': day!, 'dateOfBirth.month': month!, 'dateOfBirth.year': year! },
      headers: { Origin: origin },
    })
    expect(opened.url()).toContain('/my-voucher')
    expect(opened.status()).toBe(200)
    expectSecurityHeaders(opened, 'voucher client page')
    expect(opened.headers()['cache-control']).toBe(noStore)
    await context.dispose()
  })

  test('staff CSV and XLSX exports are never stored, and refused to strangers with the headers too', async ({ baseURL, request }) => {
    const month = new Date().toISOString().slice(0, 7)
    const exports = [`/staff/settlements/export?month=${month}`, '/staff/follow-up/export?table=summary&format=csv', '/staff/follow-up/export?table=summary&format=xlsx']
    for (const path of exports) {
      const refused = await request.get(path, { maxRedirects: 0 })
      expect(refused.status(), path).toBe(302)
      expectSecurityHeaders(refused, `${path} (anonymous)`)
    }
    test.slow()
    const { context, origin } = await newContext(baseURL)
    await logInAsAdmin(context, origin)
    for (const path of exports) {
      const file = await context.get(path)
      expect(file.status(), path).toBe(200)
      expectSecurityHeaders(file, path)
      expect(file.headers()['content-disposition'], path).toMatch(/^attachment;/)
      expect(file.headers()['cache-control'], path).toBe(noStore)
    }
    await context.dispose()
  })
})

test.describe('cross-site requests', () => {
  test('a POST from another origin is refused with a translated page and changes nothing', async ({ baseURL }) => {
    const { context, origin } = await newContext(baseURL)
    const before = await context.get('/', { headers: { 'Accept-Language': 'fi' } })
    await expect(before.text()).resolves.toContain('<html lang="fi"')

    const foreign: Record<string, string>[] = [{ Origin: 'http://evil.example' }, { Origin: 'null' }, { 'Sec-Fetch-Site': 'cross-site' }, {}]
    for (const headers of foreign) {
      const refused = await context.post('/set-language', { form: { lang: 'en', redirectTo: '/' }, headers: { 'Accept-Language': 'fi', ...headers }, maxRedirects: 0 })
      expect(refused.status(), JSON.stringify(headers)).toBe(403)
      expectSecurityHeaders(refused, '403 page')
      expect(refused.headers()['set-cookie']).toBeUndefined()
      const body = await refused.text()
      expect(body).toContain('<html lang="fi"')
      expect(body).toContain(t('fi', 'http:crossSite.title'))
    }
    const after = await context.get('/', { headers: { 'Accept-Language': 'fi' } })
    await expect(after.text()).resolves.toContain('<html lang="fi"')

    const accepted = await context.post('/set-language', { form: { lang: 'en', redirectTo: '/' }, headers: { Origin: origin, 'Accept-Language': 'fi' } })
    expect(accepted.status()).toBe(200)
    await expect(accepted.text()).resolves.toContain('<html lang="en"')
    await context.dispose()
  })

  test('a logged-in user cannot be logged out from another site, nor by a GET', async ({ baseURL }) => {
    const { context, origin } = await newContext(baseURL)
    await logInAsOwner(context, origin)

    const forged = await context.post('/logout', { headers: { Origin: 'http://evil.example' }, maxRedirects: 0 })
    expect(forged.status()).toBe(403)
    await context.get('/logout')
    expect((await context.get('/account', { maxRedirects: 0 })).status(), 'still logged in').toBe(200)

    const loggedOut = await context.post('/logout', { headers: { Origin: origin }, maxRedirects: 0 })
    expect(loggedOut.status()).toBe(302)
    expect(loggedOut.headers()['cache-control']).toBe(noStore)
    expect((await context.get('/account', { maxRedirects: 0 })).status(), 'logged out').toBe(302)
    await context.dispose()
  })

  test('the Stripe webhook is exempt: it is signed, not sent by a browser', async ({ request }) => {
    const response = await request.post('/api/stripe-webhook', { data: '{}', headers: { 'Content-Type': 'application/json' } })
    expect(response.status(), 'refused for its missing signature, not its origin').not.toBe(403)
    expect(response.status()).toBeGreaterThanOrEqual(400)
    expectSecurityHeaders(response, 'webhook answer')
  })
})

test('pages with scripts run under the policy without a single violation', async ({ page }) => {
  const violations: string[] = []
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) violations.push(message.text())
  })
  page.on('pageerror', (error) => violations.push(error.message))
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`Content Security Policy violation: ${event.violatedDirective} ${event.blockedURI} at ${event.sourceFile}:${event.lineNumber}`)
    })
  })

  await page.goto('/services?category=home-care')
  await page.waitForFunction(() => '__remixRouter' in window)
  // a client-side navigation: route modules and data arrive through the scripts the nonce let in
  await page.locator('a[href^="/producers/"]').first().click()
  await expect(page).toHaveURL(/\/producers\//)
  await page.goto('/login')
  await page.waitForFunction(() => '__remixRouter' in window)
  await page.goto('/accessibility')
  expect(violations).toEqual([])
})
