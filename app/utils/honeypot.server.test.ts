import { afterEach, describe, expect, it, vi } from 'vitest'
import { honeypotFieldName } from '~/components/honeypot-field'
import { honeypotFilled } from './honeypot.server'

function form(fields: Record<string, string>): FormData {
  const data = new FormData()
  for (const [name, value] of Object.entries(fields)) data.append(name, value)
  return data
}

describe('honeypotFilled', () => {
  afterEach(() => {
    vi.restoreAllMocks()
  })

  it('is false when the field is missing, empty or only spaces', () => {
    expect(honeypotFilled(form({ code: 'ABCD-EFGH' }))).toBe(false)
    expect(honeypotFilled(form({ [honeypotFieldName]: '' }))).toBe(false)
    expect(honeypotFilled(form({ [honeypotFieldName]: '  ' }))).toBe(false)
  })

  it('is true when a bot filled it in, and logs that at info with the route but none of the values', () => {
    const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true)
    expect(honeypotFilled(form({ [honeypotFieldName]: 'http://spam.example', code: 'SECRET-CODE' }), '/voucher')).toBe(true)
    const lines = write.mock.calls.map(([line]) => String(line))
    expect(lines).toHaveLength(1)
    expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({ level: 'info', message: 'honeypot filled', route: '/voucher' })
    expect(lines[0]).not.toContain('spam.example')
    expect(lines[0]).not.toContain('SECRET-CODE')
  })
})
