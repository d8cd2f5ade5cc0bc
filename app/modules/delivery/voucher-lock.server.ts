import type { Tx } from '~/utils/db.server'

/**
 * The voucher's row lock, held for the rest of the transaction. Every change of a voucher's choices and records takes
 * it (after claimOpenMonth, for records), so decisions, records and their checks of the voucher's and the choice's
 * state never interleave; a read after it sees every change committed before. FOR NO KEY UPDATE leaves rows that
 * only refer to the voucher (payments, client sessions) free to be written.
 */
export async function lockVoucher(tx: Tx, voucherId: string): Promise<void> {
  await tx.$queryRaw`SELECT "id" FROM "Voucher" WHERE "id" = ${voucherId} FOR NO KEY UPDATE`
}

/**
 * Takes the lock of the voucher of one of the organisation's choices (ownership in the same query); the voucher's id,
 * or null when the organisation has no such choice.
 */
export async function lockVoucherOfChoice(tx: Tx, organisationId: string, choiceId: string): Promise<string | null> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT v."id" FROM "Voucher" v
    JOIN "Choice" c ON c."voucherId" = v."id"
    JOIN "Offer" o ON o."id" = c."offerId"
    WHERE c."id" = ${choiceId} AND o."organisationId" = ${organisationId}
    FOR NO KEY UPDATE OF v`
  return rows[0]?.id ?? null
}
