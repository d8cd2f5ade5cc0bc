import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test'
import { DEMO_ACCOUNTS } from '../../prisma/seed/accounts'
import { ORGANISATION_SPECS } from '../../prisma/seed/organisation-catalogue'
import { RULEBOOK } from '../../prisma/seed/rulebook'
import { expectNoAxeViolations } from './support/axe'
import { t, type Lang } from './support/i18n'
import { linkFrom, readMail } from './support/mail'
import { expectPage } from './support/page'
import { logIn } from './support/vouchers'
import { category, documentType, helsinkiToday, literal, minimalPdf, shownDate, tv } from './support/provider'

const lang: Lang = 'sv'

/** The seeded Swedish-speaking association whose owner is agare@…, with a submitted application for one category. */
const association = ORGANISATION_SPECS.find((spec) => spec.demoOwner === 'agare')!
const respite = category(association.categories[0]!)
const selfMonitoringPlan = documentType('SELF_MONITORING_PLAN')

const opened: BrowserContext[] = []

/** A browser of its own for one user, in Swedish, so the people stay logged in side by side (one login each). */
async function openBrowser(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ locale: lang, extraHTTPHeaders: { 'Accept-Language': lang } })
  opened.push(context)
  return context.newPage()
}

/** Switches the logged-in user to Swedish with the header's language buttons (a full page load). */
async function switchToSwedish(page: Page, from: Lang) {
  await page
    .getByRole('form', { name: t(from, 'language.label') })
    .getByRole('button', { name: 'Svenska', exact: true })
    .click()
  await expect(page.locator('html')).toHaveAttribute('lang', lang)
}

async function expectToast(page: Page, key: string) {
  await expect(page.getByRole('status').filter({ hasText: t(lang, key) })).toHaveText(t(lang, key))
}

function staffStateHeading(page: Page, status: string) {
  return page.getByRole('heading', { level: 2, name: `${t(lang, 'review:detail.state')}: ${t(lang, `applications:status.${status}`)}`, exact: true })
}

function providerStatusHeading(page: Page, status: string) {
  return page.getByRole('heading', {
    level: 2,
    name: `${t(lang, 'applications:detail.statusLabel')}: ${t(lang, `applications:status.${status}`)}`,
    exact: true,
  })
}

/** Takes the application on its review page (assigned to the reviewer, in review). */
async function takeApplication(page: Page, reviewerName: string) {
  await page.getByRole('button', { name: t(lang, 'review:take.button'), exact: true }).click()
  await expectToast(page, 'review:toast.taken')
  await expect(staffStateHeading(page, 'IN_REVIEW')).toBeVisible()
  await expect(page.getByText(tv(lang, 'review:detail.assignedTo', { name: reviewerName }), { exact: true })).toBeVisible()
}

/** The row of the organisation's register entry in `category` on the provider's register page. */
function providerRegisterRow(page: Page) {
  return page
    .getByRole('table', { name: t(lang, 'applications:register.caption'), exact: true })
    .getByRole('row')
    .filter({ has: page.getByRole('cell', { name: respite[lang], exact: true }) })
}

/** The public register, limited to the category: its table lists the providers whose entry is in force. */
async function openPublicRegister(page: Page) {
  await page.goto(`/register?category=${respite.code}`)
  await expectPage(page, lang, t(lang, 'register:title'))
  return page.getByRole('region', { name: respite[lang], exact: true })
}

/** The public search for the category, narrowed to the association's name. */
async function searchServices(page: Page) {
  await page.goto(`/services?category=${respite.code}&q=${encodeURIComponent(association.name)}`)
  await expectPage(page, lang, t(lang, 'catalogue:title'))
  return page.getByRole('list', { name: t(lang, 'catalogue:search.resultsList'), exact: true })
}

test.describe('a reviewer returns an application, the provider completes it, staff approve and suspend (sv)', () => {
  test.use({ locale: lang, extraHTTPHeaders: { 'Accept-Language': lang } })
  test.afterEach(async () => {
    await Promise.all(opened.splice(0).map((context) => context.close()))
  })

  test('return with a reason, resubmit with a new document, approve, publish, suspend', async ({ browser }) => {
    test.setTimeout(120_000)
    const stamp = Date.now()
    const today = helsinkiToday()
    const reason = `Planen för egenkontroll är från 2019 och nämner inte avlösningen. Ladda upp den uppdaterade planen. (${stamp})`

    // ── The reviewer finds the association's submitted application in the queue ──
    const reviewer = await openBrowser(browser)
    // The seeded reviewer reads Finnish (prisma/seed/accounts.ts); the language buttons switch the account to Swedish.
    const reviewerOwnLang = await logIn(reviewer, lang, DEMO_ACCOUNTS.reviewer)
    const reviewerName = 'Mikko Rantala'
    if (reviewerOwnLang !== lang) {
      await expectPage(reviewer, reviewerOwnLang, t(reviewerOwnLang, 'account.title'))
      await switchToSwedish(reviewer, reviewerOwnLang)
    }
    await expectPage(reviewer, lang, t(lang, 'account.title'))

    await reviewer.goto('/staff/applications')
    await expectPage(reviewer, lang, t(lang, 'review:queue.title'))
    const filters = reviewer.getByRole('region', { name: t(lang, 'review:queue.filtersHeading') })
    await filters.getByLabel(t(lang, 'review:queue.category'), { exact: true }).selectOption({ label: respite[lang] })
    await filters.getByRole('button', { name: t(lang, 'review:queue.apply'), exact: true }).click()
    await expect(reviewer).toHaveURL(/\/staff\/applications\?.*category=/)
    const queueRow = reviewer.getByRole('row').filter({ has: reviewer.getByRole('link', { name: association.name, exact: true }) })
    await expect(queueRow).toHaveCount(1)
    await expect(queueRow).toContainText(t(lang, 'applications:status.SUBMITTED'))
    await expect(queueRow).toContainText(respite[lang])
    await expect(queueRow).toContainText(t(lang, 'review:queue.unassigned'))
    await expectPage(reviewer, lang, t(lang, 'review:queue.title'))

    await queueRow.getByRole('link', { name: association.name, exact: true }).click()
    await expect(reviewer).toHaveURL(/\/staff\/applications\/[^/?]+$/)
    const reviewPath = new URL(reviewer.url()).pathname
    await expectPage(reviewer, lang, tv(lang, 'review:detail.heading', { organisation: association.name }))
    await expect(staffStateHeading(reviewer, 'SUBMITTED')).toBeVisible()
    // The organisation's id, from the links to its files.
    const fileLink = reviewer.locator('a[href^="/provider/"][href*="/documents/"]').first()
    const organisationId = (await fileLink.getAttribute('href'))!.split('/')[2]!
    expect(organisationId).toBeTruthy()

    // ── Takes it and returns it, with a reason in Swedish for the self-monitoring plan ──
    await takeApplication(reviewer, reviewerName)
    const sectionLabel = tv(lang, 'applications:returned.sections.document', { document: selfMonitoringPlan[lang] })
    const returnForm = reviewer.getByRole('region', { name: t(lang, 'review:return.heading'), exact: true })
    await returnForm.getByText(t(lang, 'review:return.open'), { exact: true }).click()
    await returnForm.getByRole('textbox', { name: sectionLabel, exact: true }).fill(reason)
    await expectNoAxeViolations(reviewer)
    await returnForm.getByRole('button', { name: t(lang, 'review:return.button'), exact: true }).click()
    await expectToast(reviewer, 'review:toast.returned')
    await expect(staffStateHeading(reviewer, 'RETURNED')).toBeVisible()
    const reviews = reviewer.getByRole('table', { name: t(lang, 'review:reviews.caption'), exact: true })
    await expect(
      reviews.getByRole('row').filter({ has: reviewer.getByRole('cell', { name: reason, exact: true }) }),
    ).toContainText(t(lang, 'review:sections.state.RETURNED'))
    await expectPage(reviewer, lang, tv(lang, 'review:detail.heading', { organisation: association.name }))

    // ── The owner gets the email in Swedish, with the reason ──
    const returnedMail = await readMail(DEMO_ACCOUNTS.agare, t(lang, 'email:applicationReturned.subject'))
    expect(returnedMail.subject).toBe(t(lang, 'email:applicationReturned.subject'))
    expect(returnedMail.text).toContain(association.name)
    expect(returnedMail.text).toContain(reason)
    const applicationPath = linkFrom(returnedMail, `/provider/${organisationId}/applications/`)

    // ── The owner logs in, opens the application and sees what to fix ──
    const provider = await openBrowser(browser)
    expect(await logIn(provider, lang, DEMO_ACCOUNTS.agare)).toBe(lang)
    await expectPage(provider, lang, t(lang, 'account.title'))
    await provider.goto(applicationPath)
    await expectPage(provider, lang, t(lang, 'applications:detail.heading'))
    await expect(providerStatusHeading(provider, 'RETURNED')).toBeVisible()
    const returned = provider.getByRole('region', { name: t(lang, 'applications:returned.heading'), exact: true })
    await expect(returned.getByRole('listitem')).toHaveCount(1)
    await expect(returned.getByRole('listitem')).toContainText(sectionLabel)
    await expect(returned.getByRole('listitem')).toContainText(reason)

    // ── Uploads a new version of the plan ──
    await provider
      .getByRole('region', { name: t(lang, 'applications:documents.heading'), exact: true })
      .getByRole('link', { name: t(lang, 'applications:documents.upload'), exact: true })
      .click()
    await expect(provider).toHaveURL(`/provider/${organisationId}/documents`)
    await expectPage(provider, lang, t(lang, 'documents:title'))
    const card = provider
      .getByRole('region', { name: t(lang, 'documents:overview.caption') })
      .getByRole('listitem')
      .filter({ has: provider.getByRole('heading', { name: selfMonitoringPlan[lang], exact: true }) })
    const newVersion = new RegExp(`^${literal(t(lang, 'documents:overview.uploadNewVersion')).source}\\s?: ${literal(selfMonitoringPlan[lang]).source}$`)
    await card.getByRole('link', { name: newVersion }).click()
    await expect(provider).toHaveURL(new RegExp(`/documents\\?type=${selfMonitoringPlan.code}#upload$`))
    const uploadForm = provider.getByRole('region', { name: t(lang, 'documents:upload.title') })
    await expect(uploadForm.getByLabel(t(lang, 'documents:upload.type'), { exact: true }).locator('option:checked')).toHaveText(selfMonitoringPlan[lang])
    await uploadForm.getByLabel(t(lang, 'documents:upload.issueDate'), { exact: true }).fill(today)
    const fileName = `plan-for-egenkontroll-${stamp}.pdf`
    await uploadForm
      .getByLabel(t(lang, 'documents:upload.file'), { exact: true })
      .setInputFiles({ name: fileName, mimeType: 'application/pdf', buffer: minimalPdf() })
    await uploadForm.getByRole('button', { name: t(lang, 'documents:upload.submit'), exact: true }).click()
    await expectToast(provider, 'documents:toast.uploaded')
    await expect(card.getByRole('link', { name: fileName, exact: true })).toBeVisible()
    await expect(card).toContainText(tv(lang, 'documents:details.issued', { date: shownDate(new Date(`${today}T12:00:00Z`), lang) }))
    await expect(card).toContainText(t(lang, 'documents:status.pending'))
    await expectPage(provider, lang, t(lang, 'documents:title'))

    // ── Resubmits, accepting the rulebook ──
    await provider.goto(applicationPath)
    await expect(providerStatusHeading(provider, 'RETURNED')).toBeVisible()
    await provider.getByRole('checkbox', { name: tv(lang, 'applications:rulebook.accept', { version: RULEBOOK.version }), exact: true }).check()
    await provider.getByRole('button', { name: t(lang, 'applications:actions.submit'), exact: true }).click()
    await expectToast(provider, 'applications:toast.submitted')
    await expect(providerStatusHeading(provider, 'SUBMITTED')).toBeVisible()
    const history = provider.getByRole('table', { name: t(lang, 'applications:history.caption'), exact: true })
    await expect(
      history.getByRole('row').filter({ has: provider.getByRole('cell', { name: t(lang, 'applications:history.events.RESUBMITTED'), exact: true }) }),
    ).toHaveCount(1)
    await expectPage(provider, lang, t(lang, 'applications:detail.heading'))

    // ── The reviewer takes it again and approves every category ──
    await reviewer.goto(reviewPath)
    await expect(staffStateHeading(reviewer, 'SUBMITTED')).toBeVisible()
    await takeApplication(reviewer, reviewerName)
    const decide = reviewer.getByRole('region', { name: t(lang, 'review:decide.heading'), exact: true })
    const approve = decide.getByRole('group', { name: t(lang, 'review:decide.legend') })
    await expect(approve.getByRole('checkbox')).toHaveCount(association.categories.length)
    for (const box of await approve.getByRole('checkbox').all()) await box.check()
    // A category decided in two steps would need an admin's confirmation; the association's is decided at once.
    await expect(approve.getByText(t(lang, 'review:decide.proposalOnly'), { exact: true })).toHaveCount(0)
    await expectNoAxeViolations(reviewer)
    await decide.getByRole('button', { name: t(lang, 'review:decide.button'), exact: true }).click()
    await expectToast(reviewer, 'review:toast.approved')
    await expect(staffStateHeading(reviewer, 'APPROVED')).toBeVisible()
    await expectPage(reviewer, lang, tv(lang, 'review:detail.heading', { organisation: association.name }))

    // ── The owner gets the approval email and sees the active entry ──
    const approvedMail = await readMail(DEMO_ACCOUNTS.agare, t(lang, 'email:applicationApproved.subject'))
    expect(approvedMail.subject).toBe(t(lang, 'email:applicationApproved.subject'))
    expect(approvedMail.text).toContain(association.name)
    expect(approvedMail.text).toContain(respite[lang])

    const registerPath = `/provider/${organisationId}/register`
    await provider.goto(applicationPath)
    await expectPage(provider, lang, t(lang, 'applications:detail.heading'))
    await expect(providerStatusHeading(provider, 'APPROVED')).toBeVisible()
    await provider.getByRole('link', { name: t(lang, 'applications:detail.viewRegister'), exact: true }).click()
    await expect(provider).toHaveURL(registerPath)
    await expectPage(provider, lang, t(lang, 'applications:register.title'))
    await expect(providerRegisterRow(provider)).toHaveCount(1)
    await expect(providerRegisterRow(provider)).toContainText(t(lang, 'applications:register.status.ACTIVE'))
    await expect(providerRegisterRow(provider)).toContainText(shownDate(new Date(), lang))

    // ── The owner publishes a service in the category ──
    await provider.goto(`/provider/${organisationId}/offers/new`)
    await expectPage(provider, lang, t(lang, 'offers:new.title'))
    const offerTitle = `Avlösning i Jakobstad ${stamp}`
    await provider
      .getByRole('radiogroup', { name: t(lang, 'offers:new.category') })
      .or(provider.getByRole('group', { name: t(lang, 'offers:new.category') }))
      .getByRole('radio', { name: respite[lang], exact: true })
      .check()
    await provider.getByLabel(t(lang, 'offers:fields.title.sv'), { exact: true }).fill(offerTitle)
    await provider
      .getByLabel(t(lang, 'offers:fields.description.sv'), { exact: true })
      .fill('Vi avlöser närståendevårdare under deras lediga dagar, hemma hos klienten eller i vårt gruppboende.')
    await provider.getByLabel(t(lang, 'offers:fields.price'), { exact: true }).fill('118,00')
    await provider
      .getByRole('group', { name: t(lang, 'offers:fields.mainLanguages') })
      .getByRole('checkbox', { name: 'Svenska', exact: true })
      .check()
    const units = provider.getByRole('group', { name: t(lang, 'offers:fields.unitsLegend') })
    await units.getByRole('checkbox').first().check()
    await expectNoAxeViolations(provider)
    await provider.getByRole('button', { name: t(lang, 'offers:new.create'), exact: true }).last().click()
    await expectToast(provider, 'offers:toast.created')
    await expect(provider).toHaveURL(new RegExp(`/provider/${organisationId}/offers/(?!new$)[^/]+$`))
    await provider
      .getByRole('region', { name: t(lang, 'offers:actions.title'), exact: true })
      .getByRole('button', { name: t(lang, 'offers:actions.publish'), exact: true })
      .click()
    await expectToast(provider, 'offers:toast.publish')
    await expect(provider.getByRole('heading', { level: 1 })).toBeVisible()
    await expect(provider.locator('html')).toHaveAttribute('lang', lang)
    await expectNoAxeViolations(provider)

    // Public: the register lists the association under the category, and the search finds its service.
    const visitor = await openBrowser(browser)
    const registerSection = await openPublicRegister(visitor)
    await expect(registerSection.getByRole('row').filter({ hasText: association.name })).toHaveCount(1)
    const results = await searchServices(visitor)
    await expect(results.getByRole('listitem').filter({ hasText: association.name })).toHaveCount(1)
    await expect(results.getByRole('listitem').filter({ hasText: association.name })).toContainText(offerTitle)

    // ── The admin suspends the entry ──
    const admin = await openBrowser(browser)
    expect(await logIn(admin, lang, DEMO_ACCOUNTS.admin)).toBe(lang)
    await expectPage(admin, lang, t(lang, 'account.title'))
    await admin.goto(`/staff/register/${organisationId}`)
    await expectPage(admin, lang, association.name)
    const entry = admin.getByRole('region', { name: respite[lang], exact: true })
    await expect(entry).toContainText(t(lang, 'register:status.ACTIVE'))
    await expect(entry).toContainText(tv(lang, 'register:detail.offersCount', { published: 1, draft: 0 }))
    const suspendReason = `Tillsynsmyndigheten har inlett en granskning av avlösningen. (${stamp})`
    await entry.getByText(t(lang, 'register:detail.suspend.open'), { exact: true }).click()
    await entry.getByLabel(t(lang, 'register:detail.suspend.reason'), { exact: true }).fill(suspendReason)
    await expect(entry.getByRole('radio', { name: t(lang, 'register:detail.suspend.today'), exact: true })).toBeChecked()
    await expectNoAxeViolations(admin)
    await entry.getByRole('button', { name: t(lang, 'register:detail.suspend.submit'), exact: true }).click()
    await expectToast(admin, 'register:toast.suspend')
    await expect(entry).toContainText(t(lang, 'register:status.SUSPENDED'))
    await expect(entry).toContainText(suspendReason)
    await expectPage(admin, lang, association.name)

    const suspendedMail = await readMail(DEMO_ACCOUNTS.agare, tv(lang, 'email:registerEntrySuspended.subject', { category: respite[lang] }))
    expect(suspendedMail.text).toContain(suspendReason)

    // ── The owner sees the entry suspended, with the reason ──
    await provider.goto(registerPath)
    await expectPage(provider, lang, t(lang, 'applications:register.title'))
    await expect(providerRegisterRow(provider)).toContainText(t(lang, 'applications:register.status.SUSPENDED'))
    await expect(providerRegisterRow(provider)).toContainText(tv(lang, 'applications:register.reason', { reason: suspendReason }))

    // ── The public register no longer lists the association under the category, and the search no longer finds it ──
    const registerAfter = await openPublicRegister(visitor)
    await expect(visitor.getByText(association.name)).toHaveCount(0)
    await expect(registerAfter.getByRole('row').filter({ hasText: association.name })).toHaveCount(0)
    await searchServices(visitor)
    await expect(visitor.getByText(association.name)).toHaveCount(0)
    await expect(visitor.getByText(t(lang, 'catalogue:search.noResults'), { exact: true })).toBeVisible()
  })
})
