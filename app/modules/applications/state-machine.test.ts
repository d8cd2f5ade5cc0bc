import { describe, expect, it } from 'vitest'
import type { ApplicationStatus } from '~/generated/prisma/client'
import {
  applicationStatuses,
  availableActions,
  canTransition,
  isEditable,
  isOpen,
  transitionFor,
  transitions,
  type Actor,
} from './state-machine'

/** The allowed moves, written out independently of the implementation: "from→to" per actor. */
const allowed: Record<Actor, string[]> = {
  applicant: [
    'DRAFT→SUBMITTED',
    'RETURNED→SUBMITTED',
    'DRAFT→WITHDRAWN',
    'SUBMITTED→WITHDRAWN',
    'IN_REVIEW→WITHDRAWN',
    'RETURNED→WITHDRAWN',
  ],
  staff: ['SUBMITTED→IN_REVIEW', 'IN_REVIEW→RETURNED', 'IN_REVIEW→APPROVED', 'IN_REVIEW→REJECTED'],
}

const actors: Actor[] = ['applicant', 'staff']

describe('application state machine', () => {
  it('knows the seven statuses', () => {
    expect([...applicationStatuses].sort()).toEqual(
      ['APPROVED', 'DRAFT', 'IN_REVIEW', 'REJECTED', 'RETURNED', 'SUBMITTED', 'WITHDRAWN'],
    )
  })

  describe('every pair of statuses for every actor', () => {
    for (const actor of actors) {
      for (const from of applicationStatuses) {
        for (const to of applicationStatuses) {
          const expected = allowed[actor].includes(`${from}→${to}`)
          it(`${actor}: ${from} → ${to} is ${expected ? 'allowed' : 'refused'}`, () => {
            expect(canTransition(from, to, actor)).toBe(expected)
          })
        }
      }
    }
  })

  it('lists exactly the allowed transitions, each once', () => {
    const listed = transitions.map((t) => `${t.actor}:${t.from}→${t.to}`).sort()
    const expected = actors.flatMap((actor) => allowed[actor].map((pair) => `${actor}:${pair}`)).sort()
    expect(listed).toEqual(expected)
    expect(new Set(listed).size).toBe(listed.length)
  })

  it('finds the transition of an action from a status', () => {
    expect(transitionFor('submit', 'DRAFT')?.to).toBe('SUBMITTED')
    expect(transitionFor('submit', 'RETURNED')?.to).toBe('SUBMITTED')
    expect(transitionFor('submit', 'IN_REVIEW')).toBeNull()
    expect(transitionFor('withdraw', 'APPROVED')).toBeNull()
    expect(transitionFor('take', 'SUBMITTED')).toMatchObject({ to: 'IN_REVIEW', actor: 'staff' })
  })

  it('offers each actor its own actions', () => {
    expect(availableActions('DRAFT', 'applicant').sort()).toEqual(['submit', 'withdraw'])
    expect(availableActions('RETURNED', 'applicant').sort()).toEqual(['submit', 'withdraw'])
    expect(availableActions('IN_REVIEW', 'applicant')).toEqual(['withdraw'])
    expect(availableActions('IN_REVIEW', 'staff').sort()).toEqual(['approve', 'reject', 'return'])
    for (const final of ['APPROVED', 'REJECTED', 'WITHDRAWN'] as ApplicationStatus[]) {
      for (const actor of actors) expect(availableActions(final, actor)).toEqual([])
    }
  })

  it('tells open and editable states apart', () => {
    expect(applicationStatuses.filter(isOpen)).toEqual(['DRAFT', 'SUBMITTED', 'IN_REVIEW', 'RETURNED'])
    expect(applicationStatuses.filter(isEditable)).toEqual(['DRAFT', 'RETURNED'])
  })
})
