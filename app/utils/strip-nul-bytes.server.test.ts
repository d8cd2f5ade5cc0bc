import { PassThrough } from 'node:stream'
import { text } from 'node:stream/consumers'
import { describe, expect, it } from 'vitest'
import { stripNulBytes } from './strip-nul-bytes.server'

describe('stripNulBytes', () => {
  it('drops NUL bytes wherever they fall and keeps multi-byte characters whole', async () => {
    const source = new PassThrough()
    const output = text(source.pipe(stripNulBytes()))
    source.write(Buffer.concat([Buffer.from('<p>käy'), Buffer.from([0, 0])]))
    source.write(Buffer.from('ttää</p>'))
    source.end(Buffer.from([0]))
    expect(await output).toBe('<p>käyttää</p>')
  })
})
