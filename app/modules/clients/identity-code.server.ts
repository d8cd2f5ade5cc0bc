import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto'
import { env } from '~/utils/env.server'
import { normaliseIdentityCode } from './identity-code'

const ALGORITHM = 'aes-256-gcm'
const VERSION = 'v1'
const IV_BYTES = 12
const TAG_BYTES = 16

function encryptionKey(): Buffer {
  return Buffer.from(env().IDENTITY_CODE_KEY, 'hex')
}

/** AES-256-GCM with a fresh random IV: `v1:<iv>:<tag>:<ciphertext>`, each part base64url. */
export function encryptIdentityCode(identityCode: string): string {
  const iv = randomBytes(IV_BYTES)
  const cipher = createCipheriv(ALGORITHM, encryptionKey(), iv)
  const ciphertext = Buffer.concat([cipher.update(normaliseIdentityCode(identityCode), 'utf8'), cipher.final()])
  const tag = cipher.getAuthTag()
  return [VERSION, iv.toString('base64url'), tag.toString('base64url'), ciphertext.toString('base64url')].join(':')
}

/** The identity code back; throws when the text is malformed, was changed, or was made with another key. */
export function decryptIdentityCode(cipherText: string): string {
  const [version, iv, tag, ciphertext, ...rest] = cipherText.split(':')
  if (version !== VERSION || iv === undefined || tag === undefined || ciphertext === undefined || rest.length > 0) {
    throw new Error('Not an identity code cipher text')
  }
  const tagBytes = Buffer.from(tag, 'base64url')
  if (tagBytes.length !== TAG_BYTES) throw new Error('Not an identity code cipher text')
  const decipher = createDecipheriv(ALGORITHM, encryptionKey(), Buffer.from(iv, 'base64url'), {
    authTagLength: TAG_BYTES,
  })
  decipher.setAuthTag(tagBytes)
  try {
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8')
  } catch {
    throw new Error('The identity code cipher text was tampered with or made with another key')
  }
}

/**
 * Keyed hash (HMAC-SHA-256, hex) for looking a client up by identity code without decrypting every row. The code is
 * normalised first (case, spaces), so the same person always gives the same hash.
 */
export function hashIdentityCode(identityCode: string): string {
  return createHmac('sha256', env().IDENTITY_HASH_KEY).update(normaliseIdentityCode(identityCode)).digest('hex')
}
