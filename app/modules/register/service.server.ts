import type { Locale, RegisterEntryStatus } from '~/generated/prisma/client'
import { nameIn } from '~/modules/applications/labels'
import { recordAudit } from '~/modules/audit/audit.server'
import { helsinkiToday, isIsoDate, utcDate } from '~/modules/documents/dates'
import { prisma } from '~/utils/db.server'
import { formatDate } from '~/utils/format'
import { can, type Role } from '~/utils/permissions'
import { notifyOrganisationOwners, providerLink, type OrganisationNotice } from './notify.server'
import { maxSuspensionLeadDays, reasonMaxLength } from './schema'
import { dateTimeFormat } from '~/utils/intl'

/**
 * One organisation's entries in the producer register: per category its status (active, suspended with reason,
 * removed), since when, and whether a required document has lapsed.
 */
export async function listRegisterEntries(organisationId: string) {
  const entries = await prisma.registerEntry.findMany({
    where: { organisationId },
    select: {
      id: true,
      status: true,
      validFrom: true,
      decidedAt: true,
      statusReason: true,
      statusChangedAt: true,
      lapsedAt: true,
      category: {
        select: { id: true, code: true, nameFi: true, nameSv: true, nameEn: true, unit: true, voucherType: true, sortOrder: true },
      },
    },
  })
  const rank = { ACTIVE: 0, SUSPENDED: 1, REMOVED: 2 } as const
  return entries.sort(
    (a, b) =>
      rank[a.status] - rank[b.status] ||
      a.category.sortOrder - b.category.sortOrder ||
      a.category.code.localeCompare(b.category.code),
  )
}

// ─── Staff decisions: suspend, reinstate, remove ───────────────────────────

/** The acting staff user, as requirePermission returns it. */
export type StaffActor = { id: string; role: Role }

export type EntryDecisionInput = {
  /** the organisation the page is about; an entry of another organisation is not found */
  organisationId: string
  entryId: string
  /** the status the page showed: the decision is made only if the entry is still in it */
  expectedStatus: RegisterEntryStatus
}

export type EntryDecisionResult =
  | { ok: true; status: RegisterEntryStatus; effectiveFrom: Date }
  | { ok: false; error: 'forbidden' | 'notFound' | 'reasonRequired' | 'dateInvalid' }
  /** somebody changed the entry after the page was shown; `status` is its status now */
  | { ok: false; error: 'conflict'; status: RegisterEntryStatus }
  /** the decision does not apply to an entry in `status` (reinstating a removed entry, say) */
  | { ok: false; error: 'notAllowed'; status: RegisterEntryStatus }

type Decision = 'suspend' | 'reinstate' | 'remove'

const rules: Record<Decision, { from: readonly RegisterEntryStatus[]; to: RegisterEntryStatus; template: OrganisationNotice }> = {
  suspend: { from: ['ACTIVE'], to: 'SUSPENDED', template: 'register-entry-suspended' },
  reinstate: { from: ['SUSPENDED'], to: 'ACTIVE', template: 'register-entry-reinstated' },
  remove: { from: ['ACTIVE', 'SUSPENDED'], to: 'REMOVED', template: 'register-entry-removed' },
}

const hourMs = 60 * 60 * 1000

/** The moment a Helsinki calendar day (`YYYY-MM-DD`) begins, as a UTC instant (22:00 or 21:00 UTC the day before). */
export function helsinkiStartOfDay(isoDate: string): Date {
  const midnightUtc = utcDate(isoDate).getTime()
  for (const offsetHours of [2, 3]) {
    const candidate = new Date(midnightUtc - offsetHours * hourMs)
    const wall = dateTimeFormat('en-GB', { timeZone: 'Europe/Helsinki', hour: '2-digit', hourCycle: 'h23' }).format(candidate)
    if (helsinkiToday(candidate) === isoDate && wall === '00') return candidate
  }
  throw new Error(`No Helsinki midnight on ${isoDate}`)
}

function addDays(isoDate: string, days: number): string {
  const date = utcDate(isoDate)
  date.setUTCDate(date.getUTCDate() + days)
  return date.toISOString().slice(0, 10)
}

/**
 * Changes an entry's status in one transaction: the status, its reason and since when (an optimistic update that
 * only succeeds if the entry is still in `expectedStatus`), an audit event with the before and after, and a notice
 * to the organisation's owners in each owner's language. Offers need no update: the public catalogue shows an
 * offer only while its entry is in force (public-offers.ts).
 */
async function decide(
  actor: StaffActor,
  decision: Decision,
  input: EntryDecisionInput & { reason: string | null; effectiveFrom: Date },
): Promise<EntryDecisionResult> {
  if (!can(actor.role, 'register:manage')) return { ok: false, error: 'forbidden' }
  const rule = rules[decision]
  return prisma.$transaction(async (tx) => {
    const entry = await tx.registerEntry.findFirst({
      where: { id: input.entryId, organisationId: input.organisationId },
      select: {
        id: true,
        status: true,
        statusReason: true,
        statusChangedAt: true,
        organisationId: true,
        category: { select: { id: true, code: true, nameFi: true, nameSv: true, nameEn: true } },
      },
    })
    if (!entry) return { ok: false, error: 'notFound' } as const
    if (!rule.from.includes(input.expectedStatus)) return { ok: false, error: 'notAllowed', status: entry.status } as const
    const updated = await tx.registerEntry.updateMany({
      where: { id: entry.id, status: input.expectedStatus },
      data: { status: rule.to, statusReason: input.reason, statusChangedAt: input.effectiveFrom },
    })
    if (updated.count === 0) {
      const current = await tx.registerEntry.findUniqueOrThrow({ where: { id: entry.id }, select: { status: true } })
      return { ok: false, error: 'conflict', status: current.status } as const
    }
    await recordAudit(tx, {
      actorId: actor.id,
      action: `register-entry.${decision}`,
      entityType: 'RegisterEntry',
      entityId: entry.id,
      before: { status: entry.status, statusReason: entry.statusReason, statusChangedAt: entry.statusChangedAt.toISOString() },
      after: {
        status: rule.to,
        statusReason: input.reason,
        statusChangedAt: input.effectiveFrom.toISOString(),
        organisationId: entry.organisationId,
        categoryCode: entry.category.code,
      },
    })
    await notifyOrganisationOwners(tx, {
      organisationId: entry.organisationId,
      template: rule.template,
      values: (locale: Locale) => ({
        category: nameIn(locale, entry.category),
        date: formatDate(input.effectiveFrom, locale),
        // the templates end the reason with a full stop of their own
        reason: (input.reason ?? '').replace(/[.!]+$/, ''),
      }),
      link: providerLink(entry.organisationId, 'register'),
    })
    return { ok: true, status: rule.to, effectiveFrom: input.effectiveFrom } as const
  })
}

function cleanReason(reason: string | null | undefined): string | null {
  const text = reason?.trim() ?? ''
  return text ? text.slice(0, reasonMaxLength) : null
}

/**
 * Suspends an active entry (reason required) from now, or from the start of a later Helsinki day (`startDate`,
 * `YYYY-MM-DD`, at most a year ahead; a past day is refused: a decision is not made retroactive against the
 * provider). Until a later start the entry stays in force; from then its offers are hidden and cannot be booked.
 */
export async function suspendEntry(
  actor: StaffActor,
  input: EntryDecisionInput & { reason: string; startDate?: string | null },
  now = new Date(),
): Promise<EntryDecisionResult> {
  const reason = cleanReason(input.reason)
  if (!reason) return { ok: false, error: 'reasonRequired' }
  const today = helsinkiToday(now)
  let effectiveFrom = now
  if (input.startDate && input.startDate !== today) {
    if (!isIsoDate(input.startDate) || input.startDate < today || input.startDate > addDays(today, maxSuspensionLeadDays)) {
      return { ok: false, error: 'dateInvalid' }
    }
    effectiveFrom = helsinkiStartOfDay(input.startDate)
  }
  return decide(actor, 'suspend', { ...input, reason, effectiveFrom })
}

/** Puts a suspended entry back in force at once (an optional note is kept as the reason). */
export async function reinstateEntry(
  actor: StaffActor,
  input: EntryDecisionInput & { note?: string | null },
  now = new Date(),
): Promise<EntryDecisionResult> {
  return decide(actor, 'reinstate', { ...input, reason: cleanReason(input.note), effectiveFrom: now })
}

/**
 * Removes an active or suspended entry from the register at once (reason required). A removed entry is not
 * reinstated: the provider applies again.
 */
export async function removeEntry(
  actor: StaffActor,
  input: EntryDecisionInput & { reason: string },
  now = new Date(),
): Promise<EntryDecisionResult> {
  const reason = cleanReason(input.reason)
  if (!reason) return { ok: false, error: 'reasonRequired' }
  return decide(actor, 'remove', { ...input, reason, effectiveFrom: now })
}
