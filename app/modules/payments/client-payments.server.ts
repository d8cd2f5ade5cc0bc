import type { PaymentStatus } from '~/generated/prisma/client'
import { prisma } from '~/utils/db.server'

/**
 * What a client sees of their co-payments: one row per approved month with a co-payment (the settlements module
 * creates them when staff approve a month). Every query names the session's voucher in its `where`, so another
 * voucher's payment id is not found.
 */
export type ClientPayment = {
  id: string
  month: Date
  producer: string
  amountCents: number
  status: PaymentStatus
  paidAt: Date | null
}

const select = {
  id: true,
  amountCents: true,
  status: true,
  paidAt: true,
  settlement: { select: { month: true, organisation: { select: { name: true } } } },
} as const

type Row = { id: string; amountCents: number; status: PaymentStatus; paidAt: Date | null; settlement: { month: Date; organisation: { name: string } } }

function toClientPayment(row: Row): ClientPayment {
  return {
    id: row.id,
    month: row.settlement.month,
    producer: row.settlement.organisation.name,
    amountCents: row.amountCents,
    status: row.status,
    paidAt: row.paidAt,
  }
}

/** The voucher's co-payments of approved months, newest month first. */
export async function listClientPayments(voucherId: string): Promise<ClientPayment[]> {
  const rows = await prisma.payment.findMany({
    where: { voucherId, settlement: { status: 'APPROVED' } },
    select,
    orderBy: [{ settlement: { month: 'desc' } }, { createdAt: 'asc' }],
  })
  return rows.map(toClientPayment)
}

/** One co-payment of the voucher, or null (another voucher's id included). */
export async function getClientPayment(voucherId: string, paymentId: string): Promise<ClientPayment | null> {
  const row = await prisma.payment.findFirst({ where: { id: paymentId, voucherId, settlement: { status: 'APPROVED' } }, select })
  return row ? toClientPayment(row) : null
}
