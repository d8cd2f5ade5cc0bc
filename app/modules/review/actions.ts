import type { ApplicationStatus } from '~/generated/prisma/client'
import { availableActions } from '~/modules/applications/state-machine'

/**
 * What staff can do to an application in a status (pure; the review page shows only these, the service refuses
 * the rest). From the state machine: `take` where staff can take it; the review itself (checking sections,
 * accepting or rejecting documents, returning, deciding) where staff can approve it, that is while it is in review.
 */
export type ReviewAction = 'take' | 'check' | 'return' | 'decide' | 'reject'

export function reviewActions(status: ApplicationStatus): ReviewAction[] {
  const actions = availableActions(status, 'staff')
  const result: ReviewAction[] = []
  if (actions.includes('take')) result.push('take')
  if (actions.includes('approve')) result.push('check', 'decide')
  if (actions.includes('return')) result.push('return')
  if (actions.includes('reject')) result.push('reject')
  return result
}

/** Under review: sections and documents can be checked and the application decided. */
export function isUnderReview(status: ApplicationStatus): boolean {
  return reviewActions(status).includes('check')
}
