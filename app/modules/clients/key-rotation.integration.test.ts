import { randomBytes } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import { prisma } from '~/utils/db.server'
import { createClient } from '../../../tests/support/voucher-fixtures'
import { cipherKeyId, decryptIdentityCode, encryptIdentityCode, hashIdentityCode, identityKeys, identityKeysFrom } from './identity-code.server'
import { rotateIdentityKeys } from './key-rotation.server'

/**
 * The app's environment keys are k0 (IDENTITY_CODE_KEY) and the development hash key. The test writes some clients
 * with k0, some with a k1 of its own, then rotates to a new k2 and a new hash key, and reads everything back.
 */
const base = identityKeys()
const k0Hex = Buffer.from(base.readable.get('k0')!).toString('hex')
const k1 = randomBytes(32).toString('base64')
const k2 = randomBytes(32).toString('base64')
const before = identityKeysFrom({ IDENTITY_CODE_KEYS: `k1:${k1}`, IDENTITY_CODE_KEY: k0Hex, IDENTITY_HASH_KEY: base.hashKey })
const after = identityKeysFrom({
  IDENTITY_CODE_KEYS: `k2:${k2},k1:${k1}`,
  IDENTITY_CODE_KEY: k0Hex,
  IDENTITY_HASH_KEY: 'rotated-identity-hash-key-of-at-least-32',
  IDENTITY_HASH_KEY_PREVIOUS: base.hashKey,
})

const codes = new Map<string, string>()

beforeAll(async () => {
  for (let index = 0; index < 7; index++) {
    const client = await createClient()
    const code = decryptIdentityCode(client.identityCodeCipher)
    codes.set(client.id, code)
    if (index % 2 === 1) {
      await prisma.client.update({ where: { id: client.id }, data: { identityCodeCipher: encryptIdentityCode(code, before) } })
    }
  }
  const anonymised = await createClient()
  await prisma.client.update({
    where: { id: anonymised.id },
    data: { anonymisedAt: new Date(), identityCodeCipher: 'anonymised', identityCodeHash: `anonymised:${anonymised.id}` },
  })
})

async function rows() {
  return prisma.client.findMany({ where: { anonymisedAt: null }, orderBy: { id: 'asc' }, select: { id: true, identityCodeCipher: true, identityCodeHash: true } })
}

describe('rotating the identity code keys', () => {
  it('re-encrypts every row with the current key and re-hashes it, in batches, skipping anonymised clients', async () => {
    expect(new Set((await rows()).map((row) => cipherKeyId(row.identityCodeCipher)))).toEqual(new Set(['k0', 'k1']))
    const batches: number[] = []
    const result = await rotateIdentityKeys({ keys: after, batchSize: 3, onBatch: (progress) => batches.push(progress.checked) })
    expect(result).toEqual({ checked: 7, reEncrypted: 7, reHashed: 7, skipped: 0 })
    expect(batches).toEqual([3, 6, 7])
    for (const row of await rows()) {
      expect(cipherKeyId(row.identityCodeCipher)).toBe('k2')
      expect(decryptIdentityCode(row.identityCodeCipher, after)).toBe(codes.get(row.id))
      expect(row.identityCodeHash).toBe(hashIdentityCode(codes.get(row.id)!, after))
    }
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { action: 'client.identity-keys-rotated' } })
    expect(audit.after).toEqual({ checked: 7, reEncrypted: 7, reHashed: 7, skipped: 0, keyId: 'k2' })
  })

  it('is idempotent: a second run changes nothing', async () => {
    const first = await rows()
    expect(await rotateIdentityKeys({ keys: after })).toEqual({ checked: 7, reEncrypted: 0, reHashed: 0, skipped: 0 })
    expect(await rows()).toEqual(first)
    expect(await prisma.auditEvent.count({ where: { action: 'client.identity-keys-rotated' } })).toBe(1)
  })

  it('refuses rows it cannot decrypt with a clear error, and writes nothing of their batch', async () => {
    const onlyK2 = identityKeysFrom({ IDENTITY_CODE_KEYS: `k2:${randomBytes(32).toString('base64')}`, IDENTITY_HASH_KEY: after.hashKey })
    const first = await rows()
    await expect(rotateIdentityKeys({ keys: onlyK2 })).rejects.toThrow('key "k2" is not the key it was made with')
    const withoutK2 = identityKeysFrom({ IDENTITY_CODE_KEYS: `k3:${randomBytes(32).toString('base64')}`, IDENTITY_HASH_KEY: after.hashKey })
    await expect(rotateIdentityKeys({ keys: withoutK2 })).rejects.toThrow('encrypted with key "k2", which is not configured')
    expect(await rows()).toEqual(first)
  })
})
