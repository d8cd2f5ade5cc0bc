import type { AppLocale } from '~/i18n'
import { formatCents } from '~/utils/format'
import type { VoucherTypeName } from './schema'

/** Voucher value rows on screen (pure; shared by the catalogue pages). */
export type ValueAmounts = { valueCents: number | null; minValueCents: number | null; maxValueCents: number | null }

/** "26,00 €" for a fixed value, "12,00 € – 36,00 €" for an income-related range; null for an empty row. */
export function formatVoucherValue(value: ValueAmounts, locale: AppLocale): string | null {
  if (value.valueCents !== null) return formatCents(value.valueCents, locale)
  if (value.minValueCents !== null && value.maxValueCents !== null) {
    return `${formatCents(value.minValueCents, locale)} – ${formatCents(value.maxValueCents, locale)}`
  }
  return null
}

/** Whether a row has the amounts its category's voucher type needs (after a type change it may not). */
export function valueFitsType(value: ValueAmounts, voucherType: VoucherTypeName): boolean {
  return voucherType === 'FIXED' ? value.valueCents !== null : value.minValueCents !== null && value.maxValueCents !== null
}
