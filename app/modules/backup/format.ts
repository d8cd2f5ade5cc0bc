/**
 * The backup file (docs/decisions/0013-backups-and-fault-handling.md): gzipped JSON lines.
 *
 *   {"format":"palvelutori-backup","version":1,"createdAt":…,"server":…,"migrations":[{"name":…,"checksum":…}]}
 *   {"table":"Organisation","columns":[…],"rows":2}      one per table, parents before children
 *   {…row…}                                             exactly `rows` lines: PostgreSQL's row_to_json text
 *   {"checksum":"<md5 of the row lines joined by \n>"}
 *   {"sequences":[{"name":"AuditEvent_id_seq","lastValue":"42"}]}
 *   {"complete":true,"tables":44,"rows":1234}
 */
export const backupFormat = 'palvelutori-backup'
export const backupFormatVersion = 1

export type BackupHeader = {
  format: typeof backupFormat
  version: number
  createdAt: string
  server: string
  migrations: { name: string; checksum: string }[]
}
export type TableHeader = { table: string; columns: string[]; rows: number }
export type TableTrailer = { checksum: string }
/** lastValue is a decimal string (a bigint); null for a sequence never used */
export type SequencesLine = { sequences: { name: string; lastValue: string | null }[] }
export type CompleteLine = { complete: true; tables: number; rows: number }

/** `palvelutori-20261123T190614Z.jsonl.gz`: sorts by time, one name per second, in UTC. */
export function backupFileName(now: Date): string {
  const stamp = now.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '')
  return `palvelutori-${stamp}.jsonl.gz`
}

export function isBackupHeader(value: unknown): value is BackupHeader {
  const header = value as Partial<BackupHeader> | null
  return (
    typeof header === 'object' &&
    header !== null &&
    header.format === backupFormat &&
    typeof header.version === 'number' &&
    Array.isArray(header.migrations) &&
    header.migrations.every((m) => typeof m?.name === 'string' && typeof m?.checksum === 'string')
  )
}
