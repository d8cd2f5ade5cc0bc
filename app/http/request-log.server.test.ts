import { describe, expect, it } from 'vitest'
import { loggablePath } from './request-log.server'

describe('loggable request path', () => {
  it('drops the query string, where reset and verification tokens travel', () => {
    expect(loggablePath('/reset-password?token=abc123')).toBe('/reset-password')
    expect(loggablePath('/services?category=home-care#results')).toBe('/services')
  })

  it('masks tokens and record ids in the path, and keeps the route', () => {
    const token = 'Vx3rM0f8kQz1b2YwT5uH9pLs7dNcE4aG6jKqWzR0tYU'
    expect(loggablePath(`/invitations/${token}`)).toBe('/invitations/[redacted]')
    expect(loggablePath('/provider/cmi0abcdefghijklmnopqrstu/clients')).toBe('/provider/[redacted]/clients')
    expect(loggablePath('/staff/settlements/export')).toBe('/staff/settlements/export')
  })
})
