import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { centsForUnits, recordAmounts } from './amounts'
import { buildStatement, type StatementRecord } from './statement'

/** Quarter hours to 200 h, adjustments down to −200 h; prices up to 1 000 €; values up to 1 000 € (0 allowed). */
const delivery = fc.integer({ min: 1, max: 20_000 })
const units = fc.oneof(delivery, delivery.map((hundredths) => -hundredths))
const price = fc.integer({ min: 1, max: 100_000 })
const value = fc.integer({ min: 0, max: 100_000 })

const record: fc.Arbitrary<StatementRecord> = fc.record({
  voucherId: fc.constantFrom('v1', 'v2', 'v3'),
  kind: fc.constantFrom('DELIVERY' as const, 'ADJUSTMENT' as const),
  serviceDate: fc.date({ min: new Date('2026-10-01T00:00:00Z'), max: new Date('2026-10-31T00:00:00Z'), noInvalidDate: true }),
  unitsHundredths: delivery,
  unitPriceCents: price,
  voucherValueCents: value,
  extrasCents: fc.integer({ min: 0, max: 50_000 }),
  note: fc.constant(null),
}).map((r) => (r.kind === 'ADJUSTMENT' && r.serviceDate.getUTCDate() % 2 === 0 ? { ...r, unitsHundredths: -r.unitsHundredths } : r))

/** recordAmounts may answer −0 for a rounded-away adjustment; −0 and 0 are the same number of cents. */
const cents = (value: number) => value + 0

describe('record amounts', () => {
  it('splits the total into the voucher’s share and the co-payment without losing a cent', () => {
    fc.assert(
      fc.property(units, price, value, (unitsHundredths, unitPriceCents, voucherValueCents) => {
        const amounts = recordAmounts({ unitsHundredths, unitPriceCents, voucherValueCents })
        expect(cents(amounts.voucherShareCents + amounts.copaymentCents)).toBe(cents(amounts.totalCents))
        expect(cents(amounts.totalCents)).toBe(cents(centsForUnits(unitsHundredths, unitPriceCents)))
        for (const cents of Object.values(amounts)) expect(Number.isInteger(cents)).toBe(true)
      }),
    )
  })

  it('never lets the share exceed the total nor the co-payment fall below zero (for deliveries)', () => {
    fc.assert(
      fc.property(delivery, price, value, (unitsHundredths, unitPriceCents, voucherValueCents) => {
        const amounts = recordAmounts({ unitsHundredths, unitPriceCents, voucherValueCents })
        expect(amounts.voucherShareCents).toBeLessThanOrEqual(amounts.totalCents)
        expect(amounts.voucherShareCents).toBeGreaterThanOrEqual(0)
        expect(amounts.copaymentCents).toBeGreaterThanOrEqual(0)
      }),
    )
  })

  it('pays nothing from a voucher worth zero, and charges no co-payment when the value covers the price', () => {
    fc.assert(
      fc.property(units, price, (unitsHundredths, unitPriceCents) => {
        const none = recordAmounts({ unitsHundredths, unitPriceCents, voucherValueCents: 0 })
        expect(cents(none.voucherShareCents)).toBe(0)
        expect(cents(none.copaymentCents)).toBe(cents(none.totalCents))
        const covered = recordAmounts({ unitsHundredths, unitPriceCents, voucherValueCents: unitPriceCents })
        expect(cents(covered.copaymentCents)).toBe(0)
      }),
    )
  })

  it('makes an adjustment the exact opposite of the delivery it corrects', () => {
    fc.assert(
      fc.property(delivery, price, value, (unitsHundredths, unitPriceCents, voucherValueCents) => {
        const forth = recordAmounts({ unitsHundredths, unitPriceCents, voucherValueCents })
        const back = recordAmounts({ unitsHundredths: -unitsHundredths, unitPriceCents, voucherValueCents })
        expect(cents(back.totalCents)).toBe(cents(-forth.totalCents))
        expect(cents(back.voucherShareCents)).toBe(cents(-forth.voucherShareCents))
        expect(cents(back.copaymentCents)).toBe(cents(-forth.copaymentCents))
      }),
    )
  })

  it('computes the hand-worked example: 1,5 h × 38,00 €, value 30,00 €', () => {
    expect(recordAmounts({ unitsHundredths: 150, unitPriceCents: 3800, voucherValueCents: 3000 })).toEqual({
      totalCents: 5700,
      voucherShareCents: 4500,
      copaymentCents: 1200,
    })
    // 0,25 h × 38,02 € = 9,505 € → 9,51 € (half away from zero), the share 0,25 × 30,00 € = 7,50 €
    expect(recordAmounts({ unitsHundredths: 25, unitPriceCents: 3802, voucherValueCents: 3000 })).toEqual({
      totalCents: 951,
      voucherShareCents: 750,
      copaymentCents: 201,
    })
    expect(recordAmounts({ unitsHundredths: -25, unitPriceCents: 3802, voucherValueCents: 3000 }).totalCents).toBe(-951)
  })
})

describe('a statement built from records', () => {
  it('has totals, voucher sums and line sums that each equal the sum of its records’ amounts', () => {
    fc.assert(
      fc.property(fc.array(record, { maxLength: 40 }), (records) => {
        const statement = buildStatement(records)
        const sum = (list: StatementRecord[]) =>
          list.reduce(
            (total, r) => {
              const amounts = recordAmounts(r)
              return {
                records: total.records + 1,
                unitsHundredths: total.unitsHundredths + r.unitsHundredths,
                totalCents: total.totalCents + amounts.totalCents,
                voucherShareCents: total.voucherShareCents + amounts.voucherShareCents,
                copaymentCents: total.copaymentCents + amounts.copaymentCents,
                extrasCents: total.extrasCents + r.extrasCents,
              }
            },
            { records: 0, unitsHundredths: 0, totalCents: 0, voucherShareCents: 0, copaymentCents: 0, extrasCents: 0 },
          )
        expect(statement.figures).toEqual(sum(records))
        expect(statement.figures.voucherShareCents + statement.figures.copaymentCents).toBe(statement.figures.totalCents)
        expect(statement.vouchers.map((voucher) => voucher.voucherId).sort()).toEqual([...new Set(records.map((r) => r.voucherId))].sort())
        for (const voucher of statement.vouchers) {
          expect(voucher.figures).toEqual(sum(records.filter((r) => r.voucherId === voucher.voucherId)))
          const adjustments = records.filter((r) => r.voucherId === voucher.voucherId && r.kind === 'ADJUSTMENT')
          expect(voucher.lines.filter((line) => line.kind === 'ADJUSTMENT')).toHaveLength(adjustments.length)
          for (const line of voucher.lines.filter((l) => l.kind === 'DELIVERY')) {
            const own = records.filter(
              (r) =>
                r.voucherId === voucher.voucherId &&
                r.kind === 'DELIVERY' &&
                r.unitPriceCents === line.unitPriceCents &&
                r.voucherValueCents === line.voucherValueCents,
            )
            expect(line.figures).toEqual(sum(own))
          }
        }
      }),
    )
  })
})
