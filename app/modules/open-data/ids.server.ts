import { Prisma } from '~/generated/prisma/client'
import { prisma } from '~/utils/db.server'
import { hsdsId, namespaceHex, normaliseUuid } from './ids'

/** Where each kind's keys live: the table and its key columns (fixed text, never input). */
const sources = {
  organization: { table: 'Organisation', columns: ['id'] },
  service: { table: 'Offer', columns: ['id'] },
  location: { table: 'ServiceUnit', columns: ['id'] },
  taxonomy_term: { table: 'ServiceCategory', columns: ['id'] },
  service_at_location: { table: 'OfferServiceUnit', columns: ['offerId', 'serviceUnitId'] },
} as const

type LookupKind = keyof typeof sources
type KeyRow<K extends LookupKind> = { [C in (typeof sources)[K]['columns'][number]]: string }

/**
 * The rows whose HSDS id is `uuid` (normally one; none for an unknown id). The caller then reads the row with its
 * usual `where` (the public-offer rule), so a known id of a row that is not public still answers 404.
 */
export async function findByHsdsId<K extends LookupKind>(kind: K, uuid: string): Promise<KeyRow<K>[]> {
  const normalised = normaliseUuid(uuid)
  if (!normalised) return []
  const source = sources[kind]
  const prefix = normalised.replace(/-/g, '').slice(0, 12)
  const columns = Prisma.raw(source.columns.map((column) => `"${column}"`).join(', '))
  const table = Prisma.raw(`"${source.table}"`)
  // the same text as `hashedName`: kind, then ':' + byte length + ':' + key for each key
  const name = Prisma.raw(source.columns.map((column) => `':' || octet_length("${column}")::text || ':' || "${column}"`).join(' || '))
  const rows = await prisma.$queryRaw<Record<string, string>[]>`
    SELECT ${columns} FROM ${table}
    WHERE left(md5(decode(${namespaceHex}, 'hex') || convert_to(${kind} || ${name}, 'UTF8')), 12) = ${prefix}`
  return rows.filter((row) => hsdsId(kind, ...source.columns.map((column) => row[column] ?? '')) === normalised) as KeyRow<K>[]
}
