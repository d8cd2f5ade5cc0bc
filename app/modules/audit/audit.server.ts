import type { Prisma } from '~/generated/prisma/client'
import type { Tx } from '~/utils/db.server'
import { log } from '~/utils/logger.server'

export type AuditInput = {
  actorId: string | null
  action: string
  entityType: string
  entityId: string
  before?: Prisma.InputJsonValue
  after?: Prisma.InputJsonValue
}

/**
 * Appends an audit event inside the caller's transaction (the table refuses updates and deletes), and writes a log
 * line for it: time, actor id, action and record, never the before/after payloads (they may hold personal data).
 * The line is written when the event is, so a transaction that rolls back afterwards leaves a line without an event.
 */
export async function recordAudit(tx: Tx, event: AuditInput): Promise<void> {
  await tx.auditEvent.create({ data: event })
  log.info('audit', { actorId: event.actorId, action: event.action, entityType: event.entityType, entityId: event.entityId })
}
