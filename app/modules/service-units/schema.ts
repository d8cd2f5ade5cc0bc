import { z } from 'zod'
import { inFinland, parseCoordinate, type Axis } from './coordinates'

/**
 * Validation of the service-unit forms, shared by server and browser. A unit is a place (LOCATION: address,
 * municipality, coordinates, accessibility, phone) or a home-visit area (HOME_VISIT_AREA: the municipalities
 * covered). Messages are translation keys in the offers namespace (`offers:units.errors.…`) or the common one.
 */
export const unitKinds = ['LOCATION', 'HOME_VISIT_AREA'] as const
export type UnitKind = (typeof unitKinds)[number]

export function isUnitKind(value: unknown): value is UnitKind {
  return typeof value === 'string' && (unitKinds as readonly string[]).includes(value)
}

export const accessibilityLanguages = ['fi', 'sv', 'en'] as const
export const accessibilityField = { fi: 'accessibilityFi', sv: 'accessibilitySv', en: 'accessibilityEn' } as const
export const accessibilityMaxLength = 2000

const requiredText = (max: number, required: string) =>
  z.string({ error: required }).trim().min(1, required).max(max, 'errors.tooLong')

const optionalText = (max: number) => z.string().trim().max(max, 'errors.tooLong').optional()

/** A latitude or longitude typed with a comma or a dot; empty means "the municipality's centre". */
const coordinate = (axis: Axis) =>
  z
    .string()
    .optional()
    .transform((value, context) => {
      const parsed = parseCoordinate(value)
      if (parsed === null) return null
      if (Number.isNaN(parsed)) {
        context.addIssue({ code: 'custom', message: `offers:units.errors.${axis}Invalid` })
        return z.NEVER
      }
      if (!inFinland(axis, parsed)) {
        context.addIssue({ code: 'custom', message: `offers:units.errors.${axis}OutOfRange` })
        return z.NEVER
      }
      return parsed
    })

const name = requiredText(200, 'offers:units.errors.nameRequired')

export const locationUnitSchema = z
  .object({
    kind: z.literal('LOCATION'),
    name,
    streetAddress: requiredText(200, 'offers:units.errors.streetAddressRequired'),
    postalCode: z
      .string({ error: 'offers:units.errors.postalCodeRequired' })
      .trim()
      .min(1, 'offers:units.errors.postalCodeRequired')
      .regex(/^\d{5}$/, 'offers:units.errors.postalCodeInvalid'),
    municipalityCode: z.string({ error: 'offers:units.errors.chooseMunicipality' }).trim().min(1, 'offers:units.errors.chooseMunicipality').max(10),
    latitude: coordinate('latitude'),
    longitude: coordinate('longitude'),
    stepFreeAccess: z.boolean().default(false),
    hearingLoop: z.boolean().default(false),
    parking: z.boolean().default(false),
    accessibilityFi: optionalText(accessibilityMaxLength),
    accessibilitySv: optionalText(accessibilityMaxLength),
    accessibilityEn: optionalText(accessibilityMaxLength),
    phone: z
      .string()
      .trim()
      .max(40, 'errors.tooLong')
      .regex(/^\+?[\d\s()-]{5,}$/, 'offers:units.errors.phoneInvalid')
      .optional(),
  })
  .superRefine((value, context) => {
    // both or neither: one alone would put the unit on a line across Finland
    if (value.latitude === null && typeof value.longitude === 'number') {
      context.addIssue({ code: 'custom', path: ['latitude'], message: 'offers:units.errors.coordinatesBoth' })
    }
    if (value.longitude === null && typeof value.latitude === 'number') {
      context.addIssue({ code: 'custom', path: ['longitude'], message: 'offers:units.errors.coordinatesBoth' })
    }
  })
export type LocationUnitInput = z.output<typeof locationUnitSchema>

export const areaUnitSchema = z.object({
  kind: z.literal('HOME_VISIT_AREA'),
  name,
  municipalityCodes: z
    .array(z.string().trim().min(1).max(10), { error: 'offers:units.errors.chooseMunicipalities' })
    .min(1, 'offers:units.errors.chooseMunicipalities')
    .max(50),
})
export type AreaUnitInput = z.output<typeof areaUnitSchema>

/** Either kind; the form sends its kind in a hidden field. */
export const serviceUnitSchema = z.discriminatedUnion('kind', [locationUnitSchema, areaUnitSchema])
export type ServiceUnitInput = z.output<typeof serviceUnitSchema>

export function unitSchemaFor(kind: UnitKind) {
  return kind === 'LOCATION' ? locationUnitSchema : areaUnitSchema
}

/** The first step of "new unit": which kind (a GET form, so it works without JavaScript). */
export const unitKindSchema = z.object({ kind: z.enum(unitKinds, { error: 'offers:units.errors.chooseKind' }) })
