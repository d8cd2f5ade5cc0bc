import { parseWithZod } from '@conform-to/zod/v4'
import { describe, expect, it } from 'vitest'
import { parseDateOfBirth, voucherLoginSchema, voucherRedirectTo } from './schema'

const today = '2026-11-23'

function formData(fields: Record<string, string>) {
  const data = new FormData()
  for (const [name, value] of Object.entries(fields)) data.append(name, value)
  return data
}

describe('the voucher form', () => {
  it('reads the date of birth from three boxes', () => {
    expect(parseDateOfBirth({ day: '14', month: '3', year: '1941' }, today)).toEqual({ ok: true, date: '1941-03-14' })
    expect(parseDateOfBirth({ day: '05', month: '09', year: '1938' }, today)).toEqual({ ok: true, date: '1938-09-05' })
    expect(parseDateOfBirth({}, today)).toEqual({ ok: false, error: 'voucher:login.errors.dateRequired' })
    for (const parts of [{ day: '30', month: '2', year: '1941' }, { day: '1', month: '13', year: '1941' }, { day: '1', month: '1', year: '41' }, { day: 'x', month: '1', year: '1941' }, { day: '1', month: '1', year: '1899' }]) {
      expect(parseDateOfBirth(parts, today)).toEqual({ ok: false, error: 'voucher:login.errors.dateInvalid' })
    }
    expect(parseDateOfBirth({ day: '24', month: '11', year: '2026' }, today)).toEqual({ ok: false, error: 'voucher:login.errors.dateInFuture' })
  })

  it('checks the code and the date together, and normalises the code', () => {
    const ok = parseWithZod(formData({ code: ' hemv ard5 ', 'dateOfBirth.day': '14', 'dateOfBirth.month': '3', 'dateOfBirth.year': '1941' }), { schema: voucherLoginSchema(today) })
    expect(ok.status === 'success' && ok.value).toEqual({ code: 'HEMVARD5', dateOfBirth: '1941-03-14', redirectTo: '/my-voucher' })
    const bad = parseWithZod(formData({ code: 'HEMV-ARD6', 'dateOfBirth.day': '31' }), { schema: voucherLoginSchema(today) })
    expect(bad.status === 'error' && bad.error).toEqual({ code: ['voucher:login.errors.codeInvalid'], dateOfBirth: ['voucher:login.errors.dateInvalid'] })
  })

  it('only goes on to the voucher pages', () => {
    expect(voucherRedirectTo('/my-voucher/producers?municipality=545')).toBe('/my-voucher/producers?municipality=545')
    expect(voucherRedirectTo('/my-voucher')).toBe('/my-voucher')
    for (const value of [null, '', '/staff', '//evil.example/my-voucher', 'https://evil.example', '/my-voucher//evil', '/my-voucherx', '/my-voucher/\\evil']) {
      expect(voucherRedirectTo(value)).toBe('/my-voucher')
    }
  })
})
