/**
 * What an uploaded document really is, decided from its first bytes (never from its name or the browser's content
 * type). Only PDF, PNG and JPEG are accepted. Pure; shared with the browser for the size limit.
 */
export const maxDocumentBytes = 10 * 1024 * 1024

export type DocumentFileType = {
  mimeType: 'application/pdf' | 'image/png' | 'image/jpeg'
  /** the extension of server-generated names and of download names */
  extension: 'pdf' | 'png' | 'jpg'
  /** extensions a display name may keep for this type */
  extensions: readonly string[]
}

const pdf: DocumentFileType = { mimeType: 'application/pdf', extension: 'pdf', extensions: ['pdf'] }
const png: DocumentFileType = { mimeType: 'image/png', extension: 'png', extensions: ['png'] }
const jpeg: DocumentFileType = { mimeType: 'image/jpeg', extension: 'jpg', extensions: ['jpg', 'jpeg'] }

const signatures: { bytes: readonly number[]; type: DocumentFileType }[] = [
  { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], type: pdf }, // %PDF-
  { bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], type: png },
  { bytes: [0xff, 0xd8, 0xff], type: jpeg },
]

/** The accepted type the bytes start with, or null (HTML, ZIP, empty, anything else). */
export function detectFileType(bytes: Uint8Array): DocumentFileType | null {
  for (const signature of signatures) {
    if (bytes.length >= signature.bytes.length && signature.bytes.every((byte, index) => bytes[index] === byte)) {
      return signature.type
    }
  }
  return null
}

/** For the file input's `accept`: a hint to the browser's picker only; the server decides by content. */
export const acceptedFileTypes = 'application/pdf,image/png,image/jpeg,.pdf,.png,.jpg,.jpeg'

const maxDisplayNameLength = 120

/**
 * A safe name to show and to offer on download: the base name only (no folders), without control or invisible
 * formatting characters (such as right-to-left overrides), at most 120 characters, ending in an extension that
 * matches the content.
 */
export function safeDisplayName(uploadedName: string, type: DocumentFileType): string {
  const base = uploadedName.split(/[/\\]/).pop() ?? ''
  const cleaned = base
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, '')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+/, '')
    .trim()
  const dot = cleaned.lastIndexOf('.')
  const extension = dot > 0 ? cleaned.slice(dot + 1).toLowerCase() : ''
  let stem = dot > 0 ? cleaned.slice(0, dot) : cleaned
  if (extension && !type.extensions.includes(extension) && !['pdf', 'png', 'jpg', 'jpeg'].includes(extension)) {
    // an extension of something else ("report.final"): keep it as part of the name
    stem = cleaned
  }
  const suffix = `.${type.extensions.includes(extension) ? extension : type.extension}`
  stem = stem.trim() || 'document'
  const characters = Array.from(stem)
  const room = maxDisplayNameLength - suffix.length
  return (characters.length > room ? characters.slice(0, room).join('').trimEnd() : stem) + suffix
}
