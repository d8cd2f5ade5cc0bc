import type { AppLocale } from '~/i18n'
import { helsinkiToday } from '~/modules/documents/dates'
import type { SearchFilters } from '~/modules/public-catalogue/schema'
import { searchOffers } from '~/modules/public-catalogue/search.server'
import { publicOfferWhere } from '~/modules/register/public-offers'
import { currentMonth } from '~/modules/settlements/month'
import { unitsLeft } from '~/modules/vouchers/units.server'
import { prisma } from '~/utils/db.server'
import { openStatuses } from './state'

/**
 * What the client's own pages read. Every query starts from the voucher id of the client's session, so nothing of
 * another voucher can be reached: there is no voucher id in any address.
 */
const categorySelect = { id: true, code: true, nameFi: true, nameSv: true, nameEn: true, unit: true } as const

const choiceOfferSelect = {
  id: true,
  titleFi: true,
  titleSv: true,
  titleEn: true,
  priceCents: true,
  organisation: { select: { id: true, name: true } },
} as const

/** The voucher page: the voucher, this month's use, and every choice newest first. Null for an unknown id. */
export async function clientVoucher(voucherId: string, now = new Date()) {
  const voucher = await prisma.voucher.findUnique({
    where: { id: voucherId },
    select: {
      id: true,
      code: true,
      status: true,
      validFrom: true,
      validTo: true,
      unitsPerMonth: true,
      unitsTotal: true,
      totalUnitsUsed: true,
      valueCents: true,
      category: { select: categorySelect },
      client: { select: { firstName: true, lastName: true } },
      months: { where: { month: currentMonth(now) }, select: { unitsUsed: true } },
      choices: {
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        select: { id: true, status: true, startDate: true, endDate: true, declineReason: true, createdAt: true, offer: { select: choiceOfferSelect } },
      },
    },
  })
  if (!voucher) return null
  const { months, ...rest } = voucher
  return { ...rest, unitsLeft: unitsLeft(voucher, months[0]?.unitsUsed ?? null), today: helsinkiToday(now) }
}

/** The few facts of the voucher that choosing needs (the list of producers, the confirmation). */
export async function voucherForChoosing(voucherId: string) {
  return prisma.voucher.findUnique({
    where: { id: voucherId },
    select: {
      id: true,
      status: true,
      validTo: true,
      unitsPerMonth: true,
      unitsTotal: true,
      valueCents: true,
      category: { select: categorySelect },
      client: { select: { municipalityCode: true } },
      choices: {
        where: { status: { in: [...openStatuses] } },
        select: { id: true, status: true, startDate: true, createdAt: true, offer: { select: choiceOfferSelect } },
      },
    },
  })
}
export type VoucherForChoosing = NonNullable<Awaited<ReturnType<typeof voucherForChoosing>>>

/**
 * The public catalogue's search limited to the voucher's category. The client's co-payment grows with the price,
 * so "co-payment, lowest first" is the price order (the catalogue's own co-payment sort uses the category's value,
 * not this voucher's); the estimate and "no co-payment" filters of the public page do not apply.
 */
export function searchForVoucher(voucher: VoucherForChoosing, filters: SearchFilters, locale: AppLocale, now = new Date()) {
  const sort = filters.sort === 'copayment' || (filters.sort === 'distance' && !filters.municipality) ? 'price' : filters.sort
  return searchOffers(
    { ...filters, category: voucher.category.code, noCopay: false, household: undefined, incomeCents: undefined, units: undefined, sort },
    locale,
    { now },
  )
}

/** One offer the voucher may choose: public now and of the voucher's category; null otherwise. */
export async function offerToChoose(voucher: VoucherForChoosing, offerId: string, now = new Date()) {
  return prisma.offer.findFirst({
    where: { AND: [await publicOfferWhere({ categoryIds: [voucher.category.id], now }), { id: offerId, categoryId: voucher.category.id }] },
    select: { ...choiceOfferSelect, languages: true },
  })
}
