import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { parseEnv } from '~/utils/env.server'
import { decodeKey, parseKeyList } from './identity-keys'

describe('the identity key list', () => {
  const key = randomBytes(32)

  it('reads keys as base64, URL-safe base64 or hex, in order', () => {
    expect(decodeKey(key.toString('base64'))).toEqual(key)
    expect(decodeKey(key.toString('base64url'))).toEqual(key)
    expect(decodeKey(key.toString('hex'))).toEqual(key)
    expect(decodeKey(randomBytes(16).toString('base64'))).toBeNull()
    expect(decodeKey('not a key!')).toBeNull()
    const parsed = parseKeyList(`k2:${key.toString('base64')}, k1:${key.toString('hex')}`)
    expect(parsed.ok && parsed.keys.map((entry) => entry.id)).toEqual(['k2', 'k1'])
  })

  it('explains what is wrong without showing the key', () => {
    const secret = key.toString('base64').slice(0, 20)
    const result = parseKeyList(`k1:${secret}`)
    expect(result).toEqual({ ok: false, message: 'key "k1" must be 32 bytes, as 64 hex characters or base64' })
    expect(parseKeyList('no-separator')).toMatchObject({ ok: false, message: expect.stringContaining('entry 1 must be id:key') as string })
    expect(() => parseEnv({ IDENTITY_CODE_KEYS: `k1:${secret}` })).toThrow(/IDENTITY_CODE_KEYS: key "k1" must be 32 bytes/)
    try {
      parseEnv({ IDENTITY_CODE_KEYS: `k1:${secret}` })
    } catch (error) {
      expect(String(error)).not.toContain(secret)
    }
  })

  it('takes the retention years from the environment, 6 by default', () => {
    expect(parseEnv({}).RETENTION_YEARS).toBe(6)
    expect(parseEnv({ RETENTION_YEARS: '10' }).RETENTION_YEARS).toBe(10)
    expect(() => parseEnv({ RETENTION_YEARS: '0' })).toThrow(/RETENTION_YEARS/)
    expect(parseEnv({ IDENTITY_CODE_KEYS: `k1:${key.toString('base64')}` }).IDENTITY_CODE_KEYS).toBe(`k1:${key.toString('base64')}`)
  })
})
