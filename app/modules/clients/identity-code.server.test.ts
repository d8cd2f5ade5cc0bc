import { createCipheriv, randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import {
  cipherKeyId,
  decryptIdentityCode,
  encryptIdentityCode,
  hashIdentityCode,
  identityCodeHashes,
  identityKeysFrom,
} from './identity-code.server'

const CODE = '131052-308T'
const HASH_KEY = 'h'.repeat(32)
const k1 = randomBytes(32)
const k2 = randomBytes(32)
const legacyHex = randomBytes(32).toString('hex')

function replacePart(cipherText: string, index: number, change: (bytes: Buffer) => void): string {
  const parts = cipherText.split(':')
  const bytes = Buffer.from(parts[index]!, 'base64url')
  change(bytes)
  parts[index] = bytes.toString('base64url')
  return parts.join(':')
}

/** A cipher text as the app wrote them before keys had ids. */
function v1CipherText(code: string, keyHex: string): string {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', Buffer.from(keyHex, 'hex'), iv)
  const ciphertext = Buffer.concat([cipher.update(code, 'utf8'), cipher.final()])
  return ['v1', iv, cipher.getAuthTag(), ciphertext].map((part) => (typeof part === 'string' ? part : part.toString('base64url'))).join(':')
}

describe('identity code encryption', () => {
  it('round-trips through the cipher text, which names the key', () => {
    const cipherText = encryptIdentityCode(CODE)
    expect(cipherText).toMatch(/^v2:k0:[\w-]+:[\w-]+:[\w-]+$/)
    expect(cipherText).not.toContain(CODE)
    expect(decryptIdentityCode(cipherText)).toBe(CODE)
  })

  it('uses a fresh IV, so the same code encrypts differently each time', () => {
    expect(encryptIdentityCode(CODE)).not.toBe(encryptIdentityCode(CODE))
  })

  it('detects a changed ciphertext, tag or IV', () => {
    const cipherText = encryptIdentityCode(CODE)
    for (const index of [2, 3, 4]) {
      const tampered = replacePart(cipherText, index, (bytes) => {
        bytes[0] = bytes[0]! ^ 0x01
      })
      expect(() => decryptIdentityCode(tampered)).toThrow(/tampered/)
    }
  })

  it('refuses text that is not a cipher text', () => {
    expect(() => decryptIdentityCode(CODE)).toThrow(/Not an identity code/)
    expect(() => decryptIdentityCode('v2:a:b:c')).toThrow(/Not an identity code/)
    expect(() => decryptIdentityCode('v3:k0:a:b:c')).toThrow(/Not an identity code/)
  })
})

describe('identity code keys', () => {
  const single = identityKeysFrom({ IDENTITY_CODE_KEY: legacyHex, IDENTITY_HASH_KEY: HASH_KEY })
  const rotated = identityKeysFrom({
    IDENTITY_CODE_KEYS: `k2:${k2.toString('base64')},k1:${k1.toString('base64url')}`,
    IDENTITY_CODE_KEY: legacyHex,
    IDENTITY_HASH_KEY: HASH_KEY,
  })

  it('with the single key of IDENTITY_CODE_KEY, writes key k0 and still reads v1 cipher texts', () => {
    const old = v1CipherText(CODE, legacyHex)
    expect(cipherKeyId(old)).toBe('k0')
    expect(decryptIdentityCode(old, single)).toBe(CODE)
    expect(cipherKeyId(encryptIdentityCode(CODE, single))).toBe('k0')
  })

  it('with a key list, writes with the first key and reads every listed key and k0', () => {
    const byK1 = encryptIdentityCode(CODE, identityKeysFrom({ IDENTITY_CODE_KEYS: `k1:${k1.toString('hex')}`, IDENTITY_HASH_KEY: HASH_KEY }))
    expect(cipherKeyId(byK1)).toBe('k1')
    const now = encryptIdentityCode(CODE, rotated)
    expect(cipherKeyId(now)).toBe('k2')
    for (const cipherText of [byK1, now, v1CipherText(CODE, legacyHex), encryptIdentityCode(CODE, single)]) {
      expect(decryptIdentityCode(cipherText, rotated)).toBe(CODE)
    }
  })

  it('says clearly when a key is missing or wrong', () => {
    const byK2 = encryptIdentityCode(CODE, rotated)
    expect(() => decryptIdentityCode(byK2, single)).toThrow('encrypted with key "k2", which is not configured')
    const wrongK2 = identityKeysFrom({ IDENTITY_CODE_KEYS: `k2:${k1.toString('base64')}`, IDENTITY_HASH_KEY: HASH_KEY })
    expect(() => decryptIdentityCode(byK2, wrongK2)).toThrow('key "k2" is not the key it was made with')
    expect(() => identityKeysFrom({ IDENTITY_CODE_KEYS: 'k1:short', IDENTITY_HASH_KEY: HASH_KEY })).toThrow('key "k1" must be 32 bytes')
    expect(() => identityKeysFrom({ IDENTITY_CODE_KEYS: `a:${k1.toString('base64')},a:${k2.toString('base64')}`, IDENTITY_HASH_KEY: HASH_KEY })).toThrow(
      'key id "a" appears twice',
    )
    expect(() => identityKeysFrom({ IDENTITY_HASH_KEY: HASH_KEY })).toThrow(/No identity code key/)
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

  it('looks up with the previous hash key too while a rotation runs', () => {
    const before = identityKeysFrom({ IDENTITY_CODE_KEY: legacyHex, IDENTITY_HASH_KEY: HASH_KEY })
    const during = identityKeysFrom({ IDENTITY_CODE_KEY: legacyHex, IDENTITY_HASH_KEY: 'n'.repeat(32), IDENTITY_HASH_KEY_PREVIOUS: HASH_KEY })
    expect(identityCodeHashes(CODE, before)).toEqual([hashIdentityCode(CODE, before)])
    expect(identityCodeHashes(CODE, during)).toEqual([hashIdentityCode(CODE, during), hashIdentityCode(CODE, before)])
  })
})
