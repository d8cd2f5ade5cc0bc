import { existsSync } from 'node:fs'
import { chromium, defineConfig } from '@playwright/test'

/** PLAYWRIGHT_CHROMIUM_PATH, else Playwright's own Chromium when installed, else Debian's (scripts/ensure-browser.sh). */
function chromiumPath(): string {
  if (process.env.PLAYWRIGHT_CHROMIUM_PATH) return process.env.PLAYWRIGHT_CHROMIUM_PATH
  const bundled = chromium.executablePath()
  return existsSync(bundled) ? bundled : '/usr/bin/chromium'
}

/** E2E_PORT moves the server (scripts/e2e-server.sh reads it too), so two runs can share a machine. */
const port = Number(process.env.E2E_PORT || 3100)
const baseURL = `http://127.0.0.1:${port}`
/** The local stand-in answering as Stripe's API and checkout page (scripts/stripe-stand-in.ts, docs/stripe.md). */
const stripePort = Number(process.env.E2E_STRIPE_PORT || port + 1000)
const stripeWebhookSecret = 'whsec_e2e'

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: false,
  // Two cores, and the embedded database is a single connection.
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: 'list',
  // fails the run when the server log (./data/e2e/server.log) holds a seeded secret or an identity code
  globalTeardown: './tests/e2e/global-teardown.ts',
  // Whole journeys on two cores, with argon2 hashing at every sign-up and login.
  timeout: 60_000,
  use: {
    baseURL,
    launchOptions: { executablePath: chromiumPath() },
  },
  webServer: [
    {
      command: 'npx tsx scripts/stripe-stand-in.ts',
      url: `http://127.0.0.1:${stripePort}/`,
      reuseExistingServer: false,
      env: {
        STRIPE_STAND_IN_PORT: String(stripePort),
        STRIPE_WEBHOOK_SECRET: stripeWebhookSecret,
        STRIPE_WEBHOOK_URL: `${baseURL}/api/stripe-webhook`,
      },
    },
    {
      command: 'bash scripts/e2e-server.sh',
      url: `${baseURL}/`,
      reuseExistingServer: false,
      timeout: 180_000,
      env: {
        STRIPE_SECRET_KEY: 'sk_test_e2e',
        STRIPE_WEBHOOK_SECRET: stripeWebhookSecret,
        STRIPE_API_BASE: `http://127.0.0.1:${stripePort}`,
      },
    },
  ],
})
