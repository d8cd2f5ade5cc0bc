import { beforeAll, describe, expect, it } from 'vitest'
import { recordAmounts } from '~/modules/settlements/amounts'
import { prisma } from '~/utils/db.server'
import { followUpDashboard } from './dashboard.server'
import { referenceData, resolveFilters } from './filters.server'
import type { FilterValues } from './schema'
import { createFollowUpWorld, testNow, type FollowUpWorld } from './test-world'

let world: FollowUpWorld

beforeAll(async () => {
  world = await createFollowUpWorld()
})

async function dashboard(values: FilterValues = {}) {
  const resolved = await resolveFilters({ month: '2026-10', ...values }, testNow)
  if (!resolved.ok) throw new Error(JSON.stringify(resolved.problems))
  return followUpDashboard(resolved.filters, await referenceData(), { now: testNow })
}

const row = <T extends { key: string }>(rows: T[], key: string) => {
  const found = rows.find((candidate) => candidate.key === key)
  if (!found) throw new Error(`no row ${key}`)
  return found
}

describe('the follow-up dashboard', () => {
  it('sums the voucher shares, co-payments, units and clients of the month, rounding each record as recordAmounts does', async () => {
    const figures = await dashboard()
    // October: 45,00 + 67,50 + 41,66 (125 × 33,33 → 41,6625) + 30,00 (late, served in September) − 11,00 (−33 × 33,33
    // → −10,9989) + 150,00 (F)
    expect(figures.total.month).toEqual({ shareCents: 32_316, totalCents: 40_545, copaymentCents: 8229, unitsHundredths: 1067, clients: 2 })
    expect(figures.total.previousMonth).toEqual({ shareCents: 12_000, totalCents: 15_200, copaymentCents: 3200, unitsHundredths: 400, clients: 1 })
    expect(figures.total.lastYear).toEqual({ shareCents: 7500, totalCents: 7500, copaymentCents: 0, unitsHundredths: 300, clients: 1 })
    expect(figures.total.yearToDate).toEqual({ shareCents: 49_316, totalCents: 60_745, copaymentCents: 11_429, unitsHundredths: 1667, clients: 3 })
  })

  it('equals the sum of recordAmounts over the records, also for random units, prices and corrections', async () => {
    // a category and a year of their own (2024), so these records touch none of the other figures
    const category = await prisma.serviceCategory.create({
      data: { code: 'rounding-check', nameFi: 'Pyöristys', nameSv: 'Avrundning', nameEn: 'Rounding', unit: 'HOUR', voucherType: 'FIXED', active: false },
    })
    const voucher = await prisma.voucher.create({
      data: {
        code: 'RND0-0000',
        clientId: world.a.client.id,
        categoryId: category.id,
        decisionNumber: 'RND/1',
        decisionDate: new Date('2024-01-01'),
        validFrom: new Date('2024-01-01'),
        validTo: new Date('2024-12-31'),
        unitsPerMonth: 100,
        valueCents: 3000,
        valueBasis: 'FIXED',
        status: 'EXPIRED',
        issuedById: world.users.reviewer.id,
      },
    })
    const choice = await prisma.choice.create({
      data: { voucherId: voucher.id, offerId: world.offer.id, status: 'ENDED', startDate: new Date('2024-01-01'), endDate: new Date('2024-12-31') },
    })
    let seed = 7
    const random = () => (seed = (seed * 48_271) % 2_147_483_647) / 2_147_483_647
    const inputs = Array.from({ length: 80 }, (_, index) => {
      const units = 1 + Math.floor(random() * 899)
      return {
        // every fifth a correction
        unitsHundredths: index % 5 === 0 ? -units : units,
        unitPriceCents: 1 + Math.floor(random() * 9999),
        voucherValueCents: Math.floor(random() * 9999),
        month: `2024-${String(1 + (index % 12)).padStart(2, '0')}`,
      }
    })
    for (const input of inputs) {
      await world.record(
        voucher.id,
        choice.id,
        world.organisation.id,
        `${input.month}-15`,
        `${input.month}-01`,
        input.unitsHundredths,
        input.unitPriceCents,
        input.voucherValueCents,
        input.unitsHundredths < 0 ? 'ADJUSTMENT' : 'DELIVERY',
      )
    }
    const expected = inputs.reduce(
      (sum, input) => {
        const amounts = recordAmounts(input)
        return { share: sum.share + amounts.voucherShareCents, copayment: sum.copayment + amounts.copaymentCents }
      },
      { share: 0, copayment: 0 },
    )
    const figures = await dashboard({ month: '2024-12', category: 'rounding-check' })
    expect(figures.total.yearToDate.shareCents).toBe(expected.share)
    expect(figures.total.yearToDate.copaymentCents).toBe(expected.copayment)
    expect(figures.total.yearToDate.unitsHundredths).toBe(inputs.reduce((sum, input) => sum + input.unitsHundredths, 0))
  })

  it('keeps the summary in step when records are corrected or removed, as a rebuild from the records would', async () => {
    const extra = await world.record(world.a.voucher.id, world.a.choice.id, world.organisation.id, '2026-10-28', '2026-10-01', 75, 3800, 3000)
    expect((await dashboard()).total.month.shareCents).toBe(32_316 + 2250)
    await prisma.serviceRecord.update({ where: { id: extra.id }, data: { unitsHundredths: 100, serviceDate: new Date('2026-11-02'), month: new Date('2026-11-01') } })
    const moved = await dashboard()
    expect(moved.total.month.shareCents).toBe(32_316)
    expect(moved.total.delivered.month).toBe(967)
    await prisma.serviceRecord.delete({ where: { id: extra.id } })

    const before = await prisma.followUpYear.findMany({ orderBy: [{ year: 'asc' }, { clientId: 'asc' }, { categoryId: 'asc' }, { organisationId: 'asc' }] })
    await prisma.$executeRaw`SELECT follow_up_rebuild()`
    const rebuilt = await prisma.followUpYear.findMany({ orderBy: [{ year: 'asc' }, { clientId: 'asc' }, { categoryId: 'asc' }, { organisationId: 'asc' }] })
    // a row the trigger has emptied stays (all zeros); a rebuild makes none
    const nonEmpty = (rows: typeof before) => rows.filter((candidate) => candidate.months !== 0 || candidate.deliveredHundredths.some((units) => units !== 0))
    expect(nonEmpty(before)).toEqual(nonEmpty(rebuilt))
    expect((await dashboard()).total.month.shareCents).toBe(32_316)
  })

  it('compares with the previous month and the same month last year, and runs the 13-month trend', async () => {
    const figures = await dashboard()
    expect(figures.trend.map((point) => point.month)).toEqual([
      '2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10',
    ])
    const shares = Object.fromEntries(figures.trend.map((point) => [point.month, point.shareCents]))
    expect(shares).toMatchObject({ '2025-10': 7500, '2025-11': 0, '2026-03': 5000, '2026-09': 12_000, '2026-10': 32_316 })
    expect(figures.trend.at(-1)?.clients).toBe(2)
    expect(figures.trend[0]?.clients).toBe(1)
    const support = row(figures.categories, world.categories.supportServices.id)
    expect(support.lastYear.shareCents).toBe(7500)
    expect(support.month.shareCents).toBe(0)
    expect(support.yearToDate).toMatchObject({ shareCents: 5000, clients: 1 })
  })

  it('breaks the money down by category, provider, municipality and sector', async () => {
    const figures = await dashboard()
    const homeCare = row(figures.categories, world.categories.homeCare.id)
    expect(homeCare.month).toMatchObject({ shareCents: 32_316, copaymentCents: 8229, clients: 2 })
    expect(homeCare.yearToDate).toMatchObject({ shareCents: 44_316, totalCents: 55_745, clients: 2 })
    expect(figures.categories.map((category) => category.key)).not.toContain(world.categories.closed.id)

    expect(figures.providers.map((provider) => provider.key)).toEqual([world.organisation.id, world.otherOrganisation.id])
    expect(figures.providers[0]).toMatchObject({ name: world.organisation.name, businessId: world.organisation.businessId, sector: 'PRIVATE' })
    expect(figures.providers[0]?.yearToDate.shareCents).toBe(44_316)
    expect(figures.providers[1]?.yearToDate.shareCents).toBe(5000)
    expect(figures.providerCount).toEqual({ month: 1, yearToDate: 2 })

    expect(row(figures.municipalities, '545').month.shareCents).toBe(32_316)
    expect(row(figures.municipalities, '905').yearToDate.shareCents).toBe(5000)
    expect(row(figures.sectors, 'PRIVATE')).toMatchObject({ providers: { month: 1, yearToDate: 1 } })
    expect(row(figures.sectors, 'THIRD_SECTOR')).toMatchObject({ providers: { month: 0, yearToDate: 1 } })
    expect(row(figures.sectors, 'THIRD_SECTOR').yearToDate.shareCents).toBe(5000)
  })

  it('counts the vouchers issued, active, exhausted, expired and cancelled in the month and the year to date', async () => {
    const { counts } = (await dashboard()).vouchers
    expect(counts.month).toEqual({ issued: 1, active: 2, exhausted: 1, expired: 0, cancelled: 1 })
    expect(counts.yearToDate).toEqual({ issued: 4, active: 3, exhausted: 1, expired: 1, cancelled: 1 })
  })

  it('lists the clients still without a producer 14 days after the decision, linking to the voucher', async () => {
    const { waiting } = await dashboard()
    expect(waiting.total).toBe(1)
    expect(waiting.rows).toEqual([expect.objectContaining({ id: world.voucherC.id, code: world.voucherC.code, language: 'fi', municipalityCode: '545' })])
    expect((await dashboard({ language: 'sv' })).waiting.total).toBe(0)
  })

  it('sets the units delivered (by service date) against the units granted, per category and provider', async () => {
    const figures = await dashboard()
    // granted in October: A 10 h, C 10 h, E 10 h (cancelled in October), F 5 h over six months; B's validity is over
    const homeCare = row(figures.categories, world.categories.homeCare.id)
    expect(homeCare.granted).toEqual({ month: 3083, yearToDate: 20_167 })
    expect(homeCare.delivered).toEqual({ month: 967, yearToDate: 1467 })
    expect(row(figures.categories, world.categories.supportServices.id).granted).toEqual({ month: 0, yearToDate: 4000 })
    expect(figures.grantedTotal).toEqual({ month: 3083, yearToDate: 24_167 })
    const [own, other] = figures.providers
    expect(own?.granted).toEqual({ month: 1083, yearToDate: 10_167 })
    expect(other?.granted).toEqual({ month: 0, yearToDate: 4000 })
    expect(own?.delivered).toEqual({ month: 967, yearToDate: 1467 })
  })

  it("sets the clients' languages against the producers' service languages", async () => {
    const { languages, providerLanguages } = (await dashboard()).vouchers
    const language = (code: string) => languages.find((candidate) => candidate.language === code)
    expect(language('sv')).toEqual({ language: 'sv', clients: { month: 2, yearToDate: 2 }, servedInLanguage: { month: 2, yearToDate: 2 } })
    // B speaks Finnish; the other provider offers Swedish only
    expect(language('fi')).toEqual({ language: 'fi', clients: { month: 0, yearToDate: 1 }, servedInLanguage: { month: 0, yearToDate: 0 } })
    expect(providerLanguages.providers).toEqual({ month: 1, yearToDate: 2 })
    expect(providerLanguages.offering.fi).toEqual({ month: 1, yearToDate: 1 })
    expect(providerLanguages.offering.sv).toEqual({ month: 1, yearToDate: 2 })
  })

  it('forecasts the year from the last three months and flags a category over its budget', async () => {
    const { budgets } = await dashboard()
    const homeCare = budgets.find((budget) => budget.categoryId === world.categories.homeCare.id)
    // 443,16 € so far; August–October 0 + 120,00 + 323,16 = 443,16 € → 147,72 € a month for November and December
    expect(homeCare).toEqual({ categoryId: world.categories.homeCare.id, budgetCents: 50_000, yearToDateCents: 44_316, forecastCents: 73_860, used: 44_316 / 50_000, status: 'over' })
    const support = budgets.find((budget) => budget.categoryId === world.categories.supportServices.id)
    expect(support).toMatchObject({ budgetCents: 100_000, yearToDateCents: 5000, forecastCents: 5000, status: 'within' })
    // the budget is the whole area's: a municipality filter does not change it
    const narrowed = await dashboard({ municipality: '905' })
    expect(narrowed.budgets.find((budget) => budget.categoryId === world.categories.homeCare.id)?.yearToDateCents).toBe(44_316)
  })

  it('puts the own-production unit cost beside the voucher cost and the average price per unit', async () => {
    const { production } = await dashboard()
    expect(production.find((candidate) => candidate.categoryId === world.categories.homeCare.id)).toEqual({
      categoryId: world.categories.homeCare.id,
      unitCostCents: 3500,
      month: { unitsHundredths: 1067, shareCents: 32_316, totalCents: 40_545 },
      yearToDate: { unitsHundredths: 1467, shareCents: 44_316, totalCents: 55_745 },
    })
  })

  it('applies each filter', async () => {
    const { categories, organisation, otherOrganisation } = world
    expect((await dashboard({ category: categories.supportServices.code })).total.yearToDate.shareCents).toBe(5000)
    expect((await dashboard({ category: categories.homeCare.code })).total.yearToDate.shareCents).toBe(44_316)
    expect((await dashboard({ municipality: '905' })).total.yearToDate.shareCents).toBe(5000)
    expect((await dashboard({ municipality: '545' })).total.month.clients).toBe(2)
    expect((await dashboard({ language: 'fi' })).total.yearToDate.shareCents).toBe(5000)
    expect((await dashboard({ language: 'sv' })).total.month.shareCents).toBe(32_316)
    expect((await dashboard({ sector: 'THIRD_SECTOR' })).total.lastYear.shareCents).toBe(7500)
    const own = await dashboard({ provider: organisation.businessId })
    expect(own.total.yearToDate.shareCents).toBe(44_316)
    expect(own.providers.map((provider) => provider.key)).toEqual([organisation.id])
    // with a provider, the vouchers are those with its choices, and the grant that of the months with it
    expect(own.vouchers.counts.month).toMatchObject({ active: 2, issued: 0 })
    expect(own.grantedTotal).toEqual({ month: 1083, yearToDate: 10_167 })
    const other = await dashboard({ provider: otherOrganisation.businessId })
    expect(other.total.month.shareCents).toBe(0)
    expect(other.vouchers.counts.yearToDate).toMatchObject({ expired: 1, active: 1 })
  })

  it('refuses filters that name nothing', async () => {
    expect(await resolveFilters({ category: 'no-such-category' })).toEqual({ ok: false, problems: [{ field: 'category', message: 'followup:errors.category' }] })
    expect(await resolveFilters({ municipality: '999' })).toEqual({ ok: false, problems: [{ field: 'municipality', message: 'followup:errors.municipality' }] })
    expect(await resolveFilters({ provider: '0000000-0' })).toEqual({ ok: false, problems: [{ field: 'provider', message: 'followup:errors.providerUnknown' }] })
  })
})
