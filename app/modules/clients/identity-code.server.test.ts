import { describe, expect, it } from 'vitest'
import { decryptIdentityCode, encryptIdentityCode, hashIdentityCode } from './identity-code.server'

const CODE = '131052-308T'

function replacePart(cipherText: string, index: number, change: (bytes: Buffer) => void): string {
  const parts = cipherText.split(':')
  const bytes = Buffer.from(parts[index]!, 'base64url')
  change(bytes)
  parts[index] = bytes.toString('base64url')
  return parts.join(':')
}

describe('identity code encryption', () => {
  it('round-trips through the cipher text', () => {
    const cipherText = encryptIdentityCode(CODE)
    expect(cipherText).toMatch(/^v1:[\w-]+:[\w-]+:[\w-]+$/)
    expect(cipherText).not.toContain(CODE)
    expect(decryptIdentityCode(cipherText)).toBe(CODE)
  })

  it('uses a fresh IV, so the same code encrypts differently each time', () => {
    expect(encryptIdentityCode(CODE)).not.toBe(encryptIdentityCode(CODE))
  })

  it('detects a changed ciphertext, tag or IV', () => {
    const cipherText = encryptIdentityCode(CODE)
    for (const index of [1, 2, 3]) {
      const tampered = replacePart(cipherText, index, (bytes) => {
        bytes[0] = bytes[0]! ^ 0x01
      })
      expect(() => decryptIdentityCode(tampered)).toThrow(/tampered/)
    }
  })

  it('refuses text that is not a cipher text', () => {
    expect(() => decryptIdentityCode(CODE)).toThrow(/Not an identity code/)
    expect(() => decryptIdentityCode('v2:a:b:c')).toThrow(/Not an identity code/)
  })
})

describe('identity code hash', () => {
  it('is stable and ignores case and surrounding spaces', () => {
    const hash = hashIdentityCode(CODE)
    expect(hash).toMatch(/^[0-9a-f]{64}$/)
    expect(hashIdentityCode(CODE)).toBe(hash)
    expect(hashIdentityCode(` ${CODE.toLowerCase()} `)).toBe(hash)
  })

  it('differs between codes', () => {
    expect(hashIdentityCode('131052-308T')).not.toBe(hashIdentityCode('131052-309U'))
  })
})
