/**
 * What a log line must never carry (pure, used by logger.server.ts). Two nets:
 *
 * - fields, at any depth, whose name says they hold a secret or personal data (passwords, tokens, secrets, identity
 *   codes, voucher codes, cookies, authorization headers, email addresses, TOTP and recovery codes, cipher texts)
 *   are replaced with "[redacted]" whatever their value;
 * - in every string (the message too), Finnish identity codes are masked like the UI masks them ("131052-****"),
 *   and the values of sensitive query parameters in addresses ("?token=…") are replaced.
 *
 * `code` alone is redacted too: in this app it is a voucher code (a client's key) or a one-time code far more often
 * than an error code, and an error's code stays visible under `error.code` only when the error is not named `code`.
 */
export const REDACTED = '[redacted]'

const sensitiveName =
  /passw|passphrase|^pass$|token|secret|identity.?code|hetu|henkil|personbeteck|^ssn$|cookie|authori[sz]ation|e.?mail|^code$|voucher.?code|totp|one.?time|recovery|api.?key|cipher|credential|birth/i

export function isSensitiveFieldName(name: string): boolean {
  return sensitiveName.test(name)
}

/** DDMMYY, a century sign, three digits and a check character; on word boundaries, any case. */
const identityCodePattern = /\b(\d{6}[-+A-FU-Y])\d{3}[0-9A-Y]\b/gi

/** `name=value` in a query string or form body, for the sensitive names. */
const sensitiveParameter = /([?&;](?:[\w.-]*(?:token|code|secret|password|key|email|hetu)[\w.-]*)=)[^&#\s"']*/gi

export function redactString(text: string): string {
  return text.replace(identityCodePattern, '$1****').replace(sensitiveParameter, `$1${REDACTED}`)
}

/** A copy of a log value with sensitive fields replaced and strings masked; errors become { name, message }. */
export function redact(value: unknown, seen: WeakSet<object> = new WeakSet()): unknown {
  if (typeof value === 'string') return redactString(value)
  if (typeof value === 'bigint') return value.toString()
  if (value === null || typeof value !== 'object') return value
  if (value instanceof Date) return value
  if (seen.has(value)) return '[circular]'
  seen.add(value)
  if (value instanceof Error) return { name: value.name, message: redactString(value.message) }
  if (Array.isArray(value)) return value.map((item) => redact(item, seen))
  if (value instanceof URL) return redactString(value.href)
  const result: Record<string, unknown> = {}
  for (const [key, field] of Object.entries(value)) {
    result[key] = isSensitiveFieldName(key) ? REDACTED : redact(field, seen)
  }
  return result
}
