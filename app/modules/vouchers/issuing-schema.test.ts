import { parseWithZod } from '@conform-to/zod/v4'
import { describe, expect, it } from 'vitest'
import { addYears, extendVoucherSchema, issueFormSchema, latestValidTo, parseVoucherListFilters } from './issuing-schema'

const today = '2026-11-23'
const income = { today, voucherType: 'INCOME_RELATED', unit: 'HOUR' } as const
const fixed = { today, voucherType: 'FIXED', unit: 'DAY' } as const

function form(values: Record<string, string>): FormData {
  const data = new FormData()
  for (const [key, value] of Object.entries(values)) data.append(key, value)
  return data
}

const valid = {
  intent: 'issue',
  clientId: 'client-1',
  categoryId: 'category-1',
  decisionNumber: ' OVPH-2026-00123 ',
  decisionDate: '2026-11-20',
  validFrom: '2026-12-01',
  validTo: '2027-11-30',
  unitsKind: 'perMonth',
  units: '10',
}

function errors(values: Record<string, string>, context: typeof income | typeof fixed = fixed) {
  const submission = parseWithZod(form(values), { schema: issueFormSchema(values.intent, context) })
  return submission.status === 'success' ? {} : (submission.reply().error ?? {})
}

describe('the issue form', () => {
  it('takes a complete FIXED decision', () => {
    const submission = parseWithZod(form(valid), { schema: issueFormSchema('issue', fixed) })
    expect(submission.status).toBe('success')
    if (submission.status === 'success') expect(submission.value).toMatchObject({ decisionNumber: 'OVPH-2026-00123', units: 10, override: false })
  })

  it('needs household and income for an income-related category, unless the value is set in the decision with a reason', () => {
    expect(errors(valid, income)).toEqual({
      householdSize: ['issuing:errors.householdRequired'],
      grossMonthlyIncome: ['issuing:errors.incomeRequired'],
    })
    expect(errors({ ...valid, householdSize: '2', grossMonthlyIncome: '1 850,5' }, income)).toEqual({})
    expect(errors({ ...valid, override: 'on' }, income)).toEqual({
      overrideValue: ['issuing:errors.overrideValueRequired'],
      overrideReason: ['issuing:errors.overrideReasonRequired'],
    })
    expect(errors({ ...valid, override: 'on', overrideValue: '0', overrideReason: 'x' }, income)).toEqual({ overrideValue: ['issuing:errors.overrideValuePositive'] })
    expect(errors({ ...valid, override: 'on', overrideValue: '31,50', overrideReason: 'Two carers' }, income)).toEqual({})
    expect(errors({ ...valid, householdSize: '21', grossMonthlyIncome: '-5' }, income)).toEqual({
      householdSize: ['issuing:errors.householdInvalid'],
      grossMonthlyIncome: ['issuing:errors.money.negative'],
    })
  })

  it('keeps dates in order and within bounds', () => {
    expect(errors({ ...valid, decisionDate: '2026-11-24' })).toEqual({ decisionDate: ['issuing:errors.decisionDateFuture'] })
    expect(errors({ ...valid, decisionDate: '2025-11-22' })).toEqual({ decisionDate: ['issuing:errors.decisionDateTooOld'] })
    expect(errors({ ...valid, decisionDate: '2026-02-30' })).toEqual({ decisionDate: ['issuing:errors.dateInvalid'] })
    expect(errors({ ...valid, validFrom: '2025-11-22' })).toEqual({ validFrom: ['issuing:errors.validFromTooEarly'] })
    expect(errors({ ...valid, validFrom: '2027-11-24', validTo: '2028-01-01' })).toEqual({ validFrom: ['issuing:errors.validFromTooLate'] })
    expect(errors({ ...valid, validTo: '2026-11-22' })).toMatchObject({ validTo: expect.arrayContaining(['issuing:errors.validToPast']) })
    expect(errors({ ...valid, validFrom: '2026-12-10', validTo: '2026-12-09' })).toEqual({ validTo: ['issuing:errors.validToBeforeFrom'] })
    expect(errors({ ...valid, validTo: '2031-12-01' })).toEqual({ validTo: ['issuing:errors.validityTooLong'] })
    expect(errors({ ...valid, validTo: '2031-11-30' })).toEqual({})
  })

  it('takes whole units above zero, per month no more than a month holds in the unit', () => {
    expect(errors({ ...valid, units: '0' })).toEqual({ units: ['issuing:errors.unitsPositive'] })
    expect(errors({ ...valid, units: '2.5' })).toEqual({ units: ['issuing:errors.unitsWhole'] })
    expect(errors({ ...valid, units: 'ten' })).toEqual({ units: ['issuing:errors.unitsInvalid'] })
    expect(errors({ ...valid, units: '32' })).toEqual({ units: ['issuing:errors.unitsTooMany'] })
    expect(errors({ ...valid, units: '32', unitsKind: 'total' })).toEqual({})
    const household = { householdSize: '1', grossMonthlyIncome: '1000' }
    expect(errors({ ...valid, ...household, units: '744' }, income)).toEqual({})
    expect(errors({ ...valid, ...household, units: '745' }, income)).toEqual({ units: ['issuing:errors.unitsTooMany'] })
    expect(errors({ ...valid, units: '31' })).toEqual({})
  })

  it('calculates with only what the value depends on', () => {
    expect(errors({ intent: 'calculate', decisionDate: '2026-11-20', householdSize: '1', grossMonthlyIncome: '1850' }, income)).toEqual({})
    expect(errors({ intent: 'calculate', decisionDate: '2026-11-20' }, income)).toEqual({
      householdSize: ['issuing:errors.householdRequired'],
      grossMonthlyIncome: ['issuing:errors.incomeRequired'],
    })
    expect(errors({ intent: 'calculate', decisionDate: '2026-11-20' }, fixed)).toEqual({})
  })
})

describe('extending', () => {
  it('takes a later last day within five years of the start', () => {
    const schema = extendVoucherSchema({ validFrom: '2026-01-01', validTo: '2026-12-31' })
    const parse = (validTo: string) => parseWithZod(form({ intent: 'extend', validTo }), { schema }).reply().error
    expect(parse('2027-06-30')).toBeUndefined()
    expect(parse('2026-12-31')).toEqual({ validTo: ['issuing:errors.extendNotLater'] })
    expect(parse('2031-01-01')).toEqual({ validTo: ['issuing:errors.validityTooLong'] })
  })

  it('counts five years by the calendar, 29 February included', () => {
    expect(latestValidTo('2026-01-01')).toBe('2030-12-31')
    expect(addYears('2028-02-29', 1)).toBe('2029-02-28')
    expect(latestValidTo('2028-02-29')).toBe('2033-02-27')
  })
})

describe('the list filters', () => {
  it('keeps what fits and ignores the rest', () => {
    expect(parseVoucherListFilters(new URLSearchParams('status=ACTIVE&category=c1&q=%20hemv%20&page=3'))).toEqual({ status: 'ACTIVE', category: 'c1', q: 'hemv', page: 3 })
    expect(parseVoucherListFilters(new URLSearchParams('status=LOST&page=-1&q='))).toEqual({ status: undefined, category: undefined, q: undefined, page: 1 })
  })
})
