import { can, type Role } from '~/utils/permissions'
import type { CategoryDecision, ReviewMode } from '~/generated/prisma/client'

/**
 * Decisions on the categories of an application under review (pure; shared by the review service, the review page
 * and their tests).
 *
 * A category is decided when it is APPROVED or REJECTED. In a TWO_STEP category a reviewer only proposes
 * (PROPOSED_APPROVE / PROPOSED_REJECT); an admin confirms or overturns the proposal, and an admin acting alone
 * decides directly. A SINGLE_STEP category is decided by whoever reviews it. The application itself is decided when
 * every category is: APPROVED when at least one category is approved, else REJECTED.
 */
export type Decider = 'reviewer' | 'admin'

export type CategoryState = {
  categoryId: string
  reviewMode: ReviewMode
  decision: CategoryDecision
}

export const categoryDecisions = [
  'PENDING',
  'PROPOSED_APPROVE',
  'PROPOSED_REJECT',
  'APPROVED',
  'REJECTED',
] as const satisfies readonly CategoryDecision[]

// Both ways: the list above names every decision of the database enum.
type _EveryDecisionListed = CategoryDecision extends (typeof categoryDecisions)[number] ? true : never
const _everyDecisionListed: _EveryDecisionListed = true
void _everyDecisionListed

export function isFinal(decision: CategoryDecision): decision is 'APPROVED' | 'REJECTED' {
  return decision === 'APPROVED' || decision === 'REJECTED'
}

export function isProposal(decision: CategoryDecision): decision is 'PROPOSED_APPROVE' | 'PROPOSED_REJECT' {
  return decision === 'PROPOSED_APPROVE' || decision === 'PROPOSED_REJECT'
}

/** Approving or rejecting: the decision it records, or the proposal when a reviewer acts on a TWO_STEP category. */
export function decisionFor(decider: Decider, reviewMode: ReviewMode, approve: boolean): CategoryDecision {
  if (decider === 'reviewer' && reviewMode === 'TWO_STEP') return approve ? 'PROPOSED_APPROVE' : 'PROPOSED_REJECT'
  return approve ? 'APPROVED' : 'REJECTED'
}

/** Still open for a decision in this review: pending, or proposed but not yet confirmed. */
export function isOpenForDecision(category: Pick<CategoryState, 'decision'>): boolean {
  return !isFinal(category.decision)
}

/** Whether this decider's decision on the category is only a proposal. */
export function onlyProposes(decider: Decider, reviewMode: ReviewMode): boolean {
  return decider === 'reviewer' && reviewMode === 'TWO_STEP'
}

export type Outcome = 'APPROVED' | 'REJECTED' | 'PENDING'

/** The application's outcome from its categories' decisions: PENDING until every category is decided. */
export function outcome(decisions: readonly CategoryDecision[]): Outcome {
  if (decisions.length === 0 || !decisions.every(isFinal)) return 'PENDING'
  return decisions.includes('APPROVED') ? 'APPROVED' : 'REJECTED'
}

export type DecisionChange = { categoryId: string; from: CategoryDecision; to: CategoryDecision }

export type DecisionPlan = {
  changes: DecisionChange[]
  /** every category's decision after the changes */
  decisions: { categoryId: string; decision: CategoryDecision }[]
  outcome: Outcome
}

export type PlanError =
  /** every category is already decided */
  | { error: 'nothingToDecide' }
  /** categories to approve that are not open for a decision (or not in the application) */
  | { error: 'notDecidable'; categoryIds: string[] }
  /** a category is rejected (or proposed for rejection) without a reason */
  | { error: 'reasonRequired' }

/**
 * What a decision does to the categories.
 *
 * - `decide`: every category still open is approved when it is in `approveIds`, else rejected (a proposal when a
 *   reviewer acts on a TWO_STEP category). Decided categories are kept.
 * - `rejectAll`: the whole application is rejected: every category not yet rejected is rejected (proposed for
 *   rejection when a reviewer acts on a TWO_STEP category, even one an admin had approved in this review).
 *
 * A rejection needs a reason.
 */
export function planDecisions(input: {
  decider: Decider
  categories: readonly CategoryState[]
  mode: 'decide' | 'rejectAll'
  approveIds?: readonly string[]
  reason?: string | null
}): ({ ok: true } & DecisionPlan) | ({ ok: false } & PlanError) {
  const { decider, categories, mode } = input
  const approveIds = mode === 'decide' ? [...new Set(input.approveIds ?? [])] : []
  const hasReason = Boolean(input.reason?.trim())

  const open = categories.filter(isOpenForDecision)
  if (mode === 'decide') {
    if (open.length === 0) return { ok: false, error: 'nothingToDecide' }
    const notDecidable = approveIds.filter((id) => !open.some((category) => category.categoryId === id))
    if (notDecidable.length) return { ok: false, error: 'notDecidable', categoryIds: notDecidable }
  } else if (categories.every((category) => category.decision === 'REJECTED')) {
    return { ok: false, error: 'nothingToDecide' }
  }

  const changes: DecisionChange[] = []
  for (const category of categories) {
    let to: CategoryDecision
    if (mode === 'decide') {
      if (!isOpenForDecision(category)) continue
      to = decisionFor(decider, category.reviewMode, approveIds.includes(category.categoryId))
    } else {
      if (category.decision === 'REJECTED') continue
      to = decisionFor(decider, category.reviewMode, false)
    }
    changes.push({ categoryId: category.categoryId, from: category.decision, to })
  }
  if (!hasReason && changes.some((change) => change.to === 'REJECTED' || change.to === 'PROPOSED_REJECT')) {
    return { ok: false, error: 'reasonRequired' }
  }
  const decisions = categories.map((category) => ({
    categoryId: category.categoryId,
    decision: changes.find((change) => change.categoryId === category.categoryId)?.to ?? category.decision,
  }))
  return { ok: true, changes, decisions, outcome: outcome(decisions.map((d) => d.decision)) }
}

/**
 * The box of a category in the decision form starts ticked when the category would be approved: a proposal to
 * approve (the admin confirms it by leaving the box ticked), or a pending category (approving all is the usual case).
 */
export function approvedByDefault(decision: CategoryDecision): boolean {
  return decision === 'PENDING' || decision === 'PROPOSED_APPROVE'
}

/** Admins confirm proposals and decide TWO_STEP categories directly; every other reviewer proposes. */
export function deciderOf(role: Role): Decider {
  return can(role, 'application:confirm-decision') ? 'admin' : 'reviewer'
}
