/** What a service record costs, in whole cents. Shared by the provider's records, the settlement and the seed. */
export type RecordAmountsInput = { unitsHundredths: number; unitPriceCents: number; voucherValueCents: number }

/** Whole cents, half away from zero: hundredths of a unit × cents per unit / 100 (adjustments may be negative). */
export function centsForUnits(unitsHundredths: number, perUnitCents: number): number {
  const exact = unitsHundredths * perUnitCents
  const magnitude = Math.floor((Math.abs(exact) + 50) / 100)
  return exact < 0 && magnitude > 0 ? -magnitude : magnitude
}

/**
 * The total (units × price), the voucher's share (units × min(price, value)) and the client's co-payment: the rest
 * of the total, so share + co-payment is always exactly the total and no cent is lost to rounding.
 */
export function recordAmounts(record: RecordAmountsInput): { totalCents: number; voucherShareCents: number; copaymentCents: number } {
  const totalCents = centsForUnits(record.unitsHundredths, record.unitPriceCents)
  const voucherShareCents = centsForUnits(record.unitsHundredths, Math.min(record.unitPriceCents, record.voucherValueCents))
  return { totalCents, voucherShareCents, copaymentCents: totalCents - voucherShareCents }
}
