/**
 * The list of identity-code encryption keys in `IDENTITY_CODE_KEYS`: `id:key` pairs separated by commas, the first
 * the current key (new cipher texts), the rest older keys still accepted for reading, e.g. `k2:<base64>,k1:<base64>`.
 * A key is 32 bytes, as 64 hex characters or base64 (standard or URL-safe). Ids are 1–32 letters, digits, `_` or `-`.
 */
export type CipherKey = { id: string; key: Buffer }

const idPattern = /^[A-Za-z0-9_-]{1,32}$/

/** 32 bytes from 64 hex characters or base64; null when it is neither. */
export function decodeKey(text: string): Buffer | null {
  if (/^[0-9a-fA-F]{64}$/.test(text)) return Buffer.from(text, 'hex')
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(text)) return null
  const bytes = Buffer.from(text.replace(/-/g, '+').replace(/_/g, '/'), 'base64')
  return bytes.length === 32 ? bytes : null
}

/** The keys in order, or a message saying what is wrong (never the key itself). */
export function parseKeyList(text: string): { ok: true; keys: CipherKey[] } | { ok: false; message: string } {
  const keys: CipherKey[] = []
  for (const [index, entry] of text.split(',').entries()) {
    const separator = entry.indexOf(':')
    const id = entry.slice(0, separator).trim()
    const keyText = entry.slice(separator + 1).trim()
    if (separator < 0 || !idPattern.test(id)) {
      return { ok: false, message: `entry ${index + 1} must be id:key with an id of letters, digits, _ or - (at most 32)` }
    }
    const key = decodeKey(keyText)
    if (!key) return { ok: false, message: `key "${id}" must be 32 bytes, as 64 hex characters or base64` }
    if (keys.some((other) => other.id === id)) return { ok: false, message: `key id "${id}" appears twice` }
    keys.push({ id, key })
  }
  return { ok: true, keys }
}
