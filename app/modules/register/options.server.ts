import { prisma } from '~/utils/db.server'

/** The service categories (catalogue order) and municipalities, for the register pages' filters. */
export async function registerFilterOptions() {
  const [categories, municipalities] = await Promise.all([
    prisma.serviceCategory.findMany({
      select: { code: true, nameFi: true, nameSv: true, nameEn: true },
      orderBy: [{ sortOrder: 'asc' }, { code: 'asc' }],
    }),
    prisma.municipality.findMany({ select: { code: true, nameFi: true, nameSv: true, officialLanguages: true }, orderBy: { code: 'asc' } }),
  ])
  return { categories, municipalities }
}
