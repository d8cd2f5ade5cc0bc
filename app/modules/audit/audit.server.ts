import type { Prisma } from '~/generated/prisma/client'
import type { Tx } from '~/utils/db.server'

export type AuditInput = {
  actorId: string | null
  action: string
  entityType: string
  entityId: string
  before?: Prisma.InputJsonValue
  after?: Prisma.InputJsonValue
}

/** Appends an audit event inside the caller's transaction (the table refuses updates and deletes). */
export async function recordAudit(tx: Tx, event: AuditInput): Promise<void> {
  await tx.auditEvent.create({ data: event })
}
