import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { checkHostileForms, hostileSearchParams } from '../../../tests/support/hostile-input'
import { checkSectionSchema, decideSchema, documentReviewSchema, parseQueueFilters, rejectSchema, returnSchema, stateFilters, takeSchema } from './schema'

const values = {
  version: ['0', '3'],
  section: ['organisation', 'categories', 'documents:TRADE_REGISTER_EXTRACT'],
  documentId: ['document-1'],
  decision: ['accept', 'reject'],
  rejectionReason: ['Oläslig.'],
  'sections[0].section': ['organisation'],
  'sections[0].reason': ['Fyll i adressen.'],
  approve: ['category-1'],
  reason: ['Saknar intyg.'],
}
const fields = Object.keys(values)

describe('review forms against hostile input', { timeout: 30_000 }, () => {
  it('never throws on any hostile review form, and names each problem with a translated message', () => {
    for (const [intent, schema] of [
      ['take', takeSchema],
      ['check-section', checkSectionSchema],
      ['document', documentReviewSchema],
      ['return', returnSchema],
      ['decide', decideSchema],
      ['reject', rejectSchema],
    ] as const) {
      checkHostileForms(schema, { fields, intents: [intent], valid: values })
    }
  })

  it('reads the queue filters from any address, falling back to the defaults', () => {
    fc.assert(
      fc.property(hostileSearchParams(['state', 'category', 'municipality', 'age', 'mine', 'proposed', 'page']), (params) => {
        const filters = parseQueueFilters(params)
        expect(stateFilters).toContain(filters.state)
        expect(Number.isSafeInteger(filters.page) && filters.page >= 1 && filters.page <= 10_000).toBe(true)
        expect([undefined, 7, 14, 30]).toContain(filters.age)
      }),
    )
  })
})
