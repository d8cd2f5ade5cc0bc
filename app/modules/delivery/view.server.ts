import type { AppLocale } from '~/i18n'
import { nameIn } from '~/modules/applications/labels'
import { isoDate } from '~/modules/documents/dates'
import { extraName, offerTitle } from '~/modules/offers/texts'
import { municipalityName } from '~/modules/organisations/municipality-name'
import { unitsLeft, type VoucherGrant } from '~/modules/vouchers/units.server'
import { copaymentCents } from '~/modules/vouchers/voucher-value'
import type { ChoiceListRow, ClientChoice } from './choices.server'
import type { ChoiceListView, ClientChoiceView, GrantView } from './views'

/** The client pages' views (views.ts) from the rows of choices.server.ts, in the reader's language. */

function grant(
  voucher: VoucherGrant & { totalUnitsUsed: number; months: { unitsUsed: number }[]; category: { unit: GrantView['unit'] } },
): GrantView {
  const usedThisMonth = voucher.months[0]?.unitsUsed ?? 0
  return {
    unit: voucher.category.unit,
    unitsPerMonth: voucher.unitsPerMonth,
    unitsTotal: voucher.unitsTotal,
    /** hundredths used: this month for a monthly grant, in total otherwise */
    usedHundredths: voucher.unitsPerMonth === null ? voucher.totalUnitsUsed : usedThisMonth,
    leftHundredths: unitsLeft(voucher, usedThisMonth),
  }
}

/** A row of the client lists. */
export function choiceListView(row: ChoiceListRow, locale: AppLocale): ChoiceListView {
  const { voucher } = row
  return {
    id: row.id,
    status: row.status,
    firstName: voucher.client.firstName,
    lastName: voucher.client.lastName,
    municipality: municipalityName(voucher.client.municipality, locale),
    language: voucher.client.preferredLanguage,
    category: nameIn(locale, voucher.category),
    ...grant(voucher),
    validFrom: isoDate(voucher.validFrom),
    validTo: isoDate(voucher.validTo),
    startDate: row.startDate && isoDate(row.startDate),
    endDate: row.endDate && isoDate(row.endDate),
    chosenAt: row.createdAt.toISOString(),
    decidedAt: row.decidedAt?.toISOString() ?? null,
  }
}

/** The client page's facts: the choice, the client, the voucher and the offer. */
export function clientChoiceView(choice: ClientChoice, locale: AppLocale): ClientChoiceView {
  const { voucher, offer } = choice
  const { client } = voucher
  return {
    choice: {
      id: choice.id,
      status: choice.status,
      startDate: choice.startDate && isoDate(choice.startDate),
      endDate: choice.endDate && isoDate(choice.endDate),
      declineReason: choice.declineReason,
      chosenAt: choice.createdAt.toISOString(),
      decidedAt: choice.decidedAt?.toISOString() ?? null,
    },
    client: {
      firstName: client.firstName,
      lastName: client.lastName,
      phone: client.phone,
      email: client.email,
      streetAddress: client.streetAddress,
      postalCode: client.postalCode,
      municipality: municipalityName(client.municipality, locale),
      language: client.preferredLanguage,
    },
    voucher: {
      status: voucher.status,
      category: nameIn(locale, voucher.category),
      ...grant(voucher),
      validFrom: isoDate(voucher.validFrom),
      validTo: isoDate(voucher.validTo),
      valueCents: voucher.valueCents,
    },
    offer: {
      title: offerTitle(offer, locale),
      priceCents: offer.priceCents,
      copaymentCents: copaymentCents(offer.priceCents, voucher.valueCents),
      extras: offer.extraServices.map((extra) => ({ id: extra.id, name: extraName(extra, locale), priceCents: extra.priceCents })),
    },
  }
}
