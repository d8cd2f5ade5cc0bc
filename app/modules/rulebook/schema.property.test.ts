import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { checkHostileForms } from '../../../tests/support/hostile-input'
import { normaliseBody, paragraphs, rulebookSchema } from './schema'

const values = {
  version: ['2027-1', 'v2 (ändrad)'],
  effectiveFrom: ['2027-01-01'],
  titleFi: ['Sääntökirja'],
  titleSv: ['Regelbok'],
  titleEn: ['Rulebook'],
  bodyFi: ['Sääntö.\n\nToinen.'],
  bodySv: ['Regel.\r\n\r\nAndra.'],
  bodyEn: ['Rule.'],
}

describe('the rulebook form against hostile input', { timeout: 30_000 }, () => {
  it('never throws on a hostile form, and names each problem with a translated message', () => {
    checkHostileForms(rulebookSchema, { fields: Object.keys(values), valid: values })
  })

  it('normalises a body once for good: line endings, trailing spaces and blank lines', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'ä', ' ', '\t', '\n', '\r', '\r\n', '\u00a0'), maxLength: 60 }), (text) => {
        const body = normaliseBody(text)
        expect(normaliseBody(body)).toBe(body)
        expect(body).not.toMatch(/\r|\n{3,}|[ \t]\n/)
        for (const paragraph of paragraphs(text)) expect(paragraph.trim()).not.toBe('')
      }),
    )
  })
})
