import { recordAudit } from '~/modules/audit/audit.server'
import { helsinkiToday, isIsoDate, isoDate, utcDate } from '~/modules/documents/dates'
import { prisma } from '~/utils/db.server'
import type { RulebookInput } from './schema'

/**
 * The rulebook (sääntökirja / regelbok): versions with an effective date. Providers accept the version in force
 * when they submit an application. A version is never edited: a change is a new version from a date that has not
 * passed, so what a provider accepted stays readable as it was.
 */

/** The calendar day in Helsinki of an instant, as a UTC midnight (how @db.Date columns read). */
function helsinkiDay(instant: Date): Date {
  return utcDate(helsinkiToday(instant))
}

/**
 * The rulebook version in force on `date`: the latest effectiveFrom on or before that date's calendar day in
 * Helsinki (a UTC-midnight day, as @db.Date columns read, is its own day); of two versions from the same day the
 * later published. Null before the first version.
 */
export function rulebookInForce(date: Date) {
  return prisma.rulebook.findFirst({
    where: { effectiveFrom: { lte: helsinkiDay(date) } },
    orderBy: [{ effectiveFrom: 'desc' }, { publishedAt: 'desc' }],
    select: {
      id: true,
      version: true,
      effectiveFrom: true,
      titleFi: true,
      titleSv: true,
      titleEn: true,
      bodyFi: true,
      bodySv: true,
      bodyEn: true,
    },
  })
}

/** Every version, newest effective date first, with the one in force on `now` marked. */
export async function listRulebooks(now = new Date()) {
  const [versions, inForce] = await Promise.all([
    prisma.rulebook.findMany({
      orderBy: [{ effectiveFrom: 'desc' }, { publishedAt: 'desc' }],
      select: {
        id: true,
        version: true,
        effectiveFrom: true,
        publishedAt: true,
        titleFi: true,
        titleSv: true,
        titleEn: true,
        bodyFi: true,
        bodySv: true,
        bodyEn: true,
        _count: { select: { applications: true } },
      },
    }),
    rulebookInForce(now),
  ])
  const today = helsinkiToday(now)
  return versions.map(({ _count, ...version }) => ({
    ...version,
    acceptedIn: _count.applications,
    inForce: version.id === inForce?.id,
    upcoming: isoDate(version.effectiveFrom) > today,
  }))
}

export type CreateRulebookResult =
  | { ok: true; rulebookId: string }
  | { ok: false; error: 'versionTaken' | 'effectiveFromPast' | 'invalidDate' }

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'P2002'
}

/** Publishes a new version (label unique, effective today or later in Helsinki), with its audit event. */
export async function createRulebookVersion(actorId: string, input: RulebookInput, now = new Date()): Promise<CreateRulebookResult> {
  if (!isIsoDate(input.effectiveFrom)) return { ok: false, error: 'invalidDate' }
  if (input.effectiveFrom < helsinkiToday(now)) return { ok: false, error: 'effectiveFromPast' }
  const existing = await prisma.rulebook.findUnique({ where: { version: input.version }, select: { id: true } })
  if (existing) return { ok: false, error: 'versionTaken' }
  try {
    const created = await prisma.$transaction(async (tx) => {
      const row = await tx.rulebook.create({
        data: { ...input, effectiveFrom: utcDate(input.effectiveFrom), publishedAt: now },
        select: { id: true },
      })
      await recordAudit(tx, {
        actorId,
        action: 'rulebook.publish',
        entityType: 'Rulebook',
        entityId: row.id,
        after: { ...input },
      })
      return row
    })
    return { ok: true, rulebookId: created.id }
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, error: 'versionTaken' }
    throw error
  }
}
