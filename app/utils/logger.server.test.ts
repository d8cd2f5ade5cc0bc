import { afterEach, describe, expect, it, vi } from 'vitest'
import { log } from './logger.server'

function captured(stream: NodeJS.WriteStream) {
  const lines: string[] = []
  vi.spyOn(stream, 'write').mockImplementation((chunk: string | Uint8Array) => {
    lines.push(String(chunk))
    return true
  })
  return lines
}

afterEach(() => {
  vi.restoreAllMocks()
})

describe('the logger', () => {
  it('writes one JSON line per call with secrets and identity codes removed', () => {
    const out = captured(process.stdout)
    log.info('login failed for 131052-308T', { actorId: 'user-1', email: 'anna@example.com', form: { password: 'demo-password-2026' } })
    expect(out).toHaveLength(1)
    const line = out[0]!
    expect(line.endsWith('\n')).toBe(true)
    expect(line).not.toMatch(/131052-308T|anna@example.com|demo-password-2026/)
    expect(JSON.parse(line)).toMatchObject({
      level: 'info',
      message: 'login failed for 131052-****',
      actorId: 'user-1',
      email: '[redacted]',
      form: { password: '[redacted]' },
    })
  })

  it('sends warnings and errors to stderr, errors as name and message', () => {
    const err = captured(process.stderr)
    log.error('request failed', { error: new TypeError('bad 131052-308T'), url: '/reset-password?token=secret-token' })
    expect(JSON.parse(err[0]!)).toMatchObject({
      level: 'error',
      error: { name: 'TypeError', message: 'bad 131052-****' },
      url: '/reset-password?token=[redacted]',
    })
  })
})
