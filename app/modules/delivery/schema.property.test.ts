import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { checkHostileForms, localesMissing, parseForm } from '../../../tests/support/hostile-input'
import { acceptSchema, adjustmentSchema, declineSchema, deleteRecordSchema, pageParam, recordSchema } from './schema'
import { formatUnitsForInput, maxUnitsHundredths, parseUnits, type UnitsError } from './units'

const today = '2026-11-23'
const values = {
  startDate: [today, '2026-10-01'],
  reason: ['Ingen plats just nu.'],
  serviceDate: [today],
  units: ['1,5', '2', '-0,5'],
  note: ['Tisdag'],
  extraServiceId: ['extra-1', ''],
  extraQuantity: ['1', '99'],
  recordId: ['record-1'],
}
const fields = Object.keys(values)

describe('delivery forms against hostile input', { timeout: 30_000 }, () => {
  it('never throws on hostile accept, decline, record, delete and adjust forms', () => {
    checkHostileForms(acceptSchema(today), { fields, intents: ['accept'], valid: values })
    checkHostileForms(declineSchema, { fields, intents: ['decline'], valid: values })
    checkHostileForms(recordSchema(today), { fields, intents: ['record'], valid: values })
    checkHostileForms(deleteRecordSchema, { fields, intents: ['delete'], valid: values })
    checkHostileForms(adjustmentSchema, { fields, intents: ['adjust'], valid: values })
  })

  it('has a translated message for every units refusal', () => {
    const errors: UnitsError[] = ['required', 'invalid', 'tooManyDecimals', 'negative', 'zero', 'tooLarge']
    for (const error of errors) expect(localesMissing(`delivery:errors.units.${error}`), error).toEqual([])
  })

  it('round-trips recorded units with either decimal separator, and corrections with a minus sign', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: maxUnitsHundredths }), fc.constantFrom(',' as const, '.' as const), (hundredths, separator) => {
        const record = parseForm(recordSchema(today), { intent: 'record', serviceDate: today, units: formatUnitsForInput(hundredths, separator) })
        expect(record.status === 'success' && record.value.units).toBe(hundredths)
        const adjust = parseForm(adjustmentSchema, { intent: 'adjust', recordId: 'r', reason: 'Fel dag', units: formatUnitsForInput(-hundredths, separator) })
        expect(adjust.status === 'success' && adjust.value.units).toBe(-hundredths)
      }),
    )
  })

  it('never throws on any units text, and a success is a whole number of hundredths within the limit', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 30 }), fc.boolean(), (text, allowNegative) => {
        const parsed = parseUnits(text, { allowNegative })
        if (parsed.ok) {
          expect(Number.isSafeInteger(parsed.hundredths)).toBe(true)
          expect(Math.abs(parsed.hundredths)).toBeLessThanOrEqual(maxUnitsHundredths)
          expect(parsed.hundredths).not.toBe(0)
        }
      }),
    )
  })

  it('reads a page number from any text, falling back to the first page', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.constantFrom('1e309', '-1', '0', 'NaN', '9'.repeat(400), '2.5')), (text) => {
        const page = pageParam(text)
        expect(Number.isSafeInteger(page) && page >= 1).toBe(true)
      }),
    )
  })
})
