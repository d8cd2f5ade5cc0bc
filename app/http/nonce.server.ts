import { randomBytes } from 'node:crypto'

/** A fresh script nonce for one response: 128 random bits in base64, as CSP's nonce-source expects. */
export function newNonce(): string {
  return randomBytes(16).toString('base64')
}
