/** How fresh an offer's free-places figure is. Pure; shared by the provider pages, the reminders and the catalogue. */

/** Providers are reminded when the figure is older than this. */
export const capacityStaleDays = 14
/** …at most once in this many days per offer. */
export const capacityReminderIntervalDays = 7

const dayMs = 24 * 60 * 60 * 1000

/** Whole days since the figure was confirmed (0 on the same day); null when it never was. */
export function capacityAgeDays(confirmedAt: Date | string | null, now = new Date()): number | null {
  if (confirmedAt === null) return null
  return Math.max(0, Math.floor((now.getTime() - new Date(confirmedAt).getTime()) / dayMs))
}

/** True when the figure was never confirmed or is older than `capacityStaleDays`. */
export function isCapacityStale(confirmedAt: Date | string | null, now = new Date()): boolean {
  return confirmedAt === null || now.getTime() - new Date(confirmedAt).getTime() > capacityStaleDays * dayMs
}

/** The moment before which a confirmation is stale. */
export function staleBefore(now: Date): Date {
  return new Date(now.getTime() - capacityStaleDays * dayMs)
}
