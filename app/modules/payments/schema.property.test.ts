import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { anyHostileString, checkHostileForms } from '../../../tests/support/hostile-input'
import { checkoutResultSchema, paySchema } from './schema'

describe('payment input against hostile values', { timeout: 30_000 }, () => {
  it('never throws on a hostile "pay online" form', () => {
    checkHostileForms(paySchema, { fields: ['paymentId'], valid: { paymentId: ['payment-1'] } })
  })

  it('reads the return page’s result as success, cancelled or nothing, whatever the address says', () => {
    fc.assert(
      fc.property(fc.oneof(anyHostileString, fc.constant(null)), (value) => {
        expect([null, 'success', 'cancelled']).toContain(checkoutResultSchema.parse(value))
      }),
    )
  })
})
