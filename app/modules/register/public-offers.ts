import type { Prisma } from '~/generated/prisma/client'
import { prisma } from '~/utils/db.server'

/**
 * Register entries in force at `now`: active ones, and suspended ones whose suspension starts later (staff may
 * decide a suspension ahead of its date; until then the entry still counts). The public register, the catalogue
 * and every booking check ask this, never `status` alone.
 */
export function entryInForceWhere(now = new Date()): Prisma.RegisterEntryWhereInput {
  return { OR: [{ status: 'ACTIVE' }, { status: 'SUSPENDED', statusChangedAt: { gt: now } }] }
}

/** The same rule for one entry already read (pure). */
export function isEntryInForce(entry: { status: string; statusChangedAt: Date | string }, now = new Date()): boolean {
  return entry.status === 'ACTIVE' || (entry.status === 'SUSPENDED' && new Date(entry.statusChangedAt).getTime() > now.getTime())
}

/**
 * The offers clients may see and book: published, and the organisation has a register entry in force for the
 * offer's own category. A suspended or removed entry hides its offers at once, without touching the offers
 * (reinstating shows them again).
 *
 * Prisma cannot compare the offer's category with the entry's in a relation filter, so the condition is written
 * once per category: pass the categories the query is about (the search's chosen category, say), or leave them
 * out to get every category (one small extra query). Use it as a part of the catalogue's `where`:
 * `prisma.offer.findMany({ where: { AND: [await publicOfferWhere(), filters] } })`.
 */
export async function publicOfferWhere(options: { categoryIds?: readonly string[]; now?: Date } = {}): Promise<Prisma.OfferWhereInput> {
  const categoryIds =
    options.categoryIds ?? (await prisma.serviceCategory.findMany({ select: { id: true } })).map((category) => category.id)
  const inForce = entryInForceWhere(options.now)
  return {
    status: 'PUBLISHED',
    // Prisma reads an empty OR as "no row": without categories nothing is public
    OR: categoryIds.map((categoryId) => ({
      categoryId,
      organisation: { registerEntries: { some: { AND: [{ categoryId }, inForce] } } },
    })),
  }
}
