import type { Tx } from '~/utils/db.server'

/** The units would go over what the voucher grants (for the month, or in total), or below zero. */
export class UnitsExceededError extends Error {
  constructor(readonly voucherId: string) {
    super(`Voucher ${voucherId}: not enough units left`)
  }
}

export type VoucherGrant = { id: string; unitsPerMonth: number | null; unitsTotal: number | null }

/**
 * Uses (or, with a negative number, gives back) hundredths of units of a voucher, inside the caller's transaction.
 * Units count against the calendar month of the service date (`serviceMonth`, its first day) for vouchers granted per
 * month, and against the whole validity for vouchers granted in total. One conditional UPDATE does the check and the
 * change under the row lock, so concurrent records can never overspend; CHECK constraints stand behind it.
 * The month row is created on first use with the voucher's monthly grant.
 */
export async function consumeUnits(tx: Tx, voucher: VoucherGrant, serviceMonth: Date, hundredths: number): Promise<void> {
  if (voucher.unitsPerMonth !== null) {
    await tx.$executeRaw`
      INSERT INTO "VoucherMonth" ("voucherId", "month", "unitsGranted", "unitsUsed")
      VALUES (${voucher.id}, ${serviceMonth}::date, ${voucher.unitsPerMonth * 100}, 0)
      ON CONFLICT ("voucherId", "month") DO NOTHING`
    const changed = await tx.$executeRaw`
      UPDATE "VoucherMonth" SET "unitsUsed" = "unitsUsed" + ${hundredths}
      WHERE "voucherId" = ${voucher.id} AND "month" = ${serviceMonth}::date
        AND "unitsUsed" + ${hundredths} BETWEEN 0 AND "unitsGranted"`
    if (changed !== 1) throw new UnitsExceededError(voucher.id)
    return
  }
  const changed = await tx.$executeRaw`
    UPDATE "Voucher" SET "totalUnitsUsed" = "totalUnitsUsed" + ${hundredths}
    WHERE "id" = ${voucher.id} AND "totalUnitsUsed" + ${hundredths} BETWEEN 0 AND "unitsTotal" * 100`
  if (changed !== 1) throw new UnitsExceededError(voucher.id)
}

/** Hundredths of units left: this month's for a monthly grant, the whole validity's for a total grant. */
export function unitsLeft(
  voucher: VoucherGrant & { totalUnitsUsed: number },
  monthUsedHundredths: number | null,
): number {
  if (voucher.unitsPerMonth !== null) return voucher.unitsPerMonth * 100 - (monthUsedHundredths ?? 0)
  return (voucher.unitsTotal ?? 0) * 100 - voucher.totalUnitsUsed
}
