import { honeypotFieldName } from '~/components/honeypot-field'
import { log } from './logger.server'

/**
 * Whether a bot filled in the honeypot (see HoneypotField). The caller then answers as on success and does nothing;
 * the catch is logged at info, without the form's values.
 */
export function honeypotFilled(formData: FormData, route?: string): boolean {
  const value = formData.get(honeypotFieldName)
  const filled = typeof value === 'string' ? value.trim() !== '' : value !== null
  if (filled) log.info('honeypot filled', { route })
  return filled
}
