import type { Prisma } from '~/generated/prisma/client'
import { prisma } from '~/utils/db.server'
import { entryInForceWhere } from './public-offers'
import type { PublicRegisterFilters } from './schema'

export const publicRegisterPageSize = 50

/**
 * The public producer register (the organiser must publish the providers it has approved and their prices): the
 * entries in force, by category and organisation name, a page at a time, optionally for one category and one
 * municipality (the organisation's). Each entry carries the price per unit of the organisation's published
 * offers in the category (lowest first; usually one). Two queries: the page and the count.
 */
export async function publicRegister(filters: PublicRegisterFilters, now = new Date()) {
  const where: Prisma.RegisterEntryWhereInput = {
    AND: [
      entryInForceWhere(now),
      filters.category ? { category: { code: filters.category } } : {},
      filters.municipality ? { organisation: { municipalityCode: filters.municipality } } : {},
    ],
  }
  const page = Math.max(1, filters.page)
  const [total, entries] = await Promise.all([
    prisma.registerEntry.count({ where }),
    prisma.registerEntry.findMany({
      where,
      orderBy: [{ category: { sortOrder: 'asc' } }, { category: { code: 'asc' } }, { organisation: { name: 'asc' } }, { id: 'asc' }],
      skip: (page - 1) * publicRegisterPageSize,
      take: publicRegisterPageSize,
      select: {
        id: true,
        validFrom: true,
        category: { select: { id: true, code: true, nameFi: true, nameSv: true, nameEn: true, unit: true } },
        organisation: {
          select: {
            id: true,
            name: true,
            municipality: { select: { code: true, nameFi: true, nameSv: true, officialLanguages: true } },
            offers: {
              where: { status: 'PUBLISHED', ...(filters.category ? { category: { code: filters.category } } : {}) },
              select: { categoryId: true, priceCents: true },
              orderBy: { priceCents: 'asc' },
            },
          },
        },
      },
    }),
  ])
  return {
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / publicRegisterPageSize)),
    entries: entries.map(({ organisation: { offers, ...organisation }, ...entry }) => ({
      ...entry,
      organisation,
      pricesCents: [...new Set(offers.filter((offer) => offer.categoryId === entry.category.id).map((offer) => offer.priceCents))],
    })),
  }
}
