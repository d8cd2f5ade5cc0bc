import { describe, expect, it } from 'vitest'
import type { CategoryDecision, ReviewMode } from '~/generated/prisma/client'
import {
  approvedByDefault,
  categoryDecisions,
  deciderOf,
  decisionFor,
  isFinal,
  isProposal,
  onlyProposes,
  outcome,
  planDecisions,
  type CategoryState,
  type Decider,
} from './decisions'

const deciders: Decider[] = ['reviewer', 'admin']
const modes: ReviewMode[] = ['SINGLE_STEP', 'TWO_STEP']

/** Every list of `length` items drawn from `values`. */
function sequences<T>(values: readonly T[], length: number): T[][] {
  if (length === 0) return [[]]
  return sequences(values, length - 1).flatMap((rest) => values.map((value) => [value, ...rest]))
}

/** Every subset of `values`. */
function subsets<T>(values: readonly T[]): T[][] {
  return values.reduce<T[][]>((all, value) => [...all, ...all.map((subset) => [...subset, value])], [[]])
}

describe('decisionFor', () => {
  it('makes a reviewer propose in a TWO_STEP category and everyone else decide', () => {
    const table = deciders.flatMap((decider) =>
      modes.flatMap((mode) => [true, false].map((approve) => [decider, mode, approve, decisionFor(decider, mode, approve)])),
    )
    expect(table).toEqual([
      ['reviewer', 'SINGLE_STEP', true, 'APPROVED'],
      ['reviewer', 'SINGLE_STEP', false, 'REJECTED'],
      ['reviewer', 'TWO_STEP', true, 'PROPOSED_APPROVE'],
      ['reviewer', 'TWO_STEP', false, 'PROPOSED_REJECT'],
      ['admin', 'SINGLE_STEP', true, 'APPROVED'],
      ['admin', 'SINGLE_STEP', false, 'REJECTED'],
      ['admin', 'TWO_STEP', true, 'APPROVED'],
      ['admin', 'TWO_STEP', false, 'REJECTED'],
    ])
    for (const decider of deciders) {
      for (const mode of modes) expect(onlyProposes(decider, mode)).toBe(decider === 'reviewer' && mode === 'TWO_STEP')
    }
  })

  it('knows admins from reviewers', () => {
    expect(deciderOf('staff_admin')).toBe('admin')
    expect(deciderOf('staff_reviewer')).toBe('reviewer')
  })
})

describe('outcome', () => {
  it('is pending without categories', () => {
    expect(outcome([])).toBe('PENDING')
  })

  for (const length of [1, 2, 3]) {
    it(`follows the rule for every combination of ${length} categories`, () => {
      for (const decisions of sequences(categoryDecisions, length)) {
        const expected = decisions.some((d) => !isFinal(d)) ? 'PENDING' : decisions.includes('APPROVED') ? 'APPROVED' : 'REJECTED'
        expect(outcome(decisions), decisions.join(',')).toBe(expected)
      }
    })
  }

  it('approves when one of several is approved and rejects only when none is', () => {
    expect(outcome(['APPROVED', 'REJECTED'])).toBe('APPROVED')
    expect(outcome(['REJECTED', 'REJECTED'])).toBe('REJECTED')
    expect(outcome(['APPROVED', 'PROPOSED_APPROVE'])).toBe('PENDING')
    expect(outcome(['APPROVED', 'PENDING'])).toBe('PENDING')
  })
})

describe('proposal and final predicates', () => {
  it('classifies every decision', () => {
    expect(categoryDecisions.filter(isFinal)).toEqual(['APPROVED', 'REJECTED'])
    expect(categoryDecisions.filter(isProposal)).toEqual(['PROPOSED_APPROVE', 'PROPOSED_REJECT'])
    expect(categoryDecisions.filter(approvedByDefault)).toEqual(['PENDING', 'PROPOSED_APPROVE'])
  })
})

/** Every application of one or two categories: each with a review mode and a current decision. */
const states: CategoryState[][] = [1, 2].flatMap((length) =>
  sequences(
    modes.flatMap((reviewMode) => categoryDecisions.map((decision) => ({ reviewMode, decision }))),
    length,
  ).map((list) => list.map((item, index) => ({ categoryId: `c${index + 1}`, ...item }))),
)

describe('planDecisions (decide)', () => {
  it('holds the rules for every application, decider, choice of boxes and reason', () => {
    let cases = 0
    for (const categories of states) {
      const open = categories.filter((c) => !isFinal(c.decision))
      for (const decider of deciders) {
        for (const approveIds of subsets([...categories.map((c) => c.categoryId), 'unknown'])) {
          for (const reason of [null, '', '  ', 'Reason']) {
            cases++
            const plan = planDecisions({ decider, categories, mode: 'decide', approveIds, reason })
            const label = JSON.stringify({ categories, decider, approveIds, reason })
            if (open.length === 0) {
              expect(plan, label).toEqual({ ok: false, error: 'nothingToDecide' })
              continue
            }
            const notDecidable = approveIds.filter((id) => !open.some((c) => c.categoryId === id))
            if (notDecidable.length) {
              expect(plan, label).toEqual({ ok: false, error: 'notDecidable', categoryIds: notDecidable })
              continue
            }
            const expectedChanges = open.map((c) => ({
              categoryId: c.categoryId,
              from: c.decision,
              to: decisionFor(decider, c.reviewMode, approveIds.includes(c.categoryId)),
            }))
            const rejects = expectedChanges.some((change) => change.to === 'REJECTED' || change.to === 'PROPOSED_REJECT')
            if (rejects && !reason?.trim()) {
              expect(plan, label).toEqual({ ok: false, error: 'reasonRequired' })
              continue
            }
            if (!plan.ok) throw new Error(`unexpected refusal ${label}`)
            expect(plan.changes, label).toEqual(expectedChanges)
            // decided categories are kept; a reviewer never decides a TWO_STEP category, an admin never proposes
            for (const category of categories) {
              const after = plan.decisions.find((d) => d.categoryId === category.categoryId)?.decision as CategoryDecision
              if (isFinal(category.decision)) expect(after, label).toBe(category.decision)
              else if (decider === 'reviewer' && category.reviewMode === 'TWO_STEP') expect(isProposal(after), label).toBe(true)
              else expect(isFinal(after), label).toBe(true)
            }
            expect(plan.outcome, label).toBe(outcome(plan.decisions.map((d) => d.decision)))
          }
        }
      }
    }
    expect(cases).toBeGreaterThan(1000)
  })

  it('leaves an application with a reviewer’s proposal pending, and the admin’s confirmation decides it', () => {
    const categories: CategoryState[] = [
      { categoryId: 'home-care', reviewMode: 'SINGLE_STEP', decision: 'PENDING' },
      { categoryId: 'housing', reviewMode: 'TWO_STEP', decision: 'PENDING' },
    ]
    const proposal = planDecisions({ decider: 'reviewer', categories, mode: 'decide', approveIds: ['home-care', 'housing'] })
    expect(proposal).toMatchObject({
      ok: true,
      outcome: 'PENDING',
      decisions: [
        { categoryId: 'home-care', decision: 'APPROVED' },
        { categoryId: 'housing', decision: 'PROPOSED_APPROVE' },
      ],
    })
    if (!proposal.ok) throw new Error('refused')
    const afterProposal = categories.map((c) => ({ ...c, decision: proposal.decisions.find((d) => d.categoryId === c.categoryId)!.decision }))
    // the admin overturns the proposal: the box is left empty, with a reason
    expect(planDecisions({ decider: 'admin', categories: afterProposal, mode: 'decide', approveIds: [] })).toEqual({ ok: false, error: 'reasonRequired' })
    expect(planDecisions({ decider: 'admin', categories: afterProposal, mode: 'decide', approveIds: [], reason: 'No licence' })).toMatchObject({
      ok: true,
      outcome: 'APPROVED',
      changes: [{ categoryId: 'housing', from: 'PROPOSED_APPROVE', to: 'REJECTED' }],
    })
    // the admin confirms it
    expect(planDecisions({ decider: 'admin', categories: afterProposal, mode: 'decide', approveIds: ['housing'] })).toMatchObject({
      ok: true,
      outcome: 'APPROVED',
      changes: [{ categoryId: 'housing', from: 'PROPOSED_APPROVE', to: 'APPROVED' }],
    })
    // a decided category cannot be decided again
    expect(planDecisions({ decider: 'admin', categories: afterProposal, mode: 'decide', approveIds: ['home-care', 'housing'] })).toEqual({
      ok: false,
      error: 'notDecidable',
      categoryIds: ['home-care'],
    })
  })
})

describe('planDecisions (rejectAll)', () => {
  it('rejects every category not yet rejected, as a proposal where a reviewer acts on a TWO_STEP one', () => {
    for (const categories of states) {
      for (const decider of deciders) {
        const label = JSON.stringify({ categories, decider })
        const withoutReason = planDecisions({ decider, categories, mode: 'rejectAll' })
        const plan = planDecisions({ decider, categories, mode: 'rejectAll', reason: 'Not eligible', approveIds: ['c1'] })
        if (categories.every((c) => c.decision === 'REJECTED')) {
          expect(plan, label).toEqual({ ok: false, error: 'nothingToDecide' })
          expect(withoutReason, label).toEqual({ ok: false, error: 'nothingToDecide' })
          continue
        }
        expect(withoutReason, label).toEqual({ ok: false, error: 'reasonRequired' })
        if (!plan.ok) throw new Error(`unexpected refusal ${label}`)
        // the boxes do not matter when the whole application is rejected
        expect(plan.changes, label).toEqual(
          categories
            .filter((c) => c.decision !== 'REJECTED')
            .map((c) => ({ categoryId: c.categoryId, from: c.decision, to: decisionFor(decider, c.reviewMode, false) })),
        )
        const expectedOutcome = decider === 'admin' || categories.every((c) => c.reviewMode === 'SINGLE_STEP' || c.decision === 'REJECTED') ? 'REJECTED' : 'PENDING'
        expect(plan.outcome, label).toBe(expectedOutcome)
      }
    }
  })
})
