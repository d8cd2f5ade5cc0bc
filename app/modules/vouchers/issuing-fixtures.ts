import { prisma } from '~/utils/db.server'
import { createVoucherWorld, type VoucherOptions } from '../../../tests/support/voucher-fixtures'

/**
 * The issuing tests' world: tests/support's voucher world (a Swedish client with an ACTIVE home-care voucher and its
 * accepted choice) plus the values the decisions use: home care INCOME_RELATED 12,00–36,00 € from 2025, support
 * services FIXED 24,00 € from 2025 and 26,00 € from 2026, and the demo income rule from 2025.
 */
export const incomeRule = {
  incomeLimitCentsByHousehold: { '1': 67500, '2': 124000, '3': 193000, '4': 238000, '5': 290000, '6': 335000 },
  extraPerAdditionalPersonCents: 42000,
  reductionRateBasisPoints: 200,
}

const day = (iso: string) => new Date(`${iso}T00:00:00Z`)

export async function createIssuingWorld(options: VoucherOptions = {}) {
  const world = await createVoucherWorld(options)
  await prisma.voucherValue.createMany({
    data: [
      { categoryId: world.categories.homeCare.id, effectiveFrom: day('2025-01-01'), minValueCents: 1200, maxValueCents: 3600 },
      { categoryId: world.categories.supportServices.id, effectiveFrom: day('2025-01-01'), valueCents: 2400 },
      { categoryId: world.categories.supportServices.id, effectiveFrom: day('2026-01-01'), valueCents: 2600 },
    ],
  })
  await prisma.incomeRule.upsert({ where: { effectiveFrom: day('2025-01-01') }, update: incomeRule, create: { effectiveFrom: day('2025-01-01'), ...incomeRule } })
  return world
}
export type IssuingWorld = Awaited<ReturnType<typeof createIssuingWorld>>
