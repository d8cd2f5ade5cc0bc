import { Prisma, type OfferStatus, type RegisterEntryStatus } from '~/generated/prisma/client'
import type { Names } from '~/modules/applications/labels'
import { recordAudit } from '~/modules/audit/audit.server'
import { helsinkiToday, isoDate, utcDate } from '~/modules/documents/dates'
import { entryInForceWhere, isEntryInForce } from '~/modules/register/public-offers'
import { prisma, type Tx } from '~/utils/db.server'
import { can, type Role } from '~/utils/permissions'
import { priceInForce } from './prices'
import type { ExtraServiceInput, NewOfferInput, OfferEditInput } from './schema'

/**
 * Offers: what an organisation sells in one category, with its price history, units, extra services, free places
 * and status. Every query names the organisation in its `where`, so another organisation's offer id is not found.
 * Each change is one transaction with an audit event (before/after).
 *
 * An organisation keeps at most one offer per category that is not archived (its "offer in that category");
 * archived ones stay for the record. `Offer.priceCents` is always the price in force today (Helsinki): a price
 * from today is written to it in the same transaction, a later one by `applyDuePrices` on its day.
 */

/** The acting member, as requireOrganisationPermission returns it. */
export type OfferActor = { id: string; organisationId: string; role: Role }

type Failure<E extends string> = { ok: false; error: E }

const categorySelect = { id: true, code: true, nameFi: true, nameSv: true, nameEn: true, unit: true, sortOrder: true } as const

type EntryState = { status: RegisterEntryStatus; statusChangedAt: Date }

/** Today's calendar day in Finland, as the @db.Date columns store it. */
function today(now: Date): Date {
  return utcDate(helsinkiToday(now))
}

/** Serialises the changes of one organisation's offers (creating two offers in a category at once, say). */
async function lockOrganisation(tx: Tx, organisationId: string): Promise<boolean> {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Organisation" WHERE id = ${organisationId} FOR UPDATE`
  return rows.length > 0
}

/** Locks the offer row for the rest of the transaction; null when the organisation has no such offer. */
async function lockOffer(tx: Tx, organisationId: string, offerId: string) {
  const rows = await tx.$queryRaw<{ id: string; status: OfferStatus; categoryId: string }[]>`
    SELECT id, status::text AS status, "categoryId" FROM "Offer"
    WHERE id = ${offerId} AND "organisationId" = ${organisationId} FOR UPDATE`
  return rows[0] ?? null
}

/** The organisation's register entry in force for the category, if any (the rule of register/public-offers.ts). */
function entryInForce(db: Tx | typeof prisma, organisationId: string, categoryId: string, now: Date) {
  return db.registerEntry.findFirst({
    where: { AND: [{ organisationId, categoryId }, entryInForceWhere(now)] },
    select: { id: true },
  })
}

/**
 * True when every unit is the organisation's. The rows are share-locked for the rest of the transaction, so a unit
 * cannot be deleted between this check and the offer's links to it (deleteUnit locks the row for update).
 */
async function unitsBelong(tx: Tx, organisationId: string, unitIds: readonly string[]): Promise<boolean> {
  const unique = [...new Set(unitIds)]
  if (unique.length === 0) return false
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "ServiceUnit" WHERE "organisationId" = ${organisationId} AND id IN (${Prisma.join(unique)}) FOR SHARE`
  return rows.length === unique.length
}

/** The offer's units, share-locked (see unitsBelong): publishing and deleting a unit cannot cross each other. */
async function lockedUnitCount(tx: Tx, offerId: string): Promise<number> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT su.id FROM "ServiceUnit" su JOIN "OfferServiceUnit" osu ON osu."serviceUnitId" = su.id
    WHERE osu."offerId" = ${offerId} FOR SHARE OF su`
  return rows.length
}

// ─── Reading ────────────────────────────────────────────────────────────────

const statusRank: Record<OfferStatus, number> = { PUBLISHED: 0, DRAFT: 1, ARCHIVED: 2 }

/**
 * The organisation's offers for the list page: category, titles, price, status, free places and their age, and
 * whether a published offer is actually shown to clients (its register entry in force).
 */
export async function listOffers(organisationId: string, now = new Date()) {
  const [offers, entries] = await Promise.all([
    prisma.offer.findMany({
      where: { organisationId },
      select: {
        id: true,
        status: true,
        titleFi: true,
        titleSv: true,
        titleEn: true,
        priceCents: true,
        freePlaces: true,
        capacityConfirmedAt: true,
        updatedAt: true,
        category: { select: categorySelect },
      },
    }),
    prisma.registerEntry.findMany({ where: { organisationId }, select: { categoryId: true, status: true, statusChangedAt: true } }),
  ])
  const entryByCategory = new Map(entries.map((entry) => [entry.categoryId, entry]))
  return offers
    .map((offer) => {
      const entry = entryByCategory.get(offer.category.id)
      return { ...offer, entryInForce: Boolean(entry && isEntryInForce(entry, now)) }
    })
    .sort(
      (a, b) =>
        statusRank[a.status] - statusRank[b.status] ||
        a.category.sortOrder - b.category.sortOrder ||
        b.updatedAt.getTime() - a.updatedAt.getTime(),
    )
}

export type CategoryBlock =
  | { reason: 'notInRegister' }
  | { reason: 'entrySuspended' }
  | { reason: 'entryRemoved' }
  | { reason: 'offerExists'; offerId: string }

/**
 * The active categories for the new-offer page: those with a register entry in force and no offer yet can be
 * chosen; the others carry the reason (not in the register, entry suspended or removed, an offer exists already).
 */
export async function listNewOfferChoices(organisationId: string, now = new Date()) {
  const [categories, entries, offers] = await Promise.all([
    prisma.serviceCategory.findMany({
      where: { active: true },
      select: { ...categorySelect, voucherType: true },
      orderBy: [{ sortOrder: 'asc' }, { code: 'asc' }],
    }),
    prisma.registerEntry.findMany({ where: { organisationId }, select: { categoryId: true, status: true, statusChangedAt: true } }),
    prisma.offer.findMany({ where: { organisationId, status: { not: 'ARCHIVED' } }, select: { id: true, categoryId: true } }),
  ])
  const entryByCategory = new Map<string, EntryState>(entries.map((entry) => [entry.categoryId, entry]))
  const offerByCategory = new Map(offers.map((offer) => [offer.categoryId, offer.id]))
  return categories.map((category) => {
    const entry = entryByCategory.get(category.id)
    const offerId = offerByCategory.get(category.id)
    let block: CategoryBlock | null = null
    if (!entry) block = { reason: 'notInRegister' }
    else if (!isEntryInForce(entry, now)) block = { reason: entry.status === 'REMOVED' ? 'entryRemoved' : 'entrySuspended' }
    else if (offerId) block = { reason: 'offerExists', offerId }
    return { ...category, block }
  })
}

/** One offer of the organisation with everything its page shows, or null (also for another organisation's offer). */
export async function getOffer(organisationId: string, offerId: string, now = new Date()) {
  const offer = await prisma.offer.findFirst({
    where: { id: offerId, organisationId },
    select: {
      id: true,
      status: true,
      titleFi: true,
      titleSv: true,
      titleEn: true,
      descriptionFi: true,
      descriptionSv: true,
      descriptionEn: true,
      priceCents: true,
      languages: true,
      freePlaces: true,
      capacityConfirmedAt: true,
      publishedAt: true,
      archivedAt: true,
      createdAt: true,
      updatedAt: true,
      category: { select: categorySelect },
      serviceUnits: { select: { serviceUnitId: true } },
      prices: { select: { id: true, priceCents: true, effectiveFrom: true, createdAt: true }, orderBy: { effectiveFrom: 'desc' } },
      extraServices: { select: { id: true, nameFi: true, nameSv: true, nameEn: true, priceCents: true }, orderBy: { id: 'asc' } },
    },
  })
  if (!offer) return null
  const entry = await prisma.registerEntry.findFirst({
    where: { organisationId, categoryId: offer.category.id },
    select: { status: true, statusChangedAt: true },
  })
  return {
    ...offer,
    unitIds: offer.serviceUnits.map((unit) => unit.serviceUnitId),
    entry: entry ? { status: entry.status, inForce: isEntryInForce(entry, now) } : null,
  }
}

// ─── Creating and editing ───────────────────────────────────────────────────

type Snapshot = Record<string, Prisma.InputJsonValue | null>

function textsOf(input: {
  titleFi?: string | null
  titleSv?: string | null
  titleEn?: string | null
  descriptionFi?: string | null
  descriptionSv?: string | null
  descriptionEn?: string | null
}) {
  return {
    titleFi: input.titleFi || null,
    titleSv: input.titleSv || null,
    titleEn: input.titleEn || null,
    descriptionFi: input.descriptionFi || null,
    descriptionSv: input.descriptionSv || null,
    descriptionEn: input.descriptionEn || null,
  }
}

function extrasSnapshot(extras: readonly ExtraServiceInput[]): Prisma.InputJsonValue {
  return extras.map(({ nameFi, nameSv, nameEn, priceCents }) => ({ nameFi, nameSv, nameEn, priceCents }))
}

export type CreateOfferResult =
  | { ok: true; offerId: string }
  | Failure<'forbidden' | 'notFound' | 'categoryUnavailable' | 'unitUnknown'>
  | { ok: false; error: 'offerExists'; offerId: string }

/**
 * Creates a draft offer in a category the organisation has a register entry in force for (and no offer yet), with
 * its first price from today, its units and extra services; stating free places confirms them now.
 */
export async function createOffer(actor: OfferActor, input: NewOfferInput, now = new Date()): Promise<CreateOfferResult> {
  if (!can(actor.role, 'offer:edit')) return { ok: false, error: 'forbidden' }
  return prisma.$transaction(async (tx) => {
    if (!(await lockOrganisation(tx, actor.organisationId))) return { ok: false, error: 'notFound' } as const
    const category = await tx.serviceCategory.findFirst({ where: { id: input.categoryId, active: true }, select: { id: true } })
    if (!category || !(await entryInForce(tx, actor.organisationId, input.categoryId, now))) {
      return { ok: false, error: 'categoryUnavailable' } as const
    }
    const existing = await tx.offer.findFirst({
      where: { organisationId: actor.organisationId, categoryId: input.categoryId, status: { not: 'ARCHIVED' } },
      select: { id: true },
    })
    if (existing) return { ok: false, error: 'offerExists', offerId: existing.id } as const
    if (!(await unitsBelong(tx, actor.organisationId, input.unitIds))) return { ok: false, error: 'unitUnknown' } as const
    const texts = textsOf(input)
    const unitIds = [...new Set(input.unitIds)].sort()
    const offer = await tx.offer.create({
      data: {
        organisationId: actor.organisationId,
        categoryId: input.categoryId,
        ...texts,
        priceCents: input.priceCents,
        languages: input.languages,
        freePlaces: input.freePlaces,
        capacityConfirmedAt: input.freePlaces === null ? null : now,
        status: 'DRAFT',
        prices: { create: { priceCents: input.priceCents, effectiveFrom: today(now) } },
        serviceUnits: { create: unitIds.map((serviceUnitId) => ({ serviceUnitId })) },
        extraServices: { create: input.extras.map((extra) => ({ ...extra })) },
      },
      select: { id: true },
    })
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'offer.create',
      entityType: 'Offer',
      entityId: offer.id,
      after: {
        organisationId: actor.organisationId,
        categoryId: input.categoryId,
        status: 'DRAFT',
        ...texts,
        priceCents: input.priceCents,
        priceEffectiveFrom: helsinkiToday(now),
        languages: input.languages,
        unitIds,
        extras: extrasSnapshot(input.extras),
        freePlaces: input.freePlaces,
      },
    })
    return { ok: true, offerId: offer.id } as const
  })
}

export type UpdateOfferResult = { ok: true; changed: boolean } | Failure<'forbidden' | 'notFound' | 'archived' | 'unitUnknown'>

/**
 * Saves the offer's texts, languages, units and extra services (the extra services are replaced by the form's
 * rows). A published offer stays published: the change shows at once. An archived offer is restored first.
 */
export async function updateOffer(actor: OfferActor, offerId: string, input: OfferEditInput): Promise<UpdateOfferResult> {
  if (!can(actor.role, 'offer:edit')) return { ok: false, error: 'forbidden' }
  return prisma.$transaction(async (tx) => {
    const locked = await lockOffer(tx, actor.organisationId, offerId)
    if (!locked) return { ok: false, error: 'notFound' } as const
    if (locked.status === 'ARCHIVED') return { ok: false, error: 'archived' } as const
    if (!(await unitsBelong(tx, actor.organisationId, input.unitIds))) return { ok: false, error: 'unitUnknown' } as const
    const current = await tx.offer.findFirstOrThrow({
      where: { id: offerId, organisationId: actor.organisationId },
      select: {
        titleFi: true,
        titleSv: true,
        titleEn: true,
        descriptionFi: true,
        descriptionSv: true,
        descriptionEn: true,
        languages: true,
        serviceUnits: { select: { serviceUnitId: true } },
        extraServices: { select: { nameFi: true, nameSv: true, nameEn: true, priceCents: true }, orderBy: { id: 'asc' } },
      },
    })
    const before: Snapshot = {
      ...textsOf(current),
      languages: current.languages,
      unitIds: current.serviceUnits.map((unit) => unit.serviceUnitId).sort(),
      extras: extrasSnapshot(current.extraServices),
    }
    const after: Snapshot = {
      ...textsOf(input),
      languages: input.languages,
      unitIds: [...new Set(input.unitIds)].sort(),
      extras: extrasSnapshot(input.extras),
    }
    const changed = Object.keys(after).filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]))
    if (changed.length === 0) return { ok: true, changed: false } as const
    await tx.offer.update({
      where: { id: offerId, organisationId: actor.organisationId },
      data: { ...textsOf(input), languages: input.languages },
    })
    if (changed.includes('unitIds')) {
      await tx.offerServiceUnit.deleteMany({ where: { offerId, offer: { organisationId: actor.organisationId } } })
      await tx.offerServiceUnit.createMany({ data: (after.unitIds as string[]).map((serviceUnitId) => ({ offerId, serviceUnitId })) })
    }
    if (changed.includes('extras')) {
      await tx.offerExtraService.deleteMany({ where: { offerId, offer: { organisationId: actor.organisationId } } })
      await tx.offerExtraService.createMany({ data: input.extras.map((extra) => ({ ...extra, offerId })) })
    }
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'offer.update',
      entityType: 'Offer',
      entityId: offerId,
      before: Object.fromEntries(changed.map((key) => [key, before[key] ?? null])),
      after: Object.fromEntries(changed.map((key) => [key, after[key] ?? null])),
    })
    return { ok: true, changed: true } as const
  })
}

// ─── Prices ─────────────────────────────────────────────────────────────────

export type ChangePriceResult =
  | { ok: true; appliesNow: boolean }
  | Failure<'forbidden' | 'notFound' | 'archived' | 'dateInPast' | 'pricePositive'>

/**
 * A new unit price from a day on (`YYYY-MM-DD`, today in Helsinki or later). It becomes a row of the public price
 * history (a second price for the same day replaces the first, which was never in force for a whole day or not
 * yet at all); from today it is also the offer's price at once, later `applyDuePrices` moves it on its day.
 */
export async function changePrice(
  actor: OfferActor,
  offerId: string,
  input: { priceCents: number; effectiveFrom: string },
  now = new Date(),
): Promise<ChangePriceResult> {
  if (!can(actor.role, 'offer:edit')) return { ok: false, error: 'forbidden' }
  if (!Number.isSafeInteger(input.priceCents) || input.priceCents <= 0) return { ok: false, error: 'pricePositive' }
  const day = helsinkiToday(now)
  if (input.effectiveFrom < day) return { ok: false, error: 'dateInPast' }
  return prisma.$transaction(async (tx) => {
    const locked = await lockOffer(tx, actor.organisationId, offerId)
    if (!locked) return { ok: false, error: 'notFound' } as const
    if (locked.status === 'ARCHIVED') return { ok: false, error: 'archived' } as const
    const effectiveFrom = utcDate(input.effectiveFrom)
    const [offer, replaced] = await Promise.all([
      tx.offer.findFirstOrThrow({ where: { id: offerId, organisationId: actor.organisationId }, select: { priceCents: true } }),
      tx.offerPrice.findUnique({ where: { offerId_effectiveFrom: { offerId, effectiveFrom } }, select: { priceCents: true } }),
    ])
    await tx.offerPrice.upsert({
      where: { offerId_effectiveFrom: { offerId, effectiveFrom } },
      create: { offerId, effectiveFrom, priceCents: input.priceCents },
      update: { priceCents: input.priceCents },
    })
    const appliesNow = input.effectiveFrom === day
    if (appliesNow) {
      await tx.offer.update({ where: { id: offerId, organisationId: actor.organisationId }, data: { priceCents: input.priceCents } })
    }
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'offer.price-change',
      entityType: 'Offer',
      entityId: offerId,
      before: { priceCents: offer.priceCents, effectiveFrom: input.effectiveFrom, priceOnThatDay: replaced?.priceCents ?? null },
      after: { priceCents: appliesNow ? input.priceCents : offer.priceCents, effectiveFrom: input.effectiveFrom, priceOnThatDay: input.priceCents },
    })
    return { ok: true, appliesNow } as const
  })
}

export type CancelPriceResult = { ok: true } | Failure<'forbidden' | 'notFound'>

/** Withdraws a price that has not taken effect yet (one in force, or past, is history and stays). */
export async function cancelScheduledPrice(actor: OfferActor, offerId: string, priceId: string, now = new Date()): Promise<CancelPriceResult> {
  if (!can(actor.role, 'offer:edit')) return { ok: false, error: 'forbidden' }
  return prisma.$transaction(async (tx) => {
    const locked = await lockOffer(tx, actor.organisationId, offerId)
    if (!locked) return { ok: false, error: 'notFound' } as const
    const price = await tx.offerPrice.findFirst({
      where: { id: priceId, offerId, offer: { organisationId: actor.organisationId }, effectiveFrom: { gt: today(now) } },
      select: { id: true, priceCents: true, effectiveFrom: true },
    })
    if (!price) return { ok: false, error: 'notFound' } as const
    await tx.offerPrice.delete({ where: { id: price.id } })
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'offer.price-cancel',
      entityType: 'Offer',
      entityId: offerId,
      before: { priceId: price.id, priceCents: price.priceCents, effectiveFrom: isoDate(price.effectiveFrom) },
    })
    return { ok: true } as const
  })
}

/**
 * Moves every offer's `priceCents` to the price in force today (Helsinki), for prices that were set ahead. Run by
 * the hourly job; idempotent (an offer already at its price is not touched). Returns how many offers changed.
 */
export async function applyDuePrices(now = new Date()): Promise<number> {
  const day = helsinkiToday(now)
  return prisma.$transaction(async (tx) => {
    // the latest row on or before today per offer, where it differs from the offer's price
    const due = await tx.$queryRaw<{ offerId: string; oldCents: number; newCents: number }[]>`
      SELECT o.id AS "offerId", o."priceCents" AS "oldCents", p."priceCents" AS "newCents"
      FROM "Offer" o
      JOIN (
        SELECT DISTINCT ON ("offerId") "offerId", "priceCents"
        FROM "OfferPrice"
        WHERE "effectiveFrom" <= ${day}::date
        ORDER BY "offerId", "effectiveFrom" DESC
      ) p ON p."offerId" = o.id
      WHERE o."priceCents" <> p."priceCents"
      FOR UPDATE OF o`
    let changed = 0
    for (const row of due) {
      const updated = await tx.offer.updateMany({
        where: { id: row.offerId, priceCents: Number(row.oldCents) },
        data: { priceCents: Number(row.newCents) },
      })
      if (updated.count === 0) continue
      changed++
      await recordAudit(tx, {
        actorId: null,
        action: 'offer.price-applied',
        entityType: 'Offer',
        entityId: row.offerId,
        before: { priceCents: Number(row.oldCents) },
        after: { priceCents: Number(row.newCents), effectiveOn: day },
      })
    }
    return changed
  })
}

// ─── Free places ────────────────────────────────────────────────────────────

export type CapacityResult = { ok: true } | Failure<'forbidden' | 'notFound' | 'archived' | 'capacityNotStated'>

/** Sets the number of free places (0: none) and confirms it now. */
export async function setCapacity(actor: OfferActor, offerId: string, freePlaces: number, now = new Date()): Promise<CapacityResult> {
  if (!can(actor.role, 'offer:edit')) return { ok: false, error: 'forbidden' }
  if (!Number.isSafeInteger(freePlaces) || freePlaces < 0) return { ok: false, error: 'capacityNotStated' }
  return updateCapacity(actor, offerId, freePlaces, now)
}

/** "The number is still right": confirms the current figure now without changing it. */
export async function confirmCapacity(actor: OfferActor, offerId: string, now = new Date()): Promise<CapacityResult> {
  if (!can(actor.role, 'offer:edit')) return { ok: false, error: 'forbidden' }
  return updateCapacity(actor, offerId, null, now)
}

async function updateCapacity(actor: OfferActor, offerId: string, freePlaces: number | null, now: Date): Promise<CapacityResult> {
  return prisma.$transaction(async (tx) => {
    const locked = await lockOffer(tx, actor.organisationId, offerId)
    if (!locked) return { ok: false, error: 'notFound' } as const
    if (locked.status === 'ARCHIVED') return { ok: false, error: 'archived' } as const
    const before = await tx.offer.findFirstOrThrow({
      where: { id: offerId, organisationId: actor.organisationId },
      select: { freePlaces: true, capacityConfirmedAt: true },
    })
    const next = freePlaces ?? before.freePlaces
    if (next === null) return { ok: false, error: 'capacityNotStated' } as const
    await tx.offer.update({
      where: { id: offerId, organisationId: actor.organisationId },
      data: { freePlaces: next, capacityConfirmedAt: now },
    })
    await recordAudit(tx, {
      actorId: actor.id,
      action: freePlaces === null ? 'offer.capacity-confirm' : 'offer.capacity-set',
      entityType: 'Offer',
      entityId: offerId,
      before: { freePlaces: before.freePlaces, capacityConfirmedAt: before.capacityConfirmedAt?.toISOString() ?? null },
      after: { freePlaces: next, capacityConfirmedAt: now.toISOString() },
    })
    return { ok: true } as const
  })
}

// ─── Status: publish, back to draft, archive, restore ──────────────────────

/** What stops an offer from being published; the page lists each. */
export type PublishProblem = 'noEntry' | 'noPrice' | 'noTitle' | 'noDescription' | 'noUnit' | 'noLanguage'

export type StatusResult =
  | { ok: true; status: OfferStatus; changed: boolean }
  | Failure<'forbidden' | 'notFound'>
  /** the action does not apply to an offer in `status` (publishing an archived one, say) */
  | { ok: false; error: 'notAllowed'; status: OfferStatus }
  | { ok: false; error: 'notPublishable'; problems: PublishProblem[]; category: Names }
  | { ok: false; error: 'offerExists'; offerId: string }

/**
 * Publishes a draft. Refused, naming each problem, unless the organisation has a register entry in force for the
 * offer's category (register/public-offers.ts) and the offer has a price, a title, a description, a service
 * language and a unit. (The catalogue still hides a published offer whose entry is later suspended.)
 */
export async function publishOffer(actor: OfferActor, offerId: string, now = new Date()): Promise<StatusResult> {
  if (!can(actor.role, 'offer:edit')) return { ok: false, error: 'forbidden' }
  return prisma.$transaction(async (tx) => {
    const locked = await lockOffer(tx, actor.organisationId, offerId)
    if (!locked) return { ok: false, error: 'notFound' } as const
    if (locked.status === 'PUBLISHED') return { ok: true, status: 'PUBLISHED', changed: false } as const
    if (locked.status !== 'DRAFT') return { ok: false, error: 'notAllowed', status: locked.status } as const
    const offer = await tx.offer.findFirstOrThrow({
      where: { id: offerId, organisationId: actor.organisationId },
      select: {
        categoryId: true,
        category: { select: { nameFi: true, nameSv: true, nameEn: true } },
        priceCents: true,
        titleFi: true,
        titleSv: true,
        titleEn: true,
        descriptionFi: true,
        descriptionSv: true,
        descriptionEn: true,
        languages: true,
        prices: { select: { priceCents: true, effectiveFrom: true } },
      },
    })
    const problems: PublishProblem[] = []
    if (!(await entryInForce(tx, actor.organisationId, offer.categoryId, now))) problems.push('noEntry')
    const inForce = priceInForce(offer.prices, helsinkiToday(now))
    if (!(offer.priceCents > 0) || !inForce) problems.push('noPrice')
    if (![offer.titleFi, offer.titleSv, offer.titleEn].some((text) => text?.trim())) problems.push('noTitle')
    if (![offer.descriptionFi, offer.descriptionSv, offer.descriptionEn].some((text) => text?.trim())) problems.push('noDescription')
    if (offer.languages.length === 0) problems.push('noLanguage')
    if ((await lockedUnitCount(tx, offerId)) === 0) problems.push('noUnit')
    if (problems.length > 0) return { ok: false, error: 'notPublishable', problems, category: offer.category } as const
    await tx.offer.update({ where: { id: offerId, organisationId: actor.organisationId }, data: { status: 'PUBLISHED', publishedAt: now } })
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'offer.publish',
      entityType: 'Offer',
      entityId: offerId,
      before: { status: locked.status },
      after: { status: 'PUBLISHED', publishedAt: now.toISOString() },
    })
    return { ok: true, status: 'PUBLISHED', changed: true } as const
  })
}

const transitions = {
  unpublish: { from: ['PUBLISHED'], to: 'DRAFT', action: 'offer.unpublish' },
  archive: { from: ['DRAFT', 'PUBLISHED'], to: 'ARCHIVED', action: 'offer.archive' },
  restore: { from: ['ARCHIVED'], to: 'DRAFT', action: 'offer.restore' },
} as const satisfies Record<string, { from: readonly OfferStatus[]; to: OfferStatus; action: string }>

async function transition(actor: OfferActor, offerId: string, kind: keyof typeof transitions, now: Date): Promise<StatusResult> {
  if (!can(actor.role, 'offer:edit')) return { ok: false, error: 'forbidden' }
  const rule = transitions[kind]
  return prisma.$transaction(async (tx) => {
    if (kind === 'restore' && !(await lockOrganisation(tx, actor.organisationId))) return { ok: false, error: 'notFound' } as const
    const locked = await lockOffer(tx, actor.organisationId, offerId)
    if (!locked) return { ok: false, error: 'notFound' } as const
    if (locked.status === rule.to) return { ok: true, status: rule.to, changed: false } as const
    if (!(rule.from as readonly OfferStatus[]).includes(locked.status)) return { ok: false, error: 'notAllowed', status: locked.status } as const
    if (kind === 'restore') {
      // one offer per category that is not archived
      const other = await tx.offer.findFirst({
        where: { organisationId: actor.organisationId, categoryId: locked.categoryId, status: { not: 'ARCHIVED' }, id: { not: offerId } },
        select: { id: true },
      })
      if (other) return { ok: false, error: 'offerExists', offerId: other.id } as const
    }
    await tx.offer.update({
      where: { id: offerId, organisationId: actor.organisationId },
      data: { status: rule.to, archivedAt: rule.to === 'ARCHIVED' ? now : null },
    })
    await recordAudit(tx, {
      actorId: actor.id,
      action: rule.action,
      entityType: 'Offer',
      entityId: offerId,
      before: { status: locked.status },
      after: { status: rule.to, ...(rule.to === 'ARCHIVED' ? { archivedAt: now.toISOString() } : {}) },
    })
    return { ok: true, status: rule.to, changed: true } as const
  })
}

/** A published offer back to draft: clients no longer see it. */
export function unpublishOffer(actor: OfferActor, offerId: string, now = new Date()): Promise<StatusResult> {
  return transition(actor, offerId, 'unpublish', now)
}

/** Archives a draft or published offer: it leaves the catalogue, stays in the records, and frees its category. */
export function archiveOffer(actor: OfferActor, offerId: string, now = new Date()): Promise<StatusResult> {
  return transition(actor, offerId, 'archive', now)
}

/** An archived offer back to draft, unless the category has another offer by now. */
export function restoreOffer(actor: OfferActor, offerId: string, now = new Date()): Promise<StatusResult> {
  return transition(actor, offerId, 'restore', now)
}
