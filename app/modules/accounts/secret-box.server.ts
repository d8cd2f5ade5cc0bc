import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto'
import { identityKeys } from '~/modules/clients/identity-code.server'

const VERSION = 't1'
const IV_BYTES = 12
const TAG_BYTES = 16

/**
 * Second-factor secrets are sealed with a key derived (HKDF-SHA-256, own label) from the identity-code key of the
 * same id, so the configured keys and their rotation serve both without the two ciphers ever sharing a key.
 */
function derivedKey(key: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), 'palvelutori/totp-secret', 32))
}

/** AES-256-GCM with a fresh random IV: `t1:<key id>:<iv>:<tag>:<ciphertext>`, each part base64url. */
export function sealSecret(secret: string): string {
  const { id, key } = identityKeys().current
  const iv = randomBytes(IV_BYTES)
  const cipher = createCipheriv('aes-256-gcm', derivedKey(key), iv)
  const ciphertext = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()])
  return [VERSION, id, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), ciphertext.toString('base64url')].join(':')
}

/** The secret back; throws when the text is malformed, was changed, or its key is no longer configured. */
export function openSecret(sealed: string): string {
  const [version, keyId, iv, tag, ciphertext, ...rest] = sealed.split(':')
  if (version !== VERSION || !keyId || iv === undefined || tag === undefined || ciphertext === undefined || rest.length > 0) {
    throw new Error('Not a sealed secret')
  }
  const key = identityKeys().readable.get(keyId)
  if (!key) throw new Error(`The key ${keyId} of a sealed secret is not configured`)
  const decipher = createDecipheriv('aes-256-gcm', derivedKey(key), Buffer.from(iv, 'base64url'), { authTagLength: TAG_BYTES })
  decipher.setAuthTag(Buffer.from(tag, 'base64url'))
  return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8')
}
