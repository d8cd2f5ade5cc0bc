import type { Prisma } from '~/generated/prisma/client'
import { recordAudit } from '~/modules/audit/audit.server'
import { helsinkiToday, isIsoDate, isoDate, utcDate } from '~/modules/documents/dates'
import { prisma } from '~/utils/db.server'
import { byDocumentTypeOrder } from '~/modules/documents/type-order'
import type { CategoryInput } from './schema'
import { isScheduled, nextScheduledValue, selectValueInForce } from './values'

/**
 * Catalogue administration (staff admin): service categories, their required document types and their voucher
 * values from a date on. Every change is one transaction with its audit event (entity: the ServiceCategory).
 * Voucher values are never edited in place once they are in force: a price change is a new row from its date,
 * so past months keep their values; a row may be corrected or withdrawn only while it starts in the future.
 */

const valueSelect = { id: true, effectiveFrom: true, valueCents: true, minValueCents: true, maxValueCents: true, createdAt: true } as const

/** Every category for the catalogue list, with the value in force on `now`'s day and the next scheduled change. */
export async function listCategories(now = new Date()) {
  const categories = await prisma.serviceCategory.findMany({
    orderBy: [{ sortOrder: 'asc' }, { code: 'asc' }],
    select: {
      id: true,
      code: true,
      nameFi: true,
      nameSv: true,
      nameEn: true,
      unit: true,
      voucherType: true,
      reviewMode: true,
      active: true,
      values: { select: valueSelect },
    },
  })
  return categories.map(({ values, ...category }) => ({
    ...category,
    valueInForce: selectValueInForce(values, now),
    nextValue: nextScheduledValue(values, now),
  }))
}

/** One category with its value history (newest first), required document types, and the value in force. */
export async function getCategory(categoryId: string, now = new Date()) {
  const category = await prisma.serviceCategory.findUnique({
    where: { id: categoryId },
    select: {
      id: true,
      code: true,
      nameFi: true,
      nameSv: true,
      nameEn: true,
      unit: true,
      voucherType: true,
      reviewMode: true,
      requiresSoteri: true,
      active: true,
      values: { select: valueSelect, orderBy: { effectiveFrom: 'desc' } },
      requirements: { select: { documentTypeCode: true } },
    },
  })
  if (!category) return null
  const { requirements, values, ...rest } = category
  const inForce = selectValueInForce(values, now)
  return {
    ...rest,
    documentTypes: requirements.map((requirement) => requirement.documentTypeCode).sort((a, b) => byDocumentTypeOrder({ code: a }, { code: b })),
    values: values.map((value) => ({ ...value, inForce: value.id === inForce?.id, scheduled: isScheduled(value, now) })),
  }
}

/** The document types, in the service catalogue's order. */
export async function listDocumentTypes() {
  const types = await prisma.documentType.findMany({ select: { code: true, nameFi: true, nameSv: true, nameEn: true, hasRegistrationNumber: true } })
  return types.sort(byDocumentTypeOrder)
}

// ─── Category details ───────────────────────────────────────────────────────

export type UpdateCategoryResult = { ok: true; changed: boolean } | { ok: false; error: 'notFound' | 'unknownDocumentType' }

type CategorySnapshot = Omit<CategoryInput, 'documentTypes'> & { documentTypes: string[] }

/** Only what changed, before and after: the audit row stays short and says exactly what was edited. */
function difference(before: CategorySnapshot, after: CategorySnapshot) {
  const keys = (Object.keys(after) as (keyof CategorySnapshot)[]).filter(
    (key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]),
  )
  return {
    changed: keys.length > 0,
    before: Object.fromEntries(keys.map((key) => [key, before[key]])) as Prisma.InputJsonObject,
    after: Object.fromEntries(keys.map((key) => [key, after[key]])) as Prisma.InputJsonObject,
  }
}

/** Saves a category's names, unit, voucher type, review mode, Soteri requirement, active flag and required documents. */
export async function updateCategory(actorId: string, categoryId: string, input: CategoryInput): Promise<UpdateCategoryResult> {
  const codes = [...new Set(input.documentTypes)].sort((a, b) => byDocumentTypeOrder({ code: a }, { code: b }))
  return prisma.$transaction(async (tx) => {
    const current = await tx.serviceCategory.findUnique({
      where: { id: categoryId },
      select: {
        nameFi: true,
        nameSv: true,
        nameEn: true,
        unit: true,
        voucherType: true,
        reviewMode: true,
        requiresSoteri: true,
        active: true,
        requirements: { select: { documentTypeCode: true } },
      },
    })
    if (!current) return { ok: false, error: 'notFound' }
    const known = await tx.documentType.count({ where: { code: { in: codes } } })
    if (known !== codes.length) return { ok: false, error: 'unknownDocumentType' }

    const { requirements, ...fields } = current
    const before: CategorySnapshot = {
      ...fields,
      documentTypes: requirements.map((r) => r.documentTypeCode).sort((a, b) => byDocumentTypeOrder({ code: a }, { code: b })),
    }
    const { documentTypes: _documentTypes, ...newFields } = input
    const after: CategorySnapshot = { ...newFields, documentTypes: codes }
    const diff = difference(before, after)
    if (!diff.changed) return { ok: true, changed: false }

    await tx.serviceCategory.update({ where: { id: categoryId }, data: newFields })
    await tx.categoryDocumentRequirement.deleteMany({ where: { categoryId, documentTypeCode: { notIn: codes } } })
    await tx.categoryDocumentRequirement.createMany({
      data: codes.map((documentTypeCode) => ({ categoryId, documentTypeCode })),
      skipDuplicates: true,
    })
    await recordAudit(tx, {
      actorId,
      action: 'category.update',
      entityType: 'ServiceCategory',
      entityId: categoryId,
      before: diff.before,
      after: diff.after,
    })
    return { ok: true, changed: true }
  })
}

// ─── Voucher values ─────────────────────────────────────────────────────────

export type VoucherValueInput = {
  /** `YYYY-MM-DD`, a Finnish calendar day */
  effectiveFrom: string
  /** FIXED: the value per unit */
  valueCents?: number
  /** INCOME_RELATED: the range the income rule moves in */
  minValueCents?: number
  maxValueCents?: number
}

export type AddVoucherValueResult =
  | { ok: true; valueId: string; corrected: boolean }
  | { ok: false; error: 'notFound' | 'invalidDate' | 'effectiveFromPast' | 'valueInForceExists' | 'wrongValueKind' }

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'P2002'
}

function valueJson(value: { effectiveFrom: Date; valueCents: number | null; minValueCents: number | null; maxValueCents: number | null }) {
  return {
    effectiveFrom: isoDate(value.effectiveFrom),
    ...(value.valueCents !== null ? { valueCents: value.valueCents } : {}),
    ...(value.minValueCents !== null ? { minValueCents: value.minValueCents } : {}),
    ...(value.maxValueCents !== null ? { maxValueCents: value.maxValueCents } : {}),
  }
}

/**
 * Adds a voucher value from a date on. The date may be today or later (Helsinki), never in the past: months already
 * begun keep their values. When a row with the same date is still scheduled (starts after today), it is corrected;
 * a row already in force is never changed. FIXED categories take `valueCents`, INCOME_RELATED ones min and max.
 */
export async function addVoucherValue(
  actorId: string,
  categoryId: string,
  input: VoucherValueInput,
  now = new Date(),
): Promise<AddVoucherValueResult> {
  if (!isIsoDate(input.effectiveFrom)) return { ok: false, error: 'invalidDate' }
  const today = helsinkiToday(now)
  if (input.effectiveFrom < today) return { ok: false, error: 'effectiveFromPast' }
  const effectiveFrom = utcDate(input.effectiveFrom)
  try {
    return await prisma.$transaction(async (tx): Promise<AddVoucherValueResult> => {
      const category = await tx.serviceCategory.findUnique({ where: { id: categoryId }, select: { voucherType: true } })
      if (!category) return { ok: false, error: 'notFound' }
      const data =
        category.voucherType === 'FIXED'
          ? { valueCents: input.valueCents ?? null, minValueCents: null, maxValueCents: null }
          : { valueCents: null, minValueCents: input.minValueCents ?? null, maxValueCents: input.maxValueCents ?? null }
      const complete =
        category.voucherType === 'FIXED'
          ? data.valueCents !== null && data.valueCents > 0
          : data.minValueCents !== null && data.maxValueCents !== null && data.minValueCents >= 0 && data.minValueCents <= data.maxValueCents
      if (!complete) return { ok: false, error: 'wrongValueKind' }

      const existing = await tx.voucherValue.findUnique({
        where: { categoryId_effectiveFrom: { categoryId, effectiveFrom } },
        select: valueSelect,
      })
      if (existing) {
        if (!isScheduled(existing, now)) return { ok: false, error: 'valueInForceExists' }
        const corrected = await tx.voucherValue.update({ where: { id: existing.id }, data, select: valueSelect })
        await recordAudit(tx, {
          actorId,
          action: 'category.value-correct',
          entityType: 'ServiceCategory',
          entityId: categoryId,
          before: { valueId: existing.id, ...valueJson(existing) },
          after: { valueId: corrected.id, ...valueJson(corrected) },
        })
        return { ok: true, valueId: corrected.id, corrected: true }
      }
      const created = await tx.voucherValue.create({ data: { categoryId, effectiveFrom, ...data }, select: valueSelect })
      await recordAudit(tx, {
        actorId,
        action: 'category.value-add',
        entityType: 'ServiceCategory',
        entityId: categoryId,
        after: { valueId: created.id, ...valueJson(created) },
      })
      return { ok: true, valueId: created.id, corrected: false }
    })
  } catch (error) {
    // another admin added a row for the same day at the same moment: theirs stands
    if (isUniqueViolation(error)) return { ok: false, error: 'valueInForceExists' }
    throw error
  }
}

export type WithdrawVoucherValueResult = { ok: true } | { ok: false; error: 'notFound' | 'notScheduled' }

/** Withdraws a value row that has not started yet (a price change entered by mistake). Rows in force stay. */
export async function withdrawScheduledValue(
  actorId: string,
  categoryId: string,
  valueId: string,
  now = new Date(),
): Promise<WithdrawVoucherValueResult> {
  return prisma.$transaction(async (tx) => {
    const value = await tx.voucherValue.findFirst({ where: { id: valueId, categoryId }, select: valueSelect })
    if (!value) return { ok: false, error: 'notFound' }
    if (!isScheduled(value, now)) return { ok: false, error: 'notScheduled' }
    await tx.voucherValue.delete({ where: { id: value.id } })
    await recordAudit(tx, {
      actorId,
      action: 'category.value-withdraw',
      entityType: 'ServiceCategory',
      entityId: categoryId,
      before: { valueId: value.id, ...valueJson(value) },
    })
    return { ok: true }
  })
}
