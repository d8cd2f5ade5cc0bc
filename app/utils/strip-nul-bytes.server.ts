import { Transform } from 'node:stream'

/**
 * React 18.3's streaming renderer can flush NUL bytes when a multi-byte character (ä, ö, å…) meets its 2048-byte
 * buffer boundary (react/react#31134). NUL is never valid in HTML, so the HTML stream drops every NUL byte.
 */
export function stripNulBytes(): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      callback(null, chunk.includes(0) ? chunk.filter((byte) => byte !== 0) : chunk)
    },
  })
}
