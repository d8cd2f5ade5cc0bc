import type { ChoiceStatus, Prisma, VoucherStatus } from '../../app/generated/prisma/client'
import { formatVoucherCode, generateVoucherCode } from '../../app/modules/vouchers/voucher-code'
import type { ClientModel } from './clients'
import {
  addDays,
  addMonths,
  at,
  daysBeforeReference,
  earlierOf,
  isoDate,
  laterOf,
  monthStart,
  REFERENCE_DATE,
  startOfDay,
} from './dates'
import { plannedDeliveries, type Delivery } from './deliveries'
import { seedId } from './ids'
import { incomeRelatedValueCents, type IncomeRule } from '~/modules/vouchers/voucher-value'
import { priceOn, type OfferModel } from './offers'
import { chance, int, seededFloat } from './random'
import { valueOn, type Category } from './reference-data'
import type { ClientScenario, VoucherScenario } from './voucher-scenarios'

/** The voucher a demo client opens with the code and their date of birth (ISSUED home care in Närpes). */
export const DEMO_VOUCHER = { code: formatVoucherCode('HEMVARD'), dateOfBirth: '1941-03-14' } as const

export type VoucherPlan = {
  scenario: VoucherScenario
  clientIndex: number
  decisionDate: Date
  validFrom: Date
  validTo: Date
}

export type VouchersBuild = {
  vouchers: Prisma.VoucherCreateManyInput[]
  choices: Prisma.ChoiceCreateManyInput[]
  months: Prisma.VoucherMonthCreateManyInput[]
  records: Prisma.ServiceRecordCreateManyInput[]
}

type Input = {
  plans: VoucherPlan[]
  clients: ClientModel[]
  categories: Map<string, Category>
  incomeRule: IncomeRule
  offers: OfferModel[]
  staff: { reviewer: string; admin: string }
  /** organisation number → the user id of its owner, who records the service */
  ownerIds: Map<number, string>
}

const DECLINE_REASON = 'Meillä ei ole tällä hetkellä vapaita aikoja alueellanne.'

function decisionDaysAgo(scenario: VoucherScenario): number {
  if (scenario.decisionDaysAgo !== undefined) return scenario.decisionDaysAgo
  const ranges: Record<VoucherStatus, [number, number]> = {
    ISSUED: [2, 12],
    ASSIGNED: [10, 20],
    ACTIVE: [75, 240],
    EXHAUSTED: [150, 220],
    EXPIRED: [440, 520],
    CANCELLED: [40, 90],
  }
  const [min, max] = scenario.status === 'EXPIRED' && scenario.total !== undefined ? [200, 260] : ranges[scenario.status]
  return int(min, max)
}

/** Decision and validity dates for every voucher, clients in order. */
export function planVouchers(clients: ClientScenario[]): VoucherPlan[] {
  return clients.flatMap((client, clientIndex) =>
    client.vouchers.map((scenario) => {
      const decisionDate = daysBeforeReference(decisionDaysAgo(scenario))
      const validFrom = addDays(decisionDate, scenario.status === 'ISSUED' ? 0 : int(0, 5))
      const months = scenario.status === 'EXPIRED' && scenario.total !== undefined ? 6 : 12
      return { scenario, clientIndex, decisionDate, validFrom, validTo: addDays(addMonths(validFrom, months), -1) }
    }),
  )
}

function voucherValue(input: Input, plan: VoucherPlan, category: Category) {
  const range = valueOn(category, plan.decisionDate)
  const household = plan.scenario.household
  if (category.voucherType === 'FIXED' || !household) {
    return { valueCents: range.valueCents!, valueBasis: 'FIXED' as const, householdSize: null, grossMonthlyIncomeCents: null }
  }
  const [householdSize, incomeEuros] = household
  const grossMonthlyIncomeCents = incomeEuros * 100
  const valueCents = incomeRelatedValueCents(
    input.incomeRule,
    { minValueCents: range.minValueCents!, maxValueCents: range.maxValueCents! },
    householdSize,
    grossMonthlyIncomeCents,
  )
  return { valueCents, valueBasis: 'INCOME_RELATED' as const, householdSize, grossMonthlyIncomeCents }
}

function offerOf(input: Input, organisation: number, category: string): OfferModel {
  const offer = input.offers.find(
    (candidate) =>
      candidate.organisation.spec.number === organisation &&
      candidate.categoryCode === category &&
      candidate.status === 'PUBLISHED',
  )
  if (!offer) throw new Error(`Organisation ${organisation} has no published ${category} offer`)
  return offer
}

/** A moment on a day in office hours, never at or after the reference date. */
function moment(date: Date): Date {
  return earlierOf(at(date, int(8, 16), int(0, 59)), new Date(REFERENCE_DATE.getTime() - 3_600_000))
}

export function buildVouchers(input: Input): VouchersBuild {
  const build: VouchersBuild = { vouchers: [], choices: [], months: [], records: [] }
  const codes = new Set<string>([DEMO_VOUCHER.code])
  const yesterday = addDays(REFERENCE_DATE, -1)

  input.plans.forEach((plan, index) => {
    const { scenario } = plan
    const client = input.clients[plan.clientIndex]!
    const category = input.categories.get(scenario.category)!
    const id = seedId('voucher', index + 1)
    // every code but the demo one is drawn until it is new (the demo code is taken from the start)
    let code: string = DEMO_VOUCHER.code
    while (!scenario.demo && codes.has(code)) code = generateVoucherCode(seededFloat)
    codes.add(code)

    const value = voucherValue(input, plan, category)
    const createdAt = at(plan.decisionDate, 10, int(0, 59))
    let updatedAt = createdAt
    const usedByMonth = new Map<string, number>()
    const plannedTotal = { used: 0 }
    let choiceNumber = 0
    let recordNumber = 0

    const addChoice = (status: ChoiceStatus, fields: Omit<Prisma.ChoiceCreateManyInput, 'id' | 'voucherId' | 'status'>) => {
      const choiceId = `${id}-choice-${++choiceNumber}`
      build.choices.push({ id: choiceId, voucherId: id, status, ...fields })
      updatedAt = laterOf(updatedAt, (fields.decidedAt as Date | null | undefined) ?? (fields.createdAt as Date))
      return choiceId
    }

    /** A choice made on or after `earliest`, accepted, and the service delivered under it until `until`. */
    const serve = (organisation: number, earliest: Date, until: Date, startOn: Date | null) => {
      const offer = offerOf(input, organisation, scenario.category)
      const published = offer.prices[0]!.effectiveFrom
      const chosenAt = moment(laterOf(earliest, addDays(published, 1)))
      const decidedAt = moment(addDays(startOfDay(chosenAt), int(1, 2)))
      const startDate = startOn ?? addDays(startOfDay(decidedAt), int(1, 3))
      const serviceEnd = earlierOf(until, earlierOf(plan.validTo, yesterday))
      if (startDate > serviceEnd) throw new Error(`Voucher ${id}: ${organisation} cannot start before the service ends`)
      const deliveries = plannedDeliveries({
        unit: category.unit,
        perMonth: scenario.perMonth ?? null,
        total: scenario.total ?? null,
        start: startDate,
        end: serviceEnd,
        usedByMonth,
        usedTotal: plannedTotal.used,
        exhaust: scenario.status === 'EXHAUSTED',
      })
      plannedTotal.used += deliveries.reduce((sum, delivery) => sum + delivery.unitsHundredths, 0)
      return { offer, chosenAt, decidedAt, startDate, deliveries }
    }

    const record = (choiceId: string, offer: OfferModel, delivery: Delivery) => {
      const organisation = offer.organisation.spec.number
      const extras = offer.extraPriceCents !== null && category.unit === 'HOUR' && chance(0.3) ? offer.extraPriceCents * int(1, 3) : 0
      build.records.push({
        id: `${id}-record-${String(++recordNumber).padStart(3, '0')}`,
        voucherId: id,
        choiceId,
        organisationId: offer.organisation.id,
        serviceDate: delivery.serviceDate,
        month: monthStart(delivery.serviceDate),
        unitsHundredths: delivery.unitsHundredths,
        unitPriceCents: priceOn(offer, delivery.serviceDate),
        voucherValueCents: value.valueCents,
        extrasCents: extras,
        createdById: input.ownerIds.get(organisation)!,
        createdAt: moment(addDays(delivery.serviceDate, int(0, 3))),
      })
    }

    if (scenario.status === 'ASSIGNED' && scenario.provider) {
      let pendingFrom = addDays(plan.validFrom, int(1, 3))
      if (scenario.declinedBy) {
        const declined = offerOf(input, scenario.declinedBy, scenario.category)
        const chosenAt = moment(pendingFrom)
        const decidedAt = moment(addDays(startOfDay(chosenAt), 1))
        addChoice('DECLINED', { offerId: declined.id, declineReason: DECLINE_REASON, createdAt: chosenAt, decidedAt })
        pendingFrom = addDays(startOfDay(decidedAt), 1)
      }
      const offer = offerOf(input, scenario.provider, scenario.category)
      addChoice('PENDING', { offerId: offer.id, createdAt: moment(laterOf(pendingFrom, daysBeforeReference(int(1, 4)))) })
    }

    if (['ACTIVE', 'EXHAUSTED', 'EXPIRED'].includes(scenario.status) && scenario.provider) {
      let earliest = addDays(plan.validFrom, int(1, 6))
      let startOn: Date | null = null
      if (scenario.previousProvider) {
        const endDate = addDays(earliest, int(70, 120))
        const first = serve(scenario.previousProvider, earliest, endDate, null)
        const choiceId = addChoice('ENDED', {
          offerId: first.offer.id,
          startDate: first.startDate,
          endDate,
          createdAt: first.chosenAt,
          decidedAt: first.decidedAt,
        })
        first.deliveries.forEach((delivery) => record(choiceId, first.offer, delivery))
        earliest = addDays(endDate, -int(5, 10))
        startOn = addDays(endDate, 1)
      }
      const current = serve(scenario.provider, earliest, plan.validTo, startOn)
      const lastService = current.deliveries.at(-1)?.serviceDate ?? current.startDate
      const ended = scenario.status !== 'ACTIVE'
      const choiceId = addChoice(ended ? 'ENDED' : 'ACCEPTED', {
        offerId: current.offer.id,
        startDate: current.startDate,
        endDate: scenario.status === 'EXPIRED' ? plan.validTo : ended ? lastService : null,
        createdAt: current.chosenAt,
        decidedAt: current.decidedAt,
      })
      current.deliveries.forEach((delivery) => record(choiceId, current.offer, delivery))
      if (scenario.status === 'EXHAUSTED' && plannedTotal.used !== (scenario.total ?? 0) * 100) {
        throw new Error(`Voucher ${id} should be exhausted but uses ${plannedTotal.used} of ${(scenario.total ?? 0) * 100}`)
      }
    }

    if (scenario.perMonth && ['ACTIVE', 'EXPIRED'].includes(scenario.status)) {
      const last = earlierOf(plan.validTo, yesterday)
      for (let month = monthStart(plan.validFrom); month <= last; month = monthStart(addDays(month, 32))) {
        build.months.push({ voucherId: id, month, unitsGranted: scenario.perMonth * 100, unitsUsed: usedByMonth.get(isoDate(month)) ?? 0 })
      }
    }

    build.vouchers.push({
      id,
      code,
      clientId: client.id,
      categoryId: category.id,
      decisionNumber: `OVPH-${plan.decisionDate.getUTCFullYear()}-${String(1200 + index * 7).padStart(5, '0')}`,
      decisionDate: plan.decisionDate,
      validFrom: plan.validFrom,
      validTo: plan.validTo,
      unitsPerMonth: scenario.perMonth ?? null,
      unitsTotal: scenario.total ?? null,
      totalUnitsUsed: scenario.total ? plannedTotal.used : 0,
      ...value,
      status: scenario.status,
      cancelledReason: scenario.cancelledReason ?? null,
      issuedById: index % 4 === 3 ? input.staff.admin : input.staff.reviewer,
      createdAt,
      updatedAt: scenario.status === 'CANCELLED' ? at(addDays(plan.decisionDate, int(14, 30)), 13, 0) : updatedAt,
    })
  })
  return build
}
