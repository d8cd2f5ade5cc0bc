import { describe, expect, it } from 'vitest'
import { formatCents, formatDate, formatDateTime } from './format'

const nbsp = /[\u00a0\u202f]/g

describe('formatting', () => {
  it('shows money in the reader conventions', () => {
    expect(formatCents(123450, 'fi').replace(nbsp, ' ')).toBe('1 234,50 €')
    expect(formatCents(123450, 'sv').replace(nbsp, ' ')).toBe('1 234,50 €')
    expect(formatCents(5, 'en')).toMatch(/€0\.05|0\.05\s?€/)
  })

  it('shows UTC instants in Helsinki time, across the daylight-saving change', () => {
    expect(formatDateTime('2026-07-01T21:30:00Z', 'fi')).toContain('2.7.2026')
    expect(formatDateTime('2026-07-01T21:30:00Z', 'fi')).toContain('0.30')
    expect(formatDateTime('2026-01-01T21:30:00Z', 'fi')).toContain('23.30')
    expect(formatDate('2026-12-31T22:30:00Z', 'sv')).toMatch(/1 jan\.? 2027/)
  })
})
