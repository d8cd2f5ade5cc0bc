import { prisma } from '~/utils/db.server'
import { periodOf, previousMonth, type Period } from './periods'
import type { ClientLanguage, FilterValues, SectorName } from './schema'

/** The filters as the queries take them: ids instead of the codes and business IDs of the address. */
export type ResolvedFilters = {
  period: Period
  categoryId?: string
  municipalityCode?: string
  organisationId?: string
  sector?: SectorName
  language?: ClientLanguage
}

export type FilterProblem = { field: 'category' | 'municipality' | 'provider'; message: string }

export type Provider = { id: string; name: string; businessId: string }

/**
 * Looks up the category code, municipality code and business ID of the address. Unknown ones are problems for the
 * form (the dashboard shows nothing rather than figures that ignore a filter someone asked for).
 */
export async function resolveFilters(
  values: FilterValues,
  now = new Date(),
): Promise<{ ok: true; filters: ResolvedFilters; provider: Provider | null } | { ok: false; problems: FilterProblem[] }> {
  const [category, municipality, provider] = await Promise.all([
    values.category ? prisma.serviceCategory.findUnique({ where: { code: values.category }, select: { id: true } }) : null,
    values.municipality ? prisma.municipality.findUnique({ where: { code: values.municipality }, select: { code: true } }) : null,
    values.provider
      ? prisma.organisation.findUnique({ where: { businessId: values.provider }, select: { id: true, name: true, businessId: true } })
      : null,
  ])
  const problems: FilterProblem[] = []
  if (values.category && !category) problems.push({ field: 'category', message: 'followup:errors.category' })
  if (values.municipality && !municipality) problems.push({ field: 'municipality', message: 'followup:errors.municipality' })
  if (values.provider && !provider) problems.push({ field: 'provider', message: 'followup:errors.providerUnknown' })
  if (problems.length > 0) return { ok: false, problems }
  return {
    ok: true,
    provider,
    filters: {
      period: periodOf(values.month ?? previousMonth(now)),
      ...(category ? { categoryId: category.id } : {}),
      ...(municipality ? { municipalityCode: municipality.code } : {}),
      ...(provider ? { organisationId: provider.id } : {}),
      ...(values.sector ? { sector: values.sector } : {}),
      ...(values.language ? { language: values.language } : {}),
    },
  }
}

/** What the filter form and the tables name: categories in their order, municipalities. */
export async function referenceData() {
  const [categories, municipalities] = await Promise.all([
    prisma.serviceCategory.findMany({
      orderBy: [{ sortOrder: 'asc' }, { code: 'asc' }],
      select: { id: true, code: true, nameFi: true, nameSv: true, nameEn: true, unit: true, active: true },
    }),
    prisma.municipality.findMany({ select: { code: true, nameFi: true, nameSv: true, officialLanguages: true } }),
  ])
  return { categories, municipalities }
}
export type ReferenceData = Awaited<ReturnType<typeof referenceData>>
