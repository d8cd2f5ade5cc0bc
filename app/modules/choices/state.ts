import { isoDate } from '~/modules/documents/dates'

/**
 * The rules of a voucher's choices that the pages and the services share (pure). Dates are `YYYY-MM-DD` in Finland.
 *
 * A voucher has at most one open choice (PENDING or ACCEPTED; a partial unique index says so). Changing producer
 * cancels a pending choice, or ends an accepted one on the last day the client picks.
 */
export type ChoiceStatus = 'PENDING' | 'ACCEPTED' | 'DECLINED' | 'ENDED' | 'CANCELLED'

type Day = Date | string | null

export type ChoiceFacts = { status: ChoiceStatus; startDate: Day; endDate: Day }

export const openStatuses = ['PENDING', 'ACCEPTED'] as const satisfies readonly ChoiceStatus[]

/** Vouchers that may choose (ISSUED) or change (ASSIGNED, ACTIVE) a producer. */
export const choosableVoucherStatuses = ['ISSUED', 'ASSIGNED', 'ACTIVE'] as const

function isOpen(choice: { status: ChoiceStatus }): boolean {
  return choice.status === 'PENDING' || choice.status === 'ACCEPTED'
}

/** The service under the choice has started by `today` (and, for an ended choice, did not end before it began). */
export function hasServed(choice: ChoiceFacts, today: string): boolean {
  if ((choice.status !== 'ACCEPTED' && choice.status !== 'ENDED') || !choice.startDate) return false
  const start = isoDate(choice.startDate)
  return start <= today && (!choice.endDate || isoDate(choice.endDate) >= start)
}

/**
 * What the voucher page says about one choice:
 * waiting (pending), starts / started (accepted), declined (with the reason), ends / ended, cancelled.
 */
export type ChoiceState =
  | { kind: 'waiting' }
  | { kind: 'starts' | 'started'; date: string }
  /** accepted without a start date yet */
  | { kind: 'accepted' }
  | { kind: 'declined'; reason: string | null }
  | { kind: 'ends' | 'ended'; date: string | null }
  | { kind: 'cancelled' }

export function choiceState(choice: ChoiceFacts & { declineReason: string | null }, today: string): ChoiceState {
  switch (choice.status) {
    case 'PENDING':
      return { kind: 'waiting' }
    case 'ACCEPTED': {
      if (!choice.startDate) return { kind: 'accepted' }
      const date = isoDate(choice.startDate)
      return { kind: date > today ? 'starts' : 'started', date }
    }
    case 'DECLINED':
      return { kind: 'declined', reason: choice.declineReason }
    case 'ENDED': {
      const date = choice.endDate ? isoDate(choice.endDate) : null
      return { kind: date && date >= today ? 'ends' : 'ended', date }
    }
    case 'CANCELLED':
      return { kind: 'cancelled' }
  }
}

/**
 * The choice the voucher page leads with: the open one; else the newest when it was declined (the client is told
 * to choose another producer); else none.
 */
export function leadingChoice<T extends { status: ChoiceStatus }>(newestFirst: readonly T[]): T | null {
  const open = newestFirst.find(isOpen)
  if (open) return open
  const newest = newestFirst[0]
  return newest?.status === 'DECLINED' ? newest : null
}
