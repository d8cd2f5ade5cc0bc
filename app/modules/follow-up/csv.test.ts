import { describe, expect, it } from 'vitest'
import { csvCell, csvStream, csvText } from './csv'
import type { Cell } from './tables'

async function* rows(list: Cell[][]) {
  for (const row of list) yield row
}

describe('CSV cells', () => {
  it('writes euros and units with a decimal comma in Finnish and Swedish, a point in English, no separators or signs', () => {
    expect(csvCell({ kind: 'euro', value: 123_456_789 }, 'fi')).toBe('1234567,89')
    expect(csvCell({ kind: 'euro', value: -1100 }, 'sv')).toBe('-11,00')
    expect(csvCell({ kind: 'euro', value: 5 }, 'en')).toBe('0.05')
    expect(csvCell({ kind: 'units', value: 150 }, 'fi')).toBe('1,50')
    expect(csvCell({ kind: 'count', value: 1234 }, 'sv')).toBe('1234')
    expect(csvCell({ kind: 'percent', value: 0.725 }, 'fi')).toBe('72,5')
    expect(csvCell({ kind: 'change', value: -0.0351 }, 'en')).toBe('-3.5')
    expect(csvCell({ kind: 'euro', value: null }, 'fi')).toBe('')
    expect(csvCell({ kind: 'date', value: '2026-10-01' }, 'fi')).toBe('2026-10-01')
  })

  it('keeps text from being run as a formula and quotes what needs quoting', () => {
    expect(csvText('=HYPERLINK("http://evil.example")')).toBe(`"'=HYPERLINK(""http://evil.example"")"`)
    expect(csvText('+358 40 123')).toBe("'+358 40 123")
    expect(csvText('-1')).toBe("'-1")
    expect(csvText('@SUM(A1)')).toBe("'@SUM(A1)")
    expect(csvText('Hemvård; Närpes')).toBe('"Hemvård; Närpes"')
    expect(csvText('two\nlines')).toBe('"two\nlines"')
    expect(csvText('Kotihoito')).toBe('Kotihoito')
    // a number in a text column is text: escaped as such
    expect(csvCell({ kind: 'text', value: '-5' }, 'fi')).toBe("'-5")
  })

  it('streams a byte order mark, the header and a CRLF line per row', async () => {
    const stream = csvStream(['Palvelu', 'Osuus (€)'], rows([[{ kind: 'text', value: 'Kotihoito' }, { kind: 'euro', value: 32_316 }]]), 'fi')
    // (Response.text() would drop the byte order mark)
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await new Response(stream).arrayBuffer())
    expect(text).toBe('\uFEFFPalvelu;Osuus (€)\r\nKotihoito;323,16\r\n')
    expect(new Uint8Array(await new Response(csvStream(['a'], rows([]), 'fi')).arrayBuffer()).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]))
  })
})
