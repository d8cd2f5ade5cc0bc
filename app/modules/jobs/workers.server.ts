import { runDocumentWatch } from '~/modules/document-watch/service.server'
import { deliverDueEmails } from '~/modules/email/deliver.server'
import { configuredTransport } from '~/modules/email/transport.server'
import { offerJobsIntervalMs, runOfferJobs } from '~/modules/offers/jobs.server'
import { anonymiseExpiredClients } from '~/modules/retention/service.server'
import { expireVouchers, voucherExpiryIntervalMs } from '~/modules/vouchers/expiry.server'
import { env } from '~/utils/env.server'
import { log } from '~/utils/logger.server'
import { withLease } from './lease.server'

declare global {
  var __palvelutoriWorkers: boolean | undefined
}

const emailIntervalMs = 2_000
/** The document watch is idempotent (once per document and threshold), so running it hourly is safe. */
const documentWatchIntervalMs = 60 * 60 * 1000
const retentionIntervalMs = 24 * 60 * 60 * 1000
/** How long a running job's lease lasts between renewals: a crashed instance's job is taken over after this. */
const leaseTtlMs = 5 * 60 * 1000
/** Instances' timers drift apart; a finished job's lease ends this much before its next turn so its holder is never late. */
const leaseSlackMs = 60 * 1000

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

/**
 * Like `every`, but across all instances on the database: the job runs on whichever instance takes its lease, and
 * the lease is then kept until shortly before the next turn, so the job runs once per interval, not once per instance.
 */
function everyOnOneInstance(intervalMs: number, name: string, job: () => Promise<unknown>, options: { firstRunAfterMs?: number } = {}) {
  const holdAfterMs = Math.max(0, intervalMs - leaseSlackMs)
  every(
    intervalMs,
    name,
    async () => {
      const run = await withLease(`job:${name}`, { ttlMs: leaseTtlMs, holdAfterMs }, job)
      if (!run.ran) log.debug('background job left to the instance holding its lease', { job: name })
    },
    options,
  )
}

async function documentWatch(): Promise<void> {
  const summary = await runDocumentWatch(new Date())
  if (Object.values(summary).some((count) => count > 0)) log.info('document watch', summary)
}

async function voucherExpiry(): Promise<void> {
  const { expired } = await expireVouchers(new Date())
  if (expired > 0) log.info('voucher expiry', { expired })
}

async function retention(): Promise<void> {
  const { anonymised } = await anonymiseExpiredClients(new Date())
  if (anonymised > 0) log.info('retention', { anonymised })
}

/**
 * Starts the in-process background jobs once per process (dev reloads included). WORKERS=off turns them off.
 * Safe with several instances on one database: outbox rows are claimed with FOR UPDATE SKIP LOCKED (every instance
 * sends, never the same message), and the other jobs each hold a lease (JobLease) while they run.
 */
export function startBackgroundWorkers(): void {
  if (globalThis.__palvelutoriWorkers || env().WORKERS === 'off' || env().NODE_ENV === 'test') return
  globalThis.__palvelutoriWorkers = true
  const transport = configuredTransport()
  every(emailIntervalMs, 'email-outbox', () => deliverDueEmails(transport))
  // a minute after start too, so frequent restarts cannot keep postponing it
  everyOnOneInstance(documentWatchIntervalMs, 'document-watch', documentWatch, { firstRunAfterMs: 60_000 })
  everyOnOneInstance(offerJobsIntervalMs, 'offer-prices-and-capacity-reminders', () => runOfferJobs(new Date()), {
    firstRunAfterMs: 90_000,
  })
  // the day's expiries: vouchers past their last valid day (idempotent, so hourly keeps it within an hour of midnight)
  everyOnOneInstance(voucherExpiryIntervalMs, 'voucher-expiry', voucherExpiry, { firstRunAfterMs: 120_000 })
  // clients whose retention period is over: anonymised, their documents deleted (daily, and soon after a start)
  everyOnOneInstance(retentionIntervalMs, 'retention', retention, { firstRunAfterMs: 150_000 })
}
