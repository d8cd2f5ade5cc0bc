import type { ServiceRecordKind } from '~/generated/prisma/client'
import { prisma } from '~/utils/db.server'
import { createClient, createPublishedOffer, createVoucher, createVoucherWorld } from '../../../tests/support/voucher-fixtures'

/**
 * Test support for the follow-up's integration tests (not used by the app): a small world whose every figure is
 * computed by hand in dashboard.integration.test.ts. "Now" is 20 November 2026; the month under test October 2026.
 *
 * - A: Swedish-speaking client in Närpes, home care 10 h/month at 30,00 € (2026), the personas' provider (38,00 €).
 *   September: 4 h. October: 1,5 h + 2,25 h + 1,25 h at 37,99 € with value 33,33 € (rounding), a late record of
 *   28 September settled in October (1 h), and a correction of −0,33 h (37,99 € / 33,33 €).
 * - B: Finnish-speaking client in Vaasa, support services 8 h/month, June 2025 – May 2026 (expired), the other
 *   provider (third sector, 25,00 €, offers Swedish only). October 2025: 3 h; March 2026: 2 h.
 * - C: home care issued 1 October 2026, still without a producer (waiting). D: issued 15 November (not yet 14 days).
 * - E: home care February 2026 – January 2027, cancelled 10 October 2026.
 * - F: Swedish-speaking client in Närpes, home care 5 hours in total, September 2026 – February 2027, the personas'
 *   provider; 5 h delivered 12 October: exhausted.
 * Budgets 2026: home care 500,00 € (own production 35,00 €/h), support services 1 000,00 €.
 */
export const testNow = new Date('2026-11-20T10:00:00Z')
const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`)

export async function createFollowUpWorld() {
  const world = await createVoucherWorld()
  const { organisation, otherOrganisation, categories, offer, users } = world
  await prisma.organisation.update({ where: { id: otherOrganisation.id }, data: { sector: 'THIRD_SECTOR' } })
  const supportOffer = await createPublishedOffer(otherOrganisation.id, categories.supportServices.id, 2500)
  await prisma.offer.update({ where: { id: supportOffer.id }, data: { languages: ['sv'] } })

  const record = async (
    voucherId: string,
    choiceId: string,
    organisationId: string,
    serviceDate: string,
    month: string,
    unitsHundredths: number,
    unitPriceCents: number,
    voucherValueCents: number,
    kind: ServiceRecordKind = 'DELIVERY',
  ) => {
    await prisma.monthlySettlement.upsert({
      where: { organisationId_month: { organisationId, month: day(month) } },
      update: {},
      create: { organisationId, month: day(month), status: 'OPEN' },
    })
    return prisma.serviceRecord.create({
      data: {
        voucherId,
        choiceId,
        organisationId,
        serviceDate: day(serviceDate),
        month: day(month),
        unitsHundredths,
        unitPriceCents,
        voucherValueCents,
        kind,
        createdById: users.owner.id,
      },
    })
  }

  // A: the world's voucher (valid 2026, accepted choice of the personas' offer from 1 January)
  const a = { voucher: world.voucher, choice: world.choice, client: world.client }
  await prisma.voucher.update({ where: { id: a.voucher.id }, data: { decisionDate: day('2026-01-01') } })
  await record(a.voucher.id, a.choice.id, organisation.id, '2026-09-10', '2026-09-01', 400, 3800, 3000)
  await record(a.voucher.id, a.choice.id, organisation.id, '2026-10-05', '2026-10-01', 150, 3800, 3000)
  await record(a.voucher.id, a.choice.id, organisation.id, '2026-10-20', '2026-10-01', 225, 3800, 3000)
  await record(a.voucher.id, a.choice.id, organisation.id, '2026-10-22', '2026-10-01', 125, 3799, 3333)
  await record(a.voucher.id, a.choice.id, organisation.id, '2026-09-28', '2026-10-01', 100, 3800, 3000)
  await record(a.voucher.id, a.choice.id, organisation.id, '2026-10-25', '2026-10-01', -33, 3799, 3333, 'ADJUSTMENT')

  // B: Finnish, Vaasa, support services with the other (third-sector) provider; expired in May 2026
  const clientB = await createClient({ preferredLanguage: 'fi' })
  await prisma.client.update({ where: { id: clientB.id }, data: { municipalityCode: '905' } })
  const voucherB = await createVoucher(clientB.id, categories.supportServices.id, users.reviewer.id, {
    unitsPerMonth: 8,
    valueCents: 2600,
    validFrom: day('2025-06-01'),
    validTo: day('2026-05-31'),
  })
  await prisma.voucher.update({ where: { id: voucherB.id }, data: { decisionDate: day('2025-05-20'), status: 'EXPIRED' } })
  const choiceB = await prisma.choice.create({
    data: { voucherId: voucherB.id, offerId: supportOffer.id, status: 'ENDED', startDate: day('2025-06-01'), endDate: day('2026-05-31'), decidedAt: day('2025-05-25') },
  })
  await record(voucherB.id, choiceB.id, otherOrganisation.id, '2025-10-15', '2025-10-01', 300, 2500, 2600)
  await record(voucherB.id, choiceB.id, otherOrganisation.id, '2026-03-10', '2026-03-01', 200, 2500, 2600)

  // C and D: issued, no producer yet
  const clientC = await createClient({ preferredLanguage: 'fi' })
  const voucherC = await createVoucher(clientC.id, categories.homeCare.id, users.reviewer.id, { validFrom: day('2026-10-01'), validTo: day('2027-09-30') })
  await prisma.voucher.update({ where: { id: voucherC.id }, data: { decisionDate: day('2026-10-01') } })
  const voucherD = await createVoucher(clientC.id, categories.homeCare.id, users.reviewer.id, { validFrom: day('2026-11-15'), validTo: day('2027-11-14') })
  await prisma.voucher.update({ where: { id: voucherD.id }, data: { decisionDate: day('2026-11-15') } })

  // E: cancelled on 10 October 2026 (the voucher's last change)
  const clientE = await createClient({ preferredLanguage: 'sv' })
  const voucherE = await createVoucher(clientE.id, categories.homeCare.id, users.reviewer.id, { validFrom: day('2026-02-01'), validTo: day('2027-01-31') })
  await prisma.voucher.update({ where: { id: voucherE.id }, data: { decisionDate: day('2026-02-01'), status: 'CANCELLED', cancelledReason: 'Flyttade' } })
  await prisma.$executeRaw`UPDATE "Voucher" SET "updatedAt" = '2026-10-10T09:00:00Z' WHERE "id" = ${voucherE.id}`

  // F: 5 hours in total, used up on 12 October
  const clientF = await createClient({ preferredLanguage: 'sv' })
  const voucherF = await createVoucher(clientF.id, categories.homeCare.id, users.reviewer.id, {
    unitsPerMonth: null,
    unitsTotal: 5,
    validFrom: day('2026-09-01'),
    validTo: day('2027-02-28'),
    status: 'ACTIVE',
  })
  await prisma.voucher.update({ where: { id: voucherF.id }, data: { decisionDate: day('2026-08-25') } })
  const choiceF = await prisma.choice.create({
    data: { voucherId: voucherF.id, offerId: offer.id, status: 'ACCEPTED', startDate: day('2026-09-01'), decidedAt: day('2026-08-28') },
  })
  await record(voucherF.id, choiceF.id, organisation.id, '2026-10-12', '2026-10-01', 500, 3800, 3000)
  await prisma.voucher.update({ where: { id: voucherF.id }, data: { status: 'EXHAUSTED', totalUnitsUsed: 500 } })

  await prisma.categoryBudget.createMany({
    data: [
      { categoryId: categories.homeCare.id, year: 2026, budgetCents: 50_000, ownProductionUnitCostCents: 3500 },
      { categoryId: categories.supportServices.id, year: 2026, budgetCents: 100_000 },
    ],
  })
  return { ...world, supportOffer, a, voucherB, voucherC, voucherD, voucherE, voucherF, choiceF, record }
}
export type FollowUpWorld = Awaited<ReturnType<typeof createFollowUpWorld>>
