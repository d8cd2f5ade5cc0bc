import type { ChoiceStatus, Prisma } from '~/generated/prisma/client'
import { recordAudit } from '~/modules/audit/audit.server'
import { helsinkiToday, isoDate, utcDate } from '~/modules/documents/dates'
import { enqueueEmail } from '~/modules/email/outbox.server'
import { currentMonth } from '~/modules/settlements/month'
import { prisma } from '~/utils/db.server'
import { env } from '~/utils/env.server'
import { formatDate } from '~/utils/format'
import { can, type Role } from '~/utils/permissions'
import { lockVoucherOfChoice } from './voucher-lock.server'

/**
 * A provider's voucher clients: the choices of its offers, and its decision on each (accept with a start date, or
 * decline with a reason). Every query names the organisation in its `where` (`offer: { organisationId }`), so another
 * organisation's choice id is not found. A provider sees only what it needs of the client: name, contact details,
 * municipality and language; never the personal identity code (no select here names it).
 */

/** The acting member, as requireOrganisationPermission returns it. */
export type DeliveryActor = { id: string; organisationId: string; role: Role }

type Failure<E extends string> = { ok: false; error: E }

const namesSelect = { nameFi: true, nameSv: true, nameEn: true } as const
const municipalitySelect = { select: { nameFi: true, nameSv: true, officialLanguages: true } } as const

/** The columns of the client list: enough to recognise the client and the voucher, no contact details. */
const listSelect = (month: Date) =>
  ({
    id: true,
    status: true,
    startDate: true,
    endDate: true,
    createdAt: true,
    decidedAt: true,
    voucher: {
      select: {
        id: true,
        unitsPerMonth: true,
        unitsTotal: true,
        totalUnitsUsed: true,
        validFrom: true,
        validTo: true,
        category: { select: { ...namesSelect, unit: true } },
        client: { select: { firstName: true, lastName: true, preferredLanguage: true, municipality: municipalitySelect } },
        months: { where: { month }, select: { unitsUsed: true } },
      },
    },
  }) satisfies Prisma.ChoiceSelect

const endedPageSize = 20

/**
 * The organisation's choices in three lists: new ones waiting for a decision (oldest first), current clients (accepted,
 * or ended on a day still to come; by name) and ended ones (declined, cancelled, ended; newest first, a page at a time).
 */
export async function listChoices(organisationId: string, options: { now?: Date; endedPage?: number } = {}) {
  const now = options.now ?? new Date()
  const today = utcDate(helsinkiToday(now))
  const select = listSelect(currentMonth(now))
  const mine = { offer: { organisationId } } satisfies Prisma.ChoiceWhereInput
  const endedWhere = {
    ...mine,
    OR: [{ status: { in: ['DECLINED', 'CANCELLED'] } }, { status: 'ENDED', OR: [{ endDate: null }, { endDate: { lt: today } }] }],
  } satisfies Prisma.ChoiceWhereInput
  const page = Math.max(1, options.endedPage ?? 1)
  const [pending, current, ended, endedCount] = await Promise.all([
    prisma.choice.findMany({ where: { ...mine, status: 'PENDING' }, select, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] }),
    prisma.choice.findMany({
      where: { ...mine, OR: [{ status: 'ACCEPTED' }, { status: 'ENDED', endDate: { gte: today } }] },
      select,
      orderBy: [{ voucher: { client: { lastName: 'asc' } } }, { voucher: { client: { firstName: 'asc' } } }, { id: 'asc' }],
    }),
    prisma.choice.findMany({
      where: endedWhere,
      select,
      orderBy: [{ decidedAt: { sort: 'desc', nulls: 'last' } }, { createdAt: 'desc' }, { id: 'asc' }],
      skip: (page - 1) * endedPageSize,
      take: endedPageSize,
    }),
    prisma.choice.count({ where: endedWhere }),
  ])
  return { pending, current, ended, endedPage: page, endedPageCount: Math.max(1, Math.ceil(endedCount / endedPageSize)) }
}
export type ChoiceListRow = Awaited<ReturnType<typeof listChoices>>['pending'][number]

/**
 * One client of the organisation for the client page: the choice, the client's contact details, the voucher (grant,
 * validity, value, units used this month), and the chosen offer with its price history and extra services.
 */
export async function getChoice(organisationId: string, choiceId: string, now = new Date()) {
  return prisma.choice.findFirst({
    where: { id: choiceId, offer: { organisationId } },
    select: {
      id: true,
      status: true,
      startDate: true,
      endDate: true,
      declineReason: true,
      createdAt: true,
      decidedAt: true,
      voucher: {
        select: {
          id: true,
          status: true,
          validFrom: true,
          validTo: true,
          unitsPerMonth: true,
          unitsTotal: true,
          totalUnitsUsed: true,
          valueCents: true,
          category: { select: { ...namesSelect, unit: true } },
          client: {
            select: {
              firstName: true,
              lastName: true,
              phone: true,
              email: true,
              streetAddress: true,
              postalCode: true,
              preferredLanguage: true,
              municipality: municipalitySelect,
            },
          },
          months: { where: { month: currentMonth(now) }, select: { unitsUsed: true } },
        },
      },
      offer: {
        select: {
          id: true,
          priceCents: true,
          titleFi: true,
          titleSv: true,
          titleEn: true,
          extraServices: { select: { id: true, nameFi: true, nameSv: true, nameEn: true, priceCents: true }, orderBy: { id: 'asc' } },
        },
      },
    },
  })
}
export type ClientChoice = NonNullable<Awaited<ReturnType<typeof getChoice>>>

export type DecisionFailure =
  | Failure<'forbidden' | 'notFound' | 'voucherNotUsable' | 'startBeforeValidity' | 'startAfterValidity'>
  | { ok: false; error: 'alreadyDecided'; status: ChoiceStatus }
export type DecisionResult = { ok: true } | DecisionFailure

/** Where the client opens their voucher (the links of the decision emails). */
function clientVoucherLink(): string {
  return `${env().APP_ORIGIN}/voucher`
}

/** Thrown inside the transaction so that nothing it wrote stays. */
class Refused extends Error {
  constructor(readonly failure: DecisionFailure) {
    super(failure.error)
  }
}

const decisionSelect = {
  id: true,
  status: true,
  voucher: {
    select: {
      id: true,
      status: true,
      validFrom: true,
      validTo: true,
      client: { select: { firstName: true, lastName: true, email: true, preferredLanguage: true } },
    },
  },
  offer: { select: { organisation: { select: { name: true } } } },
} satisfies Prisma.ChoiceSelect

/**
 * One decision on a PENDING choice, in one transaction: the voucher's row lock (so the choice and the voucher are read
 * as they are), the choice's conditional update from PENDING (two members deciding at once: one wins, the other is
 * told it is already decided), the voucher's new status, the audit event and the client's email in their language.
 */
async function decide(
  actor: DeliveryActor,
  choiceId: string,
  apply: (choice: Prisma.ChoiceGetPayload<{ select: typeof decisionSelect }>, tx: Prisma.TransactionClient) => Promise<void>,
): Promise<DecisionResult> {
  if (!can(actor.role, 'choice:decide')) return { ok: false, error: 'forbidden' }
  try {
    return await prisma.$transaction(async (tx) => {
      if (!(await lockVoucherOfChoice(tx, actor.organisationId, choiceId))) throw new Refused({ ok: false, error: 'notFound' })
      const choice = await tx.choice.findUniqueOrThrow({ where: { id: choiceId }, select: decisionSelect })
      if (choice.status !== 'PENDING') throw new Refused({ ok: false, error: 'alreadyDecided', status: choice.status })
      await apply(choice, tx)
      return { ok: true } as const
    })
  } catch (error) {
    if (error instanceof Refused) return error.failure
    throw error
  }
}

/** The choice is no longer PENDING (decided by someone else a moment ago): refuse, nothing written. */
async function updateIfPending(tx: Prisma.TransactionClient, choiceId: string, data: Prisma.ChoiceUpdateManyMutationInput) {
  const updated = await tx.choice.updateMany({ where: { id: choiceId, status: 'PENDING' }, data })
  if (updated.count !== 1) {
    const { status } = await tx.choice.findUniqueOrThrow({ where: { id: choiceId }, select: { status: true } })
    throw new Refused({ ok: false, error: 'alreadyDecided', status })
  }
}

/**
 * Accepts the client from `startDate` (`YYYY-MM-DD`, within the voucher's validity): the choice ACCEPTED, the voucher
 * ACTIVE, and the client is emailed (if they gave an address) in their own language.
 */
export function acceptChoice(actor: DeliveryActor, choiceId: string, startDate: string, now = new Date()): Promise<DecisionResult> {
  return decide(actor, choiceId, async (choice, tx) => {
    const { voucher } = choice
    if (voucher.status === 'CANCELLED' || voucher.status === 'EXPIRED' || voucher.status === 'EXHAUSTED') {
      throw new Refused({ ok: false, error: 'voucherNotUsable' })
    }
    if (startDate < isoDate(voucher.validFrom)) throw new Refused({ ok: false, error: 'startBeforeValidity' })
    if (startDate > isoDate(voucher.validTo)) throw new Refused({ ok: false, error: 'startAfterValidity' })
    await updateIfPending(tx, choice.id, { status: 'ACCEPTED', startDate: utcDate(startDate), decidedAt: now })
    await tx.voucher.update({ where: { id: voucher.id }, data: { status: 'ACTIVE' } })
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'choice.accept',
      entityType: 'Choice',
      entityId: choice.id,
      before: { status: 'PENDING', voucherStatus: voucher.status },
      after: { status: 'ACCEPTED', startDate, voucherId: voucher.id, voucherStatus: 'ACTIVE' },
    })
    const { client } = voucher
    if (client.email) {
      await enqueueEmail(tx, {
        to: client.email,
        locale: client.preferredLanguage,
        template: 'choice-accepted',
        props: {
          name: `${client.firstName} ${client.lastName}`,
          values: { organisation: choice.offer.organisation.name, date: formatDate(utcDate(startDate), client.preferredLanguage) },
          link: clientVoucherLink(),
        },
      })
    }
  })
}

/**
 * Declines the client with a reason: the choice DECLINED, the voucher back to ISSUED so the client can choose another
 * producer, and the client is emailed (if they gave an address) in their own language with the reason.
 */
export function declineChoice(actor: DeliveryActor, choiceId: string, reason: string, now = new Date()): Promise<DecisionResult> {
  return decide(actor, choiceId, async (choice, tx) => {
    const { voucher } = choice
    await updateIfPending(tx, choice.id, { status: 'DECLINED', declineReason: reason, decidedAt: now })
    const voucherStatus = voucher.status === 'ASSIGNED' ? 'ISSUED' : voucher.status
    if (voucherStatus !== voucher.status) await tx.voucher.update({ where: { id: voucher.id }, data: { status: voucherStatus } })
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'choice.decline',
      entityType: 'Choice',
      entityId: choice.id,
      before: { status: 'PENDING', voucherStatus: voucher.status },
      after: { status: 'DECLINED', reason, voucherId: voucher.id, voucherStatus },
    })
    const { client } = voucher
    if (client.email) {
      await enqueueEmail(tx, {
        to: client.email,
        locale: client.preferredLanguage,
        template: 'choice-declined',
        props: {
          name: `${client.firstName} ${client.lastName}`,
          values: { organisation: choice.offer.organisation.name, reason },
          link: clientVoucherLink(),
        },
      })
    }
  })
}
