import { describe, expect, it } from 'vitest'
import { minutesUntilRetry } from './too-many-requests'

describe('minutesUntilRetry', () => {
  it('rounds the seconds of Retry-After up to whole minutes, at least one', () => {
    expect(minutesUntilRetry(1)).toBe(1)
    expect(minutesUntilRetry(60)).toBe(1)
    expect(minutesUntilRetry(61)).toBe(2)
    expect(minutesUntilRetry(900)).toBe(15)
    expect(minutesUntilRetry(0)).toBe(1)
  })
})
