import { describe, expect, it } from 'vitest'
import { base32Decode, base32Encode, hotp, matchTotp, newTotpSecret, otpauthUri, totpCode, totpStep } from './totp'

// RFC 6238 appendix B: the SHA-1 seed is the ASCII string "12345678901234567890", codes have 8 digits.
const rfcSecret = base32Encode(Buffer.from('12345678901234567890', 'ascii'))
const rfcVectors: [number, string][] = [
  [59, '94287082'],
  [1111111109, '07081804'],
  [1111111111, '14050471'],
  [1234567890, '89005924'],
  [2000000000, '69279037'],
  [20000000000, '65353130'],
]

describe('TOTP', () => {
  it.each(rfcVectors)('gives the RFC 6238 SHA-1 code at %i s', (seconds, code) => {
    expect(totpCode(rfcSecret, new Date(seconds * 1000), 8)).toBe(code)
  })

  it('gives the RFC 4226 HOTP values', () => {
    const key = Buffer.from('12345678901234567890', 'ascii')
    expect([0, 1, 2, 3, 9].map((counter) => hotp(key, counter))).toEqual(['755224', '287082', '359152', '969429', '520489'])
  })

  it('round-trips base32 (RFC 4648 vectors, without padding)', () => {
    expect(base32Encode(Buffer.from('foobar'))).toBe('MZXW6YTBOI')
    expect(base32Decode('mzxw 6ytb oi======').toString()).toBe('foobar')
    expect(() => base32Decode('MZXW1')).toThrow()
    const secret = newTotpSecret()
    expect(secret).toMatch(/^[A-Z2-7]{32}$/)
    expect(base32Decode(secret)).toHaveLength(20)
  })

  it('accepts the code of the step before and after, and nothing further or malformed', () => {
    const now = new Date(1_800_000_015_000)
    const step = totpStep(now)
    const at = (offset: number) => new Date(now.getTime() + offset * 30_000)
    expect(matchTotp(rfcSecret, totpCode(rfcSecret, now), now)).toBe(step)
    expect(matchTotp(rfcSecret, totpCode(rfcSecret, at(-1)), now)).toBe(step - 1)
    expect(matchTotp(rfcSecret, totpCode(rfcSecret, at(1)), now)).toBe(step + 1)
    expect(matchTotp(rfcSecret, totpCode(rfcSecret, at(-2)), now)).toBeNull()
    expect(matchTotp(rfcSecret, totpCode(rfcSecret, at(2)), now)).toBeNull()
    expect(matchTotp(rfcSecret, '12345', now)).toBeNull()
    expect(matchTotp(rfcSecret, '12345a', now)).toBeNull()
  })

  it('writes an otpauth URI that authenticator apps read', () => {
    const uri = new URL(otpauthUri({ secret: 'JBSWY3DPEHPK3PXP', issuer: 'Servicetorget', account: 'anna@example.com' }))
    expect(uri.protocol).toBe('otpauth:')
    expect(uri.host).toBe('totp')
    expect(decodeURIComponent(uri.pathname)).toBe('/Servicetorget:anna@example.com')
    expect(Object.fromEntries(uri.searchParams)).toEqual({
      secret: 'JBSWY3DPEHPK3PXP',
      issuer: 'Servicetorget',
      algorithm: 'SHA1',
      digits: '6',
      period: '30',
    })
  })
})
