import { env } from './env.server'
import { redact, redactString } from './log-redaction'

type Level = 'debug' | 'info' | 'warn' | 'error'
const order: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 }

/**
 * Structured logs: one JSON object per line on stdout (warnings and errors on stderr). Every line goes through the
 * redaction of log-redaction.ts (secret and personal fields replaced, identity codes masked), but that is a net,
 * not a licence: never pass passwords, tokens or identity codes, and name actors by user id, not email.
 */
function write(level: Level, message: string, fields: Record<string, unknown> = {}) {
  if (order[level] < order[env().LOG_LEVEL]) return
  const line = JSON.stringify({ time: new Date().toISOString(), level, message: redactString(message), ...(redact(fields) as object) })
  if (level === 'error' || level === 'warn') process.stderr.write(line + '\n')
  else process.stdout.write(line + '\n')
}

export const log = {
  debug: (message: string, fields?: Record<string, unknown>) => write('debug', message, fields),
  info: (message: string, fields?: Record<string, unknown>) => write('info', message, fields),
  warn: (message: string, fields?: Record<string, unknown>) => write('warn', message, fields),
  error: (message: string, fields?: Record<string, unknown>) => write('error', message, fields),
}
