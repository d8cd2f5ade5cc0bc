import type { PaymentStatus } from '~/generated/prisma/client'

/** Statuses that "Pay online" accepts: not paid yet, or the last attempt failed. */
export const payableStatuses: readonly PaymentStatus[] = ['PENDING', 'FAILED']

export function isPayable(status: PaymentStatus): boolean {
  return payableStatuses.includes(status)
}
