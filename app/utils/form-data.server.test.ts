import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { readFormData, withoutNul } from './form-data.server'

function post(body: BodyInit, contentType?: string) {
  return new Request('http://localhost/x', { method: 'POST', body, headers: contentType ? { 'Content-Type': contentType } : {} })
}

async function statusOfThrown(run: () => Promise<unknown>) {
  try {
    await run()
    return null
  } catch (thrown) {
    return thrown instanceof Response ? thrown.status : 'not a Response'
  }
}

describe('reading a form post', () => {
  it('answers 400 to a body that is not a form, instead of failing', async () => {
    expect(await statusOfThrown(() => readFormData(post('{"role":"ADMIN"}', 'application/json')))).toBe(400)
    expect(await statusOfThrown(() => readFormData(post('a=1', 'text/plain')))).toBe(400)
    expect(await statusOfThrown(() => readFormData(post('--x\r\nbroken', 'multipart/form-data; boundary=y')))).toBe(400)
  })

  it('reads urlencoded and multipart forms', async () => {
    expect([...(await readFormData(post('a=1&a=2&b=%C3%A4', 'application/x-www-form-urlencoded')))]).toEqual([
      ['a', '1'],
      ['a', '2'],
      ['b', 'ä'],
    ])
    const form = new FormData()
    form.append('name', 'Nina')
    expect((await readFormData(post(form))).get('name')).toBe('Nina')
  })

  it('drops every NUL from names and values and keeps everything else as it was', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string({ unit: 'binary', maxLength: 8 }), fc.string({ unit: 'binary', maxLength: 20 })), { maxLength: 6 }), (entries) => {
        const form = new FormData()
        for (const [name, value] of entries) form.append(name, value)
        const clean = [...withoutNul(form)]
        expect(clean).toEqual([...form].map(([name, value]) => [name.replaceAll('\0', ''), String(value).replaceAll('\0', '')]))
      }),
    )
  })
})
