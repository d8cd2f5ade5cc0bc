import { describe, expect, it } from 'vitest'
import {
  VOUCHER_CODE_ALPHABET,
  formatVoucherCode,
  generateVoucherCode,
  isValidVoucherCode,
  normaliseVoucherCode,
  voucherCheckCharacter,
} from './voucher-code'

/** A small seeded generator (mulberry32), enough to make generation repeatable in a test. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

describe('voucher codes', () => {
  it('generates XXXX-XXXX codes from the alphabet with a valid check character', () => {
    const random = seededRandom(1)
    for (let index = 0; index < 200; index++) {
      const code = generateVoucherCode(random)
      expect(code).toMatch(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/)
      expect(isValidVoucherCode(code)).toBe(true)
    }
  })

  it('generates the same codes from the same seed', () => {
    const codes = (seed: number) => {
      const random = seededRandom(seed)
      return Array.from({ length: 5 }, () => generateVoucherCode(random))
    }
    expect(codes(42)).toEqual(codes(42))
    expect(codes(42)).not.toEqual(codes(43))
  })

  it('leaves out the look-alike characters 0, O, 1 and I', () => {
    expect(VOUCHER_CODE_ALPHABET).toHaveLength(32)
    expect(VOUCHER_CODE_ALPHABET).not.toMatch(/[01OI]/)
  })

  it('computes the check character as the weighted index sum mod 32', () => {
    expect(voucherCheckCharacter('2222222')).toBe('2')
    // index of '3' is 1 and its weight in the first place is 1
    expect(voucherCheckCharacter('3222222')).toBe('3')
    expect(formatVoucherCode('HEMVARD')).toMatch(/^HEMV-ARD.$/)
  })

  it('detects every single-character substitution', () => {
    const random = seededRandom(7)
    for (let sample = 0; sample < 20; sample++) {
      const code = normaliseVoucherCode(generateVoucherCode(random))
      for (let position = 0; position < code.length; position++) {
        for (const replacement of VOUCHER_CODE_ALPHABET) {
          if (replacement === code.charAt(position)) continue
          const changed = code.slice(0, position) + replacement + code.slice(position + 1)
          expect(isValidVoucherCode(changed), `${code} → ${changed}`).toBe(false)
        }
      }
    }
  })

  it('accepts lower case, spaces and a missing dash, and rejects wrong lengths and characters', () => {
    const code = generateVoucherCode(seededRandom(3))
    expect(isValidVoucherCode(code.toLowerCase().replace('-', ' '))).toBe(true)
    expect(isValidVoucherCode(code.replace('-', ''))).toBe(true)
    expect(isValidVoucherCode(code.slice(0, -1))).toBe(false)
    expect(isValidVoucherCode(`${code.slice(0, -1)}0`)).toBe(false)
  })
})
