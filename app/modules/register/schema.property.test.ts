import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { checkHostileForms, hostileSearchParams, parseForm } from '../../../tests/support/hostile-input'
import { entryActionSchema, parsePublicRegisterFilters, parseStaffRegisterFilters, registerStatuses } from './schema'

const today = '2026-11-23'
const values = {
  entryId: ['entry-1'],
  expectedStatus: ['ACTIVE', 'SUSPENDED'],
  reason: ['Intyg saknas.'],
  start: ['today', 'date'],
  startDate: [today, '2027-11-23'],
  note: ['Intyget inkom.'],
}

describe('register forms against hostile input', { timeout: 30_000 }, () => {
  it('never throws on hostile suspend, reinstate and remove forms', () => {
    checkHostileForms(entryActionSchema({ today }), {
      fields: Object.keys(values),
      intents: ['suspend', 'reinstate', 'remove'],
      valid: values,
    })
  })

  it('dates a suspension from today to a year ahead, leap years included', () => {
    fc.assert(
      fc.property(fc.integer({ min: -400, max: 800 }), (offset) => {
        const day = new Date(Date.parse(`${today}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10)
        const form = { intent: 'suspend', entryId: 'e', expectedStatus: 'ACTIVE', reason: 'Intyg saknas.', start: 'date', startDate: day }
        expect(parseForm(entryActionSchema({ today }), form).status).toBe(offset >= 0 && offset <= 365 ? 'success' : 'error')
      }),
    )
  })

  it('reads the register filters from any address without throwing', () => {
    fc.assert(
      fc.property(hostileSearchParams(['category', 'municipality', 'status', 'lapsed', 'q', 'page']), (params) => {
        const staff = parseStaffRegisterFilters(params)
        const open = parsePublicRegisterFilters(params)
        if (staff.status) expect(registerStatuses).toContain(staff.status)
        for (const page of [staff.page, open.page]) expect(Number.isSafeInteger(page) && page >= 1 && page <= 10_000).toBe(true)
      }),
    )
  })
})
