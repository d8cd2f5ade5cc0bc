import { expect, test, type Browser, type Page } from '@playwright/test'
import { DEMO_ACCOUNTS } from '../../prisma/seed/accounts'
import { DEMO_VOUCHER } from '../../prisma/seed/vouchers'
import { t, type Lang } from './support/i18n'
import { expectPage } from './support/page'
import { logIn, openVoucher } from './support/vouchers'

/**
 * Personal data (issue 8): a staff member opens the demo voucher's client; the client then opens the voucher with
 * its code and date of birth and finds, on "My data", their stored data with the identity code masked and the
 * staff member's view listed (who, role, what). In Swedish and in Finnish, with the privacy notice in both; every
 * page is scanned with axe.
 */

/** The demo admin (prisma/seed/accounts.ts) reads Swedish; the demo client is Gunvor Björkqvist. */
const staffName = 'Helena Backman'
const clientName = 'Gunvor Björkqvist'

async function newPage(browser: Browser, lang: Lang): Promise<Page> {
  const context = await browser.newContext({ locale: lang, extraHTTPHeaders: { 'Accept-Language': lang } })
  return context.newPage()
}

/** The staff member finds the client by name and opens the client page; returns when it is shown. */
async function staffOpensClient(page: Page): Promise<void> {
  const lang = await logIn(page, 'sv', DEMO_ACCOUNTS.admin)
  await page.goto(`/staff/clients?${new URLSearchParams({ q: 'Björkqvist' })}`)
  await expectPage(page, lang, t(lang, 'issuing:clients.title'))
  await page.getByRole('link', { name: 'Björkqvist, Gunvor', exact: true }).click()
  await expectPage(page, lang, clientName)
  // the identity code is masked: the date part and century sign, then asterisks
  await expect(page.getByText(/^\d{6}[-+A-FU-Y]\*{4}$/)).toBeVisible()
}

/** The client's "My data" page: the stored data, masked, and the staff member's view as the newest row. */
async function clientSeesTheView(page: Page, lang: Lang): Promise<void> {
  await openVoucher(page, lang, DEMO_VOUCHER.code, DEMO_VOUCHER.dateOfBirth)
  await page.getByRole('navigation', { name: t(lang, 'voucher:menu.label') }).getByRole('link', { name: t(lang, 'privacy:menu.data'), exact: true }).click()
  await expect(page).toHaveURL('/my-voucher/data')
  await expectPage(page, lang, t(lang, 'privacy:data.title'))
  await expect(page.getByText(clientName, { exact: true })).toBeVisible()
  await expect(page.getByText(/^\d{6}[-+A-FU-Y]\*{4}$/)).toBeVisible()
  const views = page.getByRole('table').filter({ has: page.getByRole('columnheader', { name: t(lang, 'privacy:data.viewColumns.who'), exact: true }) })
  const newest = views.locator('tbody tr').first()
  await expect(newest).toContainText(staffName)
  await expect(newest).toContainText(t(lang, 'privacy:data.roles.ADMIN'))
  await expect(newest).toContainText(t(lang, 'privacy:data.viewKinds.client-page'))
}

test.describe('personal data', () => {
  test('staff open a client; the client sees the view on their data page, in Swedish and Finnish', async ({ browser }) => {
    const staff = await newPage(browser, 'sv')
    await staffOpensClient(staff)

    for (const lang of ['sv', 'fi'] as const) {
      const client = await newPage(browser, lang)
      await clientSeesTheView(client, lang)
      await client.getByRole('link', { name: t(lang, 'privacy:data.privacyLink'), exact: true }).click()
      await expect(client).toHaveURL('/privacy')
      await expectPage(client, lang, t(lang, 'privacy:title'))
      await expect(client.getByRole('heading', { level: 2, name: t(lang, 'privacy:notice.sections.log.title'), exact: true })).toBeVisible()
      await expect(client.getByRole('heading', { level: 2, name: t(lang, 'privacy:notice.sections.retention.title'), exact: true })).toBeVisible()
      await client.context().close()
    }
    await staff.context().close()
  })
})
