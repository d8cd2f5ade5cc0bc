import { z } from 'zod'

/** Validation shared by server and browser. Messages are translation keys in the common namespace. */
export const passwordMinLength = 12
export const passwordMaxLength = 200

const email = z
  .string({ error: 'errors.required' })
  .trim()
  .min(1, 'errors.required')
  .max(254, 'errors.emailInvalid')
  .pipe(z.email({ error: 'errors.emailInvalid' }))
  .transform((value) => value.toLowerCase())

const newPassword = z
  .string({ error: 'errors.required' })
  .min(passwordMinLength, 'errors.passwordTooShort')
  .max(passwordMaxLength, 'errors.passwordTooLong')

export const signupSchema = z
  .object({
    name: z.string({ error: 'errors.required' }).trim().min(1, 'errors.required').max(120, 'errors.tooLong'),
    email,
    password: newPassword,
    confirmPassword: z.string({ error: 'errors.required' }),
  })
  .refine((value) => value.password === value.confirmPassword, {
    message: 'errors.passwordsDontMatch',
    path: ['confirmPassword'],
  })

export const loginSchema = z.object({
  email,
  password: z.string({ error: 'errors.required' }).min(1, 'errors.required').max(passwordMaxLength, 'errors.passwordTooLong'),
  redirectTo: z.string().optional(),
})

export const forgotPasswordSchema = z.object({ email })

export const resetPasswordSchema = z
  .object({
    token: z.string().min(1),
    password: newPassword,
    confirmPassword: z.string({ error: 'errors.required' }),
  })
  .refine((value) => value.password === value.confirmPassword, {
    message: 'errors.passwordsDontMatch',
    path: ['confirmPassword'],
  })

export const staffUserSchema = z.object({
  name: z.string({ error: 'errors.required' }).trim().min(1, 'errors.required').max(120, 'errors.tooLong'),
  email,
  role: z.enum(['REVIEWER', 'ADMIN'], { error: 'errors.required' }),
  locale: z.enum(['fi', 'sv', 'en'], { error: 'errors.required' }),
})

export const staffRoles = ['REVIEWER', 'ADMIN'] as const

/** Changing a staff user's role from the users list. */
export const setStaffRoleSchema = z.object({
  userId: z.string({ error: 'errors.required' }).trim().min(1, 'errors.required').max(60),
  role: z.enum(staffRoles, { error: 'errors.required' }),
})

/** Deactivating or reactivating a staff user from the users list. */
export const staffUserIdSchema = z.object({
  userId: z.string({ error: 'errors.required' }).trim().min(1, 'errors.required').max(60),
})

/** The second step of a staff login: six digits from the authenticator app, or a recovery code. */
export const secondFactorSchema = z.object({
  code: z.string({ error: 'errors.required' }).trim().min(1, 'errors.required').max(40, 'security:errors.codeInvalid'),
  redirectTo: z.string().optional(),
})

/** The actions of the sign-in security page. */
export const accountSecuritySchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('endSession'), sessionId: z.string().trim().min(1).max(60) }),
  z.object({ intent: z.literal('endOtherSessions') }),
  z.object({ intent: z.literal('resetSecondFactor') }),
])
