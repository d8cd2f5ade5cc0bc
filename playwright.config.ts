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

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: false,
  // Two cores, and the embedded database is a single connection.
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: 'list',
  // Whole journeys on two cores, with argon2 hashing at every sign-up and login.
  timeout: 60_000,
  use: {
    baseURL,
    launchOptions: { executablePath: chromiumPath() },
  },
  webServer: {
    command: 'bash scripts/e2e-server.sh',
    url: `${baseURL}/`,
    reuseExistingServer: false,
    timeout: 180_000,
  },
})
