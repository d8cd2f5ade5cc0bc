import type { SubmissionResult } from '@conform-to/react'

/** What the client page's action answers when it does not redirect: which form, its Conform result, a refusal. */
export type DeliveryForm = 'accept' | 'decline' | 'record' | 'delete' | 'adjust'
export type DeliveryActionResult = {
  form: DeliveryForm
  result?: SubmissionResult<string[]>
  /** a refusal in the reader's language (an approved month, units left, a decision already made) */
  message?: string
}
