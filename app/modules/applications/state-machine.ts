import type { ApplicationStatus } from '~/generated/prisma/client'

/**
 * The life of a register application (pure; shared by the provider pages, the staff review and their tests).
 *
 *   DRAFT ─submit→ SUBMITTED ─take→ IN_REVIEW ─return→ RETURNED ─submit→ SUBMITTED …
 *                                    IN_REVIEW ─approve→ APPROVED / ─reject→ REJECTED
 *   DRAFT, SUBMITTED, IN_REVIEW, RETURNED ─withdraw→ WITHDRAWN
 *
 * The applicant (a provider organisation) submits and withdraws; staff take, return, approve and reject.
 */
export const applicationStatuses = [
  'DRAFT',
  'SUBMITTED',
  'IN_REVIEW',
  'RETURNED',
  'APPROVED',
  'REJECTED',
  'WITHDRAWN',
] as const satisfies readonly ApplicationStatus[]

// Both ways: the list above names every status of the database enum.
type _EveryStatusListed = ApplicationStatus extends (typeof applicationStatuses)[number] ? true : never
const _everyStatusListed: _EveryStatusListed = true
void _everyStatusListed

export type Actor = 'applicant' | 'staff'
export type ApplicationAction = 'submit' | 'withdraw' | 'take' | 'return' | 'approve' | 'reject'

export type Transition = {
  readonly action: ApplicationAction
  readonly from: ApplicationStatus
  readonly to: ApplicationStatus
  readonly actor: Actor
}

export const transitions = [
  { action: 'submit', from: 'DRAFT', to: 'SUBMITTED', actor: 'applicant' },
  { action: 'submit', from: 'RETURNED', to: 'SUBMITTED', actor: 'applicant' },
  { action: 'withdraw', from: 'DRAFT', to: 'WITHDRAWN', actor: 'applicant' },
  { action: 'withdraw', from: 'SUBMITTED', to: 'WITHDRAWN', actor: 'applicant' },
  { action: 'withdraw', from: 'IN_REVIEW', to: 'WITHDRAWN', actor: 'applicant' },
  { action: 'withdraw', from: 'RETURNED', to: 'WITHDRAWN', actor: 'applicant' },
  { action: 'take', from: 'SUBMITTED', to: 'IN_REVIEW', actor: 'staff' },
  { action: 'return', from: 'IN_REVIEW', to: 'RETURNED', actor: 'staff' },
  { action: 'approve', from: 'IN_REVIEW', to: 'APPROVED', actor: 'staff' },
  { action: 'reject', from: 'IN_REVIEW', to: 'REJECTED', actor: 'staff' },
] as const satisfies readonly Transition[]

/** Whether `actor` may move an application from `from` to `to`. */
export function canTransition(from: ApplicationStatus, to: ApplicationStatus, actor: Actor): boolean {
  return transitions.some((t) => t.from === from && t.to === to && t.actor === actor)
}

/** The status an action leads to from `from`, or null when the action is not possible there. */
export function transitionFor(action: ApplicationAction, from: ApplicationStatus): Transition | null {
  return transitions.find((t) => t.action === action && t.from === from) ?? null
}

/** The actions `actor` can take on an application in `status`. */
export function availableActions(status: ApplicationStatus, actor: Actor): ApplicationAction[] {
  return transitions.filter((t) => t.from === status && t.actor === actor).map((t) => t.action)
}

/** Still in progress: neither decided nor withdrawn. A category in an open application cannot be applied for again. */
export const openStatuses = ['DRAFT', 'SUBMITTED', 'IN_REVIEW', 'RETURNED'] as const satisfies readonly ApplicationStatus[]

export function isOpen(status: ApplicationStatus): boolean {
  return (openStatuses as readonly ApplicationStatus[]).includes(status)
}

/** The applicant may change the application's content (its categories) only in these states. */
export function isEditable(status: ApplicationStatus): boolean {
  return status === 'DRAFT' || status === 'RETURNED'
}
