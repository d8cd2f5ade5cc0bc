import { describe, expect, it } from 'vitest'
import { REDACTED, isSensitiveFieldName, redact, redactString } from './log-redaction'

describe('log redaction', () => {
  it('replaces sensitive fields at any depth, in objects and arrays', () => {
    const input = {
      userId: 'user-1',
      password: 'demo-password-2026',
      newPassword: 'x',
      token: 'abc',
      resetToken: 'abc',
      clientSecret: 'sk_test',
      identityCode: '131052-308T',
      hetu: '131052-308T',
      code: 'ABCD-EFGH',
      voucherCode: 'ABCD-EFGH',
      headers: { cookie: '__session=abc', Authorization: 'Bearer abc', accept: 'text/html' },
      users: [{ email: 'anna@example.com', name: 'Anna' }],
      totpSecret: 'JBSWY3DPEHPK3PXP',
      recoveryCodes: ['a', 'b'],
      identityCodeCipher: 'v2:k1:…',
      dateOfBirth: '1952-10-13',
      count: 3,
    }
    expect(redact(input)).toEqual({
      userId: 'user-1',
      password: REDACTED,
      newPassword: REDACTED,
      token: REDACTED,
      resetToken: REDACTED,
      clientSecret: REDACTED,
      identityCode: REDACTED,
      hetu: REDACTED,
      code: REDACTED,
      voucherCode: REDACTED,
      headers: { cookie: REDACTED, Authorization: REDACTED, accept: 'text/html' },
      users: [{ email: REDACTED, name: 'Anna' }],
      totpSecret: REDACTED,
      recoveryCodes: REDACTED,
      identityCodeCipher: REDACTED,
      dateOfBirth: REDACTED,
      count: 3,
    })
  })

  it('keeps ordinary field names', () => {
    for (const name of ['outboxId', 'template', 'attempt', 'paymentId', 'amountCents', 'job', 'route', 'method', 'url', 'footprint', 'passengers']) {
      expect(isSensitiveFieldName(name), name).toBe(false)
    }
  })

  it('masks identity codes inside any string, every century sign, any case', () => {
    expect(redactString('client 131052-308T not found')).toBe('client 131052-**** not found')
    expect(redactString('codes 010203A123B,010203y456c and 010101+002X.')).toBe('codes 010203A****,010203y**** and 010101+****.')
    expect(redact({ error: new Error('duplicate 131052-308T') })).toEqual({ error: { name: 'Error', message: 'duplicate 131052-****' } })
    expect(redactString('order 12345678 of 2026-11-23')).toBe('order 12345678 of 2026-11-23')
  })

  it('replaces the values of sensitive query parameters in addresses', () => {
    expect(redactString('/reset-password?token=abc123&lang=fi')).toBe(`/reset-password?token=${REDACTED}&lang=fi`)
    expect(redactString('https://x.example/verify-email?email=a%40b.fi&code=XYZ#top')).toBe(
      `https://x.example/verify-email?email=${REDACTED}&code=${REDACTED}#top`,
    )
    expect(redact({ url: new URL('http://localhost/invitations?inviteToken=t1') })).toEqual({ url: `http://localhost/invitations?inviteToken=${REDACTED}` })
  })

  it('survives cycles and bigints', () => {
    const cyclic: Record<string, unknown> = { id: 1n }
    cyclic.self = cyclic
    expect(redact(cyclic)).toEqual({ id: '1', self: '[circular]' })
  })
})
