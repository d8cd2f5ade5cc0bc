import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto'
import { env, type Env } from '~/utils/env.server'
import { normaliseIdentityCode } from './identity-code'
import { parseKeyList, type CipherKey } from './identity-keys'

/**
 * Clients' identity codes at rest: AES-256-GCM with a key id in every cipher text, so keys can be rotated
 * (docs/personal-data.md), and a keyed hash (HMAC-SHA-256) for lookups, with its own key.
 *
 * Cipher text: `v2:<key id>:<iv>:<tag>:<ciphertext>` (base64url parts). The older `v1:<iv>:<tag>:<ciphertext>`, made
 * before keys had ids, is read with key `k0`, which is what `IDENTITY_CODE_KEY` is.
 */
const ALGORITHM = 'aes-256-gcm'
const IV_BYTES = 12
const TAG_BYTES = 16
/** the id of the single key of `IDENTITY_CODE_KEY` (and of v1 cipher texts) */
export const SINGLE_KEY_ID = 'k0'

export type IdentityKeys = {
  /** new cipher texts are made with this key */
  current: CipherKey
  /** every key that may read a cipher text, by id (the current one included) */
  readable: ReadonlyMap<string, Buffer>
  /** HMAC key of the lookup hash */
  hashKey: string
  /** the hash key before the last rotation: looked up as well until every row is re-hashed */
  previousHashKey?: string
}

type KeySettings = Partial<Pick<Env, 'IDENTITY_CODE_KEY' | 'IDENTITY_CODE_KEYS' | 'IDENTITY_HASH_KEY' | 'IDENTITY_HASH_KEY_PREVIOUS'>>

/** The keys of a configuration (the environment is validated already; this repeats the checks for direct callers). */
export function identityKeysFrom(settings: KeySettings): IdentityKeys {
  const single = settings.IDENTITY_CODE_KEY ? { id: SINGLE_KEY_ID, key: Buffer.from(settings.IDENTITY_CODE_KEY, 'hex') } : undefined
  let listed: CipherKey[] = []
  if (settings.IDENTITY_CODE_KEYS) {
    const parsed = parseKeyList(settings.IDENTITY_CODE_KEYS)
    if (!parsed.ok) throw new Error(`IDENTITY_CODE_KEYS: ${parsed.message}`)
    listed = parsed.keys
  }
  const current = listed[0] ?? single
  if (!current) throw new Error('No identity code key: set IDENTITY_CODE_KEYS or IDENTITY_CODE_KEY')
  if (!settings.IDENTITY_HASH_KEY) throw new Error('No identity hash key: set IDENTITY_HASH_KEY')
  const readable = new Map(listed.map((entry) => [entry.id, entry.key]))
  if (single && !readable.has(SINGLE_KEY_ID)) readable.set(SINGLE_KEY_ID, single.key)
  return {
    current,
    readable,
    hashKey: settings.IDENTITY_HASH_KEY,
    ...(settings.IDENTITY_HASH_KEY_PREVIOUS ? { previousHashKey: settings.IDENTITY_HASH_KEY_PREVIOUS } : {}),
  }
}

let configured: { source: Env; keys: IdentityKeys } | undefined

/** The keys of the app's environment. */
export function identityKeys(): IdentityKeys {
  const source = env()
  if (configured?.source !== source) configured = { source, keys: identityKeysFrom(source) }
  return configured.keys
}

type Parts = { keyId: string; iv: string; tag: string; ciphertext: string }

function split(cipherText: string): Parts {
  const parts = cipherText.split(':')
  if (parts[0] === 'v1' && parts.length === 4) return { keyId: SINGLE_KEY_ID, iv: parts[1]!, tag: parts[2]!, ciphertext: parts[3]! }
  if (parts[0] === 'v2' && parts.length === 5) return { keyId: parts[1]!, iv: parts[2]!, tag: parts[3]!, ciphertext: parts[4]! }
  throw new Error('Not an identity code cipher text')
}

/** The id of the key a cipher text was made with (v1 texts: k0). */
export function cipherKeyId(cipherText: string): string {
  return split(cipherText).keyId
}

/** AES-256-GCM with a fresh random IV and the current key: `v2:<key id>:<iv>:<tag>:<ciphertext>`. */
export function encryptIdentityCode(identityCode: string, keys: IdentityKeys = identityKeys()): string {
  const iv = randomBytes(IV_BYTES)
  const cipher = createCipheriv(ALGORITHM, keys.current.key, iv)
  const ciphertext = Buffer.concat([cipher.update(normaliseIdentityCode(identityCode), 'utf8'), cipher.final()])
  const tag = cipher.getAuthTag()
  return ['v2', keys.current.id, iv.toString('base64url'), tag.toString('base64url'), ciphertext.toString('base64url')].join(':')
}

/**
 * The identity code back; throws when the text is malformed, names a key that is not configured, was changed, or
 * does not open with the key it names.
 */
export function decryptIdentityCode(cipherText: string, keys: IdentityKeys = identityKeys()): string {
  const { keyId, iv, tag, ciphertext } = split(cipherText)
  const key = keys.readable.get(keyId)
  if (!key) {
    throw new Error(`The identity code was encrypted with key "${keyId}", which is not configured (add it to IDENTITY_CODE_KEYS)`)
  }
  const tagBytes = Buffer.from(tag, 'base64url')
  if (tagBytes.length !== TAG_BYTES) throw new Error('Not an identity code cipher text')
  const decipher = createDecipheriv(ALGORITHM, key, Buffer.from(iv, 'base64url'), { authTagLength: TAG_BYTES })
  decipher.setAuthTag(tagBytes)
  try {
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8')
  } catch {
    throw new Error(`The identity code cipher text was tampered with, or key "${keyId}" is not the key it was made with`)
  }
}

function hmac(key: string, identityCode: string): string {
  return createHmac('sha256', key).update(normaliseIdentityCode(identityCode)).digest('hex')
}

/**
 * Keyed hash (HMAC-SHA-256, hex) for looking a client up by identity code without decrypting every row. The code is
 * normalised first (case, spaces), so the same person always gives the same hash.
 */
export function hashIdentityCode(identityCode: string, keys: IdentityKeys = identityKeys()): string {
  return hmac(keys.hashKey, identityCode)
}

/** Every hash a stored row of this code may have: the current one, and the previous key's while a rotation runs. */
export function identityCodeHashes(identityCode: string, keys: IdentityKeys = identityKeys()): string[] {
  const hashes = [hmac(keys.hashKey, identityCode)]
  if (keys.previousHashKey) hashes.push(hmac(keys.previousHashKey, identityCode))
  return hashes
}
