import { prisma } from '~/utils/db.server'

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
