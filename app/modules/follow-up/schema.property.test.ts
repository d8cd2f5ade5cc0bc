import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { checkHostileForms, hostileSearchParams, localesMissing, parseForm } from '../../../tests/support/hostile-input'
import { isMonth } from './periods'
import { budgetFormSchema, exportSchema, filterNames, filterSchema, maxBudgetCents } from './schema'

const filterValues = { month: ['2026-10'], category: ['home-care'], municipality: ['905'], provider: ['0737546-2', '0737546–2'], sector: ['PRIVATE'], language: ['sv'] }
const budgetValues = {
  year: ['2026', '2027'],
  'rows[0].categoryId': ['category-1'],
  'rows[0].budget': ['1 000 000,00', ''],
  'rows[0].unitCost': ['38,00', ''],
  'rows[1].categoryId': ['category-2'],
  'rows[1].budget': ['500 000'],
}

describe('follow-up filters and budgets against hostile input', { timeout: 30_000 }, () => {
  it('never throws on hostile dashboard filters, and names each problem with a translated message', () => {
    checkHostileForms(filterSchema, { fields: [...filterNames], valid: filterValues })
    fc.assert(
      fc.property(hostileSearchParams([...filterNames, 'table', 'format']), (params) => {
        expect(() => filterSchema.safeParse(Object.fromEntries(params))).not.toThrow()
        expect(() => exportSchema.safeParse({ table: params.get('table'), format: params.get('format') })).not.toThrow()
      }),
    )
  })

  it('never throws on a hostile budget form', () => {
    checkHostileForms(budgetFormSchema, { fields: Object.keys(budgetValues), valid: budgetValues })
    for (const error of ['invalid', 'negative', 'tooManyDecimals', 'tooLarge']) expect(localesMissing(`followup:errors.money.${error}`)).toEqual([])
  })

  it('keeps budgets within what the database holds', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: maxBudgetCents * 10 }), (cents) => {
        const budget = `${Math.floor(cents / 100)},${String(cents % 100).padStart(2, '0')}`
        const submission = parseForm(budgetFormSchema, { year: '2026', 'rows[0].categoryId': 'c', 'rows[0].budget': budget })
        if (cents <= maxBudgetCents) expect(submission.status === 'success' && submission.value.rows[0]?.budget).toBe(cents)
        else expect(submission.reply().error?.['rows[0].budget']).toEqual(['followup:errors.money.tooLarge'])
      }),
    )
  })

  it('takes months of 2000–2100 only', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), (year, month) => {
        const text = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`
        expect(isMonth(text)).toBe(year >= 2000 && year <= 2100 && month >= 1 && month <= 12)
      }),
    )
  })
})
