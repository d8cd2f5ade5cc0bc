import type { Prisma } from '../../app/generated/prisma/client'
import { addDays, day } from './dates'
import { seedId } from './ids'
import { RULEBOOK } from './rulebook'
import {
  readMunicipalities,
  readServiceCatalogue,
  type CategorySource,
  type DocumentTypeSource,
  type MunicipalitySource,
} from './source-data'
import type { IncomeRule } from '~/modules/vouchers/voucher-value'

export type CategoryValue = {
  effectiveFrom: Date
  valueCents: number | null
  maxValueCents: number | null
  minValueCents: number | null
}

export type Category = {
  id: string
  code: string
  nameFi: string
  nameSv: string
  nameEn: string
  unit: 'HOUR' | 'DAY' | 'VISIT' | 'MONTH'
  voucherType: 'FIXED' | 'INCOME_RELATED'
  requiresSoteri: boolean
  reviewMode: 'SINGLE_STEP' | 'TWO_STEP'
  values: CategoryValue[]
  documentTypeCodes: string[]
}

export type ReferenceData = {
  municipalities: MunicipalitySource[]
  documentTypes: DocumentTypeSource[]
  categories: Map<string, Category>
  incomeRule: IncomeRule
  rulebookId: string
}

/** The category that needs two reviewers: round-the-clock service housing. */
const TWO_STEP_CATEGORY = 'round-the-clock-housing'

/** Voucher values raised from 2026 on, so the value history has a second row. */
const RAISED_VALUES: Record<string, Omit<CategoryValue, 'effectiveFrom'>> = {
  'home-care': { valueCents: null, maxValueCents: 3750, minValueCents: 1250 },
  'support-services': { valueCents: 2700, maxValueCents: null, minValueCents: null },
}

const COMMON_DOCUMENTS = [
  'TRADE_REGISTER_EXTRACT',
  'PREPAYMENT_REGISTER',
  'TAX_DEBT_CERTIFICATE',
  'PENSION_INSURANCE',
  'LIABILITY_INSURANCE',
  'SELF_MONITORING_PLAN',
  'OCCUPATIONAL_HEALTHCARE',
  'COLLECTIVE_AGREEMENT',
]

function categoryValues(source: CategorySource): CategoryValue[] {
  const first: CategoryValue = {
    effectiveFrom: day('2025-01-01'),
    valueCents: source.valueCents ?? null,
    maxValueCents: source.maxValueCents ?? null,
    minValueCents: source.minValueCents ?? null,
  }
  const raised = RAISED_VALUES[source.code]
  return raised ? [first, { effectiveFrom: day('2026-01-01'), ...raised }] : [first]
}

/** The value row in force on a day: the latest one that has started. */
export function valueOn(category: Category, date: Date): CategoryValue {
  const inForce = category.values.filter((value) => value.effectiveFrom <= date).at(-1)
  if (!inForce) throw new Error(`No voucher value for ${category.code} on ${date.toISOString()}`)
  return inForce
}

/** The value per unit an offer is compared with: the fixed value, or the top of the income-related range. */
export function referenceValueCents(category: Category, date: Date): number {
  const value = valueOn(category, date)
  return value.valueCents ?? value.maxValueCents ?? 0
}

export async function seedReferenceData(tx: Prisma.TransactionClient): Promise<ReferenceData> {
  const municipalities = readMunicipalities()
  const catalogue = readServiceCatalogue()

  for (const municipality of municipalities) {
    const data = {
      nameFi: municipality.fi,
      nameSv: municipality.sv,
      officialLanguages: municipality.officialLanguages,
      latitude: municipality.lat,
      longitude: municipality.lon,
    }
    await tx.municipality.upsert({ where: { code: municipality.code }, create: { code: municipality.code, ...data }, update: data })
  }

  for (const type of catalogue.documentTypes) {
    const data = {
      nameFi: type.fi,
      nameSv: type.sv,
      nameEn: type.en,
      maxAgeDays: type.maxAgeDays ?? null,
      validUntilRequired: type.validUntilRequired ?? false,
      employersOnly: type.employersOnly ?? false,
      hasRegistrationNumber: type.hasRegistrationNumber ?? false,
    }
    await tx.documentType.upsert({ where: { code: type.code }, create: { code: type.code, ...data }, update: data })
  }

  const categories = new Map<string, Category>()
  for (const [index, source] of catalogue.categories.entries()) {
    const data = {
      nameFi: source.fi,
      nameSv: source.sv,
      nameEn: source.en,
      unit: source.unit.toUpperCase() as Category['unit'],
      voucherType: source.voucherType,
      requiresSoteri: source.requiresSoteri,
      reviewMode: source.code === TWO_STEP_CATEGORY ? ('TWO_STEP' as const) : ('SINGLE_STEP' as const),
      sortOrder: index + 1,
      active: true,
    }
    const row = await tx.serviceCategory.upsert({
      where: { code: source.code },
      create: { id: seedId('cat', source.code), code: source.code, ...data },
      update: data,
    })
    const values = categoryValues(source)
    for (const value of values) {
      await tx.voucherValue.upsert({
        where: { categoryId_effectiveFrom: { categoryId: row.id, effectiveFrom: value.effectiveFrom } },
        create: {
          id: seedId('value', source.code, value.effectiveFrom.getUTCFullYear()),
          categoryId: row.id,
          ...value,
          createdAt: addDays(value.effectiveFrom, -30),
        },
        update: value,
      })
    }
    const documentTypeCodes = source.requiresSoteri ? [...COMMON_DOCUMENTS, 'SOTERI_REGISTRATION'] : COMMON_DOCUMENTS
    await tx.categoryDocumentRequirement.createMany({
      data: documentTypeCodes.map((documentTypeCode) => ({ categoryId: row.id, documentTypeCode })),
      skipDuplicates: true,
    })
    categories.set(source.code, { id: row.id, code: source.code, ...data, values, documentTypeCodes })
  }

  const rule = catalogue.incomeRelatedRule
  const incomeRule: IncomeRule = {
    incomeLimitCentsByHousehold: rule.incomeLimitCentsByHouseholdSize,
    extraPerAdditionalPersonCents: rule.extraPerAdditionalPersonCents,
    reductionRateBasisPoints: Math.round(rule.reductionRate * 10_000),
  }
  await tx.incomeRule.upsert({
    where: { effectiveFrom: day('2025-01-01') },
    create: { id: seedId('income-rule', 2025), effectiveFrom: day('2025-01-01'), ...incomeRule },
    update: incomeRule,
  })

  const { version, ...rulebook } = RULEBOOK
  const rulebookRow = await tx.rulebook.upsert({
    where: { version },
    create: { id: seedId('rulebook', version), version, ...rulebook },
    update: rulebook,
  })

  return {
    municipalities,
    documentTypes: catalogue.documentTypes,
    categories,
    incomeRule,
    rulebookId: rulebookRow.id,
  }
}
