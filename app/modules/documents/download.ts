/** Response headers for handing a stored document to the browser. Pure. */

/** RFC 5987/6266 value: percent-encoded UTF-8, with the characters encodeURIComponent leaves but attr-char forbids. */
function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`)
}

/** `attachment` with an ASCII fallback name and the exact UTF-8 name (`filename*`), so the file is never shown inline. */
export function attachmentDisposition(filename: string): string {
  const fallback = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\;%]/g, '_') || 'document'
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeRfc5987(filename)}`
}

export function downloadHeaders(document: { mimeType: string; originalFilename: string; sizeBytes: number }): Headers {
  return new Headers({
    'Content-Type': document.mimeType,
    'Content-Length': String(document.sizeBytes),
    'Content-Disposition': attachmentDisposition(document.originalFilename),
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
    // even if a browser rendered it, the file could run nothing and load nothing
    'Content-Security-Policy': "default-src 'none'; sandbox",
  })
}
