import { z } from 'zod'
import { isIsoDate } from '~/modules/documents/dates'
import { parseIdentityCode } from './identity-code'

/**
 * Validation of the staff's client forms, shared by server and browser. Messages are translation keys in the
 * issuing namespace (`issuing:errors.…`) or the common one (`errors.tooLong`, `errors.emailInvalid`).
 */
export const clientLanguages = ['fi', 'sv', 'en'] as const

const requiredText = (max: number, required: string) =>
  z.string({ error: required }).trim().min(1, required).max(max, 'errors.tooLong')

/** The identity code in its normal form (upper case, no spaces); each refusal has its own message. */
const identityCode = z.string({ error: 'issuing:errors.identityCode.required' }).transform((value, context) => {
  const parsed = parseIdentityCode(value)
  if (parsed.ok) return parsed.code
  context.addIssue({ code: 'custom', message: `issuing:errors.identityCode.${parsed.error}` })
  return z.NEVER
})

/**
 * A new client. The date of birth comes from the identity code; when staff also type it, it must be the same day.
 * `today` is Helsinki's `YYYY-MM-DD`: nobody is born after it.
 */
export function newClientSchema({ today }: { today: string }) {
  return z
    .object({
      firstName: requiredText(100, 'issuing:errors.firstNameRequired'),
      lastName: requiredText(100, 'issuing:errors.lastNameRequired'),
      identityCode,
      dateOfBirth: z.string().trim().refine(isIsoDate, 'issuing:errors.dateInvalid').optional(),
      municipalityCode: z.string({ error: 'issuing:errors.chooseMunicipality' }).trim().min(1, 'issuing:errors.chooseMunicipality').max(10),
      preferredLanguage: z.enum(clientLanguages, { error: 'issuing:errors.chooseLanguage' }),
      streetAddress: requiredText(200, 'issuing:errors.streetAddressRequired'),
      postalCode: z
        .string({ error: 'issuing:errors.postalCodeRequired' })
        .trim()
        .regex(/^\d{5}$/, 'issuing:errors.postalCodeInvalid'),
      phone: z
        .string()
        .trim()
        .max(40, 'errors.tooLong')
        .regex(/^\+?[\d\s()-]{5,}$/, 'issuing:errors.phoneInvalid')
        .optional(),
      email: z
        .string()
        .trim()
        .max(254, 'errors.emailInvalid')
        .pipe(z.email({ error: 'errors.emailInvalid' }))
        .transform((value) => value.toLowerCase())
        .optional(),
    })
    .superRefine(
      (value, context) => {
        // runs even when another field failed (every error shows at once): read the fields defensively
        const { identityCode: code, dateOfBirth } = value as { identityCode?: unknown; dateOfBirth?: unknown }
        if (typeof code !== 'string') return
        const parsed = parseIdentityCode(code)
        if (!parsed.ok) return
        if (parsed.dateOfBirth > today) {
          context.addIssue({ code: 'custom', path: ['identityCode'], message: 'issuing:errors.identityCode.future' })
        } else if (typeof dateOfBirth === 'string' && isIsoDate(dateOfBirth) && dateOfBirth !== parsed.dateOfBirth) {
          context.addIssue({ code: 'custom', path: ['dateOfBirth'], message: 'issuing:errors.dateOfBirthMismatch' })
        }
      },
      { when: (payload) => typeof payload.value === 'object' && payload.value !== null },
    )
}
export type NewClientInput = z.infer<ReturnType<typeof newClientSchema>>

/** The identity-code search (a POST form, so the code stays out of addresses and logs). */
export const identityCodeSearchSchema = z.object({ identityCode })

/** The name search box: words of the first or last name; something that looks like an identity code is refused. */
export type NameQuery = { kind: 'none' } | { kind: 'identityCode' } | { kind: 'name'; words: string[] }

const codeLike = /^\d{6}[-+A-FU-Y]/i

export function parseNameQuery(input: string | null): NameQuery {
  const text = (input ?? '').trim().slice(0, 100)
  if (text === '') return { kind: 'none' }
  if (codeLike.test(text.replace(/\s+/g, ''))) return { kind: 'identityCode' }
  return { kind: 'name', words: text.split(/\s+/).slice(0, 5) }
}
