import { addDays, daysInMonth, isoDate, monthStart } from './dates'
import { faker, int, pick } from './random'

export type Delivery = { serviceDate: Date; unitsHundredths: number }

export type DeliveryPlan = {
  unit: 'HOUR' | 'DAY' | 'VISIT' | 'MONTH'
  perMonth: number | null
  total: number | null
  /** first and last day service may be given (inclusive) */
  start: Date
  end: Date
  /** hundredths used so far per month ('YYYY-MM-01'), shared by every choice of the voucher */
  usedByMonth: Map<string, number>
  /** hundredths used so far of a total grant */
  usedTotal: number
  /** use up the whole total grant (an EXHAUSTED voucher) */
  exhaust: boolean
}

function monthEnd(month: Date): Date {
  return addDays(month, daysInMonth(month) - 1)
}

/** Quarter hours: 0.25 units is the finest step providers record. */
function quarters(hundredths: number): number {
  return Math.round(hundredths / 25) * 25
}

/** The part of each calendar month between start and end. */
function monthWindows(start: Date, end: Date): { month: Date; from: Date; to: Date }[] {
  const windows = []
  for (let month = monthStart(start); month <= end; month = monthStart(addDays(monthEnd(month), 1))) {
    const from = month < start ? start : month
    const to = monthEnd(month) > end ? end : monthEnd(month)
    windows.push({ month, from, to })
  }
  return windows
}

function daysBetween(from: Date, to: Date): number {
  return Math.round((to.getTime() - from.getTime()) / 86_400_000) + 1
}

/** Monthly grants: weekly hour totals, housing days per month, respite days, or whole months. */
function monthlyDeliveries(plan: DeliveryPlan, perMonth: number): Delivery[] {
  const granted = perMonth * 100
  const deliveries: Delivery[] = []
  const take = (date: Date, wanted: number) => {
    const key = isoDate(monthStart(date))
    const used = plan.usedByMonth.get(key) ?? 0
    const units = Math.min(wanted, granted - used)
    if (units <= 0) return
    plan.usedByMonth.set(key, used + units)
    deliveries.push({ serviceDate: date, unitsHundredths: units })
  }
  if (plan.unit === 'HOUR') {
    for (let date = plan.start; date <= plan.end; date = addDays(date, 7)) {
      take(date, quarters((granted / 4.35) * faker.number.float({ min: 0.6, max: 1 })))
    }
    return deliveries
  }
  for (const window of monthWindows(plan.start, plan.end)) {
    const days = daysBetween(window.from, window.to)
    if (plan.unit === 'MONTH') {
      if (days === daysInMonth(window.month)) take(window.to, 100)
    } else if (perMonth >= 28) {
      take(window.to, days * 100)
    } else if (days >= 7) {
      take(addDays(window.from, int(0, days - 1)), int(1, perMonth) * 100)
    }
  }
  return deliveries
}

/** Total grants: therapy visits every week or two, hygienist visits a month or two apart, week-long stays. */
function totalDeliveries(plan: DeliveryPlan, total: number): Delivery[] {
  const limit = plan.exhaust ? total * 100 : total * 100 - 100
  const stay = plan.unit === 'DAY' ? Math.min(7, total) : 1
  const deliveries: Delivery[] = []
  let date = addDays(plan.start, stay - 1)
  while (date <= plan.end && plan.usedTotal + stay * 100 <= limit) {
    deliveries.push({ serviceDate: date, unitsHundredths: stay * 100 })
    plan.usedTotal += stay * 100
    date = addDays(date, plan.unit === 'DAY' ? int(20, 40) + stay : total >= 10 ? pick([7, 14]) : int(30, 60))
  }
  return deliveries
}

export function plannedDeliveries(plan: DeliveryPlan): Delivery[] {
  if (plan.perMonth !== null) return monthlyDeliveries(plan, plan.perMonth)
  if (plan.total !== null) return totalDeliveries(plan, plan.total)
  return []
}
