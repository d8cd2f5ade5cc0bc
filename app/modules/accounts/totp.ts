import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'

/**
 * Time-based one-time passwords (RFC 6238 over RFC 4226 HOTP): HMAC-SHA-1, 6 digits, 30-second steps, as every
 * authenticator app does by default. Pure apart from node:crypto, so the end-to-end tests compute codes with it too.
 */
export const totpDigits = 6
export const totpStepSeconds = 30

const base32Alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'

/** RFC 4648 base32 without padding, as authenticator apps take secrets. */
export function base32Encode(bytes: Uint8Array): string {
  let bits = 0
  let value = 0
  let output = ''
  for (const byte of bytes) {
    value = (value << 8) | byte
    bits += 8
    while (bits >= 5) {
      output += base32Alphabet[(value >>> (bits - 5)) & 31]
      bits -= 5
    }
  }
  if (bits > 0) output += base32Alphabet[(value << (5 - bits)) & 31]
  return output
}

/** Base32 back to bytes; spaces, padding and case are ignored. Throws on other characters. */
export function base32Decode(text: string): Buffer {
  const clean = text.replace(/[\s=]/g, '').toUpperCase()
  let bits = 0
  let value = 0
  const bytes: number[] = []
  for (const char of clean) {
    const index = base32Alphabet.indexOf(char)
    if (index < 0) throw new Error('Not a base32 secret')
    value = (value << 5) | index
    bits += 5
    if (bits >= 8) {
      bytes.push((value >>> (bits - 8)) & 255)
      bits -= 8
    }
  }
  return Buffer.from(bytes)
}

/** A new random 160-bit secret (the size RFC 4226 recommends for SHA-1), base32. */
export function newTotpSecret(): string {
  return base32Encode(randomBytes(20))
}

/** HOTP value of `counter` (RFC 4226 §5.3, dynamic truncation). */
export function hotp(key: Uint8Array, counter: number, digits = totpDigits): string {
  const message = Buffer.alloc(8)
  message.writeBigUInt64BE(BigInt(counter))
  const mac = createHmac('sha1', key).update(message).digest()
  const offset = mac[mac.length - 1]! & 15
  const binary = mac.readUInt32BE(offset) & 0x7fffffff
  return String(binary % 10 ** digits).padStart(digits, '0')
}

/** The 30-second step a moment falls in (RFC 6238 T with T0 = 0). */
export function totpStep(time: Date): number {
  return Math.floor(time.getTime() / 1000 / totpStepSeconds)
}

/** The code an authenticator app shows for `secret` (base32) at `time`. */
export function totpCode(secret: string, time: Date, digits = totpDigits): string {
  return hotp(base32Decode(secret), totpStep(time), digits)
}

/**
 * The step whose code `code` is, looking one step back and one ahead of `time` for clock drift; null when none
 * matches. The caller refuses a step it has accepted before.
 */
export function matchTotp(secret: string, code: string, time: Date, window = 1): number | null {
  if (!/^\d{6}$/.test(code)) return null
  const key = base32Decode(secret)
  const now = totpStep(time)
  for (let step = now - window; step <= now + window; step++) {
    if (timingSafeEqual(Buffer.from(hotp(key, step)), Buffer.from(code))) return step
  }
  return null
}

/** The otpauth:// URI an authenticator app imports (Google's Key Uri Format). */
export function otpauthUri(input: { secret: string; issuer: string; account: string }): string {
  const label = `${encodeURIComponent(input.issuer)}:${encodeURIComponent(input.account)}`
  const query = new URLSearchParams({
    secret: input.secret,
    issuer: input.issuer,
    algorithm: 'SHA1',
    digits: String(totpDigits),
    period: String(totpStepSeconds),
  })
  return `otpauth://totp/${label}?${query}`
}
