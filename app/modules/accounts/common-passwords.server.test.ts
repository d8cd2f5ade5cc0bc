import { describe, expect, it } from 'vitest'
import { isCommonPassword } from './common-passwords.server'

describe('common passwords', () => {
  it('refuses listed passwords whatever their case, also with digits or punctuation added', () => {
    expect(isCommonPassword('qwerty123456')).toBe(true)
    expect(isCommonPassword('1q2w3e4r5t6y')).toBe(true)
    expect(isCommonPassword('LeaveMeAlone')).toBe(true)
    expect(isCommonPassword('password2024!')).toBe(true)
    expect(isCommonPassword('iloveyou123456')).toBe(true)
  })

  it('accepts passphrases that are not on the list', () => {
    expect(isCommonPassword('correct horse battery staple')).toBe(false)
    expect(isCommonPassword('sommarstugan vid havet')).toBe(false)
    expect(isCommonPassword('demo-password-2026')).toBe(false)
    expect(isCommonPassword('abc123abc123x')).toBe(false)
  })
})
