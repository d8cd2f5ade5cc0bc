import { translator } from '~/i18n.server'
import { recordClientViewed, type StaffActor } from '~/modules/clients/service.server'
import { nameIn } from '~/modules/applications/labels'
import { municipalityName } from '~/modules/organisations/municipality-name'
import { prisma } from '~/utils/db.server'
import { env } from '~/utils/env.server'
import { formatDate } from '~/utils/format'
import { clientVoucherPath, voucherHelpPhone } from './issuing-contact'
import type { DecisionLetter, LetterBlock, LetterSection } from './issuing-letter'
import { storedCalculation } from './issuing-read.server'
import { calculationSteps, grantText, perUnitText } from './issuing-texts'

/**
 * The decision letter of a voucher, written out in the CLIENT's language whatever the staff member's own: every
 * string is made here with a translator of the client's preferred language, and the page only lays it out.
 * Opening it is recorded as a view of the client's data. Null for an unknown voucher.
 */
export async function decisionLetter(actor: StaffActor, voucherId: string, now = new Date()): Promise<DecisionLetter | null> {
  const voucher = await prisma.$transaction(async (tx) => {
    const found = await tx.voucher.findUnique({
      where: { id: voucherId },
      select: {
        id: true,
        code: true,
        decisionNumber: true,
        decisionDate: true,
        validFrom: true,
        validTo: true,
        unitsPerMonth: true,
        unitsTotal: true,
        valueCents: true,
        valueBasis: true,
        householdSize: true,
        grossMonthlyIncomeCents: true,
        overrideReason: true,
        categoryId: true,
        issuedBy: { select: { name: true } },
        category: { select: { nameFi: true, nameSv: true, nameEn: true, unit: true, voucherType: true } },
        client: {
          select: {
            id: true,
            firstName: true,
            lastName: true,
            preferredLanguage: true,
            streetAddress: true,
            postalCode: true,
            municipality: { select: { nameFi: true, nameSv: true, officialLanguages: true } },
          },
        },
      },
    })
    if (found) await recordClientViewed(tx, actor, found.client.id, 'decision-letter', found.id)
    return found
  })
  if (!voucher) return null
  const locale = voucher.client.preferredLanguage
  const [t, common, calculation] = await Promise.all([translator(locale, 'issuing'), translator(locale, 'common'), storedCalculation(voucher)])
  const organiser = common('app.organiser')
  const category = nameIn(locale, voucher.category)
  const unit = voucher.category.unit
  const value = perUnitText(t, voucher.valueCents, unit, locale)
  const client = voucher.client
  const incomeRelated = voucher.category.voucherType === 'INCOME_RELATED'

  const paragraph = (text: string): LetterBlock => ({ kind: 'paragraph', text })
  const basis =
    voucher.valueBasis === 'FIXED'
      ? t('letter.basis.fixed')
      : voucher.valueBasis === 'INCOME_RELATED'
        ? t('letter.basis.incomeRelated')
        : t('letter.basis.override', { reason: voucher.overrideReason ?? '' })
  const sections: LetterSection[] = [
    {
      id: 'value',
      heading: t('letter.valueTitle'),
      blocks: [
        paragraph(basis),
        ...(voucher.valueBasis === 'INCOME_RELATED' && calculation
          ? [{ kind: 'steps' as const, items: calculationSteps(t, calculation, unit, locale) }]
          : []),
      ],
    },
    {
      id: 'choose',
      heading: t('letter.chooseTitle'),
      blocks: [
        {
          kind: 'steps',
          items: [
            t('letter.chooseSteps.open', { address: `${env().APP_ORIGIN}${clientVoucherPath}` }),
            t('letter.chooseSteps.login', { code: voucher.code }),
            t('letter.chooseSteps.compare', { category }),
            t('letter.chooseSteps.confirm'),
          ],
        },
        paragraph(t('letter.chooseHelp', { phone: voucherHelpPhone })),
        paragraph(t('letter.keepLetter')),
      ],
    },
    {
      id: 'copayment',
      heading: t('letter.copaymentTitle'),
      blocks: [paragraph(t('letter.copayment', { value })), paragraph(t('letter.copaymentNone'))],
    },
  ]
  if (incomeRelated) {
    sections.push({
      id: 'review',
      heading: t('letter.reviewTitle'),
      blocks: [paragraph(t('letter.review', { organiser, number: voucher.decisionNumber })), paragraph(t('letter.reviewReceived'))],
    })
  }
  return {
    lang: locale,
    organiser,
    title: t('letter.title'),
    reference: t('letter.reference', { number: voucher.decisionNumber, date: formatDate(voucher.decisionDate, locale) }),
    recipient: [
      `${client.firstName} ${client.lastName}`,
      client.streetAddress ?? '',
      [client.postalCode, municipalityName(client.municipality, locale)].filter(Boolean).join(' '),
    ].filter(Boolean),
    intro: t('letter.intro', { organiser }),
    facts: [
      { term: t('letter.facts.service'), value: category },
      { term: t('letter.facts.value'), value },
      { term: t('letter.facts.units'), value: grantText(t, voucher, unit) },
      { term: t('letter.facts.validity'), value: t('validity', { from: formatDate(voucher.validFrom, locale), to: formatDate(voucher.validTo, locale) }) },
      { term: t('letter.facts.decision'), value: t('decisionOn', { number: voucher.decisionNumber, date: formatDate(voucher.decisionDate, locale) }) },
    ],
    code: { term: t('letter.facts.code'), value: voucher.code },
    sections,
    signature: t('letter.signature', { name: voucher.issuedBy.name, organiser, date: formatDate(now, locale) }),
  }
}
