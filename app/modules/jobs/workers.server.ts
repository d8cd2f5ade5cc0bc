import { deliverDueEmails } from '~/modules/email/deliver.server'
import { configuredTransport } from '~/modules/email/transport.server'
import { env } from '~/utils/env.server'
import { log } from '~/utils/logger.server'

declare global {
  var __palvelutoriWorkers: boolean | undefined
}

const emailIntervalMs = 2_000

function every(intervalMs: number, name: string, job: () => Promise<unknown>) {
  let running = false
  const timer = setInterval(() => {
    if (running) return
    running = true
    job()
      .catch((error: unknown) => log.error('background job failed', { job: name, error }))
      .finally(() => {
        running = false
      })
  }, intervalMs)
  timer.unref()
}

/** Starts the in-process background jobs once per process (dev reloads included). WORKERS=off turns them off. */
export function startBackgroundWorkers(): void {
  if (globalThis.__palvelutoriWorkers || env().WORKERS === 'off' || env().NODE_ENV === 'test') return
  globalThis.__palvelutoriWorkers = true
  const transport = configuredTransport()
  every(emailIntervalMs, 'email-outbox', () => deliverDueEmails(transport))
}
