import { describe, expect, it } from 'vitest'
import { normaliseBody, paragraphs, rulebookSchema } from './schema'

describe('rulebook texts', () => {
  it('are plain text with paragraphs separated by blank lines', () => {
    expect(normaliseBody('  First line\r\nstill first.  \r\n\r\n\r\n\r\nSecond.\n\n')).toBe('First line\nstill first.\n\nSecond.')
    expect(paragraphs('One.\n\nTwo\nlines.\n \nThree.')).toEqual(['One.', 'Two\nlines.', 'Three.'])
    expect(paragraphs('')).toEqual([])
  })

  it('need a version label, a real date, and a title and text in every language', () => {
    const result = rulebookSchema.safeParse({ version: '', effectiveFrom: '2027-13-01', titleFi: 'Sääntökirja', titleSv: 'Regelbok', bodyFi: 'x', bodySv: 'y', bodyEn: '  ' })
    expect(result.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['version', 'admin:errors.versionRequired'],
      ['effectiveFrom', 'admin:errors.dateInvalid'],
      ['titleEn', 'admin:errors.titleEnRequired'],
      ['bodyEn', 'admin:errors.bodyEnRequired'],
    ])
    expect(rulebookSchema.safeParse({ version: '<script>', effectiveFrom: '2027-01-01', titleFi: 'a', titleSv: 'b', titleEn: 'c', bodyFi: 'd', bodySv: 'e', bodyEn: 'f' }).error?.issues[0]?.message).toBe(
      'admin:errors.versionInvalid',
    )
  })
})
