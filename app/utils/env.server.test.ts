import { describe, expect, it } from 'vitest'
import { parseEnv } from './env.server'

describe('environment configuration', () => {
  it('has working defaults for development', () => {
    const env = parseEnv({ NODE_ENV: 'development' })
    expect(env).toMatchObject({ PGLITE_DIR: './data/pglite', DEFAULT_LOCALE: 'sv', APP_ORIGIN: 'http://localhost:3000' })
    expect(env.DATABASE_URL).toBeUndefined()
  })

  it('explains what is wrong', () => {
    expect(() => parseEnv({ DATABASE_URL: 'mysql://x', SMTP_URL: 'http://x', DEFAULT_LOCALE: 'de' })).toThrow(
      /DATABASE_URL must be a postgresql:\/\/ URL[\s\S]*DEFAULT_LOCALE[\s\S]*SMTP_URL must look like/,
    )
  })

  it('accepts PostgreSQL URLs', () => {
    expect(parseEnv({ DATABASE_URL: 'postgresql://u@127.0.0.1:5432/db' }).DATABASE_URL).toBe('postgresql://u@127.0.0.1:5432/db')
  })
})
