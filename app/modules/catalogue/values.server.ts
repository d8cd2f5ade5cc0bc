import { prisma, type Tx } from '~/utils/db.server'
import { helsinkiDay } from './values'

/** The process's client or a transaction's: reads work on either. */
type Db = Tx | typeof prisma

export type VoucherValueRow = {
  id: string
  effectiveFrom: Date
  valueCents: number | null
  maxValueCents: number | null
  minValueCents: number | null
}

/**
 * The voucher value row of a category in force on `date`: the latest effectiveFrom on or before that date's
 * calendar day in Helsinki. Null when the category has no value yet on that day. Pass a transaction to read
 * inside it (a voucher issued in the same transaction, say).
 */
export function valueInForce(categoryId: string, date: Date = new Date(), db: Db = prisma): Promise<VoucherValueRow | null> {
  return db.voucherValue.findFirst({
    where: { categoryId, effectiveFrom: { lte: helsinkiDay(date) } },
    orderBy: { effectiveFrom: 'desc' },
    select: { id: true, effectiveFrom: true, valueCents: true, maxValueCents: true, minValueCents: true },
  })
}
