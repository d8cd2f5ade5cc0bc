import { expect, test, type Page } from '@playwright/test'
import { DEMO_ACCOUNTS } from '../../prisma/seed/accounts'
import { t, type Lang } from './support/i18n'
import { linkFrom, readMail } from './support/mail'
import { expectPage } from './support/page'
import { literal } from './support/provider'
import { enrolAuthenticator, enterCode, freshCode } from './support/second-factor'
import { expectToast, logIn } from './support/vouchers'

/**
 * A new staff member's second factor, in Swedish and Finnish: invited by the admin, they set a password, set up an
 * authenticator app, save their recovery codes, log in again with a code and with a recovery code, and end a
 * session they left open in another browser. axe checks each page.
 */

const password = 'kaksivaiheinen tunnistus e2e'

async function submitPassword(page: Page, lang: Lang, email: string) {
  await page.goto('/login')
  await expectPage(page, lang, t(lang, 'auth:login.title'))
  await page.getByLabel(t(lang, 'auth:fields.email'), { exact: true }).fill(email)
  await page.getByLabel(t(lang, 'auth:fields.password'), { exact: true }).fill(password)
  await page.getByRole('button', { name: t(lang, 'auth:login.submit'), exact: true }).click()
}

async function logOut(page: Page, lang: Lang) {
  await page.getByRole('button', { name: t(lang, 'nav.logout'), exact: true }).click()
  await expectToast(page, lang, 'toast.loggedOut')
}

for (const lang of ['sv', 'fi'] as const) {
  test.describe(`staff second factor (${lang})`, () => {
    test.use({ locale: lang, extraHTTPHeaders: { 'Accept-Language': lang } })

    test('a new staff member sets up an authenticator, logs in with a code and a recovery code, and ends another session', async ({
      page,
      browser,
    }) => {
      test.setTimeout(240_000)
      const email = `e2e-second-factor-${lang}-${Date.now()}@example.com`

      // The admin (with the demo authenticator, in a browser of their own) invites a reviewer who reads `lang`.
      const adminContext = await browser.newContext({ locale: lang, extraHTTPHeaders: { 'Accept-Language': lang } })
      const admin = await adminContext.newPage()
      const adminLang = await logIn(admin, lang, DEMO_ACCOUNTS.admin)
      await admin.goto('/staff/users')
      const form = admin.getByRole('region', { name: t(adminLang, 'staffUsers.createTitle') })
      await form.getByLabel(t(adminLang, 'account.name'), { exact: true }).fill(`Second Factor ${lang}`)
      await form.getByLabel(t(adminLang, 'account.email'), { exact: true }).fill(email)
      await form.getByLabel(t(adminLang, 'account.role'), { exact: true }).selectOption('REVIEWER')
      await form.getByLabel(t(adminLang, 'staffUsers.language'), { exact: true }).selectOption(lang)
      await form.getByRole('button', { name: t(adminLang, 'staffUsers.create'), exact: true }).click()
      await expectToast(admin, adminLang, 'toast.staffUserCreated')
      await adminContext.close()

      await page.goto(linkFrom(await readMail(email), '/reset-password'))
      await expectPage(page, lang, t(lang, 'auth:reset.title'))
      await page.getByLabel(t(lang, 'auth:fields.newPassword'), { exact: true }).fill(password)
      await page.getByLabel(t(lang, 'auth:fields.confirmPassword'), { exact: true }).fill(password)
      await page.getByRole('button', { name: t(lang, 'auth:reset.submit'), exact: true }).click()
      await expectToast(page, lang, 'toast.passwordChanged')

      // First login: the password leads to setting up the app; staff pages are out of reach until then.
      await submitPassword(page, lang, email)
      await expect(page).toHaveURL('/login/second-factor-setup')
      await expectPage(page, lang, t(lang, 'security:setup.title'))
      await page.goto('/staff')
      await expect(page).toHaveURL('/login/second-factor-setup?redirectTo=%2Fstaff')
      await page.getByLabel(t(lang, 'security:secondFactor.appCode'), { exact: true }).fill('000000')
      await page.getByRole('button', { name: t(lang, 'security:setup.submit'), exact: true }).click()
      await expect(page.getByRole('alert')).toContainText(t(lang, 'security:errors.codeInvalid'))
      const { secret, recoveryCodes } = await enrolAuthenticator(page, email, async () => {
        await expectPage(page, lang, t(lang, 'security:setup.title'))
        await expect(page.getByRole('status')).toHaveText(t(lang, 'security:setup.done'))
      })
      expect(recoveryCodes).toHaveLength(10)
      await expect(page).toHaveURL('/staff')
      await expectPage(page, lang, t(lang, 'staff.title'))
      await logOut(page, lang)

      // Second login: a code from the app.
      await submitPassword(page, lang, email)
      await expect(page).toHaveURL('/login/second-factor')
      await expectPage(page, lang, t(lang, 'security:secondFactor.title'))
      await enterCode(page, await freshCode(secret, email))
      await expect(page).toHaveURL('/account')
      await expectToast(page, lang, 'security:toast.signedIn')
      await expectPage(page, lang, t(lang, 'account.title'))
      await logOut(page, lang)

      // Third login: a recovery code, which works once.
      await submitPassword(page, lang, email)
      await expect(page).toHaveURL('/login/second-factor')
      await enterCode(page, recoveryCodes[0]!)
      await expect(page).toHaveURL('/account')
      await expectToast(page, lang, 'security:toast.recoveryCodeUsed')

      // Another browser logs in too; the first one sees both sessions and ends the other.
      const otherContext = await browser.newContext({ locale: lang, extraHTTPHeaders: { 'Accept-Language': lang } })
      const other = await otherContext.newPage()
      await submitPassword(other, lang, email)
      await expect(other).toHaveURL('/login/second-factor')
      await enterCode(other, recoveryCodes[0]!)
      await expect(other.getByRole('alert')).toContainText(t(lang, 'security:errors.codeInvalid'))
      await enterCode(other, await freshCode(secret, email))
      await expect(other).toHaveURL('/account')

      await page.getByRole('link', { name: t(lang, 'security:title'), exact: true }).click()
      await expect(page).toHaveURL('/account/security')
      await expectPage(page, lang, t(lang, 'security:title'))
      const sessions = page.getByRole('main').getByRole('listitem')
      await expect(sessions).toHaveCount(2)
      await expect(sessions.filter({ hasText: t(lang, 'security:sessions.current') })).toHaveCount(1)
      await expect(page.getByText(t(lang, 'security:authenticator.codesLeft_other').replace('{{count}}', '9'))).toBeVisible()
      await page.getByRole('button', { name: new RegExp(`^${literal(t(lang, 'security:sessions.end')).source}`) }).click()
      await expectToast(page, lang, 'security:toast.sessionEnded')
      await expect(sessions).toHaveCount(1)
      await expectPage(page, lang, t(lang, 'security:title'))

      await other.goto('/account')
      await expect(other).toHaveURL('/login?redirectTo=%2Faccount')
      await otherContext.close()
    })
  })
}
