import type { Prisma } from '~/generated/prisma/client'
import { prisma } from '~/utils/db.server'
import { addMonths, currentMonth, monthKey, monthsBetween } from './month'
import { buildStatement, noFigures, recordFigures, sumFigures, type Figures, type StatementLine } from './statement'

/**
 * Reading settlements: one provider's statement for a month, the staff overview of a month and a provider's list of
 * months. Every figure is computed from the service records with the same per-record rounding as the approval
 * (statement.ts), so the pages, the approved sums, the CSV and the co-payments agree to the cent.
 */

const settlementSelect = {
  id: true,
  status: true,
  version: true,
  approvedAt: true,
  approvedBy: { select: { name: true } },
} satisfies Prisma.MonthlySettlementSelect

export type SettlementState = Prisma.MonthlySettlementGetPayload<{ select: typeof settlementSelect }>

export type VoucherLines = {
  voucherId: string
  code: string
  clientName: string
  category: { nameFi: string; nameSv: string; nameEn: string; unit: 'HOUR' | 'DAY' | 'VISIT' | 'MONTH' }
  lines: StatementLine[]
  figures: Figures
}

export type MonthStatement = {
  settlement: SettlementState | null
  vouchers: VoucherLines[]
  figures: Figures
}

/** One provider's statement for one month: per voucher its lines and sums, and the provider's totals. */
export async function monthStatement(organisationId: string, month: Date): Promise<MonthStatement> {
  const [settlement, records] = await Promise.all([
    prisma.monthlySettlement.findUnique({
      where: { organisationId_month: { organisationId, month } },
      select: settlementSelect,
    }),
    prisma.serviceRecord.findMany({
      where: { organisationId, month },
      select: {
        voucherId: true,
        kind: true,
        serviceDate: true,
        unitsHundredths: true,
        unitPriceCents: true,
        voucherValueCents: true,
        extrasCents: true,
        note: true,
        voucher: {
          select: {
            code: true,
            client: { select: { firstName: true, lastName: true } },
            category: { select: { nameFi: true, nameSv: true, nameEn: true, unit: true } },
          },
        },
      },
      orderBy: [{ serviceDate: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }],
    }),
  ])
  const statement = buildStatement(records)
  const voucherOf = new Map(records.map((record) => [record.voucherId, record.voucher]))
  const vouchers = statement.vouchers
    .map((lines) => {
      const voucher = voucherOf.get(lines.voucherId)!
      return {
        ...lines,
        code: voucher.code,
        clientName: `${voucher.client.lastName}, ${voucher.client.firstName}`,
        category: voucher.category,
      }
    })
    .sort((a, b) => a.clientName.localeCompare(b.clientName, 'sv') || a.code.localeCompare(b.code))
  return { settlement, vouchers, figures: statement.figures }
}

const groupFields = ['unitsHundredths', 'unitPriceCents', 'voucherValueCents', 'extrasCents'] as const

/** Identical records counted together: their figures are the same per record, so the sums are exact. */
function groupFigures(group: { unitsHundredths: number; unitPriceCents: number; voucherValueCents: number; extrasCents: number; _count: { _all: number } }) {
  return recordFigures(group, group._count._all)
}

export type ProviderMonth = {
  organisation: { id: string; name: string; businessId: string }
  settlement: SettlementState | null
  figures: Figures
}

/**
 * Every provider with records (or a settlement row) in the month, by name, with its status and figures, and the
 * month's totals.
 */
export async function settlementOverview(month: Date): Promise<{ providers: ProviderMonth[]; figures: Figures }> {
  const [groups, settlements] = await Promise.all([
    prisma.serviceRecord.groupBy({ by: ['organisationId', ...groupFields], where: { month }, _count: { _all: true } }),
    prisma.monthlySettlement.findMany({ where: { month }, select: { ...settlementSelect, organisationId: true } }),
  ])
  const figures = new Map<string, Figures>()
  for (const group of groups) {
    figures.set(group.organisationId, sumFigures([figures.get(group.organisationId) ?? noFigures, groupFigures(group)]))
  }
  const settlementOf = new Map(settlements.map(({ organisationId, ...settlement }) => [organisationId, settlement]))
  const organisations = await prisma.organisation.findMany({
    where: { id: { in: [...new Set([...figures.keys(), ...settlementOf.keys()])] } },
    select: { id: true, name: true, businessId: true },
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
  })
  const providers = organisations.map((organisation) => ({
    organisation,
    settlement: settlementOf.get(organisation.id) ?? null,
    figures: figures.get(organisation.id) ?? noFigures,
  }))
  return { providers, figures: sumFigures(providers.map((provider) => provider.figures)) }
}

export type OwnMonth = { month: string; settlement: SettlementState | null; figures: Figures }

/** A provider's months with records or a settlement row, newest first. */
export async function providerMonths(organisationId: string): Promise<OwnMonth[]> {
  const [groups, settlements] = await Promise.all([
    prisma.serviceRecord.groupBy({ by: ['month', ...groupFields], where: { organisationId }, _count: { _all: true } }),
    prisma.monthlySettlement.findMany({ where: { organisationId }, select: { ...settlementSelect, month: true } }),
  ])
  const figures = new Map<string, Figures>()
  for (const group of groups) {
    const key = monthKey(group.month)
    figures.set(key, sumFigures([figures.get(key) ?? noFigures, groupFigures(group)]))
  }
  const settlementOf = new Map(settlements.map(({ month, ...settlement }) => [monthKey(month), settlement]))
  return [...new Set([...figures.keys(), ...settlementOf.keys()])]
    .sort()
    .reverse()
    .map((month) => ({ month, settlement: settlementOf.get(month) ?? null, figures: figures.get(month) ?? noFigures }))
}

/** The months staff can pick: from the first month with records (at most ten years back, at least a year) to now. */
export async function settlementMonths(now = new Date()): Promise<string[]> {
  const [records, settlements] = await Promise.all([
    prisma.serviceRecord.aggregate({ _min: { month: true } }),
    prisma.monthlySettlement.aggregate({ _min: { month: true } }),
  ])
  const latest = currentMonth(now)
  const earliestData = [records._min.month, settlements._min.month].filter((month): month is Date => month !== null)
  const floor = addMonths(latest, -120)
  const first = [addMonths(latest, -12), ...earliestData].reduce((a, b) => (b < a ? b : a))
  return monthsBetween(first < floor ? floor : first, latest).map(monthKey)
}
