/**
 * The path of a request as it may be logged: no query string (reset and verification links carry their token there)
 * and no long path segment (invitation links carry their token in the path, 43 base64url characters; record ids,
 * 25-character cuids, go too: the route's shape is what the log needs). Pure.
 */
export function loggablePath(url: string): string {
  const path = url.split(/[?#]/)[0] ?? ''
  return path
    .split('/')
    .map((segment) => (segment.length >= 24 ? '[redacted]' : segment))
    .join('/')
}
