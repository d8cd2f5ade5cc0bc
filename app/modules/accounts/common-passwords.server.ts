import { dictionary } from '@zxcvbn-ts/language-common'
import type { z } from 'zod'

let common: Set<string> | undefined

/** The 49,000 most common leaked passwords (zxcvbn-ts `passwords-common`), lower case; loaded on first use. */
function commonPasswords(): Set<string> {
  common ??= new Set(dictionary['passwords-common'].map((password) => password.toLowerCase()))
  return common
}

/**
 * Whether a password is refused as too common: it is on the list (ignoring case), or it is a listed password of
 * at least six characters with digits or punctuation added at the end ("password2024!", "iloveyou123456").
 */
export function isCommonPassword(password: string): boolean {
  const lower = password.trim().toLowerCase()
  const stem = lower.replace(/[\d\W_]+$/u, '')
  return commonPasswords().has(lower) || (stem.length >= 6 && stem !== lower && commonPasswords().has(stem))
}

/** A new-password schema (sign-up, reset) that also refuses common passwords, with a field error on `password`. */
export function refusingCommonPasswords<T extends z.ZodType<{ password: string }>>(schema: T): T {
  return schema.superRefine((value, context) => {
    if (isCommonPassword(value.password)) {
      context.addIssue({ code: 'custom', path: ['password'], message: 'security:errors.passwordCommon' })
    }
  })
}
