import { expect, test, type Page } from '@playwright/test'
import { RULEBOOK } from '../../prisma/seed/rulebook'
import { expectNoAxeViolations } from './support/axe'
import { t, type Lang } from './support/i18n'
import { linkFrom, readMail } from './support/mail'
import { expectPage } from './support/page'
import {
  category,
  documentType,
  helsinkiToday,
  htmlPage,
  literal,
  minimalPdf,
  municipality,
  nextYear,
  requiredDocumentTypes,
  shownDate,
  tv,
  uniqueBusinessId,
  withWrongCheckDigit,
  type CategoryEntry,
  type DocumentTypeEntry,
} from './support/provider'

const password = 'a long e2e passphrase 2026'

/** Sign-up, verification from the mail file and login, ending on the account page in `lang`. */
async function signUpAndLogIn(page: Page, lang: Lang, name: string, email: string) {
  await page.goto('/signup')
  await expectPage(page, lang, t(lang, 'auth:signup.title'))
  await page.getByLabel(t(lang, 'auth:fields.name'), { exact: true }).fill(name)
  await page.getByLabel(t(lang, 'auth:fields.email'), { exact: true }).fill(email)
  await page.getByLabel(t(lang, 'auth:fields.newPassword'), { exact: true }).fill(password)
  await page.getByLabel(t(lang, 'auth:fields.confirmPassword'), { exact: true }).fill(password)
  await page.getByRole('button', { name: t(lang, 'auth:signup.submit'), exact: true }).click()
  await expect(page).toHaveURL(/\/signup\/sent\?/)
  await expectPage(page, lang, t(lang, 'auth:signupSent.title'))

  const mail = await readMail(email, t(lang, 'email:verifyEmail.subject'))
  await page.goto(linkFrom(mail, '/verify-email'))
  await expect(page).toHaveURL('/login')
  await expect(page.getByRole('status')).toHaveText(t(lang, 'toast.emailVerified'))
  await expectPage(page, lang, t(lang, 'auth:login.title'))
  await logIn(page, lang, email)
}

async function logIn(page: Page, lang: Lang, email: string) {
  await page.getByLabel(t(lang, 'auth:fields.email'), { exact: true }).fill(email)
  await page.getByLabel(t(lang, 'auth:fields.password'), { exact: true }).fill(password)
  await page.getByRole('button', { name: t(lang, 'auth:login.submit'), exact: true }).click()
  await expect(page).toHaveURL('/account')
  await expectPage(page, lang, t(lang, 'account.title'))
}

function mainNavigation(page: Page, lang: Lang) {
  return page.getByRole('navigation', { name: t(lang, 'layout.mainNavigation') })
}

function organisationMenu(page: Page, lang: Lang, organisation: string) {
  return page.getByRole('navigation', { name: tv(lang, 'organisation:menu.label', { organisation }) })
}

/** From the account page to the provider home page through the main navigation. */
async function openProviderHome(page: Page, lang: Lang) {
  await mainNavigation(page, lang).getByRole('link', { name: t(lang, 'nav.provider'), exact: true }).click()
  await expect(page).toHaveURL('/provider')
  await expectPage(page, lang, t(lang, 'provider.title'))
}

type OrganisationDetails = {
  name: string
  legalForm: string
  sector: string
  employsStaff: boolean
  streetAddress: string
  postalCode: string
  postOffice: string
  /** the municipality's name in the page's language */
  municipality: string
  phone: string
  email: string
  /** the one description written, and its language */
  description: { lang: Lang; text: string }
}

/** Fills in every field of the "register an organisation" form except the business ID. */
async function fillOrganisationForm(page: Page, lang: Lang, details: OrganisationDetails) {
  const label = (key: string) => page.getByLabel(t(lang, `organisation:fields.${key}`), { exact: true })
  await label('name').fill(details.name)
  await page
    .getByRole('group', { name: t(lang, 'organisation:fields.legalForm') })
    .getByRole('radio', { name: t(lang, `organisation:legalForms.${details.legalForm}`), exact: true })
    .check()
  await page
    .getByRole('group', { name: t(lang, 'organisation:fields.sector') })
    .getByRole('radio', { name: t(lang, `organisation:sectors.${details.sector}`), exact: true })
    .check()
  await page.getByRole('checkbox', { name: t(lang, 'organisation:fields.employsStaff'), exact: true }).setChecked(details.employsStaff)
  await label('streetAddress').fill(details.streetAddress)
  await label('postalCode').fill(details.postalCode)
  await label('postOffice').fill(details.postOffice)
  await label('municipality').selectOption({ label: details.municipality })
  await label('phone').fill(details.phone)
  await label('email').fill(details.email)
  await label(`description.${details.description.lang}`).fill(details.description.text)
}

/**
 * Submits the filled-in organisation form with `businessId` and checks the new organisation's overview page;
 * returns the organisation's page address.
 */
async function registerOrganisation(page: Page, lang: Lang, details: OrganisationDetails, businessId: string): Promise<string> {
  await page.getByLabel(t(lang, 'organisation:fields.businessId'), { exact: true }).fill(businessId)
  await page.getByRole('button', { name: t(lang, 'organisation:new.submit'), exact: true }).click()
  await expect(page.getByRole('status')).toHaveText(t(lang, 'organisation:toast.created'))
  await expect(page).toHaveURL(/\/provider\/[^/]+$/)
  await expectPage(page, lang, details.name)

  const detailsList = page.getByRole('region', { name: t(lang, 'organisation:overview.detailsTitle') })
  const definition = (term: string) =>
    detailsList.getByRole('term').filter({ hasText: new RegExp(`^${literal(term).source}$`) }).locator('xpath=following-sibling::dd[1]')
  await expect(definition(t(lang, 'organisation:fields.businessId'))).toHaveText(businessId)
  await expect(definition(t(lang, 'organisation:fields.legalForm'))).toHaveText(t(lang, `organisation:legalForms.${details.legalForm}`))
  await expect(definition(t(lang, 'organisation:fields.sector'))).toHaveText(t(lang, `organisation:sectors.${details.sector}`))
  await expect(definition(t(lang, 'organisation:overview.employsStaff'))).toHaveText(
    t(lang, details.employsStaff ? 'organisation:overview.yes' : 'organisation:overview.no'),
  )
  await expect(definition(t(lang, 'organisation:fields.municipality'))).toHaveText(details.municipality)

  // The description in the one language written; the other two are shown as missing.
  const descriptions = page.getByRole('region', { name: t(lang, 'organisation:fields.descriptionsLegend') })
  for (const language of ['fi', 'sv', 'en'] as const) {
    const heading = descriptions.getByRole('heading', { name: t(lang, `organisation:overview.descriptionIn.${language}`), exact: true })
    const text = heading.locator('xpath=following-sibling::p[1]')
    if (language === details.description.lang) {
      await expect(text).toHaveText(details.description.text)
      await expect(text).toHaveAttribute('lang', language)
    } else {
      await expect(text).toContainText(t(lang, 'organisation:overview.missing'))
    }
  }
  return new URL(page.url()).pathname
}

/** The card of one document type on the documents page. */
function documentCard(page: Page, lang: Lang, type: DocumentTypeEntry) {
  const overview = page.getByRole('region', { name: t(lang, 'documents:overview.caption') })
  return overview.getByRole('listitem').filter({ has: page.getByRole('heading', { name: type[lang], exact: true }) })
}

function uploadForm(page: Page, lang: Lang) {
  return page.getByRole('region', { name: t(lang, 'documents:upload.title') })
}

/**
 * Uploads a document of `type` from its card's "Upload" link (which chooses the type in the form): today's date,
 * a valid-until date next year where the type requires one, the registration number where it has one. Heading and
 * `<html lang>` are checked every time; the axe scans (about two seconds each on two cores) only with `scan`, since
 * the page is the same after each upload but for one card: the journey scans the first and the last upload, the
 * latter with the form showing the registration number field.
 */
async function uploadDocument(
  page: Page,
  lang: Lang,
  type: DocumentTypeEntry,
  { today, registrationNumber, scan }: { today: string; registrationNumber: string; scan: boolean },
) {
  const card = documentCard(page, lang, type)
  // The type's name follows "Upload" in a visually hidden span, which Chromium's name computation sets off with a space.
  const uploadLink = new RegExp(`^${literal(t(lang, 'documents:overview.upload')).source}\\s?: ${literal(type[lang]).source}$`)
  await card.getByRole('link', { name: uploadLink }).click()
  await expect(page).toHaveURL(new RegExp(`/documents\\?type=${type.code}#upload$`))
  const form = uploadForm(page, lang)
  await expect(form.getByLabel(t(lang, 'documents:upload.type'), { exact: true }).locator('option:checked')).toHaveText(type[lang])
  await form.getByLabel(t(lang, 'documents:upload.issueDate'), { exact: true }).fill(today)
  if (type.validUntilRequired) {
    await form.getByLabel(t(lang, 'documents:upload.validUntil'), { exact: true }).fill(nextYear(today))
  }
  const registrationField = form.getByLabel(t(lang, 'documents:upload.registrationNumber'), { exact: true })
  if (type.hasRegistrationNumber) await registrationField.fill(registrationNumber)
  else await expect(registrationField).toHaveCount(0)
  const fileName = `${type.code.toLowerCase().replaceAll('_', '-')}.pdf`
  await form
    .getByLabel(t(lang, 'documents:upload.file'), { exact: true })
    .setInputFiles({ name: fileName, mimeType: 'application/pdf', buffer: minimalPdf() })
  if (scan) await expectNoAxeViolations(page)
  await form.getByRole('button', { name: t(lang, 'documents:upload.submit'), exact: true }).click()

  await expect(page.getByRole('status')).toHaveText(t(lang, 'documents:toast.uploaded'))
  await expect(page).toHaveURL(/\/documents$/)
  await expect(card.getByRole('link', { name: fileName, exact: true })).toBeVisible()
  await expect(card).toContainText(tv(lang, 'documents:details.issued', { date: shownDate(new Date(`${today}T12:00:00Z`), lang) }))
  await expect(card).toContainText(t(lang, 'documents:status.pending'))
  if (type.validUntilRequired) {
    await expect(card).toContainText(tv(lang, 'documents:status.validUntil', { date: shownDate(new Date(`${nextYear(today)}T12:00:00Z`), lang) }))
  }
  if (type.hasRegistrationNumber) {
    await expect(card).toContainText(tv(lang, 'documents:details.registrationNumber', { number: registrationNumber }))
  }
  if (scan) {
    await expectPage(page, lang, t(lang, 'documents:title'))
  } else {
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(t(lang, 'documents:title'))
    await expect(page.locator('html')).toHaveAttribute('lang', lang)
  }
}

/** From any organisation page to a new application's page (a draft) for `categories`. */
async function startApplication(page: Page, lang: Lang, organisation: string, categories: CategoryEntry[]): Promise<string> {
  await organisationMenu(page, lang, organisation).getByRole('link', { name: t(lang, 'organisation:menu.applications'), exact: true }).click()
  await expect(page).toHaveURL(/\/applications$/)
  await expectPage(page, lang, t(lang, 'applications:list.title'))
  await expect(page.getByText(t(lang, 'applications:list.empty'), { exact: true })).toBeVisible()

  await page.getByRole('link', { name: t(lang, 'applications:list.new'), exact: true }).click()
  await expect(page).toHaveURL(/\/applications\/new$/)
  await expectPage(page, lang, t(lang, 'applications:new.title'))
  const choices = page.getByRole('group', { name: t(lang, 'applications:new.legend') })
  for (const chosen of categories) await choices.getByRole('checkbox', { name: chosen[lang], exact: true }).check()
  await page.getByRole('button', { name: t(lang, 'applications:new.create'), exact: true }).click()

  await expect(page.getByRole('status')).toHaveText(t(lang, 'applications:toast.created'))
  await expect(page).toHaveURL(/\/applications\/(?!new$)[^/]+$/)
  await expectPage(page, lang, t(lang, 'applications:detail.heading'))
  await expect(statusHeading(page, lang, 'DRAFT')).toBeVisible()
  return new URL(page.url()).pathname
}

function statusHeading(page: Page, lang: Lang, status: string) {
  return page.getByRole('heading', {
    level: 2,
    name: `${t(lang, 'applications:detail.statusLabel')}: ${t(lang, `applications:status.${status}`)}`,
    exact: true,
  })
}

/** Checks the application's table of documents required for `chosen`: every required type, in each with `validity`. */
async function expectChecklist(page: Page, lang: Lang, chosen: CategoryEntry, employsStaff: boolean, validity: string) {
  const table = page.getByRole('table', { name: tv(lang, 'applications:documents.caption', { category: chosen[lang] }), exact: true })
  const required = requiredDocumentTypes(chosen.code, employsStaff)
  const rows = table.getByRole('row').filter({ has: page.getByRole('cell') })
  await expect(rows.getByRole('cell').first()).toBeVisible()
  await expect(rows).toHaveCount(required.length)
  for (const [index, type] of required.entries()) {
    const cells = rows.nth(index).getByRole('cell')
    await expect(cells.nth(0)).toHaveText(type[lang])
    await expect(cells.nth(1)).toHaveText(t(lang, `applications:documents.validity.${validity}`))
  }
}

function rulebookBox(page: Page, lang: Lang) {
  return page.getByRole('checkbox', { name: tv(lang, 'applications:rulebook.accept', { version: RULEBOOK.version }), exact: true })
}

test.describe('a Swedish-speaking association registers and applies (sv)', () => {
  const lang: Lang = 'sv'
  test.use({ locale: lang, extraHTTPHeaders: { 'Accept-Language': lang } })

  test('sign up, register the association, upload the documents, apply for two categories and submit', async ({ page }) => {
    test.setTimeout(90_000)
    const stamp = Date.now()
    const email = `e2e-forening-${stamp}@example.com`
    const userName = 'Ulla Östman'
    const businessId = uniqueBusinessId(stamp)
    const today = helsinkiToday()
    const homeCare = category('home-care')
    const supportServices = category('support-services')

    await signUpAndLogIn(page, lang, userName, email)
    await openProviderHome(page, lang)
    await expect(page.getByText(t(lang, 'provider.noOrganisation'), { exact: true })).toBeVisible()

    await page.getByRole('link', { name: t(lang, 'organisation:home.create'), exact: true }).click()
    await expect(page).toHaveURL('/provider/organisations/new')
    await expectPage(page, lang, t(lang, 'organisation:new.title'))

    const details: OrganisationDetails = {
      name: `Närpes hemhjälpsförening rf ${stamp}`,
      legalForm: 'REGISTERED_ASSOCIATION',
      sector: 'THIRD_SECTOR',
      employsStaff: true,
      streetAddress: 'Köpmansgatan 12',
      postalCode: '64200',
      postOffice: 'Närpes',
      municipality: municipality('Närpes').sv,
      phone: '06 224 1234',
      email: `info-${stamp}@example.com`,
      description: {
        lang: 'sv',
        text: 'Föreningen ordnar hemvård och stödtjänster för äldre i Närpes med omnejd, på svenska och finska.',
      },
    }
    await fillOrganisationForm(page, lang, details)

    // A business ID with a wrong check digit: the error next to the field and in the summary.
    const invalidId = withWrongCheckDigit(businessId)
    const businessIdField = page.getByLabel(t(lang, 'organisation:fields.businessId'), { exact: true })
    await businessIdField.fill(invalidId)
    await page.getByRole('button', { name: t(lang, 'organisation:new.submit'), exact: true }).click()
    const idError = t(lang, 'organisation:errors.businessIdInvalid')
    const summary = page.getByRole('alert', { name: t(lang, 'form.errorSummaryTitle') })
    await expect.soft(summary).toBeFocused()
    await expect(summary.getByRole('link')).toHaveText([idError])
    await expect(businessIdField).toHaveAttribute('aria-invalid', 'true')
    await expect(businessIdField).toHaveAccessibleDescription(literal(idError))
    await expect(page).toHaveURL('/provider/organisations/new')
    await expectPage(page, lang, t(lang, 'organisation:new.title'))

    const organisationPath = await registerOrganisation(page, lang, details, businessId)
    const organisation = details.name

    // Documents: a file that is HTML inside, named .pdf, is refused by its content.
    await organisationMenu(page, lang, organisation).getByRole('link', { name: t(lang, 'organisation:menu.documents'), exact: true }).click()
    await expect(page).toHaveURL(`${organisationPath}/documents`)
    await expectPage(page, lang, t(lang, 'documents:title'))
    const required = [
      ...new Map(
        [...requiredDocumentTypes(homeCare.code, true), ...requiredDocumentTypes(supportServices.code, true)].map((type) => [type.code, type]),
      ).values(),
    ]
    for (const type of required) {
      await expect(documentCard(page, lang, type)).toContainText(t(lang, 'documents:status.missing'))
    }

    const form = uploadForm(page, lang)
    const tradeRegister = documentType('TRADE_REGISTER_EXTRACT')
    await form.getByLabel(t(lang, 'documents:upload.type'), { exact: true }).selectOption({ label: tradeRegister[lang] })
    await form.getByLabel(t(lang, 'documents:upload.issueDate'), { exact: true }).fill(today)
    const fileField = form.getByLabel(t(lang, 'documents:upload.file'), { exact: true })
    await fileField.setInputFiles({ name: 'handelsregisterutdrag.pdf', mimeType: 'application/pdf', buffer: htmlPage() })
    await form.getByRole('button', { name: t(lang, 'documents:upload.submit'), exact: true }).click()
    const fileTypeError = t(lang, 'documents:errors.fileType')
    const uploadSummary = form.getByRole('alert', { name: t(lang, 'form.errorSummaryTitle') })
    await expect.soft(uploadSummary).toBeFocused()
    await expect(uploadSummary.getByRole('link')).toHaveText([fileTypeError])
    await expect(fileField).toHaveAttribute('aria-invalid', 'true')
    await expect(fileField).toHaveAccessibleDescription(literal(fileTypeError))
    await expect(documentCard(page, lang, tradeRegister)).toContainText(t(lang, 'documents:status.missing'))
    await expectPage(page, lang, t(lang, 'documents:title'))

    // Every document the two categories require, for an employer (home care also needs the Soteri registration).
    expect(required.map((type) => type.code)).toEqual(expect.arrayContaining(['SOTERI_REGISTRATION', 'OCCUPATIONAL_HEALTHCARE']))
    const soteriNumber = `1.2.246.10.${String(stamp).slice(-8)}.10.0`
    expect(required.at(-1)?.hasRegistrationNumber).toBe(true)
    for (const [index, type] of required.entries()) {
      await uploadDocument(page, lang, type, { today, registrationNumber: soteriNumber, scan: index === 0 || index === required.length - 1 })
    }

    // The application for the two categories: every required document present and valid.
    await startApplication(page, lang, organisation, [homeCare, supportServices])
    const documentsSection = page.getByRole('region', { name: t(lang, 'applications:documents.heading') })
    await expect(documentsSection.getByText(t(lang, 'applications:documents.employer'), { exact: true })).toBeVisible()
    await expect(documentsSection.getByText(t(lang, 'applications:documents.allValid'), { exact: true })).toBeVisible()
    await expectChecklist(page, lang, homeCare, true, 'valid')
    await expectChecklist(page, lang, supportServices, true, 'valid')

    await rulebookBox(page, lang).check()
    await page.getByRole('button', { name: t(lang, 'applications:actions.submit'), exact: true }).click()
    await expect(page.getByRole('status')).toHaveText(t(lang, 'applications:toast.submitted'))
    await expect(statusHeading(page, lang, 'SUBMITTED')).toBeVisible()
    const submittedOn = shownDate(new Date(), lang)
    await expect(page.getByText(tv(lang, 'applications:detail.submitted', { date: submittedOn }))).toBeVisible()
    await expect(page.getByText(tv(lang, 'applications:detail.rulebookAccepted', { version: RULEBOOK.version, date: submittedOn }))).toBeVisible()

    const history = page.getByRole('table', { name: t(lang, 'applications:history.caption'), exact: true })
    const event = (key: string) =>
      history.getByRole('row').filter({ has: page.getByRole('cell', { name: t(lang, `applications:history.events.${key}`), exact: true }) })
    await expect(event('DRAFT')).toHaveCount(1)
    await expect(event('SUBMITTED')).toHaveCount(1)
    await expect(event('SUBMITTED')).toContainText(userName)
    await expect(event('SUBMITTED')).toContainText(submittedOn)
    await expectPage(page, lang, t(lang, 'applications:detail.heading'))

    // The receipt, in Swedish.
    const receipt = await readMail(email, t(lang, 'email:applicationSubmitted.subject'))
    expect(receipt.subject).toBe(t(lang, 'email:applicationSubmitted.subject'))
    expect(receipt.text).toContain(organisation)
  })
})

test.describe('a Finnish company saves a draft and continues (fi)', () => {
  const lang: Lang = 'fi'
  test.use({ locale: lang, extraHTTPHeaders: { 'Accept-Language': lang } })

  test('sign up, register the company, save a draft, come back to it and see submission refused', async ({ page }) => {
    test.setTimeout(90_000)
    const stamp = Date.now()
    const email = `e2e-yritys-${stamp}@example.com`
    const businessId = uniqueBusinessId(stamp)
    const homeCare = category('home-care')

    await signUpAndLogIn(page, lang, 'Matti Heikkilä', email)
    await openProviderHome(page, lang)
    await page.getByRole('link', { name: t(lang, 'organisation:home.create'), exact: true }).click()
    await expect(page).toHaveURL('/provider/organisations/new')
    await expectPage(page, lang, t(lang, 'organisation:new.title'))

    const details: OrganisationDetails = {
      name: `Vaasan Kotiapu Oy ${stamp}`,
      legalForm: 'COMPANY',
      sector: 'PRIVATE',
      employsStaff: false,
      streetAddress: 'Hovioikeudenpuistikko 15',
      postalCode: '65100',
      postOffice: 'Vaasa',
      municipality: municipality('Vaasa').fi,
      phone: '+358 40 123 4567',
      email: `toimisto-${stamp}@example.com`,
      description: { lang: 'fi', text: 'Kotihoitoa ja arjen apua vaasalaisille kotona asuville ikäihmisille.' },
    }
    await fillOrganisationForm(page, lang, details)
    await registerOrganisation(page, lang, details, businessId)
    const organisation = details.name

    // A draft for home care, saved and left.
    const applicationPath = await startApplication(page, lang, organisation, [homeCare])
    await page.getByRole('button', { name: t(lang, 'applications:actions.save'), exact: true }).click()
    await expect(page.getByRole('status')).toHaveText(t(lang, 'applications:toast.saved'))
    await expect(page).toHaveURL(applicationPath)
    await expectPage(page, lang, t(lang, 'applications:detail.heading'))

    await page.getByRole('button', { name: t(lang, 'nav.logout'), exact: true }).click()
    await expect(page).toHaveURL('/')
    await expect(page.getByRole('status')).toHaveText(t(lang, 'toast.loggedOut'))
    await expectPage(page, lang, t(lang, 'home.title'))

    // Back again: the draft is on the applications list.
    await mainNavigation(page, lang).getByRole('link', { name: t(lang, 'nav.login'), exact: true }).click()
    await expect(page).toHaveURL('/login')
    await expectPage(page, lang, t(lang, 'auth:login.title'))
    await logIn(page, lang, email)
    await openProviderHome(page, lang)
    await page
      .getByRole('region', { name: t(lang, 'organisation:home.organisationsTitle') })
      .getByRole('link', { name: organisation, exact: true })
      .click()
    await expectPage(page, lang, organisation)
    await organisationMenu(page, lang, organisation).getByRole('link', { name: t(lang, 'organisation:menu.applications'), exact: true }).click()
    await expect(page).toHaveURL(/\/applications$/)
    await expectPage(page, lang, t(lang, 'applications:list.title'))
    const list = page.getByRole('table', { name: t(lang, 'applications:list.caption'), exact: true })
    const draftRow = list.getByRole('row').filter({ hasText: homeCare[lang] })
    await expect(draftRow).toHaveCount(1)
    await expect(draftRow.getByRole('cell', { name: t(lang, 'applications:status.DRAFT'), exact: true })).toBeVisible()
    await draftRow
      .getByRole('link', { name: tv(lang, 'applications:list.link', { date: shownDate(new Date(), lang) }), exact: true })
      .click()
    await expect(page).toHaveURL(applicationPath)
    await expectPage(page, lang, t(lang, 'applications:detail.heading'))
    await expect(statusHeading(page, lang, 'DRAFT')).toBeVisible()

    // Every required document is missing (no employer-only ones: the company has no staff).
    const documentsSection = page.getByRole('region', { name: t(lang, 'applications:documents.heading') })
    await expect(documentsSection.getByText(t(lang, 'applications:documents.notEmployer'), { exact: true })).toBeVisible()
    await expect(documentsSection.getByText(t(lang, 'applications:documents.someMissing'), { exact: true })).toBeVisible()
    await expectChecklist(page, lang, homeCare, false, 'missing')

    // Submitting is refused with the missing documents listed by name.
    await rulebookBox(page, lang).check()
    await page.getByRole('button', { name: t(lang, 'applications:actions.submit'), exact: true }).click()
    const summary = page.getByRole('alert', { name: t(lang, 'form.errorSummaryTitle') })
    await expect.soft(summary).toBeFocused()
    await expect(summary.getByRole('link')).toHaveText(
      requiredDocumentTypes(homeCare.code, false).map((type) => tv(lang, 'applications:errors.documentMissing', { document: type[lang] })),
    )
    await expect(page).toHaveURL(applicationPath)
    await expect(statusHeading(page, lang, 'DRAFT')).toBeVisible()
    await expectPage(page, lang, t(lang, 'applications:detail.heading'))
  })
})
