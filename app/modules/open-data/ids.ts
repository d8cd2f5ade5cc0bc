import { createHash } from 'node:crypto'

/**
 * HSDS identifiers. HSDS 3.1 requires every `id` to be a UUID; our primary keys are cuids (and the seed's and the
 * benchmark's readable keys), which do not fit in 128 bits. So each HSDS id is a name-based UUID (RFC 9562
 * version 3: MD5 of our namespace and the kind and keys, `hashedName`), the same on every request and every
 * deployment of the same data.
 *
 * Going back (an id in a path or a filter) is one SQL query that computes the same MD5 in the database and compares
 * its first 48 bits (the bits before the version nibble), then checks the whole UUID here: no rows are read into
 * JavaScript to find one. The comparison is a sequential scan of the table; a stored `hsdsId` column with an index
 * would make it a lookup if the register grows far beyond the benchmark's 25,000 offers.
 */
export const namespaceHex = '336e94fe89684d4cb6f6cd4e35233427'
const namespace = Buffer.from(namespaceHex, 'hex')

/** The kinds of HSDS object we give ids to; the kind is part of the hashed name, so kinds never collide. */
export type IdKind =
  | 'organization'
  | 'organization_identifier'
  | 'phone'
  | 'service'
  | 'location'
  | 'address'
  | 'accessibility'
  | 'service_at_location'
  | 'language'
  | 'cost_option'
  | 'service_capacity'
  | 'unit'
  | 'service_area'
  | 'attribute'
  | 'taxonomy'
  | 'taxonomy_term'

/**
 * The hashed name: the kind, then each key prefixed with its length in bytes, so that no two key lists give the
 * same name ("a", "b:c" and "a:b", "c" differ). `findByHsdsId` builds the same text in SQL.
 */
export function hashedName(kind: IdKind, keys: readonly string[]): string {
  return [kind, ...keys.map((key) => `${Buffer.byteLength(key, 'utf8')}:${key}`)].join(':')
}

/** The UUID of an HSDS object: `hsdsId('service', offer.id)`, `hsdsId('service_at_location', offerId, unitId)`. */
export function hsdsId(kind: IdKind, ...keys: readonly string[]): string {
  const hash = createHash('md5').update(namespace).update(hashedName(kind, keys), 'utf8').digest()
  hash[6] = (hash[6]! & 0x0f) | 0x30 // version 3 (name-based, MD5)
  hash[8] = (hash[8]! & 0x3f) | 0x80 // RFC 9562 variant
  const hex = hash.toString('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

/** A UUID as given in a path or a filter, lower-cased; null when it is not one. */
export function normaliseUuid(value: string): string | null {
  const lower = value.trim().toLowerCase()
  return uuidPattern.test(lower) ? lower : null
}
