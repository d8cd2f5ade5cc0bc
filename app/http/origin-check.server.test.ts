import { describe, expect, it } from 'vitest'
import { checkRequestOrigin } from './origin-check.server'

const appOrigin = 'https://palvelutori.example'
const post = { method: 'POST', path: '/set-language', origin: undefined, secFetchSite: undefined }

describe('origin check', () => {
  it('lets reading requests through from anywhere', () => {
    expect(checkRequestOrigin({ ...post, method: 'GET', origin: 'https://evil.example' }, appOrigin)).toEqual({ allowed: true })
    expect(checkRequestOrigin({ ...post, method: 'HEAD', secFetchSite: 'cross-site' }, appOrigin)).toEqual({ allowed: true })
  })

  it('accepts a state-changing request from the app origin only', () => {
    expect(checkRequestOrigin({ ...post, origin: appOrigin }, appOrigin)).toEqual({ allowed: true })
    expect(checkRequestOrigin({ ...post, origin: 'HTTPS://Palvelutori.example' }, appOrigin)).toEqual({ allowed: true })
    for (const origin of ['https://evil.example', 'http://palvelutori.example', 'https://palvelutori.example:8443', 'https://palvelutori.example.evil.example', 'null']) {
      expect(checkRequestOrigin({ ...post, origin }, appOrigin)).toEqual({ allowed: false, reason: 'foreign-origin' })
    }
  })

  it('checks every method that is not GET or HEAD', () => {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'post']) {
      expect(checkRequestOrigin({ ...post, method, origin: 'https://evil.example' }, appOrigin).allowed).toBe(false)
    }
  })

  it('falls back to Sec-Fetch-Site when Origin is missing', () => {
    expect(checkRequestOrigin({ ...post, secFetchSite: 'same-origin' }, appOrigin)).toEqual({ allowed: true })
    for (const secFetchSite of ['same-site', 'cross-site', 'none']) {
      expect(checkRequestOrigin({ ...post, secFetchSite }, appOrigin)).toEqual({ allowed: false, reason: 'cross-site' })
    }
  })

  it('lets Origin decide when both are present', () => {
    expect(checkRequestOrigin({ ...post, origin: 'https://evil.example', secFetchSite: 'same-origin' }, appOrigin).allowed).toBe(false)
  })

  it('refuses a request with neither header', () => {
    expect(checkRequestOrigin(post, appOrigin)).toEqual({ allowed: false, reason: 'no-origin' })
  })

  it('exempts the signed Stripe webhook, and nothing near it', () => {
    expect(checkRequestOrigin({ ...post, path: '/api/stripe-webhook' }, appOrigin)).toEqual({ allowed: true })
    expect(checkRequestOrigin({ ...post, path: '/api/stripe-webhook-x' }, appOrigin).allowed).toBe(false)
    expect(checkRequestOrigin({ ...post, path: '/my-voucher/payments' }, appOrigin).allowed).toBe(false)
  })

  it('ignores a path or trailing slash in APP_ORIGIN', () => {
    expect(checkRequestOrigin({ ...post, origin: appOrigin }, `${appOrigin}/`)).toEqual({ allowed: true })
  })
})
