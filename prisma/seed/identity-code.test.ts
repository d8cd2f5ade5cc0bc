import { describe, expect, it } from 'vitest'
import { day } from './dates'
import { identityCodeCheckCharacter, identityCodeDateOfBirth, isValidIdentityCode, makeIdentityCode } from './identity-code'

describe('personal identity codes (henkilötunnus)', () => {
  it('computes the check character from DDMMYYNNN mod 31', () => {
    // 131052308 mod 31 = 25 → 'T' (the example code of the Digital and Population Data Services Agency)
    expect(identityCodeCheckCharacter('131052', '308')).toBe('T')
    expect(makeIdentityCode(day('1952-10-13'), '-', 308)).toBe('131052-308T')
  })

  it('reads the date of birth back, with the century from the sign', () => {
    expect(identityCodeDateOfBirth('131052-308T')).toBe('1952-10-13')
    expect(identityCodeDateOfBirth('131052Y308T')).toBe('1952-10-13')
    expect(identityCodeDateOfBirth('131052A308T')).toBe('2052-10-13')
  })

  it('rejects a wrong check character, an impossible date and individual numbers outside 002–899', () => {
    expect(isValidIdentityCode('131052-308U')).toBe(false)
    const feb30 = makeIdentityCode(day('1952-02-28'), '-', 308).replace('2802', '3002')
    expect(isValidIdentityCode(feb30)).toBe(false)
    expect(isValidIdentityCode(makeIdentityCode(day('1952-10-13'), '-', 1))).toBe(false)
    expect(isValidIdentityCode(makeIdentityCode(day('1952-10-13'), '-', 900))).toBe(false)
  })
})
