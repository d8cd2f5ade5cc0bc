import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { checkHostileForms, parseForm } from '../../../tests/support/hostile-input'
import { chooseSchema, confirmChoiceSchema, feedbackSchema, feedbackTextMaxLength, moderationSchema } from './schema'

const today = '2026-11-23'

describe('the client’s and moderators’ forms against hostile input', { timeout: 30_000 }, () => {
  it('never throws on hostile choose, confirm, feedback and moderation forms', () => {
    checkHostileForms(chooseSchema, { fields: ['offerId'], valid: { offerId: ['offer-1'] } })
    for (const askEndDate of [true, false]) {
      checkHostileForms(confirmChoiceSchema({ today, validTo: '2026-12-31', askEndDate }), { fields: ['endDate'], valid: { endDate: [today, '2026-12-31'] } })
    }
    checkHostileForms(feedbackSchema, {
      fields: ['organisationId', 'rating', 'text'],
      valid: { organisationId: ['organisation-1'], rating: ['1', '5'], text: ['Mycket bra.'] },
    })
    checkHostileForms(moderationSchema, { fields: ['feedbackId', 'decision'], valid: { feedbackId: ['f'], decision: ['approve', 'reject'] } })
  })

  it('takes a rating of 1 to 5 as a number and nothing else', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 4 }), (rating) => {
        const submission = parseForm(feedbackSchema, { organisationId: 'o', rating })
        if (['1', '2', '3', '4', '5'].includes(rating)) expect(submission.status === 'success' && submission.value.rating).toBe(Number(rating))
        else expect(submission.reply().error?.rating).toEqual(['voucher:errors.ratingRequired'])
      }),
    )
  })

  it('keeps feedback up to its limit and refuses longer text with its own message', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: feedbackTextMaxLength + 50 }), (length) => {
        const submission = parseForm(feedbackSchema, { organisationId: 'o', rating: '4', text: 'ä'.repeat(length) })
        if (length <= feedbackTextMaxLength) expect(submission.status).toBe('success')
        else expect(submission.reply().error?.text).toEqual(['voucher:errors.feedbackTooLong'])
      }),
    )
  })
})
