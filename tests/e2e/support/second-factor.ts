import { expect, type Page } from '@playwright/test'
import { totpCode, totpStep, totpStepSeconds } from '../../../app/modules/accounts/totp'
import { DEMO_TOTP_SECRET } from '../../../prisma/seed/second-factor'
import { t } from './i18n'
import { pageLang } from './page'

/**
 * The second step of a staff login in the browser: codes computed with the app's own TOTP module (pure, no server
 * modules) from the seeded demo secret, or from the secret a test user set up.
 */

/**
 * The last step given per account in this run: the server takes each step once per account, so the account's next
 * login uses a later one.
 */
const lastStep = new Map<string, number>()

/** A code the account has not given yet: this step's, the next one's (±1 step is accepted), or after a wait. */
export async function freshCode(secret: string, account = secret): Promise<string> {
  const used = lastStep.get(account) ?? -1
  let now = totpStep(new Date())
  while (used + 1 > now + 1) {
    await new Promise((resolve) => setTimeout(resolve, 1000))
    now = totpStep(new Date())
  }
  const step = Math.max(now, used + 1)
  lastStep.set(account, step)
  return totpCode(secret, new Date(step * totpStepSeconds * 1000))
}

/** On the code page: enters a code (or a recovery code) and submits. */
export async function enterCode(page: Page, code: string): Promise<void> {
  const lang = await pageLang(page)
  await page.getByLabel(t(lang, 'security:secondFactor.code'), { exact: true }).fill(code)
  await page.getByRole('button', { name: t(lang, 'security:secondFactor.submit'), exact: true }).click()
}

export type Enrolment = { secret: string; recoveryCodes: string[] }

/**
 * On the set-up page of `account`: reads the key, confirms with a code, reads the recovery codes, runs
 * `onCodesShown` (checks of that page, say) and continues.
 */
export async function enrolAuthenticator(page: Page, account: string, onCodesShown?: () => Promise<void>): Promise<Enrolment> {
  const lang = await pageLang(page)
  const secret = (await page.getByTestId('totp-secret').innerText()).replace(/\s/g, '')
  await page.getByLabel(t(lang, 'security:secondFactor.appCode'), { exact: true }).fill(await freshCode(secret, account))
  await page.getByRole('button', { name: t(lang, 'security:setup.submit'), exact: true }).click()
  const list = page.getByRole('list', { name: t(lang, 'security:recoveryCodes.title') })
  await expect(list).toBeVisible()
  const recoveryCodes = await list.getByRole('listitem').allInnerTexts()
  await onCodesShown?.()
  await page.getByRole('link', { name: t(lang, 'security:recoveryCodes.continue'), exact: true }).click()
  return { secret, recoveryCodes }
}

/**
 * After the password of `account`: providers are through already; staff give a code from `secret` (the demo staff's
 * by default), or, without an authenticator yet, set one up (its secret and recovery codes are returned).
 */
export async function completeLogin(page: Page, account: string, secret = DEMO_TOTP_SECRET): Promise<Enrolment | null> {
  await page.waitForURL((url) => !/^\/login\/?$/.test(url.pathname))
  const path = new URL(page.url()).pathname
  if (path === '/login/second-factor') {
    await enterCode(page, await freshCode(secret, account))
    return null
  }
  if (path === '/login/second-factor-setup') return enrolAuthenticator(page, account)
  return null
}
