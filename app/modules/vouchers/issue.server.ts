import { randomInt } from 'node:crypto'
import { recordAudit } from '~/modules/audit/audit.server'
import type { StaffActor } from '~/modules/clients/service.server'
import { valueInForce } from '~/modules/catalogue/values.server'
import { utcDate } from '~/modules/documents/dates'
import { incomeRuleInForce } from '~/modules/public-catalogue/values.server'
import { prisma } from '~/utils/db.server'
import { decideVoucherValue, type ValueProblem, type ValueResult } from './issue-value'
import { maxUnitsPerMonth, type UnitsKind } from './issuing-schema'
import { generateVoucherCode } from './voucher-code'

/**
 * Issuing a voucher decision to a client (staff). The value per unit comes from the category (issue-value.ts); the
 * voucher gets a fresh code from a cryptographic random source (a clash with an existing code is retried); the
 * voucher and its audit event are one transaction.
 */

const categoryNames = { nameFi: true, nameSv: true, nameEn: true } as const

/** Uniform in [0, 1) from the operating system's random source; 2^30 is a multiple of the code alphabet's 32. */
function secureRandom(): number {
  return randomInt(0, 2 ** 30) / 2 ** 30
}

/** How many codes are tried before giving up (a clash is one in 32^7 per existing voucher). */
const codeAttempts = 5

/**
 * What the issue page needs for a client: who they are (no identity code), and the active categories with the value
 * in force today (a FIXED value or an INCOME_RELATED range). Null for an unknown client.
 */
export async function issuePageData(clientId: string, now = new Date()) {
  const client = await prisma.client.findUnique({
    where: { id: clientId },
    select: {
      id: true,
      firstName: true,
      lastName: true,
      preferredLanguage: true,
    },
  })
  if (!client) return null
  const categories = await prisma.serviceCategory.findMany({
    where: { active: true },
    orderBy: [{ sortOrder: 'asc' }, { code: 'asc' }],
    select: { id: true, code: true, ...categoryNames, unit: true, voucherType: true },
  })
  const values = await Promise.all(categories.map((category) => valueInForce(category.id, now)))
  return { client, categories: categories.map((category, index) => ({ ...category, valueToday: values[index] ?? null })) }
}

/** The voucher type and unit of an active category (which form fields and limits apply), or null. */
export function activeCategory(categoryId: string) {
  if (!categoryId) return Promise.resolve(null)
  return prisma.serviceCategory.findFirst({ where: { id: categoryId, active: true }, select: { voucherType: true, unit: true } })
}

export type ValueQuestion = {
  categoryId: string
  /** `YYYY-MM-DD`: the value and the income rule in force on this day are used */
  decisionDate: string
  householdSize?: number | null
  incomeCents?: number | null
  override?: { valueCents: number; reason: string } | null
}

/** The value a decision with these facts would grant, for the "Calculate" button and for issuing. */
export async function voucherValueFor(question: ValueQuestion): Promise<ValueResult | { ok: false; error: 'categoryUnavailable' }> {
  const category = await prisma.serviceCategory.findFirst({
    where: { id: question.categoryId, active: true },
    select: { id: true, voucherType: true },
  })
  if (!category) return { ok: false, error: 'categoryUnavailable' }
  const day = utcDate(question.decisionDate)
  const [valueRow, rule] = await Promise.all([
    valueInForce(category.id, day),
    category.voucherType === 'INCOME_RELATED' ? incomeRuleInForce(day) : Promise.resolve(null),
  ])
  return decideVoucherValue({
    voucherType: category.voucherType,
    valueRow,
    rule,
    householdSize: question.householdSize,
    incomeCents: question.incomeCents,
    override: question.override,
  })
}

export type IssueInput = ValueQuestion & {
  clientId: string
  decisionNumber: string
  validFrom: string
  validTo: string
  unitsKind: UnitsKind
  units: number
}

export type IssueResult =
  | { ok: true; voucherId: string; code: string }
  | { ok: false; error: 'clientNotFound' | 'categoryUnavailable' | 'unitsTooMany' | 'validityInvalid' | ValueProblem }

function isCodeClash(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'P2002'
}

/**
 * Issues the voucher (status ISSUED). A monthly grant may not exceed what a month can hold in the category's unit.
 * `random` (tests) replaces the cryptographic source of the code.
 */
export async function issueVoucher(actor: StaffActor, input: IssueInput, options: { random?: () => number } = {}): Promise<IssueResult> {
  const random = options.random ?? secureRandom
  if (input.validTo < input.validFrom) return { ok: false, error: 'validityInvalid' }
  const [client, category] = await Promise.all([
    prisma.client.findUnique({ where: { id: input.clientId }, select: { id: true } }),
    prisma.serviceCategory.findFirst({ where: { id: input.categoryId, active: true }, select: { id: true, unit: true } }),
  ])
  if (!client) return { ok: false, error: 'clientNotFound' }
  if (!category) return { ok: false, error: 'categoryUnavailable' }
  if (input.unitsKind === 'perMonth' && input.units > maxUnitsPerMonth[category.unit]) return { ok: false, error: 'unitsTooMany' }
  const decided = await voucherValueFor(input)
  if (!decided.ok) return decided
  const value = decided.value
  const data = {
    clientId: client.id,
    categoryId: category.id,
    decisionNumber: input.decisionNumber,
    decisionDate: utcDate(input.decisionDate),
    validFrom: utcDate(input.validFrom),
    validTo: utcDate(input.validTo),
    unitsPerMonth: input.unitsKind === 'perMonth' ? input.units : null,
    unitsTotal: input.unitsKind === 'total' ? input.units : null,
    valueCents: value.valueCents,
    valueBasis: value.basis,
    householdSize: value.basis === 'FIXED' ? null : value.householdSize,
    grossMonthlyIncomeCents: value.basis === 'FIXED' ? null : value.incomeCents,
    overrideReason: value.basis === 'MANUAL_OVERRIDE' ? value.reason : null,
    issuedById: actor.id,
  }
  for (let attempt = 1; ; attempt++) {
    const code = generateVoucherCode(random)
    try {
      const voucherId = await prisma.$transaction(async (tx) => {
        const voucher = await tx.voucher.create({ data: { ...data, code }, select: { id: true } })
        await recordAudit(tx, {
          actorId: actor.id,
          action: 'voucher.issue',
          entityType: 'Voucher',
          entityId: voucher.id,
          after: {
            code,
            clientId: data.clientId,
            categoryId: data.categoryId,
            decisionNumber: data.decisionNumber,
            decisionDate: input.decisionDate,
            validFrom: input.validFrom,
            validTo: input.validTo,
            unitsPerMonth: data.unitsPerMonth,
            unitsTotal: data.unitsTotal,
            valueCents: data.valueCents,
            valueBasis: data.valueBasis,
            householdSize: data.householdSize,
            grossMonthlyIncomeCents: data.grossMonthlyIncomeCents,
            overrideReason: data.overrideReason,
          },
        })
        return voucher.id
      })
      return { ok: true, voucherId, code }
    } catch (error) {
      // the only unique column a new voucher can clash on is its code: try another one
      if (!isCodeClash(error) || attempt >= codeAttempts) throw error
    }
  }
}
