import type { Prisma } from '~/generated/prisma/client'
import { valueInForce } from '~/modules/catalogue/values.server'
import { recordClientViewed, type StaffActor } from '~/modules/clients/service.server'
import { monthOf } from '~/modules/delivery/months'
import { helsinkiToday } from '~/modules/documents/dates'
import { incomeRuleInForce } from '~/modules/public-catalogue/values.server'
import { prisma } from '~/utils/db.server'
import { decideVoucherValue } from './issue-value'
import type { VoucherListFilters } from './issuing-schema'
import { isValidVoucherCode, normaliseVoucherCode, VOUCHER_CODE_ALPHABET } from './voucher-code'

/** Reading vouchers for staff: the list with its filters, one voucher's page, the calculation behind its value. */
export const voucherPageSize = 25

const categoryNames = { id: true, code: true, nameFi: true, nameSv: true, nameEn: true, unit: true, voucherType: true } as const

/**
 * The code part of a search: the whole code ("hemv ard5" → HEMV-ARD5) or its beginning ("HEMV", "HEMV-A"); null
 * when the text cannot be a code.
 */
function codeSearch(q: string): Prisma.VoucherWhereInput | null {
  const normal = normaliseVoucherCode(q)
  if (normal.length === 0 || normal.length > 8 || ![...normal].every((character) => VOUCHER_CODE_ALPHABET.includes(character))) return null
  if (isValidVoucherCode(normal)) return { code: `${normal.slice(0, 4)}-${normal.slice(4)}` }
  const prefix = normal.length > 4 ? `${normal.slice(0, 4)}-${normal.slice(4)}` : normal
  return { code: { startsWith: prefix } }
}

function nameSearch(q: string): Prisma.VoucherWhereInput {
  const words = q.split(/\s+/).filter(Boolean).slice(0, 5)
  return {
    client: {
      AND: words.map((word) => ({
        OR: [{ firstName: { contains: word, mode: 'insensitive' as const } }, { lastName: { contains: word, mode: 'insensitive' as const } }],
      })),
    },
  }
}

/** Vouchers matching the filters (status, category, a code or a part of the client's name), newest decision first. */
export async function listVouchers(filters: VoucherListFilters) {
  const search = filters.q ? [codeSearch(filters.q), nameSearch(filters.q)].filter((where) => where !== null) : []
  const where: Prisma.VoucherWhereInput = {
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.category ? { categoryId: filters.category } : {}),
    ...(search.length ? { OR: search } : {}),
  }
  const total = await prisma.voucher.count({ where })
  const pageCount = Math.max(1, Math.ceil(total / voucherPageSize))
  const page = Math.min(filters.page, pageCount)
  const vouchers = await prisma.voucher.findMany({
    where,
    orderBy: [{ decisionDate: 'desc' }, { createdAt: 'desc' }, { id: 'asc' }],
    skip: (page - 1) * voucherPageSize,
    take: voucherPageSize,
    select: {
      id: true,
      code: true,
      status: true,
      decisionNumber: true,
      decisionDate: true,
      validFrom: true,
      validTo: true,
      client: { select: { id: true, firstName: true, lastName: true } },
      category: { select: categoryNames },
    },
  })
  return { vouchers, total, page, pageCount }
}

/** The categories the list can be filtered by (inactive ones too: their vouchers still exist). */
export function voucherCategoryOptions() {
  return prisma.serviceCategory.findMany({ orderBy: [{ sortOrder: 'asc' }, { code: 'asc' }], select: categoryNames })
}

/** The income-related calculation behind a stored value, made again with the rule and range of the decision date. */
/** The voucher's last valid day and start, for the extend form's check; null for an unknown voucher. */
export function voucherValidity(voucherId: string) {
  return prisma.voucher.findUnique({ where: { id: voucherId }, select: { validFrom: true, validTo: true } })
}

export async function storedCalculation(voucher: {
  categoryId: string
  decisionDate: Date
  valueCents: number
  valueBasis: 'FIXED' | 'INCOME_RELATED' | 'MANUAL_OVERRIDE'
  householdSize: number | null
  grossMonthlyIncomeCents: number | null
}) {
  if (voucher.valueBasis === 'FIXED' || voucher.householdSize === null || voucher.grossMonthlyIncomeCents === null) return null
  const [valueRow, rule] = await Promise.all([valueInForce(voucher.categoryId, voucher.decisionDate), incomeRuleInForce(voucher.decisionDate)])
  const decided = decideVoucherValue({
    voucherType: 'INCOME_RELATED',
    valueRow,
    rule,
    householdSize: voucher.householdSize,
    incomeCents: voucher.grossMonthlyIncomeCents,
  })
  if (!decided.ok || decided.value.basis !== 'INCOME_RELATED') return null
  // only a calculation that still gives the decided value explains it (an override keeps its own value)
  if (voucher.valueBasis === 'INCOME_RELATED' && decided.value.valueCents !== voucher.valueCents) return null
  return decided.value.explanation
}

const voucherSelect = {
  id: true,
  code: true,
  status: true,
  decisionNumber: true,
  decisionDate: true,
  validFrom: true,
  validTo: true,
  unitsPerMonth: true,
  unitsTotal: true,
  totalUnitsUsed: true,
  valueCents: true,
  valueBasis: true,
  householdSize: true,
  grossMonthlyIncomeCents: true,
  overrideReason: true,
  cancelledReason: true,
  categoryId: true,
  createdAt: true,
  issuedBy: { select: { name: true } },
  category: { select: categoryNames },
  client: {
    select: {
      id: true,
      firstName: true,
      lastName: true,
      dateOfBirth: true,
      preferredLanguage: true,
      municipality: { select: { nameFi: true, nameSv: true, officialLanguages: true } },
    },
  },
  choices: {
    orderBy: { createdAt: 'desc' },
    select: {
      id: true,
      status: true,
      startDate: true,
      endDate: true,
      declineReason: true,
      createdAt: true,
      decidedAt: true,
      offer: {
        select: { id: true, titleFi: true, titleSv: true, titleEn: true, priceCents: true, organisation: { select: { id: true, name: true } } },
      },
    },
  },
} as const satisfies Prisma.VoucherSelect

/**
 * One voucher for its staff page: the facts, the client (no identity code), the producer choices, the units used
 * this month (or in total), the calculation behind an income-related value, and the audit history of the voucher
 * and its choices, newest first. Opening it is recorded as a view of the client's data. Null for an unknown voucher
 * (nothing recorded).
 */
export async function voucherForStaff(actor: StaffActor, voucherId: string, now = new Date()) {
  const month = monthOf(helsinkiToday(now))
  const voucher = await prisma.$transaction(async (tx) => {
    const found = await tx.voucher.findUnique({
      where: { id: voucherId },
      select: { ...voucherSelect, months: { where: { month }, select: { unitsUsed: true, unitsGranted: true } } },
    })
    if (found) await recordClientViewed(tx, actor, found.client.id, 'voucher-page', found.id)
    return found
  })
  if (!voucher) return null
  const [calculation, history] = await Promise.all([
    storedCalculation(voucher),
    prisma.auditEvent.findMany({
      where: {
        OR: [
          { entityType: 'Voucher', entityId: voucher.id },
          { entityType: 'Choice', entityId: { in: voucher.choices.map((choice) => choice.id) } },
        ],
      },
      orderBy: { id: 'desc' },
      take: 100,
      select: { id: true, at: true, action: true, before: true, after: true, actor: { select: { name: true } } },
    }),
  ])
  const { months, ...rest } = voucher
  const thisMonth = months[0]
  return {
    ...rest,
    month,
    /** hundredths used: this month's for a monthly grant, the whole validity's for a total grant */
    unitsUsed: voucher.unitsPerMonth !== null ? (thisMonth?.unitsUsed ?? 0) : voucher.totalUnitsUsed,
    calculation,
    history: history.map((event) => ({ ...event, id: String(event.id) })),
  }
}
