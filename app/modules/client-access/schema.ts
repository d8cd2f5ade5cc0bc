import { z } from 'zod'
import { isIsoDate } from '~/modules/documents/dates'
import { isValidVoucherCode, normaliseVoucherCode } from '~/modules/vouchers/voucher-code'

/**
 * The voucher form (/voucher): the code from the decision letter and the date of birth as three boxes (day, month,
 * year: easier to type than a date picker that opens in this year). Shared by server and browser; messages are
 * keys in the voucher namespace. A code whose check character does not fit is refused here, before any lookup.
 */
const codeRequired = 'voucher:login.errors.codeRequired'
const codeInvalid = 'voucher:login.errors.codeInvalid'
const dateRequired = 'voucher:login.errors.dateRequired'

const datePart = z.string().trim().max(4).optional()

/** Where the form sends the client after opening: a page of their voucher, nothing else (and only visible ASCII, as a Location header needs). */
export function voucherRedirectTo(value: string | null | undefined): string {
  if (typeof value !== 'string' || !/^\/my-voucher(?:[/?#][\x21-\x7e]*)?$/.test(value) || value.includes('//') || value.includes('\\')) return '/my-voucher'
  return value
}

/** The three boxes as `YYYY-MM-DD`, or the reason they do not make a date of birth on or before `today`. */
export function parseDateOfBirth(parts: { day?: string; month?: string; year?: string }, today: string): { ok: true; date: string } | { ok: false; error: string } {
  const { day = '', month = '', year = '' } = parts
  if (!day && !month && !year) return { ok: false, error: dateRequired }
  if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || !/^\d{4}$/.test(year)) return { ok: false, error: 'voucher:login.errors.dateInvalid' }
  const date = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`
  if (!isIsoDate(date) || year < '1900') return { ok: false, error: 'voucher:login.errors.dateInvalid' }
  if (date > today) return { ok: false, error: 'voucher:login.errors.dateInFuture' }
  return { ok: true, date }
}

export function voucherLoginSchema(today: string) {
  return z.object({
    code: z
      .string({ error: codeRequired })
      .trim()
      .min(1, codeRequired)
      .max(20, codeInvalid)
      .refine(isValidVoucherCode, codeInvalid)
      .transform(normaliseVoucherCode),
    // one message for the three boxes; all three empty arrive as no object at all
    dateOfBirth: z.object({ day: datePart, month: datePart, year: datePart }, { error: dateRequired }).transform((parts, context) => {
      const parsed = parseDateOfBirth(parts, today)
      if (parsed.ok) return parsed.date
      context.addIssue({ code: 'custom', message: parsed.error })
      return z.NEVER
    }),
    redirectTo: z.string().max(500).optional().transform(voucherRedirectTo),
  })
}
