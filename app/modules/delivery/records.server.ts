import type { Prisma, ServiceUnitOfMeasure, VoucherStatus } from '~/generated/prisma/client'
import { recordAudit } from '~/modules/audit/audit.server'
import { helsinkiToday, isoDate, utcDate } from '~/modules/documents/dates'
import { priceInForce } from '~/modules/offers/prices'
import { claimOpenMonth, MonthLockedError } from '~/modules/settlements/month-lock.server'
import { addMonths } from '~/modules/settlements/month'
import { consumeUnits, UnitsExceededError, unitsLeft, type VoucherGrant } from '~/modules/vouchers/units.server'
import { prisma, type Tx } from '~/utils/db.server'
import { can } from '~/utils/permissions'
import type { DeliveryActor } from './choices.server'
import { monthOf } from './months'
import type { AdjustmentInput, RecordInput } from './schema'
import { lockVoucher, lockVoucherOfChoice } from './voucher-lock.server'

/**
 * Delivered service: a provider's records of a client's voucher. Each write is one transaction that first claims the
 * settlement month (claimOpenMonth: an approved month refuses, and an approval cannot run meanwhile), then takes the
 * voucher's row lock, checks the choice and the dates against the state it then reads, uses the units through
 * consumeUnits (one conditional UPDATE: never over the month's or the total grant, whoever else records at the same
 * moment) and writes the record with its audit event. Units count against the month of the service date, money goes
 * to the settlement month `month`. Records of an approved month are never changed: a correction is an ADJUSTMENT in
 * the next month that is not approved.
 */

export type RecordRefusal =
  | 'forbidden'
  | 'notFound'
  | 'choiceNotActive'
  | 'future'
  | 'beforeStart'
  | 'afterEnd'
  | 'outsideValidity'
  | 'voucherCancelled'
  | 'extraUnknown'
  | 'notCorrectable'
  | 'correctionBelowZero'
export type RecordFailure =
  | { ok: false; error: RecordRefusal }
  /** the settlement month (`YYYY-MM-01`) is approved and locked */
  | { ok: false; error: 'monthLocked'; month: string }
  /** `month`: the service month of a monthly grant, null for a total grant; `unitsLeft`: hundredths left there */
  | { ok: false; error: 'unitsExceeded'; month: string | null; unitsLeft: number; unit: ServiceUnitOfMeasure }
export type RecordResult = { ok: true; recordId: string } | RecordFailure

/** Thrown inside the transaction so that nothing it wrote stays. */
class Refused extends Error {
  constructor(readonly reason: RecordRefusal) {
    super(reason)
  }
}

/** consumeUnits refused: which voucher, and the service month the units were to count against. */
class Exceeded extends Error {
  constructor(
    readonly voucherId: string,
    readonly serviceMonth: Date,
  ) {
    super(`Voucher ${voucherId}: not enough units left`)
  }
}

const grantSelect = { id: true, status: true, unitsPerMonth: true, unitsTotal: true, totalUnitsUsed: true } as const

/** Uses (or gives back) units of the voucher in the transaction; see consumeUnits. */
async function useUnits(tx: Tx, voucher: VoucherGrant, serviceMonth: Date, hundredths: number): Promise<void> {
  try {
    await consumeUnits(tx, voucher, serviceMonth, hundredths)
  } catch (error) {
    if (error instanceof UnitsExceededError) throw new Exceeded(voucher.id, serviceMonth)
    throw error
  }
}

/** Runs one write; refusals, a locked month and an exceeded grant come back as failures (the transaction rolled back). */
async function write(work: (tx: Tx) => Promise<string>): Promise<RecordResult> {
  try {
    return { ok: true, recordId: await prisma.$transaction(work) }
  } catch (error) {
    if (error instanceof Refused) return { ok: false, error: error.reason }
    if (error instanceof MonthLockedError) return { ok: false, error: 'monthLocked', month: isoDate(error.month) }
    if (error instanceof Exceeded) {
      const left = await remainingUnits(error.voucherId, error.serviceMonth)
      return { ok: false, error: 'unitsExceeded', month: left.month && isoDate(left.month), unitsLeft: left.hundredths, unit: left.unit }
    }
    throw error
  }
}

/**
 * Hundredths of units the voucher has left: in the service month for a monthly grant (`month` is that month), in
 * total for a total grant (`month` is null); and the category's unit to name them.
 */
async function remainingUnits(
  voucherId: string,
  serviceMonth: Date,
): Promise<{ month: Date | null; hundredths: number; unit: ServiceUnitOfMeasure }> {
  const voucher = await prisma.voucher.findUniqueOrThrow({
    where: { id: voucherId },
    select: { ...grantSelect, category: { select: { unit: true } } },
  })
  const unit = voucher.category.unit
  if (voucher.unitsPerMonth === null) return { month: null, hundredths: unitsLeft(voucher, null), unit }
  const used = await prisma.voucherMonth.findUnique({
    where: { voucherId_month: { voucherId, month: serviceMonth } },
    select: { unitsUsed: true },
  })
  return { month: serviceMonth, hundredths: unitsLeft(voucher, used?.unitsUsed ?? 0), unit }
}

/**
 * A voucher granted in total is EXHAUSTED when its units are used up, and ACTIVE again when a deletion or a correction
 * gives units back. `voucher` is as read under its lock, before `hundredths` were used. Returns the new status, if any.
 */
async function syncExhausted(
  tx: Tx,
  voucher: { id: string; status: VoucherStatus; unitsTotal: number | null; totalUnitsUsed: number },
  hundredths: number,
): Promise<VoucherStatus | null> {
  if (voucher.unitsTotal === null) return null
  const usedUp = voucher.totalUnitsUsed + hundredths >= voucher.unitsTotal * 100
  const status = usedUp && voucher.status === 'ACTIVE' ? 'EXHAUSTED' : !usedUp && voucher.status === 'EXHAUSTED' ? 'ACTIVE' : null
  if (status) await tx.voucher.update({ where: { id: voucher.id }, data: { status } })
  return status
}

const recordStateSelect = {
  id: true,
  voucherId: true,
  status: true,
  startDate: true,
  endDate: true,
  voucher: { select: { ...grantSelect, validFrom: true, validTo: true, valueCents: true } },
  offer: {
    select: {
      priceCents: true,
      prices: { select: { priceCents: true, effectiveFrom: true } },
      extraServices: { select: { id: true, priceCents: true } },
    },
  },
} satisfies Prisma.ChoiceSelect
type RecordState = Prisma.ChoiceGetPayload<{ select: typeof recordStateSelect }>

/** Why service on `day` (not in the future) cannot be recorded for the choice, if it cannot. */
function deliveryProblem(choice: RecordState, day: string): RecordRefusal | null {
  if (choice.status !== 'ACCEPTED' && choice.status !== 'ENDED') return 'choiceNotActive'
  if (choice.voucher.status === 'CANCELLED') return 'voucherCancelled'
  if (!choice.startDate || day < isoDate(choice.startDate)) return 'beforeStart'
  if (choice.endDate && day > isoDate(choice.endDate)) return 'afterEnd'
  if (day < isoDate(choice.voucher.validFrom) || day > isoDate(choice.voucher.validTo)) return 'outsideValidity'
  return null
}

/** The offer's price on the service day (its price history); before the first row, the earliest known price. */
function unitPriceOn(offer: RecordState['offer'], day: string): number {
  const inForce = priceInForce(offer.prices, day)
  if (inForce) return inForce.priceCents
  const earliest = [...offer.prices].sort((a, b) => a.effectiveFrom.getTime() - b.effectiveFrom.getTime())[0]
  return earliest?.priceCents ?? offer.priceCents
}

/**
 * Records delivered service on a day: units (hundredths), an optional note and an optional extra service of the
 * offer billed to the client (its price × quantity). See the module comment for the rules and the locking.
 */
export function createRecord(actor: DeliveryActor, choiceId: string, input: Omit<RecordInput, 'intent'>, now = new Date()): Promise<RecordResult> {
  if (!can(actor.role, 'service-record:create')) return Promise.resolve({ ok: false, error: 'forbidden' })
  const organisationId = actor.organisationId
  const day = input.serviceDate
  const today = helsinkiToday(now)
  if (day > today) return Promise.resolve({ ok: false, error: 'future' })
  const serviceMonth = monthOf(day)
  return write(async (tx) => {
    await claimOpenMonth(tx, organisationId, serviceMonth)
    if (!(await lockVoucherOfChoice(tx, organisationId, choiceId))) throw new Refused('notFound')
    const choice = await tx.choice.findUniqueOrThrow({ where: { id: choiceId }, select: recordStateSelect })
    const problem = deliveryProblem(choice, day)
    if (problem) throw new Refused(problem)
    let extrasCents = 0
    if (input.extra) {
      const extra = choice.offer.extraServices.find((row) => row.id === input.extra?.id)
      if (!extra) throw new Refused('extraUnknown')
      extrasCents = extra.priceCents * input.extra.quantity
    }
    await useUnits(tx, choice.voucher, serviceMonth, input.units)
    const unitPriceCents = unitPriceOn(choice.offer, day)
    const record = await tx.serviceRecord.create({
      data: {
        voucherId: choice.voucherId,
        choiceId: choice.id,
        organisationId,
        serviceDate: utcDate(day),
        month: serviceMonth,
        unitsHundredths: input.units,
        unitPriceCents,
        voucherValueCents: choice.voucher.valueCents,
        extrasCents,
        note: input.note,
        kind: 'DELIVERY',
        createdById: actor.id,
      },
      select: { id: true },
    })
    const voucherStatus = await syncExhausted(tx, choice.voucher, input.units)
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'service-record.create',
      entityType: 'ServiceRecord',
      entityId: record.id,
      after: {
        choiceId: choice.id,
        voucherId: choice.voucherId,
        serviceDate: day,
        unitsHundredths: input.units,
        unitPriceCents,
        voucherValueCents: choice.voucher.valueCents,
        extrasCents,
        extraServiceId: input.extra?.id ?? null,
        extraQuantity: input.extra?.quantity ?? null,
        note: input.note,
        ...(voucherStatus ? { voucherStatus } : {}),
      },
    })
    return record.id
  })
}

const ownRecordSelect = {
  id: true,
  voucherId: true,
  choiceId: true,
  kind: true,
  serviceDate: true,
  month: true,
  unitsHundredths: true,
  unitPriceCents: true,
  voucherValueCents: true,
  extrasCents: true,
  note: true,
  adjustsRecordId: true,
} satisfies Prisma.ServiceRecordSelect

function readRecord(tx: Tx, organisationId: string, choiceId: string, recordId: string) {
  return tx.serviceRecord.findFirst({ where: { id: recordId, choiceId, organisationId }, select: ownRecordSelect })
}

/** Deletes a record of an open month and gives its units back (a correction's too: its units are taken back). */
export function deleteRecord(actor: DeliveryActor, choiceId: string, recordId: string): Promise<RecordResult> {
  if (!can(actor.role, 'service-record:create')) return Promise.resolve({ ok: false, error: 'forbidden' })
  const organisationId = actor.organisationId
  return write(async (tx) => {
    const record = await readRecord(tx, organisationId, choiceId, recordId)
    if (!record) throw new Refused('notFound')
    const serviceMonth = monthOf(record.serviceDate)
    await claimOpenMonth(tx, organisationId, record.month)
    await lockVoucher(tx, record.voucherId)
    // deleted by someone else a moment ago: its units are already back
    if ((await tx.serviceRecord.deleteMany({ where: { id: record.id } })).count !== 1) throw new Refused('notFound')
    const voucher = await tx.voucher.findUniqueOrThrow({ where: { id: record.voucherId }, select: grantSelect })
    await useUnits(tx, voucher, serviceMonth, -record.unitsHundredths)
    const voucherStatus = await syncExhausted(tx, voucher, -record.unitsHundredths)
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'service-record.delete',
      entityType: 'ServiceRecord',
      entityId: record.id,
      before: { ...record, serviceDate: isoDate(record.serviceDate), month: isoDate(record.month) },
      ...(voucherStatus ? { after: { voucherStatus } } : {}),
    })
    return record.id
  })
}

/** The earliest month after `month` that the organisation's settlement has not approved: where corrections go. */
export async function nextOpenMonth(tx: Tx, organisationId: string, month: Date): Promise<Date> {
  const approved = await tx.monthlySettlement.findMany({
    where: { organisationId, month: { gt: month }, status: 'APPROVED' },
    select: { month: true },
    orderBy: { month: 'asc' },
  })
  let candidate = addMonths(month, 1)
  for (const row of approved) {
    if (row.month.getTime() !== candidate.getTime()) break
    candidate = addMonths(candidate, 1)
  }
  return candidate
}

/**
 * Corrects a delivery of an approved (locked) month: an ADJUSTMENT row with the units to add (negative: take away) and
 * the reason, in the next month that is not approved, at the corrected record's price and voucher value. Its units
 * count against the corrected record's service month (and may be refused there); the corrected record's units with
 * all its corrections never go below zero.
 */
export function createAdjustment(actor: DeliveryActor, choiceId: string, input: Omit<AdjustmentInput, 'intent'>): Promise<RecordResult> {
  if (!can(actor.role, 'service-record:create')) return Promise.resolve({ ok: false, error: 'forbidden' })
  const organisationId = actor.organisationId
  return write(async (tx) => {
    const record = await readRecord(tx, organisationId, choiceId, input.recordId)
    if (!record || record.kind !== 'DELIVERY') throw new Refused('notFound')
    const serviceMonth = monthOf(record.serviceDate)
    const settlement = await tx.monthlySettlement.findUnique({
      where: { organisationId_month: { organisationId, month: record.month } },
      select: { status: true },
    })
    // a record of an open month is deleted and recorded again instead
    if (settlement?.status !== 'APPROVED') throw new Refused('notCorrectable')
    const month = await nextOpenMonth(tx, organisationId, record.month)
    await claimOpenMonth(tx, organisationId, month)
    await lockVoucher(tx, record.voucherId)
    const corrections = await tx.serviceRecord.aggregate({
      where: { adjustsRecordId: record.id, organisationId },
      _sum: { unitsHundredths: true },
    })
    if (record.unitsHundredths + (corrections._sum.unitsHundredths ?? 0) + input.units < 0) throw new Refused('correctionBelowZero')
    const voucher = await tx.voucher.findUniqueOrThrow({ where: { id: record.voucherId }, select: grantSelect })
    await useUnits(tx, voucher, serviceMonth, input.units)
    const adjustment = await tx.serviceRecord.create({
      data: {
        voucherId: record.voucherId,
        choiceId: record.choiceId,
        organisationId,
        serviceDate: record.serviceDate,
        month,
        unitsHundredths: input.units,
        unitPriceCents: record.unitPriceCents,
        voucherValueCents: record.voucherValueCents,
        note: input.reason,
        kind: 'ADJUSTMENT',
        adjustsRecordId: record.id,
        createdById: actor.id,
      },
      select: { id: true },
    })
    const voucherStatus = await syncExhausted(tx, voucher, input.units)
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'service-record.adjust',
      entityType: 'ServiceRecord',
      entityId: adjustment.id,
      after: {
        adjustsRecordId: record.id,
        month: isoDate(month),
        serviceDate: isoDate(record.serviceDate),
        unitsHundredths: input.units,
        reason: input.reason,
        ...(voucherStatus ? { voucherStatus } : {}),
      },
    })
    return adjustment.id
  })
}
