import { describe, expect, it } from 'vitest'
import { categorySchema, voucherValueSchema } from './schema'

const issues = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  (result.error?.issues ?? []).map((issue) => [issue.path.join('.'), issue.message])

describe('voucher value forms', () => {
  it('a fixed value is read from euros with a comma or a dot into cents', () => {
    expect(voucherValueSchema('FIXED').parse({ effectiveFrom: '2027-01-01', value: '36,00' })).toEqual({ effectiveFrom: '2027-01-01', value: 3600 })
    expect(voucherValueSchema('FIXED').parse({ effectiveFrom: '2027-01-01', value: '0.29' })).toEqual({ effectiveFrom: '2027-01-01', value: 29 })
  })

  it('names each problem on its own field', () => {
    expect(issues(voucherValueSchema('FIXED').safeParse({ effectiveFrom: '2027-02-30', value: '-1' }))).toEqual([
      ['effectiveFrom', 'admin:errors.dateInvalid'],
      ['value', 'admin:errors.money.negative'],
    ])
    expect(issues(voucherValueSchema('FIXED').safeParse({ effectiveFrom: '2027-01-01', value: '0' }))).toEqual([['value', 'admin:errors.valuePositive']])
    expect(issues(voucherValueSchema('FIXED').safeParse({ effectiveFrom: '2027-01-01' }))).toEqual([['value', 'admin:errors.valueRequired']])
  })

  it('an income-related value needs a minimum not above the maximum', () => {
    const schema = voucherValueSchema('INCOME_RELATED')
    expect(schema.parse({ effectiveFrom: '2027-01-01', minValue: '12,50', maxValue: '37,50' })).toEqual({
      effectiveFrom: '2027-01-01',
      minValue: 1250,
      maxValue: 3750,
    })
    expect(issues(schema.safeParse({ effectiveFrom: '2027-01-01', minValue: '40', maxValue: '37,50' }))).toEqual([['maxValue', 'admin:errors.minAboveMax']])
    expect(issues(schema.safeParse({ effectiveFrom: '2027-01-01', minValue: '1,234', maxValue: 'abc' }))).toEqual([
      ['minValue', 'admin:errors.money.tooManyDecimals'],
      ['maxValue', 'admin:errors.money.invalid'],
    ])
  })
})

describe('the category form', () => {
  it('requires the name in all three languages', () => {
    const result = categorySchema.safeParse({ nameFi: ' ', nameSv: 'Hemvård', unit: 'HOUR', voucherType: 'FIXED', reviewMode: 'SINGLE_STEP' })
    expect(issues(result)).toEqual([
      ['nameFi', 'admin:errors.nameFiRequired'],
      ['nameEn', 'admin:errors.nameEnRequired'],
    ])
  })

  it('reads unticked boxes as false and no documents as an empty list', () => {
    expect(
      categorySchema.parse({ nameFi: 'Kotihoito', nameSv: 'Hemvård', nameEn: 'Home care', unit: 'HOUR', voucherType: 'FIXED', reviewMode: 'TWO_STEP' }),
    ).toMatchObject({ requiresSoteri: false, active: false, documentTypes: [] })
  })
})
