import { z } from 'zod'

/**
 * A refusal its schema gives no message for (a forged value: a list where one text belongs, a word where a
 * checkbox's "on" belongs, an id of a thousand characters) shows the common namespace's translated "not valid"
 * instead of zod's English default. Schema messages still win. The root route loads this on the server and in the
 * browser before any form is parsed.
 */
export const invalidValueMessage = 'errors.invalid'

z.config({ customError: () => invalidValueMessage })
