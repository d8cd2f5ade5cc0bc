import { describe, expect, it } from 'vitest'
import { hashRecoveryCode, looksLikeRecoveryCode, newRecoveryCodes, normaliseRecoveryCode } from './recovery-codes.server'

describe('recovery codes', () => {
  it('are ten distinct codes of three groups of four unambiguous characters', () => {
    const codes = newRecoveryCodes()
    expect(codes).toHaveLength(10)
    expect(new Set(codes).size).toBe(10)
    for (const code of codes) {
      expect(code).toMatch(/^[a-hjkmnp-z2-9]{4}-[a-hjkmnp-z2-9]{4}-[a-hjkmnp-z2-9]{4}$/)
      expect(looksLikeRecoveryCode(code)).toBe(true)
    }
  })

  it('are recognised as typed (case, spaces, dashes) and told apart from app codes', () => {
    expect(normaliseRecoveryCode(' K7MQ-x2hd 9RTA ')).toBe('k7mqx2hd9rta')
    expect(looksLikeRecoveryCode('K7MQ X2HD 9RTA')).toBe(true)
    expect(hashRecoveryCode('K7MQ X2HD 9RTA')).toBe(hashRecoveryCode('k7mq-x2hd-9rta'))
    expect(looksLikeRecoveryCode('123456')).toBe(false)
    expect(looksLikeRecoveryCode('k7mq-x2hd-9rt0')).toBe(false)
    expect(looksLikeRecoveryCode('k7mq-x2hd')).toBe(false)
  })
})
