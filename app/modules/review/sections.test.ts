import { describe, expect, it } from 'vitest'
import { parseSection } from '~/modules/applications/labels'
import { reviewActions } from './actions'
import { parseQueueFilters } from './schema'
import { currentSectionStates, isSectionKey, sectionsFor } from './sections'

describe('sections', () => {
  it('lists the organisation, each required document, the categories and the rulebook', () => {
    expect(sectionsFor(['TRADE_REGISTER_EXTRACT', 'SOTERI_REGISTRATION'])).toEqual([
      'organisation',
      'documents:TRADE_REGISTER_EXTRACT',
      'documents:SOTERI_REGISTRATION',
      'categories',
      'rulebook',
    ])
    // the applicant's page reads every one of them
    for (const section of sectionsFor(['TAX_DEBT_CERTIFICATE'])) expect(parseSection(section).kind).not.toBe('other')
  })

  it('accepts only well-formed section names', () => {
    for (const good of ['organisation', 'categories', 'rulebook', 'documents:TAX_DEBT_CERTIFICATE']) expect(isSectionKey(good)).toBe(true)
    for (const bad of ['', 'documents:', 'documents:tax', 'documents:A B', 'other', 'organisation ']) expect(isSectionKey(bad)).toBe(false)
  })

  it('takes the latest review of each section since the last submission', () => {
    const reviews = [
      { id: 1, section: 'organisation', status: 'RETURNED' as const, createdAt: '2026-01-02T10:00:00Z' },
      { id: 2, section: 'organisation', status: 'CHECKED' as const, createdAt: '2026-01-10T10:00:00Z' },
      { id: 3, section: 'rulebook', status: 'CHECKED' as const, createdAt: '2026-01-03T10:00:00Z' },
      { id: 4, section: 'categories', status: 'CHECKED' as const, createdAt: '2026-01-12T10:00:00Z' },
      { id: 5, section: 'categories', status: 'RETURNED' as const, createdAt: '2026-01-11T10:00:00Z' },
    ]
    const current = currentSectionStates(reviews, new Date('2026-01-05T00:00:00Z'))
    expect([...current].map(([section, review]) => [section, review.id])).toEqual([
      ['organisation', 2],
      ['categories', 4],
    ])
    expect(currentSectionStates(reviews, null).get('rulebook')?.id).toBe(3)
  })
})

describe('review actions per status', () => {
  it('follows the state machine', () => {
    expect(reviewActions('DRAFT')).toEqual([])
    expect(reviewActions('SUBMITTED')).toEqual(['take'])
    expect(reviewActions('IN_REVIEW')).toEqual(['check', 'decide', 'return', 'reject'])
    for (const status of ['RETURNED', 'APPROVED', 'REJECTED', 'WITHDRAWN'] as const) expect(reviewActions(status)).toEqual([])
  })
})

describe('queue filters', () => {
  it('reads the address, falling back to the defaults on anything unknown', () => {
    expect(parseQueueFilters(new URLSearchParams())).toEqual({ state: 'open', mine: false, proposed: false, page: 1 })
    expect(
      parseQueueFilters(new URLSearchParams('state=RETURNED&category=c1&municipality=905&age=14&mine=on&proposed=on&page=3')),
    ).toEqual({ state: 'RETURNED', category: 'c1', municipality: '905', age: 14, mine: true, proposed: true, page: 3 })
    expect(parseQueueFilters(new URLSearchParams('state=DRAFT&category=&age=8&mine=yes&page=-2'))).toEqual({
      state: 'open',
      mine: false,
      proposed: false,
      page: 1,
    })
    expect(parseQueueFilters(new URLSearchParams('page=abc&state=all'))).toMatchObject({ state: 'all', page: 1 })
  })
})
