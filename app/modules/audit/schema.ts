import { z } from 'zod'
import { isIsoDate } from '~/modules/documents/dates'

/**
 * The audit log's filter form (a GET form: the filters live in the address, so a filtered view can be bookmarked
 * and shared). Messages are translation keys in the admin namespace. Every filter is optional.
 */
const optionalText = (max: number) => z.string().trim().max(max, 'errors.tooLong').optional()
const optionalDay = z.string().trim().refine(isIsoDate, 'admin:errors.dateInvalid').optional()

export const auditFilterSchema = z
  .object({
    /** part of the actor's email address or name, any case */
    actor: optionalText(254),
    entityType: optionalText(60),
    entityId: optionalText(100),
    /** the action, or its beginning ("category." finds every category change) */
    action: optionalText(100),
    /** Helsinki calendar days, both inclusive */
    from: optionalDay,
    to: optionalDay,
  })
  .refine((value) => !value.from || !value.to || value.from <= value.to, { message: 'admin:errors.toBeforeFrom', path: ['to'] })
export type AuditFilters = z.infer<typeof auditFilterSchema>
export type AuditFilterInput = z.input<typeof auditFilterSchema>

/** A page cursor: an audit event id (a positive bigint in decimal). */
export function parseCursor(value: string | null | undefined): bigint | undefined {
  return value && /^\d{1,19}$/.test(value) ? BigInt(value) : undefined
}
