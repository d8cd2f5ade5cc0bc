import type { AddressInfo } from 'node:net'
import compression from 'compression'
import express from 'express'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { buildSecurityHeaders } from '~/utils/security-headers.server'
import { securityHeadersMiddleware } from './middleware.server'
import { publicPageCacheMiddleware } from './public-page-cache.server'

let origin = ''
let close: () => void = () => {}
let renders = 0
let clock = 0
/** the render of /services waits for this before it ends (to show readers are served while a copy is renewed) */
let hold: Promise<void> = Promise.resolve()

beforeAll(async () => {
  const app = express()
  app.use(securityHeadersMiddleware((nonce) => buildSecurityHeaders({ nonce, formActionOrigins: [], hsts: false })))
  app.use(compression())
  app.use(publicPageCacheMiddleware({ ttlSeconds: 10, paths: /^\/(services|producers\/[^/]+)$/, maxEntries: 3, now: () => clock }))
  app.get(['/services', '/producers/:id', '/account'], async (req, res) => {
    renders++
    const render = renders
    if (req.query.status) res.status(Number(req.query.status))
    if (req.query.login) res.append('Set-Cookie', '__session=abc; Path=/')
    res.type('html').setHeader('Cache-Control', 'private, max-age=0')
    res.write(`<html><body><p>render ${render}</p><p>${"long text ".repeat(200)}</p>`)
    await hold
    res.end(`<script nonce="${String(res.locals.cspNonce)}">1</script></body></html>`)
  })
  const server = app.listen(0, '127.0.0.1')
  await new Promise((resolve) => server.once('listening', resolve))
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  close = () => server.close()
})

afterAll(() => close())

beforeEach(() => {
  clock += 60_000
  hold = Promise.resolve()
})

async function get(path: string, headers: Record<string, string> = {}) {
  const response = await fetch(origin + path, { headers })
  const html = await response.text()
  const policyNonce = /'nonce-([^']+)'/.exec(response.headers.get('Content-Security-Policy') ?? '')?.[1]
  return { response, html, policyNonce, pageNonce: /nonce="([^"]+)"/.exec(html)?.[1], render: Number(/render (\d+)/.exec(html)?.[1]) }
}

describe('the public page cache', () => {
  it('serves an anonymous reader a copy with the response’s own nonce, security headers and compression', async () => {
    const first = await get('/services?category=home-care')
    const second = await get('/services?category=home-care', { 'Accept-Encoding': 'gzip' })
    expect(first.response.headers.get('X-Cache')).toBe('miss')
    expect(second.response.headers.get('X-Cache')).toBe('hit')
    expect(second.render).toBe(first.render)
    expect(second.pageNonce).toBe(second.policyNonce)
    expect(second.pageNonce).not.toBe(first.pageNonce)
    expect(second.response.headers.get('Content-Type')).toBe('text/html; charset=utf-8')
    expect(second.response.headers.get('Cache-Control')).toBe('private, max-age=0')
    expect(second.response.headers.get('X-Frame-Options')).toBe('DENY')
    expect(second.response.headers.get('Content-Encoding')).toBe('gzip')
  })

  it('keeps languages and addresses apart, and shows the language cookie its own copy', async () => {
    const sv = await get('/producers/a', { 'Accept-Language': 'sv' })
    const fi = await get('/producers/a', { 'Accept-Language': 'fi' })
    const other = await get('/producers/b', { 'Accept-Language': 'sv' })
    const chosen = await get('/producers/a', { 'Accept-Language': 'sv', Cookie: 'lang=ImZpIg%3D%3D' })
    expect(new Set([sv.render, fi.render, other.render, chosen.render]).size).toBe(4)
    expect((await get('/producers/a', { 'Accept-Language': 'sv', Cookie: 'lang=ImZpIg%3D%3D' })).render).toBe(chosen.render)
  })

  it('never serves or keeps a copy for a signed-in user or a voucher client, nor other pages', async () => {
    await get('/services?who=anyone')
    for (const cookie of ['__session=abc', '__voucher=abc', 'lang=x; __session=abc', 'toast=abc']) {
      const signedIn = await get('/services?who=anyone', { Cookie: cookie })
      expect(signedIn.response.headers.get('X-Cache'), cookie).toBeNull()
    }
    const account = await get('/account')
    expect(account.response.headers.get('X-Cache')).toBeNull()
    expect((await get('/account')).render).toBe(account.render + 1)
  })

  it('keeps no answer that is not a 200, or that sets a cookie', async () => {
    for (const query of ['?status=404', '?status=503', '?login=1']) {
      const first = await get(`/services${query}`)
      const second = await get(`/services${query}`)
      expect(second.render, query).toBe(first.render + 1)
    }
  })

  it('renders again after the time to live; meanwhile every other reader gets the old copy', async () => {
    const first = await get('/services?ttl=1')
    clock += 9_999
    expect((await get('/services?ttl=1')).render).toBe(first.render)
    clock += 1
    let release: () => void = () => {}
    hold = new Promise((resolve) => (release = resolve))
    const renewing = get('/services?ttl=1')
    await new Promise((resolve) => setTimeout(resolve, 50))
    const during = await get('/services?ttl=1')
    expect(during.render).toBe(first.render)
    expect(during.response.headers.get('X-Cache')).toBe('hit')
    release()
    const renewed = await renewing
    expect(renewed.render).toBe(first.render + 1)
    expect((await get('/services?ttl=1')).render).toBe(renewed.render)
  })

  it('keeps at most maxEntries copies, dropping the oldest', async () => {
    const a = await get('/services?n=a')
    for (const n of ['b', 'c', 'd']) await get(`/services?n=${n}`)
    expect((await get('/services?n=a')).render).toBe(a.render + 4)
  })
})
