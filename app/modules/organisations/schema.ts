import { z } from 'zod'
import { normaliseBusinessId } from './business-id'

/**
 * Validation of the organisation forms, shared by server and browser. Messages are translation keys: the common
 * namespace's (`errors.tooLong`) or this area's (`organisation:errors.…`), each naming its field for the error summary.
 */
export const legalForms = ['COMPANY', 'SOLE_TRADER', 'REGISTERED_ASSOCIATION', 'FOUNDATION', 'COOPERATIVE'] as const
export const sectors = ['PRIVATE', 'THIRD_SECTOR'] as const
export const memberRoles = ['OWNER', 'EDITOR'] as const
export const descriptionLanguages = ['fi', 'sv', 'en'] as const
export const descriptionField = { fi: 'descriptionFi', sv: 'descriptionSv', en: 'descriptionEn' } as const

export const descriptionMaxLength = 3000

/** How long an invitation link works. */
export const invitationValidDays = 7

/** A required text; `required` names the field in its message ("Enter the street address."), as the summary lists it. */
const requiredText = (max: number, required: string) =>
  z.string({ error: required }).trim().min(1, required).max(max, 'errors.tooLong')

const optionalText = (max: number) => z.string().trim().max(max, 'errors.tooLong').optional()

const emailAddress = z
  .string({ error: 'organisation:errors.emailRequired' })
  .trim()
  .min(1, 'organisation:errors.emailRequired')
  .max(254, 'errors.emailInvalid')
  .pipe(z.email({ error: 'errors.emailInvalid' }))
  .transform((value) => value.toLowerCase())

const businessId = z
  .string({ error: 'organisation:errors.businessIdRequired' })
  .trim()
  .min(1, 'organisation:errors.businessIdRequired')
  .refine((value) => normaliseBusinessId(value) !== null, 'organisation:errors.businessIdInvalid')
  .transform((value) => normaliseBusinessId(value) ?? value)

/** "www.example.fi" is taken as "https://www.example.fi"; only http(s) addresses with a domain name pass. */
const website = z
  .string()
  .trim()
  .max(300, 'errors.tooLong')
  .transform((value) => (/^[a-z][a-z\d+.-]*:/i.test(value) ? value : `https://${value}`))
  .pipe(z.url({ protocol: /^https?$/, hostname: z.regexes.domain, error: 'organisation:errors.websiteInvalid' }))
  .optional()

/** The fields every organisation form has; the business ID is set once, when the organisation is created. */
const detailFields = {
  name: requiredText(200, 'organisation:errors.nameRequired'),
  legalForm: z.enum(legalForms, { error: 'organisation:errors.chooseLegalForm' }),
  sector: z.enum(sectors, { error: 'organisation:errors.chooseSector' }),
  employsStaff: z.boolean().default(false),
  streetAddress: requiredText(200, 'organisation:errors.streetAddressRequired'),
  postalCode: z
    .string({ error: 'organisation:errors.postalCodeRequired' })
    .trim()
    .min(1, 'organisation:errors.postalCodeRequired')
    .regex(/^\d{5}$/, 'organisation:errors.postalCodeInvalid'),
  postOffice: requiredText(100, 'organisation:errors.postOfficeRequired'),
  municipalityCode: z.string({ error: 'organisation:errors.chooseMunicipality' }).trim().min(1, 'organisation:errors.chooseMunicipality'),
  phone: z
    .string({ error: 'organisation:errors.phoneRequired' })
    .trim()
    .min(1, 'organisation:errors.phoneRequired')
    .max(40, 'errors.tooLong')
    .regex(/^\+?[\d\s()-]{5,}$/, 'organisation:errors.phoneInvalid'),
  email: emailAddress,
  website,
  descriptionFi: optionalText(descriptionMaxLength),
  descriptionSv: optionalText(descriptionMaxLength),
  descriptionEn: optionalText(descriptionMaxLength),
}

/** At least one language's description: a form-level error, shown at the descriptions and in the error summary. */
export const descriptionOneRequired = 'organisation:errors.descriptionOneRequired'

function hasOneDescription(value: unknown): boolean {
  const record = (value ?? {}) as Record<string, unknown>
  return Object.values(descriptionField).some((field) => typeof record[field] === 'string' && record[field] !== '')
}

/** Runs even when other fields have errors, so the person sees every problem at once. */
function withOneDescription<T extends z.ZodObject>(schema: T) {
  return schema.refine(hasOneDescription, { error: descriptionOneRequired, path: [], when: () => true })
}

export const organisationSchema = withOneDescription(z.object({ ...detailFields, businessId }))
export type OrganisationInput = z.output<typeof organisationSchema>

/** Editing: everything but the business ID, which identifies the organisation in the register. */
export const organisationEditSchema = withOneDescription(z.object(detailFields))
export type OrganisationEditInput = z.output<typeof organisationEditSchema>

export const invitationSchema = z.object({
  email: emailAddress,
  role: z.enum(memberRoles, { error: 'organisation:errors.chooseRole' }),
})
export type InvitationInput = z.output<typeof invitationSchema>

export const changeRoleSchema = z.object({
  membershipId: z.string().min(1),
  role: z.enum(memberRoles, { error: 'organisation:errors.chooseRole' }),
})
