import { describe, expect, it } from 'vitest'
import { formatCentsCompact, formatNumber, formatPercent } from '~/utils/format'
import { perUnit, ratio, relativeChange } from './tables'

const nbsp = /[\u00a0\u202f]/g

describe('table figures', () => {
  it('computes changes, shares and costs per unit, with nothing to compare giving no value', () => {
    expect(relativeChange(32_316, 12_000)).toBeCloseTo(1.693, 3)
    expect(relativeChange(0, 7500)).toBe(-1)
    expect(relativeChange(10, 0)).toBeNull()
    expect(relativeChange(-50, -100)).toBe(0.5)
    expect(ratio(967, 3083)).toBeCloseTo(0.3137, 4)
    expect(ratio(1, 0)).toBeNull()
    // 323,16 € for 10,67 hours → 30,29 € an hour
    expect(perUnit(32_316, 1067)).toBe(3029)
    expect(perUnit(100, 0)).toBeNull()
  })

  it('formats numbers and percentages in the reader’s conventions', () => {
    expect(formatNumber(1234.5, 'fi', 2).replace(nbsp, ' ')).toBe('1 234,5')
    expect(formatNumber(1234.5, 'sv', 2).replace(nbsp, ' ')).toBe('1 234,5')
    expect(formatPercent(0.725, 'fi').replace(nbsp, ' ')).toBe('72,5 %')
    expect(formatPercent(0.12, 'sv', { signed: true }).replace(nbsp, ' ')).toBe('+12,0 %')
    expect(formatPercent(-0.035, 'fi', { signed: true }).replace(nbsp, ' ')).toBe('−3,5 %')
    expect(formatCentsCompact(123_456_789, 'fi').replace(nbsp, ' ')).toBe('1,2 milj. €')
  })
})
