import { describe, expect, it } from 'vitest'
import { newNonce } from './nonce.server'

describe('script nonce', () => {
  it('is 128 random bits in base64, new every time', () => {
    const nonces = Array.from({ length: 1000 }, newNonce)
    expect(new Set(nonces).size).toBe(1000)
    for (const nonce of nonces) {
      expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/)
      expect(Buffer.from(nonce, 'base64')).toHaveLength(16)
    }
  })
})
