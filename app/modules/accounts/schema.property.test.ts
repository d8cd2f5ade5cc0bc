import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { checkHostileForms, parseForm } from '../../../tests/support/hostile-input'
import {
  forgotPasswordSchema,
  loginSchema,
  passwordMaxLength,
  passwordMinLength,
  resetPasswordSchema,
  setStaffRoleSchema,
  signupSchema,
  staffUserIdSchema,
  staffUserSchema,
} from './schema'

const values = {
  name: ['Nina Nyström'],
  email: ['nina@example.fi', 'Nina@Example.FI'],
  password: ['correct horse battery staple'],
  confirmPassword: ['correct horse battery staple'],
  redirectTo: ['/account'],
  token: ['token'],
  role: ['REVIEWER', 'ADMIN'],
  locale: ['fi', 'sv', 'en'],
  userId: ['user-1'],
}
const fields = Object.keys(values)

describe('account forms against hostile input', { timeout: 30_000 }, () => {
  it('never throws on hostile sign-up, login, reset and staff-user forms, and names each problem with a translated message', () => {
    for (const schema of [signupSchema, loginSchema, forgotPasswordSchema, resetPasswordSchema, staffUserSchema, setStaffRoleSchema, staffUserIdSchema]) {
      checkHostileForms(schema, { fields, valid: values })
    }
  })

  it('takes any password of 12 to 200 characters, whatever they are, and refuses shorter and longer ones', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1, maxLength: passwordMaxLength + 20 }), (password) => {
        const submission = parseForm(signupSchema, { name: 'Nina', email: 'nina@example.fi', password, confirmPassword: password })
        // characters as people count them: an emoji or a rare CJK character is one, not two UTF-16 units
        const length = [...password].length
        if (length >= passwordMinLength && length <= passwordMaxLength) expect(submission.status).toBe('success')
        else expect(submission.reply().error?.password).toEqual([length < passwordMinLength ? 'errors.passwordTooShort' : 'errors.passwordTooLong'])
      }),
    )
  })
})
