import { describe, expect, it } from 'vitest'
import { attachmentDisposition, downloadHeaders } from './download'

describe('download headers', () => {
  it('always downloads as an attachment, with the exact UTF-8 name and an ASCII fallback', () => {
    expect(attachmentDisposition('Skatteskuldsintyg 2026.pdf')).toBe(
      `attachment; filename="Skatteskuldsintyg 2026.pdf"; filename*=UTF-8''Skatteskuldsintyg%202026.pdf`,
    )
    expect(attachmentDisposition('Työeläkevakuutus (ote)*.pdf')).toBe(
      `attachment; filename="Ty_el_kevakuutus (ote)*.pdf"; filename*=UTF-8''Ty%C3%B6el%C3%A4kevakuutus%20%28ote%29%2A.pdf`,
    )
  })

  it('cannot be broken out of by quotes or separators in the name', () => {
    const value = attachmentDisposition('a"; filename=evil.html; x=".pdf')
    expect(value).toMatch(/^attachment; filename="a__ filename=evil.html_ x=_.pdf"; filename\*=UTF-8''/)
    expect(value).not.toContain('"; filename=evil')
  })

  it('sets the stored type, nosniff and no-store', () => {
    const headers = downloadHeaders({ mimeType: 'application/pdf', originalFilename: 'x.pdf', sizeBytes: 12 })
    expect(headers.get('Content-Type')).toBe('application/pdf')
    expect(headers.get('Content-Length')).toBe('12')
    expect(headers.get('X-Content-Type-Options')).toBe('nosniff')
    expect(headers.get('Cache-Control')).toBe('no-store')
  })
})
