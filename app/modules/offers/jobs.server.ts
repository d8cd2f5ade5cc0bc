import { runCapacityReminders } from './capacity-reminders.server'
import { applyDuePrices } from './service.server'

/** How often the offers' background work runs (startBackgroundWorkers). */
export const offerJobsIntervalMs = 60 * 60 * 1000

/**
 * The offers' hourly work, both idempotent: prices set ahead take effect on their day (within the hour after
 * Helsinki midnight), then owners of offers with stale free places are reminded.
 */
export async function runOfferJobs(now = new Date()): Promise<void> {
  await applyDuePrices(now)
  await runCapacityReminders(now)
}
