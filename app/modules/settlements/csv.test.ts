import { describe, expect, it } from 'vitest'
import { accountsPayableCsv, csvColumns, decimalComma, helsinkiTimestamp, textCell } from './csv'

const row = {
  businessId: '1234567-1',
  providerName: 'Hemvård Österbotten Ab',
  month: new Date('2026-10-01'),
  voucherShareCents: 123456,
  copaymentCents: 1200,
  extrasCents: 0,
  unitsHundredths: 150,
  approvedAt: new Date('2026-11-06T09:12:00Z'),
  approvedBy: 'Anna Andersson',
}

describe('the accounts-payable CSV', () => {
  it('writes a BOM, a fixed header, semicolons, CRLF and decimal commas', () => {
    const csv = accountsPayableCsv([row])
    expect(csv.startsWith('\uFEFF')).toBe(true)
    const lines = csv.slice(1).split('\r\n')
    expect(lines).toEqual([
      csvColumns.join(';'),
      '1234567-1;Hemvård Österbotten Ab;2026-10;2026-10-01;2026-10-31;123456;1234,56;1200;12,00;0;0,00;1,50;2026-11-06T11:12:00+02:00;Anna Andersson',
      '',
    ])
  })

  it('writes only the header for a month without approved statements', () => {
    expect(accountsPayableCsv([])).toBe(`\uFEFF${csvColumns.join(';')}\r\n`)
  })

  it('quotes separators, quotes and line breaks, and defuses formulas in text cells', () => {
    const csv = accountsPayableCsv([
      { ...row, providerName: '=HYPERLINK("http://x";"y")', approvedBy: '@admin; "boss"' },
      { ...row, providerName: '+358 Oy\nline two', approvedBy: '-1+1' },
    ])
    const lines = csv.slice(1).split('\r\n')
    expect(lines[1]).toContain(`;"'=HYPERLINK(""http://x"";""y"")";`)
    expect(lines[1]!.endsWith(`;"'@admin; ""boss"""`)).toBe(true)
    expect(csv).toContain(`;"'+358 Oy\nline two";`)
    expect(lines.at(-2)!.endsWith(";'-1+1")).toBe(true)
    expect(textCell('\tcmd')).toBe("'\tcmd")
    expect(textCell('Ab Oy')).toBe('Ab Oy')
  })

  it('writes negative amounts as numbers, not as defused text', () => {
    expect(decimalComma(-123456)).toBe('-1234,56')
    expect(decimalComma(-5)).toBe('-0,05')
    expect(decimalComma(0)).toBe('0,00')
    const csv = accountsPayableCsv([{ ...row, copaymentCents: -1200 }])
    expect(csv).toContain(';-1200;-12,00;')
  })

  it('gives times in Helsinki with the summer or winter offset', () => {
    expect(helsinkiTimestamp(new Date('2026-07-01T09:00:00.500Z'))).toBe('2026-07-01T12:00:00+03:00')
    expect(helsinkiTimestamp(new Date('2026-12-31T22:30:00Z'))).toBe('2027-01-01T00:30:00+02:00')
  })
})
