import { mkdtempSync, writeFileSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import express from 'express'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { clientAddressHeader as rateLimitAddressHeader } from '~/utils/rate-limit.server'
import { buildSecurityHeaders } from '~/utils/security-headers.server'
import {
  clientAddressHeader,
  clientAddressMiddleware,
  errorPageHandler,
  originCheckMiddleware,
  privateResponsesMiddleware,
  securityHeadersMiddleware,
} from './middleware.server'

let origin = ''
let close: () => void = () => {}

beforeAll(async () => {
  const publicDirectory = mkdtempSync(join(tmpdir(), 'http-middleware-'))
  writeFileSync(join(publicDirectory, 'file.txt'), 'static')
  const app = express()
  app.use(securityHeadersMiddleware((nonce) => buildSecurityHeaders({ nonce, formActionOrigins: [], hsts: true })))
  app.use(express.static(publicDirectory))
  app.use(clientAddressMiddleware())
  app.use(originCheckMiddleware('http://app.example'))
  app.use(privateResponsesMiddleware())
  app.get('/nonce', (_req, res) => {
    res.send(String(res.locals.cspNonce))
  })
  app.get('/address', (req, res) => {
    res.send(req.get(clientAddressHeader))
  })
  app.get('/download', (_req, res) => {
    res.set({ 'Content-Disposition': 'attachment; filename="a.csv"', 'Content-Security-Policy': "default-src 'none'; sandbox" }).send('a;b')
  })
  app.get('/login', (_req, res) => {
    res.append('Set-Cookie', '__session=abc; Path=/').set('Cache-Control', 'public, max-age=60').send('hello')
  })
  app.post('/change', (_req, res) => {
    res.send('changed')
  })
  app.get('/boom', () => {
    throw new Error('boom')
  })
  app.use(errorPageHandler('http://app.example'))
  const server = app.listen(0, '127.0.0.1')
  await new Promise((resolve) => server.once('listening', resolve))
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  close = () => server.close()
})

afterAll(() => close())

function expectSecurityHeaders(response: Response) {
  expect(response.headers.get('Content-Security-Policy')).toMatch(/script-src 'nonce-[^']+' 'strict-dynamic'.*frame-ancestors 'none'/)
  expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff')
  expect(response.headers.get('Referrer-Policy')).toBe('strict-origin-when-cross-origin')
  expect(response.headers.get('Strict-Transport-Security')).toBe('max-age=31536000; includeSubDomains')
  expect(response.headers.get('X-Powered-By')).toBeNull()
}

describe('production server middleware', () => {
  it('puts the headers on static files, app responses and express errors', async () => {
    for (const path of ['/file.txt', '/nonce', '/missing', '/boom']) expectSecurityHeaders(await fetch(`${origin}${path}`))
  })

  it('hands the response its own nonce, the one in its CSP', async () => {
    const [first, second] = await Promise.all([fetch(`${origin}/nonce`), fetch(`${origin}/nonce`)])
    const firstNonce = await first.text()
    expect(first.headers.get('Content-Security-Policy')).toContain(`'nonce-${firstNonce}'`)
    expect(firstNonce).not.toBe(await second.text())
  })

  it("keeps a route's own stricter CSP beside the app's", async () => {
    const policy = (await fetch(`${origin}/download`)).headers.get('Content-Security-Policy')
    expect(policy).toContain("default-src 'none'; sandbox")
    expect(policy).toContain("frame-ancestors 'none'")
  })

  it('marks personal responses and downloads no-store', async () => {
    expect((await fetch(`${origin}/download`)).headers.get('Cache-Control')).toBe('no-store')
    expect((await fetch(`${origin}/login`)).headers.get('Cache-Control')).toBe('no-store')
    expect((await fetch(`${origin}/nonce`, { headers: { Cookie: '__voucher=x' } })).headers.get('Cache-Control')).toBe('no-store')
    expect((await fetch(`${origin}/nonce`)).headers.get('Cache-Control')).toBeNull()
  })

  it('refuses a cross-site POST with a translated page, and lets a same-origin one through', async () => {
    const refused = await fetch(`${origin}/change`, { method: 'POST', headers: { Origin: 'http://evil.example', 'Accept-Language': 'sv' } })
    expect(refused.status).toBe(403)
    expectSecurityHeaders(refused)
    const page = await refused.text()
    expect(page).toContain('<html lang="sv"')
    expect(page).toContain('Begäran avvisades')
    const accepted = await fetch(`${origin}/change`, { method: 'POST', headers: { Origin: 'http://app.example' } })
    expect(accepted.status).toBe(200)
  })

  it("passes on the connection's address for rate limits, never the client's claim", async () => {
    expect(clientAddressHeader.toLowerCase()).toBe(rateLimitAddressHeader.toLowerCase())
    const response = await fetch(`${origin}/address`, { headers: { [clientAddressHeader]: '203.0.113.9' } })
    expect(await response.text()).toBe('127.0.0.1')
  })

  it('answers an unexpected error with a translated 500 page', async () => {
    const response = await fetch(`${origin}/boom`, { headers: { 'Accept-Language': 'en' } })
    expect(response.status).toBe(500)
    expect(await response.text()).toContain('Something went wrong')
  })
})
