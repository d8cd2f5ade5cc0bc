import type { Locale, VoucherStatus } from '~/generated/prisma/client'
import { nameIn, type Names } from '~/modules/applications/labels'
import { recordAudit } from '~/modules/audit/audit.server'
import { helsinkiToday, isoDate, utcDate } from '~/modules/documents/dates'
import { offerTitle } from '~/modules/offers/texts'
import { publicOfferWhere } from '~/modules/register/public-offers'
import { prisma, type Tx } from '~/utils/db.server'
import { formatDate } from '~/utils/format'
import { notifyProducerMembers } from './notify.server'
import { choosableVoucherStatuses, openStatuses } from './state'

/**
 * The client chooses a producer's offer with their voucher, or changes producer. One transaction under the
 * voucher's row lock: the checks, the earlier choice cancelled (pending) or ended (accepted, on the last day the
 * client picked), the new PENDING choice, the voucher ASSIGNED, audit events (the client has no user: actor null)
 * and the notices to the producers' members in their own languages.
 *
 * The offer must be public now (`publicOfferWhere`, the only definition) and of the voucher's category; the voucher
 * ISSUED, ASSIGNED or ACTIVE and not past its validity. The partial unique index on open choices stands behind the
 * lock: a second choice at the same moment is refused, never stored.
 */
export type ChooseInput = {
  voucherId: string
  offerId: string
  /** the client confirmed a change of producer (the list's "Choose" does not change one without asking) */
  change: boolean
  /** `YYYY-MM-DD`: the last day of the accepted producer's service, when there is one */
  endDate?: string
}

export type ChooseError =
  | 'voucherNotFound'
  | 'voucherClosed'
  | 'voucherExpired'
  | 'notAvailable'
  | 'sameOffer'
  | 'needsConfirmation'
  | 'endDateRequired'
  | 'endDatePast'
  | 'endDateAfterValidity'
  | 'alreadyChosen'

export type ChooseResult = { ok: true; choiceId: string; previous: 'PENDING' | 'ACCEPTED' | null } | { ok: false; error: ChooseError }

type OfferNames = { titleFi: string | null; titleSv: string | null; titleEn: string | null; category: Names }

const offerNamesSelect = {
  titleFi: true,
  titleSv: true,
  titleEn: true,
  category: { select: { nameFi: true, nameSv: true, nameEn: true } },
} as const

/** The offer as a notice names it: its title in the reader's language, or the category's name. */
function offerName(offer: OfferNames, locale: Locale): string {
  return offerTitle(offer, locale)?.text ?? nameIn(locale, offer.category)
}

function fail(error: ChooseError): ChooseResult {
  return { ok: false, error }
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'P2002'
}

async function lockVoucher(tx: Tx, voucherId: string) {
  const rows = await tx.$queryRaw<{ status: VoucherStatus; categoryId: string; validTo: Date }[]>`
    SELECT "status"::text AS "status", "categoryId", "validTo" FROM "Voucher" WHERE "id" = ${voucherId} FOR UPDATE`
  return rows[0] ?? null
}

export async function chooseOffer(input: ChooseInput, now = new Date()): Promise<ChooseResult> {
  const today = helsinkiToday(now)
  try {
    return await prisma.$transaction(async (tx) => {
      const voucher = await lockVoucher(tx, input.voucherId)
      if (!voucher) return fail('voucherNotFound')
      if (!(choosableVoucherStatuses as readonly string[]).includes(voucher.status)) return fail('voucherClosed')
      const validTo = isoDate(voucher.validTo)
      if (validTo < today) return fail('voucherExpired')

      const offer = await tx.offer.findFirst({
        where: { AND: [await publicOfferWhere({ categoryIds: [voucher.categoryId], now }), { id: input.offerId, categoryId: voucher.categoryId }] },
        select: { id: true, organisationId: true, ...offerNamesSelect },
      })
      if (!offer) return fail('notAvailable')

      const open = await tx.choice.findFirst({
        where: { voucherId: input.voucherId, status: { in: [...openStatuses] } },
        select: { id: true, status: true, offerId: true, offer: { select: { organisationId: true, ...offerNamesSelect } } },
      })
      if (open?.offerId === offer.id) return fail('sameOffer')
      if (open && !input.change) return fail('needsConfirmation')

      if (open?.status === 'PENDING') {
        await tx.choice.update({ where: { id: open.id }, data: { status: 'CANCELLED' } })
        await recordAudit(tx, {
          actorId: null,
          action: 'choice.cancel',
          entityType: 'Choice',
          entityId: open.id,
          before: { status: 'PENDING' },
          after: { status: 'CANCELLED', voucherId: input.voucherId, replacedByOfferId: offer.id },
        })
      }
      if (open?.status === 'ACCEPTED') {
        const endDate = input.endDate
        if (!endDate) return fail('endDateRequired')
        if (endDate < today) return fail('endDatePast')
        if (endDate > validTo) return fail('endDateAfterValidity')
        await tx.choice.update({ where: { id: open.id }, data: { status: 'ENDED', endDate: utcDate(endDate) } })
        await recordAudit(tx, {
          actorId: null,
          action: 'choice.end',
          entityType: 'Choice',
          entityId: open.id,
          before: { status: 'ACCEPTED' },
          after: { status: 'ENDED', endDate, voucherId: input.voucherId, replacedByOfferId: offer.id },
        })
        await notifyProducerMembers(tx, {
          organisationId: open.offer.organisationId,
          template: 'choice-ended',
          values: (locale) => ({ offer: offerName(open.offer, locale), date: formatDate(utcDate(endDate), locale) }),
        })
      }

      const choice = await tx.choice.create({ data: { voucherId: input.voucherId, offerId: offer.id, status: 'PENDING' }, select: { id: true } })
      if (voucher.status !== 'ASSIGNED') await tx.voucher.update({ where: { id: input.voucherId }, data: { status: 'ASSIGNED' } })
      await recordAudit(tx, {
        actorId: null,
        action: 'choice.create',
        entityType: 'Choice',
        entityId: choice.id,
        after: { voucherId: input.voucherId, offerId: offer.id },
      })
      await notifyProducerMembers(tx, {
        organisationId: offer.organisationId,
        template: 'choice-received',
        values: (locale) => ({ offer: offerName(offer, locale) }),
      })
      return { ok: true, choiceId: choice.id, previous: open ? (open.status === 'ACCEPTED' ? 'ACCEPTED' : 'PENDING') : null } as const
    })
  } catch (error) {
    if (isUniqueViolation(error)) return fail('alreadyChosen')
    throw error
  }
}
