import { runDocumentWatch } from '~/modules/document-watch/service.server'
import { deliverDueEmails } from '~/modules/email/deliver.server'
import { configuredTransport } from '~/modules/email/transport.server'
import { offerJobsIntervalMs, runOfferJobs } from '~/modules/offers/jobs.server'
import { expireVouchers, voucherExpiryIntervalMs } from '~/modules/vouchers/expiry.server'
import { env } from '~/utils/env.server'
import { log } from '~/utils/logger.server'

declare global {
  var __palvelutoriWorkers: boolean | undefined
}

const emailIntervalMs = 2_000
/** The document watch is idempotent (once per document and threshold), so running it hourly is safe. */
const documentWatchIntervalMs = 60 * 60 * 1000

/** Runs `job` every `intervalMs` (never two at once); `firstRunAfterMs` adds an early first run after start. */
function every(intervalMs: number, name: string, job: () => Promise<unknown>, options: { firstRunAfterMs?: number } = {}) {
  let running = false
  const run = () => {
    if (running) return
    running = true
    job()
      .catch((error: unknown) => log.error('background job failed', { job: name, error }))
      .finally(() => {
        running = false
      })
  }
  setInterval(run, intervalMs).unref()
  if (options.firstRunAfterMs !== undefined) setTimeout(run, options.firstRunAfterMs).unref()
}

async function documentWatch(): Promise<void> {
  const summary = await runDocumentWatch(new Date())
  if (Object.values(summary).some((count) => count > 0)) log.info('document watch', summary)
}

async function voucherExpiry(): Promise<void> {
  const { expired } = await expireVouchers(new Date())
  if (expired > 0) log.info('voucher expiry', { expired })
}

/** Starts the in-process background jobs once per process (dev reloads included). WORKERS=off turns them off. */
export function startBackgroundWorkers(): void {
  if (globalThis.__palvelutoriWorkers || env().WORKERS === 'off' || env().NODE_ENV === 'test') return
  globalThis.__palvelutoriWorkers = true
  const transport = configuredTransport()
  every(emailIntervalMs, 'email-outbox', () => deliverDueEmails(transport))
  // a minute after start too, so frequent restarts cannot keep postponing it
  every(documentWatchIntervalMs, 'document-watch', documentWatch, { firstRunAfterMs: 60_000 })
  every(offerJobsIntervalMs, 'offer-prices-and-capacity-reminders', () => runOfferJobs(new Date()), { firstRunAfterMs: 90_000 })
  // the day's expiries: vouchers past their last valid day (idempotent, so hourly keeps it within an hour of midnight)
  every(voucherExpiryIntervalMs, 'voucher-expiry', voucherExpiry, { firstRunAfterMs: 120_000 })
}
