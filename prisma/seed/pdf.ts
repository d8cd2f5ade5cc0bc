import { createHash } from 'node:crypto'

export type PdfFile = { bytes: Buffer; sizeBytes: number; sha256: string }

/** Text for a PDF string in WinAnsi (Latin-1): escapes \ ( ) and replaces what Latin-1 cannot hold. */
function pdfString(text: string): string {
  return text.replace(/[^\x20-\x7e\xa0-\xff]/g, '-').replace(/[\\()]/g, (character) => `\\${character}`)
}

/** A minimal valid one-page A4 PDF with a few lines of Helvetica text. */
export function onePagePdf(lines: string[]): PdfFile {
  const text = lines
    .map((line, index) => `${index === 0 ? '/F1 16 Tf 56 780 Td' : '/F1 11 Tf 0 -24 Td'} (${pdfString(line)}) Tj`)
    .join('\n')
  const content = `BT\n${text}\nET`
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
  ]
  let body = '%PDF-1.4\n'
  const offsets: number[] = []
  objects.forEach((object, index) => {
    offsets.push(Buffer.byteLength(body, 'latin1'))
    body += `${index + 1} 0 obj\n${object}\nendobj\n`
  })
  const xrefOffset = Buffer.byteLength(body, 'latin1')
  const xref = [
    'xref',
    `0 ${objects.length + 1}`,
    '0000000000 65535 f ',
    ...offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n `),
  ].join('\n')
  body += `${xref}\ntrailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xrefOffset}\n%%EOF\n`
  const bytes = Buffer.from(body, 'latin1')
  return { bytes, sizeBytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') }
}
