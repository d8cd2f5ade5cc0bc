import { dateTimeFormat } from '../../utils/intl'
/**
 * Helsinki calendar days → UTC instants, for filtering timestamps by the day a Finnish reader sees (pure).
 * Europe/Helsinki is UTC+2 in winter and UTC+3 in summer; the clocks change at 03:00/04:00 local time, so
 * midnight always exists and is never doubled.
 */
const timeZone = 'Europe/Helsinki'

const partsFormat = dateTimeFormat('en-US', {
  timeZone,
  hourCycle: 'h23',
  era: 'short',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
})

/** Helsinki's offset from UTC at an instant, in minutes (120 or 180). */
export function helsinkiOffsetMinutes(instant: Date): number {
  const parts = partsFormat.formatToParts(instant)
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value)
  const wallClock = new Date(Date.UTC(2000, part('month') - 1, part('day'), part('hour'), part('minute'), part('second')))
  // set apart: Date.UTC reads the years 0–99 as 1900–1999; 1 BC is the year 0
  const bc = parts.find((p) => p.type === 'era')?.value === 'BC'
  wallClock.setUTCFullYear(bc ? 1 - part('year') : part('year'))
  return Math.round((wallClock.getTime() - Math.floor(instant.getTime() / 1000) * 1000) / 60_000)
}

/** The instant a Helsinki calendar day `YYYY-MM-DD` begins (00:00 local time). */
export function helsinkiStartOfDay(isoDay: string): Date {
  const utcMidnight = Date.parse(`${isoDay}T00:00:00.000Z`)
  if (Number.isNaN(utcMidnight)) throw new RangeError(`Not a date: ${isoDay}`)
  const guess = utcMidnight - helsinkiOffsetMinutes(new Date(utcMidnight)) * 60_000
  return new Date(utcMidnight - helsinkiOffsetMinutes(new Date(guess)) * 60_000)
}

/** `YYYY-MM-DD` plus some days. */
export function addDays(isoDay: string, days: number): string {
  const date = new Date(`${isoDay}T00:00:00.000Z`)
  date.setUTCDate(date.getUTCDate() + days)
  return date.toISOString().slice(0, 10)
}

/**
 * A from–to range of Helsinki days (both inclusive, either open) as UTC bounds: from the start of `from` up to,
 * not including, the start of the day after `to`.
 */
export function helsinkiDayRange(from?: string, to?: string): { gte?: Date; lt?: Date } {
  return {
    ...(from ? { gte: helsinkiStartOfDay(from) } : {}),
    ...(to ? { lt: helsinkiStartOfDay(addDays(to, 1)) } : {}),
  }
}
