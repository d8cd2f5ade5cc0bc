import { z } from 'zod'
import { parseEuroToCents } from '~/modules/catalogue/money'
import { isIsoDate } from '~/modules/documents/dates'
import { checkboxLanguages, parseLanguageCodes, type ServiceLanguageCode } from './languages'

/**
 * Validation of the offer forms, shared by server and browser. Messages are translation keys in the offers
 * namespace (`offers:errors.…`) or the common one (`errors.tooLong`).
 */
export const textLanguages = ['fi', 'sv', 'en'] as const
export const titleField = { fi: 'titleFi', sv: 'titleSv', en: 'titleEn' } as const
export const descriptionField = { fi: 'descriptionFi', sv: 'descriptionSv', en: 'descriptionEn' } as const
export const extraNameField = { fi: 'nameFi', sv: 'nameSv', en: 'nameEn' } as const

export const titleMaxLength = 150
export const descriptionMaxLength = 4000
export const extraNameMaxLength = 150
export const maxExtras = 20
/** More than any unit could have; keeps typing errors (an extra zero or three) out. */
export const maxFreePlaces = 9999

/** Form-level errors (the "at least one language" rules), shown at their fieldset and in the error summary. */
export const titleOneRequired = 'offers:errors.titleOneRequired'
export const descriptionOneRequired = 'offers:errors.descriptionOneRequired'

const optionalText = (max: number) => z.string().trim().max(max, 'errors.tooLong').optional()

/** A euro amount typed with a comma or a dot ("36,50") → integer cents; each refusal has its own message. */
export const euroField = (required: string) =>
  z.string({ error: required }).transform((value, context) => {
    const parsed = parseEuroToCents(value)
    if (parsed.ok) return parsed.cents
    context.addIssue({ code: 'custom', message: parsed.error === 'required' ? required : `offers:errors.money.${parsed.error}` })
    return z.NEVER
  })

/** The unit price: euros, more than zero (the database refuses anything else too). */
export const priceField = euroField('offers:errors.priceRequired').refine((cents) => cents > 0, 'offers:errors.pricePositive')

const languages = z.array(z.enum(checkboxLanguages)).max(checkboxLanguages.length).default([])

/** "ar, so" → ['ar', 'so']; unknown codes and anything but two letters (or fse/fss) are refused. */
const otherLanguages = z
  .string()
  .max(300, 'errors.tooLong')
  .optional()
  .transform((value, context) => {
    const parsed = parseLanguageCodes(value ?? '')
    if (parsed.ok) return parsed.codes
    context.addIssue({ code: 'custom', message: `offers:errors.language.${parsed.error}` })
    return z.NEVER
  })

const unitIds = z
  .array(z.string().trim().min(1).max(64), { error: 'offers:errors.chooseUnit' })
  .min(1, 'offers:errors.chooseUnit')
  .max(200)

/** One row of the extra-services list; a row left blank is ignored. */
const extraRow = z
  .object({
    nameFi: optionalText(extraNameMaxLength),
    nameSv: optionalText(extraNameMaxLength),
    nameEn: optionalText(extraNameMaxLength),
    price: z.string().optional(),
  })
  .optional()

export type ExtraServiceInput = { nameFi: string | null; nameSv: string | null; nameEn: string | null; priceCents: number }

const extras = z
  .array(extraRow)
  .max(maxExtras, 'offers:errors.tooManyExtras')
  .default([])
  .transform((rows, context) => {
    const result: ExtraServiceInput[] = []
    rows.forEach((row, index) => {
      const names = { nameFi: row?.nameFi || null, nameSv: row?.nameSv || null, nameEn: row?.nameEn || null }
      const priceText = row?.price?.trim() ?? ''
      const named = Boolean(names.nameFi || names.nameSv || names.nameEn)
      if (!named && !priceText) return
      if (!named) context.addIssue({ code: 'custom', path: [index, 'nameFi'], message: 'offers:errors.extraNameRequired' })
      const price = parseEuroToCents(priceText)
      if (!price.ok) {
        const message = price.error === 'required' ? 'offers:errors.extraPriceRequired' : `offers:errors.money.${price.error}`
        context.addIssue({ code: 'custom', path: [index, 'price'], message })
        return
      }
      if (named) result.push({ ...names, priceCents: price.cents })
    })
    return result
  })

/** What the new-offer form and the edit form share. */
const offerFields = {
  titleFi: optionalText(titleMaxLength),
  titleSv: optionalText(titleMaxLength),
  titleEn: optionalText(titleMaxLength),
  descriptionFi: optionalText(descriptionMaxLength),
  descriptionSv: optionalText(descriptionMaxLength),
  descriptionEn: optionalText(descriptionMaxLength),
  languages,
  otherLanguages,
  unitIds,
  extras,
}

function hasOne(value: unknown, fields: Record<string, string>): boolean {
  const record = (value ?? {}) as Record<string, unknown>
  return Object.values(fields).some((field) => typeof record[field] === 'string' && record[field] !== '')
}

/** The service languages: the ticked boxes and the typed codes together (at least one). */
function withLanguages<T extends { languages: readonly string[]; otherLanguages: readonly string[] }>(value: T) {
  const { languages: checked, otherLanguages: other, ...rest } = value
  return { ...rest, languages: [...new Set([...checked, ...other])] as ServiceLanguageCode[] }
}

/**
 * The rules that span fields. They run even when other fields have errors (`when`), so the person sees every
 * problem at once.
 */
function withOfferRules<T extends z.ZodObject>(schema: T) {
  return schema
    .refine((value) => hasOne(value, titleField), { error: titleOneRequired, path: [], when: () => true })
    .refine((value) => hasOne(value, descriptionField), { error: descriptionOneRequired, path: [], when: () => true })
    .refine(
      (value) => {
        const record = value as { languages?: unknown; otherLanguages?: unknown }
        const checked = Array.isArray(record.languages) ? record.languages.length : 0
        const other = Array.isArray(record.otherLanguages) ? record.otherLanguages.length : 0
        // an "other languages" input that failed to parse has its own error already
        return checked + other > 0 || (record.otherLanguages !== undefined && !Array.isArray(record.otherLanguages))
      },
      { error: 'offers:errors.chooseLanguage', path: ['languages'], when: () => true },
    )
}

export const capacityChoices = ['none', 'some'] as const
export const newCapacityChoices = ['unknown', ...capacityChoices] as const

/** Free places: "no free places" (0) or a number; on a new offer also "tell later" (not stated). */
function capacityFields<C extends readonly [string, ...string[]]>(choices: C) {
  return {
    capacity: z.enum(choices, { error: 'offers:errors.chooseCapacity' }),
    freePlaces: z
      .number({ error: 'offers:errors.freePlacesNumber' })
      .int('offers:errors.freePlacesNumber')
      .min(0, 'offers:errors.freePlacesNumber')
      .max(maxFreePlaces, 'offers:errors.freePlacesTooMany')
      .optional(),
  }
}

/** "Free places: a number" needs the number; checked even when other fields have errors. */
function withFreePlacesRequired<T extends z.ZodObject>(schema: T) {
  return schema.refine(
    (value) => {
      const record = value as { capacity?: unknown; freePlaces?: unknown }
      return record.capacity !== 'some' || record.freePlaces !== undefined
    },
    { error: 'offers:errors.freePlacesRequired', path: ['freePlaces'], when: () => true },
  )
}

/** The stored value: null (not stated), 0 (no free places) or the number. */
function freePlacesOf(value: { capacity: string; freePlaces?: number }): number | null {
  if (value.capacity === 'none') return 0
  if (value.capacity === 'some') return value.freePlaces ?? 0
  return null
}

export const newOfferSchema = withFreePlacesRequired(
  withOfferRules(
    z.object({
      categoryId: z.string({ error: 'offers:errors.chooseCategory' }).trim().min(1, 'offers:errors.chooseCategory').max(64),
      price: priceField,
      ...offerFields,
      ...capacityFields(newCapacityChoices),
    }),
  ),
).transform(({ capacity, freePlaces, price, ...value }) => ({
    ...withLanguages(value),
    priceCents: price,
    freePlaces: freePlacesOf({ capacity, freePlaces }),
  }))
export type NewOfferInput = z.output<typeof newOfferSchema>

/** The edit form (price, capacity and status have forms of their own). */
export const offerEditSchema = withOfferRules(z.object({ intent: z.literal('save'), ...offerFields })).transform(
  ({ intent: _intent, ...value }) => withLanguages(value),
)
export type OfferEditInput = z.output<typeof offerEditSchema>

/** "A new price from a date": today (Helsinki) or later, at most two years ahead. */
export function priceChangeSchema(today: string) {
  const latest = `${Number(today.slice(0, 4)) + 2}${today.slice(4)}`
  return z.object({
    intent: z.literal('price'),
    price: priceField,
    effectiveFrom: z
      .string({ error: 'offers:errors.effectiveFromRequired' })
      .trim()
      .min(1, 'offers:errors.effectiveFromRequired')
      .refine(isIsoDate, 'offers:errors.dateInvalid')
      .refine((value) => !isIsoDate(value) || value >= today, 'offers:errors.effectiveFromPast')
      .refine((value) => !isIsoDate(value) || value <= latest, 'offers:errors.effectiveFromTooLate'),
  })
}
export type PriceChangeInput = z.output<ReturnType<typeof priceChangeSchema>>

/** The free-places form of the offer page. */
export const capacitySchema = withFreePlacesRequired(
  z.object({ intent: z.literal('capacity'), ...capacityFields(capacityChoices) }),
).transform((value) => ({ freePlaces: freePlacesOf(value) ?? 0 }))

/** The one-click "the number is still right" button (offer list and offer page). */
export const confirmCapacitySchema = z.object({ intent: z.literal('confirm-capacity'), offerId: z.string().trim().min(1).max(64) })

/** Publish, back to draft, archive, restore from the archive. */
export const statusIntents = ['publish', 'unpublish', 'archive', 'restore'] as const
export const statusSchema = z.object({ intent: z.enum(statusIntents) })

/** Withdrawing a price that has not taken effect yet. */
export const cancelPriceSchema = z.object({ intent: z.literal('cancel-price'), priceId: z.string().trim().min(1).max(64) })
