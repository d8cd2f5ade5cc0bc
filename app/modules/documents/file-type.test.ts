import { describe, expect, it } from 'vitest'
import { detectFileType, maxDocumentBytes, safeDisplayName } from './file-type'

const bytes = (...values: number[]) => Uint8Array.from(values)
const text = (value: string) => new TextEncoder().encode(value)
const pdfBytes = text('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n')
const pngBytes = bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52)
const jpegBytes = bytes(0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46)

describe('detectFileType', () => {
  it('accepts PDF, PNG and JPEG by their signatures', () => {
    expect(detectFileType(pdfBytes)?.mimeType).toBe('application/pdf')
    expect(detectFileType(pngBytes)?.mimeType).toBe('image/png')
    expect(detectFileType(jpegBytes)?.mimeType).toBe('image/jpeg')
    expect(detectFileType(jpegBytes)?.extension).toBe('jpg')
  })

  it('refuses HTML, ZIP, empty and truncated content', () => {
    expect(detectFileType(text('<!doctype html><script>alert(1)</script>'))).toBeNull()
    expect(detectFileType(text('<html><body>%PDF-</body></html>'))).toBeNull()
    expect(detectFileType(bytes(0x50, 0x4b, 0x03, 0x04, 0x14, 0x00))).toBeNull() // ZIP (and .docx)
    expect(detectFileType(new Uint8Array())).toBeNull()
    expect(detectFileType(text('%PDF'))).toBeNull()
    expect(detectFileType(bytes(0x89, 0x50, 0x4e, 0x47))).toBeNull()
    expect(detectFileType(bytes(0xff, 0xd8))).toBeNull()
    expect(detectFileType(text(' %PDF-1.4'))).toBeNull()
  })

  it('decides by content, not by the name: a PDF named .png is a PDF', () => {
    const type = detectFileType(pdfBytes)
    expect(type?.mimeType).toBe('application/pdf')
    expect(safeDisplayName('scan.png', type!)).toBe('scan.pdf')
  })

  it('has a 10 MB limit', () => {
    expect(maxDocumentBytes).toBe(10 * 1024 * 1024)
  })
})

describe('safeDisplayName', () => {
  const pdf = detectFileType(pdfBytes)!
  const jpeg = detectFileType(jpegBytes)!

  it('keeps the base name only', () => {
    expect(safeDisplayName('../../etc/passwd.pdf', pdf)).toBe('passwd.pdf')
    expect(safeDisplayName('C:\\Users\\anna\\Skatteskuldsintyg 2026.pdf', pdf)).toBe('Skatteskuldsintyg 2026.pdf')
    expect(safeDisplayName('..', pdf)).toBe('document.pdf')
    expect(safeDisplayName('', pdf)).toBe('document.pdf')
  })

  it('strips control and invisible formatting characters', () => {
    expect(safeDisplayName('intyg\u0000\r\n\u0007.pdf', pdf)).toBe('intyg.pdf')
    expect(safeDisplayName('invoice\u202Efdp.exe', pdf)).toBe('invoicefdp.exe.pdf')
  })

  it('keeps a matching extension and adds the right one otherwise', () => {
    expect(safeDisplayName('Photo.JPEG', jpeg)).toBe('Photo.jpeg')
    expect(safeDisplayName('report.final', pdf)).toBe('report.final.pdf')
    expect(safeDisplayName('page.html', pdf)).toBe('page.html.pdf')
  })

  it('is at most 120 characters', () => {
    const name = safeDisplayName(`${'ä'.repeat(300)}.pdf`, pdf)
    expect(Array.from(name)).toHaveLength(120)
    expect(name.endsWith('.pdf')).toBe(true)
  })
})
