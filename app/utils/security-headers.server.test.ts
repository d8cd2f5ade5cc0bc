import { describe, expect, it } from 'vitest'
import { buildSecurityHeaders, contentSecurityPolicy } from './security-headers.server'

function directives(policy: string): Map<string, string> {
  return new Map(policy.split('; ').map((directive) => [directive.split(' ')[0] ?? '', directive.split(' ').slice(1).join(' ')]))
}

describe('security headers', () => {
  it('lets only scripts with the nonce run, and what they load', () => {
    const policy = directives(contentSecurityPolicy({ nonce: 'abc123==', formActionOrigins: [] }))
    expect(policy.get('script-src')).toBe("'nonce-abc123==' 'strict-dynamic' 'self'")
    expect(policy.get('script-src')).not.toContain('unsafe')
    expect(policy.get('default-src')).toBe("'self'")
    expect(policy.get('style-src')).toBe("'self'")
  })

  it('forbids framing, plugins and a foreign <base>', () => {
    const policy = directives(contentSecurityPolicy({ nonce: 'n', formActionOrigins: [] }))
    expect(policy.get('frame-ancestors')).toBe("'none'")
    expect(policy.get('object-src')).toBe("'none'")
    expect(policy.get('base-uri')).toBe("'self'")
    expect(policy.get('form-action')).toBe("'self'")
  })

  it('lets forms reach Stripe Checkout when online payment is on', () => {
    const policy = directives(contentSecurityPolicy({ nonce: 'n', formActionOrigins: ['https://checkout.stripe.com'] }))
    expect(policy.get('form-action')).toBe("'self' https://checkout.stripe.com")
  })

  it('allows no inline script at all without a nonce', () => {
    expect(directives(contentSecurityPolicy({ formActionOrigins: [] })).get('script-src')).toBe("'self'")
  })

  it('sends nosniff, a strict referrer policy and no framing', () => {
    const headers = buildSecurityHeaders({ nonce: 'n', formActionOrigins: [], hsts: false })
    expect(headers).toMatchObject({
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'strict-origin-when-cross-origin',
      'X-Frame-Options': 'DENY',
    })
    expect(headers['Strict-Transport-Security']).toBeUndefined()
  })

  it('sends HSTS for a year with subdomains when asked (production over https)', () => {
    expect(buildSecurityHeaders({ nonce: 'n', formActionOrigins: [], hsts: true })['Strict-Transport-Security']).toBe(
      'max-age=31536000; includeSubDomains',
    )
  })
})
