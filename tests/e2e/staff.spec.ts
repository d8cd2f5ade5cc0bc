import { expect, test, type Page } from '@playwright/test'
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../prisma/seed/accounts'
import { expectNoAxeViolations } from './support/axe'
import { locales, t, type Lang } from './support/i18n'
import { linkFrom, readMail } from './support/mail'
import { expectPage, pageLang } from './support/page'
import { completeLogin } from './support/second-factor'

/** Logs in from the login page and checks the account page; the session's language becomes the user's own. */
async function logIn(page: Page, email: string, password: string): Promise<Lang> {
  const formLang = await pageLang(page)
  await page.getByLabel(t(formLang, 'auth:fields.email'), { exact: true }).fill(email)
  await page.getByLabel(t(formLang, 'auth:fields.password'), { exact: true }).fill(password)
  await page.getByRole('button', { name: t(formLang, 'auth:login.submit'), exact: true }).click()
  await completeLogin(page, email)
  await expect(page).toHaveURL('/account')
  // The account page in any language: once it is rendered, <html lang> has been updated with it.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(new RegExp(`^(${locales.map((locale) => t(locale, 'account.title')).join('|')})$`))
  const lang = await pageLang(page)
  // Soft: the journey goes on with full page loads, which show the user's language either way.
  await expect
    .soft(page.getByRole('heading', { level: 1 }), `after login the text must follow <html lang="${lang}">`)
    .toHaveText(t(lang, 'account.title'))
  await expectNoAxeViolations(page)
  return lang
}

test.describe('staff', () => {
  test.use({ locale: 'en', extraHTTPHeaders: { 'Accept-Language': 'en' } })

  test('an admin invites a reviewer, who sets a password and has no access to user management', async ({ page }) => {
    await page.goto('/login')
    await expectPage(page, 'en', t('en', 'auth:login.title'))
    const adminLang = await logIn(page, DEMO_ACCOUNTS.admin, DEMO_PASSWORD)

    await page.goto('/staff')
    await expectPage(page, adminLang, t(adminLang, 'staff.title'))
    await page.goto('/staff/users')
    await expectPage(page, adminLang, t(adminLang, 'staffUsers.title'))

    const email = `e2e-reviewer-${Date.now()}@example.com`
    const name = 'E2E Reviewer'
    const form = page.getByRole('region', { name: t(adminLang, 'staffUsers.createTitle') })
    await form.getByLabel(t(adminLang, 'account.name'), { exact: true }).fill(name)
    await form.getByLabel(t(adminLang, 'account.email'), { exact: true }).fill(email)
    await form.getByLabel(t(adminLang, 'account.role'), { exact: true }).selectOption('REVIEWER')
    await form.getByLabel(t(adminLang, 'staffUsers.language'), { exact: true }).selectOption('fi')
    await form.getByRole('button', { name: t(adminLang, 'staffUsers.create'), exact: true }).click()
    await expect(page.getByRole('status')).toHaveText(t(adminLang, 'toast.staffUserCreated'))
    await expect(page.getByRole('row').filter({ hasText: email })).toContainText(t(adminLang, 'staffUsers.invited'))
    await expectPage(page, adminLang, t(adminLang, 'staffUsers.title'))

    await page.getByRole('button', { name: t(adminLang, 'nav.logout'), exact: true }).click()
    await expect(page.getByRole('status')).toHaveText(t(adminLang, 'toast.loggedOut'))
    await expectPage(page, adminLang, t(adminLang, 'home.title'))

    // The invitation is written in the language the admin chose for the reviewer.
    const mail = await readMail(email)
    expect(mail.subject).toBe(t('fi', 'email:staffInvitation.subject'))
    await page.goto(linkFrom(mail, '/reset-password'))
    const lang = await pageLang(page)
    await expectPage(page, lang, t(lang, 'auth:reset.title'))
    const password = 'reviewer passphrase for e2e'
    await page.getByLabel(t(lang, 'auth:fields.newPassword'), { exact: true }).fill(password)
    await page.getByLabel(t(lang, 'auth:fields.confirmPassword'), { exact: true }).fill(password)
    await page.getByRole('button', { name: t(lang, 'auth:reset.submit'), exact: true }).click()
    await expect(page).toHaveURL('/login')
    await expect(page.getByRole('status')).toHaveText(t(lang, 'toast.passwordChanged'))
    await expectPage(page, lang, t(lang, 'auth:login.title'))

    const reviewerLang = await logIn(page, email, password)
    expect(reviewerLang).toBe('fi')
    await page.goto('/staff')
    await expectPage(page, 'fi', t('fi', 'staff.title'))
    const response = await page.goto('/staff/users')
    expect(response?.status()).toBe(403)
    await expectPage(page, 'fi', t('fi', 'errorPage.forbidden.title'))
  })
})

for (const lang of locales) {
  test.describe(`public pages (${lang})`, () => {
    test.use({ locale: lang, extraHTTPHeaders: { 'Accept-Language': lang } })

    test('the 404 page', async ({ page }) => {
      const response = await page.goto('/no-such-page')
      expect(response?.status()).toBe(404)
      await expectPage(page, lang, t(lang, 'errorPage.notFound.title'))
    })

    test('the accessibility statement and the privacy notice', async ({ page }) => {
      await page.goto('/')
      await expectPage(page, lang, t(lang, 'home.title'))
      const footer = page.getByRole('navigation', { name: t(lang, 'layout.footerNavigation') })
      await footer.getByRole('link', { name: t(lang, 'nav.accessibility') }).click()
      await expect(page).toHaveURL('/accessibility')
      await expectPage(page, lang, t(lang, 'pages:accessibility.title'))
      await footer.getByRole('link', { name: t(lang, 'nav.privacy') }).click()
      await expect(page).toHaveURL('/privacy')
      await expectPage(page, lang, t(lang, 'privacy:title'))
    })
  })
}
