import { describe, expect, it } from 'vitest'
import { choiceState, hasServed, leadingChoice, type ChoiceStatus } from './state'

const choice = (status: ChoiceStatus, startDate: string | null = null, endDate: string | null = null, declineReason: string | null = null) => ({
  status,
  startDate,
  endDate,
  declineReason,
})

describe('choice rules', () => {
  it('counts a producer as having served from the start date of an accepted or ended choice', () => {
    expect(hasServed(choice('ACCEPTED', '2026-11-23'), '2026-11-23')).toBe(true)
    expect(hasServed(choice('ACCEPTED', '2026-11-24'), '2026-11-23')).toBe(false)
    expect(hasServed(choice('ACCEPTED'), '2026-11-23')).toBe(false)
    expect(hasServed(choice('ENDED', '2026-01-01', '2026-03-31'), '2026-11-23')).toBe(true)
    // ended before it began: never served
    expect(hasServed(choice('ENDED', '2026-12-01', '2026-11-30'), '2026-12-05')).toBe(false)
    for (const status of ['PENDING', 'DECLINED', 'CANCELLED'] as const) expect(hasServed(choice(status, '2026-01-01'), '2026-11-23')).toBe(false)
  })

  it('says what became of a choice', () => {
    const today = '2026-11-23'
    expect(choiceState(choice('PENDING'), today)).toEqual({ kind: 'waiting' })
    expect(choiceState(choice('ACCEPTED'), today)).toEqual({ kind: 'accepted' })
    expect(choiceState(choice('ACCEPTED', '2026-12-01'), today)).toEqual({ kind: 'starts', date: '2026-12-01' })
    expect(choiceState(choice('ACCEPTED', '2026-11-23'), today)).toEqual({ kind: 'started', date: '2026-11-23' })
    expect(choiceState(choice('DECLINED', null, null, 'Full'), today)).toEqual({ kind: 'declined', reason: 'Full' })
    expect(choiceState(choice('ENDED', '2026-01-01', '2026-11-23'), today)).toEqual({ kind: 'ends', date: '2026-11-23' })
    expect(choiceState(choice('ENDED', '2026-01-01', '2026-11-22'), today)).toEqual({ kind: 'ended', date: '2026-11-22' })
    expect(choiceState(choice('CANCELLED'), today)).toEqual({ kind: 'cancelled' })
  })

  it('leads with the open choice, else a fresh refusal, else nothing', () => {
    const declined = { id: 'd', status: 'DECLINED' as const }
    const pending = { id: 'p', status: 'PENDING' as const }
    const ended = { id: 'e', status: 'ENDED' as const }
    expect(leadingChoice([declined, pending])).toBe(pending)
    expect(leadingChoice([declined, ended])).toBe(declined)
    expect(leadingChoice([ended, declined])).toBeNull()
    expect(leadingChoice([])).toBeNull()
  })
})
