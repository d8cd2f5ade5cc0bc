import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { businessIdCheckDigit, isValidBusinessId, normaliseBusinessId } from './business-id'

const body = fc.stringMatching(/^\d{7}$/)

/** Every valid business ID: a body whose check digit exists, with that digit. */
const validBusinessId = body
  .filter((digits) => businessIdCheckDigit(digits) !== null)
  .map((digits) => `${digits}-${businessIdCheckDigit(digits)}`)

describe('business ID (Y-tunnus)', () => {
  /*
   * Worked by hand (weights 7, 9, 10, 5, 8, 4, 2):
   * 0737546: 0·7 + 7·9 + 3·10 + 7·5 + 5·8 + 4·4 + 6·2 = 0 + 63 + 30 + 35 + 40 + 16 + 12 = 196;
   *          196 = 17·11 + 9 → check digit 11 − 9 = 2 → 0737546-2 is valid.
   * 1572860: 1·7 + 5·9 + 7·10 + 2·5 + 8·8 + 6·4 + 0·2 = 7 + 45 + 70 + 10 + 64 + 24 + 0 = 220;
   *          220 = 20·11 + 0 → check digit 0 → 1572860-0 is valid.
   * 0000006: 6·2 = 12 = 1·11 + 1 → remainder 1: no check digit makes 0000006-N valid.
   */
  it('accepts and refuses hand-computed examples', () => {
    expect(isValidBusinessId('0737546-2')).toBe(true)
    expect(isValidBusinessId('0737546-3')).toBe(false)
    expect(isValidBusinessId('1572860-0')).toBe(true)
    expect(isValidBusinessId('1572860-1')).toBe(false)
    expect(businessIdCheckDigit('0000006')).toBeNull()
    for (let digit = 0; digit <= 9; digit++) expect(isValidBusinessId(`0000006-${digit}`)).toBe(false)
  })

  it('accepts every generated valid ID', () => {
    fc.assert(fc.property(validBusinessId, (id) => isValidBusinessId(id) && normaliseBusinessId(id) === id))
  })

  it('refuses a valid ID with any single digit changed', () => {
    fc.assert(
      fc.property(
        validBusinessId,
        fc.integer({ min: 0, max: 7 }),
        fc.integer({ min: 1, max: 9 }),
        (id, position, shift) => {
          // positions 0–6 are the body, 7 the check digit (index 8 in the string, after the hyphen)
          const index = position < 7 ? position : 8
          const changed = `${id.slice(0, index)}${(Number(id[index]) + shift) % 10}${id.slice(index + 1)}`
          expect(changed).not.toBe(id)
          expect(isValidBusinessId(changed)).toBe(false)
        },
      ),
    )
  })

  it('refuses malformed strings', () => {
    for (const value of ['', '0737546', '07375462', '737546-2', '00737546-2', '0737546-22', '0737546 2', 'A737546-2', ' 0737546-2', '0737546-2 ', '0737546–2']) {
      expect(isValidBusinessId(value), value).toBe(false)
    }
    fc.assert(
      fc.property(fc.string(), (value) => {
        if (!/^\d{7}-\d$/.test(value)) expect(isValidBusinessId(value)).toBe(false)
      }),
    )
  })

  it('normalises spaces and typographic dashes, but never guesses a missing leading zero', () => {
    expect(normaliseBusinessId('  0737546-2 ')).toBe('0737546-2')
    expect(normaliseBusinessId('0737546–2')).toBe('0737546-2')
    expect(normaliseBusinessId('0737546\u22122')).toBe('0737546-2')
    expect(normaliseBusinessId('737546-2')).toBeNull()
    expect(normaliseBusinessId('0737546-3')).toBeNull()
  })

  it('throws on a body that is not seven digits', () => {
    expect(() => businessIdCheckDigit('123456')).toThrow()
  })
})
