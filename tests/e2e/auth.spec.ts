import { expect, test, type Page } from '@playwright/test'
import { DEMO_ACCOUNTS } from '../../prisma/seed/accounts'
import { expectNoAxeViolations } from './support/axe'
import { locales, t, type Lang } from './support/i18n'
import { linkFrom, readMail } from './support/mail'
import { expectPage } from './support/page'

const password = 'a long e2e passphrase 2026'

async function logIn(page: Page, lang: Lang, email: string, secret: string) {
  await page.getByLabel(t(lang, 'auth:fields.email'), { exact: true }).fill(email)
  await page.getByLabel(t(lang, 'auth:fields.password'), { exact: true }).fill(secret)
  await page.getByRole('button', { name: t(lang, 'auth:login.submit'), exact: true }).click()
}

/** The language switcher is a plain form; one run switches away and back to prove it. */
async function switchLanguage(page: Page, from: Lang, to: Lang, name: string) {
  await page.getByRole('form', { name: t(from, 'language.label') }).getByRole('button', { name, exact: true }).click()
  await expectPage(page, to, t(to, 'home.title'))
}

for (const lang of locales) {
  test.describe(`sign-up and login (${lang})`, () => {
    test.use({ locale: lang, extraHTTPHeaders: { 'Accept-Language': lang } })

    test('sign up, verify the email, log in and log out', async ({ page }) => {
      const email = `e2e-${lang}-${Date.now()}@example.com`
      const name = `E2E Tester ${lang.toUpperCase()}`

      await page.goto('/')
      await expectPage(page, lang, t(lang, 'home.title'))
      if (lang === 'en') {
        await switchLanguage(page, 'en', 'fi', 'Suomi')
        await switchLanguage(page, 'fi', 'en', 'English')
      }

      await page.getByRole('navigation', { name: t(lang, 'layout.mainNavigation') }).getByRole('link', { name: t(lang, 'nav.signup') }).click()
      await expect(page).toHaveURL('/signup')
      await expectPage(page, lang, t(lang, 'auth:signup.title'))

      const submit = page.getByRole('button', { name: t(lang, 'auth:signup.submit'), exact: true })
      await submit.click()
      const summary = page.getByRole('alert', { name: t(lang, 'form.errorSummaryTitle') })
      // Soft: the rest of the journey does not depend on the summary, so a broken one still lets it run.
      await expect.soft(summary).toBeFocused()
      await expect.soft(summary.getByRole('link')).toHaveText(Array<string>(4).fill(t(lang, 'errors.required')))
      await expect(page.getByLabel(t(lang, 'auth:fields.name'), { exact: true })).toHaveAttribute('aria-invalid', 'true')
      await expectNoAxeViolations(page)

      await page.getByLabel(t(lang, 'auth:fields.name'), { exact: true }).fill(name)
      await page.getByLabel(t(lang, 'auth:fields.email'), { exact: true }).fill(email)
      await page.getByLabel(t(lang, 'auth:fields.newPassword'), { exact: true }).fill(password)
      await page.getByLabel(t(lang, 'auth:fields.confirmPassword'), { exact: true }).fill(password)
      await submit.click()
      await expect(page).toHaveURL(/\/signup\/sent\?/)
      await expectPage(page, lang, t(lang, 'auth:signupSent.title'))

      const mail = await readMail(email)
      expect(mail.subject).toBe(t(lang, 'email:verifyEmail.subject'))
      await page.goto(linkFrom(mail, '/verify-email'))
      await expect(page).toHaveURL('/login')
      await expect(page.getByRole('status')).toHaveText(t(lang, 'toast.emailVerified'))
      await expectPage(page, lang, t(lang, 'auth:login.title'))

      await logIn(page, lang, email, password)
      await expect(page).toHaveURL('/account')
      await expect(page.getByRole('definition').filter({ hasText: name })).toBeVisible()
      await expectPage(page, lang, t(lang, 'account.title'))

      await page.getByRole('button', { name: t(lang, 'nav.logout'), exact: true }).click()
      await expect(page).toHaveURL('/')
      await expect(page.getByRole('status')).toHaveText(t(lang, 'toast.loggedOut'))
      await expectPage(page, lang, t(lang, 'home.title'))
    })

    test('a wrong password is refused', async ({ page }) => {
      await page.goto('/login')
      await expectPage(page, lang, t(lang, 'auth:login.title'))
      await logIn(page, lang, DEMO_ACCOUNTS.editor, 'not the right password')
      const summary = page.getByRole('alert', { name: t(lang, 'form.errorSummaryTitle') })
      await expect(summary).toBeFocused()
      await expect(summary).toContainText(t(lang, 'errors.invalidCredentials'))
      await expect(page).toHaveURL('/login')
      await expectPage(page, lang, t(lang, 'auth:login.title'))
    })
  })
}
