import { describe, expect, it } from 'vitest'
import { mustNotStore } from './private-responses.server'

const anonymous = { requestCookie: undefined, setCookie: undefined, contentDisposition: undefined }

describe('responses that must not be stored', () => {
  it('leaves anonymous pages cacheable', () => {
    expect(mustNotStore(anonymous)).toBe(false)
    expect(mustNotStore({ ...anonymous, requestCookie: 'lang=fi; toast=abc', setCookie: 'lang=sv; Path=/' })).toBe(false)
    expect(mustNotStore({ ...anonymous, contentDisposition: 'inline' })).toBe(false)
  })

  it('marks every response to a logged-in user or voucher client', () => {
    expect(mustNotStore({ ...anonymous, requestCookie: '__session=s%3Aabc' })).toBe(true)
    expect(mustNotStore({ ...anonymous, requestCookie: 'lang=fi; __voucher=xyz' })).toBe(true)
    expect(mustNotStore({ ...anonymous, requestCookie: 'my__session=1; __sessionx=2' })).toBe(false)
  })

  it('marks responses that log someone in or out', () => {
    expect(mustNotStore({ ...anonymous, setCookie: ['lang=fi; Path=/', '__session=abc; Path=/; HttpOnly'] })).toBe(true)
    expect(mustNotStore({ ...anonymous, setCookie: '__voucher=; Max-Age=0; Path=/' })).toBe(true)
  })

  it('marks every file handed over as an attachment', () => {
    expect(mustNotStore({ ...anonymous, contentDisposition: 'attachment; filename="a.pdf"' })).toBe(true)
    expect(mustNotStore({ ...anonymous, contentDisposition: 'Attachment' })).toBe(true)
  })
})
