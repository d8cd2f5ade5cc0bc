import { expect, test, type Browser, type BrowserContext, type Locator, type Page } from '@playwright/test'
import { capitalised, serviceLanguages } from '../../app/modules/offers/languages'
import { DEMO_ACCOUNTS, ownerKey } from '../../prisma/seed/accounts'
import { ORGANISATION_SPECS, type OrganisationSpec } from '../../prisma/seed/organisation-catalogue'
import { DEMO_VOUCHER } from '../../prisma/seed/vouchers'
import { expectNoAxeViolations } from './support/axe'
import { amountsIn, municipalityIn, tp } from './support/catalogue'
import { t, type Lang } from './support/i18n'
import { linkFrom, readMail } from './support/mail'
import { expectPage } from './support/page'
import { category, helsinkiToday, literal, municipality, shownDate, tv } from './support/provider'
import {
  amountOf,
  dayOf,
  definition,
  expectToast,
  incomeLimitCents,
  incomeRelatedValue,
  logIn,
  oneYearFrom,
  openVoucher,
  previousMonthStart,
  recordsAmounts,
  rowAmounts,
  shownMonth,
  shownUnits,
  uniqueIdentity,
  useLanguage,
} from './support/vouchers'

/**
 * Vouchers end to end (issue 6), in Swedish: a reviewer issues a home-care voucher to a Swedish-speaking client in
 * Närpes; the client opens it with the code and their date of birth, compares the producers and chooses one; the
 * producer accepts the client from the first day of last month and records hours delivered then; staff approve
 * last month's statement; the client pays the co-payment online against the local Stripe stand-in. Every amount is
 * read off each screen and compared with the others and with the test's own arithmetic. A shorter pass opens the
 * demo voucher in Finnish and English. Every page is scanned with axe.
 */

const lang: Lang = 'sv'
const homeCare = category('home-care')
const narpes = municipality('Närpes')
/** The seed approves the first organisation's months (prisma/seed/settlements.ts): its last month takes no records. */
const settledBySeed = ORGANISATION_SPECS.find((spec) => spec.demoOwner === 'owner')!
const unitsPerMonth = 10
const household = { size: 1, incomeCents: 150_000, typed: '1500,00' }
/** Two visits of one and a half hours each, last month. */
const deliveries = [
  { day: 6, hundredths: 150, typed: '1,5' },
  { day: 13, hundredths: 150, typed: '1,5' },
]

/** Every demo organisation owner logs in as <key>@palvelutori.example (prisma/seed/accounts.ts). */
function ownerEmail(spec: OrganisationSpec): string {
  return `${ownerKey(spec)}@palvelutori.example`
}

const opened: BrowserContext[] = []

/** A browser of its own for one person, in Swedish, so that everyone stays logged in side by side. */
async function openBrowser(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ locale: lang, extraHTTPHeaders: { 'Accept-Language': lang } })
  opened.push(context)
  return context.newPage()
}

/** A text with one `{{amount}}` placeholder ("{{amount}} per timme"), as a pattern that takes any amount there. */
function withAnyAmount(reader: Lang, key: string): RegExp {
  const [before, after] = t(reader, key).split('{{amount}}') as [string, string]
  return new RegExp(`^${literal(before).source}.+${literal(after).source}$`)
}

/** One voucher's line(s) in a statement table: the `<tbody>` whose header names the voucher code. */
function statementLines(page: Page, monthName: string, code: string): Locator {
  return page
    .getByRole('table', { name: tv(lang, 'settlement:table.caption', { month: monthName }), exact: true })
    .locator('tbody')
    .filter({ hasText: code })
}

/** Reads a statement's voucher line: units, price, value, total, voucher share, co-payment and extras. */
async function statementLine(lines: Locator) {
  await expect(lines.getByRole('row')).toHaveCount(1)
  const row = lines.getByRole('row')
  await expect(row).toContainText(t(lang, 'settlement:table.delivery'))
  const amounts = await rowAmounts(row, lang)
  expect(amounts, 'price, value, total, voucher share, co-payment, extras').toHaveLength(6)
  const [priceCents, valueCents, totalCents, voucherShareCents, copaymentCents, extrasCents] = amounts as [number, number, number, number, number, number]
  const units = (await row.getByRole('cell').nth(1).innerText()).trim()
  return { units, priceCents, valueCents, totalCents, voucherShareCents, copaymentCents, extrasCents }
}

test.describe('a home-care voucher from the decision to the paid co-payment (sv)', () => {
  test.use({ locale: lang, extraHTTPHeaders: { 'Accept-Language': lang } })
  test.afterEach(async () => {
    await Promise.all(opened.splice(0).map((context) => context.close()))
  })

  test('staff issue, the client chooses, the producer accepts and records, staff approve, the client pays', async ({ browser }) => {
    test.setTimeout(180_000)
    const stamp = Date.now()
    const today = helsinkiToday()
    const lastMonth = previousMonthStart(today)
    const lastMonthName = shownMonth(lastMonth, lang)
    const validTo = oneYearFrom(lastMonth)
    const { identityCode, dateOfBirth } = uniqueIdentity(stamp)
    const firstName = 'Ingeborg'
    const lastName = 'Lillkvist'
    const fullName = `${firstName} ${lastName}`
    const decisionNumber = `OVPH-${today.slice(0, 4)}-${String(stamp % 100_000).padStart(5, '0')}`
    const shownDay = (isoDay: string) => shownDate(new Date(`${isoDay}T12:00:00Z`), lang)

    // ── 1. A reviewer adds the client: Swedish-speaking, in Närpes ──
    const staff = await openBrowser(browser)
    // The seeded reviewer reads Finnish (prisma/seed/accounts.ts); the language buttons switch the account to Swedish.
    await useLanguage(staff, await logIn(staff, lang, DEMO_ACCOUNTS.reviewer), lang)
    await staff.goto('/staff')
    await staff.getByRole('navigation', { name: t(lang, 'staff:menu.label') }).getByRole('link', { name: t(lang, 'staff:menu.clients'), exact: true }).click()
    await expect(staff).toHaveURL('/staff/clients')
    await expectPage(staff, lang, t(lang, 'issuing:clients.title'))
    await staff.getByRole('link', { name: t(lang, 'issuing:clients.new'), exact: true }).first().click()
    await expect(staff).toHaveURL('/staff/clients/new')
    await expectPage(staff, lang, t(lang, 'issuing:newClient.title'))
    await staff.getByLabel(t(lang, 'issuing:fields.firstName'), { exact: true }).fill(firstName)
    await staff.getByLabel(t(lang, 'issuing:fields.lastName'), { exact: true }).fill(lastName)
    await staff.getByLabel(t(lang, 'issuing:fields.identityCode'), { exact: true }).fill(identityCode)
    await staff
      .getByRole('group', { name: t(lang, 'issuing:fields.preferredLanguage') })
      .getByRole('radio', { name: t(lang, 'issuing:languages.sv'), exact: true })
      .check()
    await staff.getByLabel(t(lang, 'issuing:fields.municipality'), { exact: true }).selectOption({ label: municipalityIn(narpes.sv, lang) })
    await staff.getByLabel(t(lang, 'issuing:fields.streetAddress'), { exact: true }).fill('Kyrkvägen 12')
    await staff.getByLabel(t(lang, 'issuing:fields.postalCode'), { exact: true }).fill('64200')
    await staff.getByLabel(t(lang, 'issuing:fields.phone'), { exact: true }).fill('040 123 4567')
    await staff.getByRole('button', { name: t(lang, 'issuing:newClient.submit'), exact: true }).click()
    await expect(staff).toHaveURL(/\/staff\/clients\/(?!new$)[^/]+$/)
    await expectToast(staff, lang, 'issuing:toast.clientCreated')
    await expectPage(staff, lang, fullName)
    const clientDetails = staff.getByRole('region', { name: t(lang, 'issuing:client.detailsTitle'), exact: true })
    // the identity code is masked until staff open it: its date part shows, the individual number does not
    await expect(definition(clientDetails, t(lang, 'issuing:fields.identityCode'))).toContainText(identityCode.slice(0, 7))
    await expect(clientDetails).not.toContainText(identityCode)
    await expect(definition(clientDetails, t(lang, 'issuing:fields.dateOfBirth'))).toHaveText(shownDay(dateOfBirth))
    await expect(definition(clientDetails, t(lang, 'issuing:fields.preferredLanguage'))).toHaveText(t(lang, 'issuing:languages.sv'))
    await expect(definition(clientDetails, t(lang, 'issuing:fields.municipality'))).toHaveText(municipalityIn(narpes.sv, lang))

    // ── … and issues a home-care voucher: income-related, 10 hours a month, valid from the first day of last month ──
    await staff.getByRole('link', { name: t(lang, 'issuing:client.issue'), exact: true }).click()
    await expect(staff).toHaveURL(/\/staff\/vouchers\/new\?clientId=/)
    await expectPage(staff, lang, t(lang, 'issuing:issue.title'))
    await staff
      .getByRole('group', { name: t(lang, 'issuing:issue.category') })
      .getByRole('radio', { name: homeCare[lang], exact: true })
      .check()
    await staff.getByRole('button', { name: t(lang, 'issuing:issue.continue'), exact: true }).click()
    await expect(staff).toHaveURL(/[?&]categoryId=/)
    await expectPage(staff, lang, t(lang, 'issuing:issue.title'))
    await staff.getByLabel(t(lang, 'issuing:fields.decisionNumber'), { exact: true }).fill(decisionNumber)
    await expect(staff.getByLabel(t(lang, 'issuing:fields.decisionDate'), { exact: true })).toHaveValue(today)
    await staff.getByLabel(t(lang, 'issuing:fields.validFrom'), { exact: true }).fill(lastMonth)
    await staff.getByLabel(t(lang, 'issuing:fields.validTo'), { exact: true }).fill(validTo)
    await expect(
      staff.getByRole('group', { name: t(lang, 'issuing:fields.unitsKind') }).getByRole('radio', { name: t(lang, 'issuing:fields.unitsKinds.perMonth'), exact: true }),
    ).toBeChecked()
    await staff
      .getByLabel(tv(lang, 'issuing:fields.units', { unit: t(lang, 'issuing:unitNames.HOUR') }), { exact: true })
      .fill(String(unitsPerMonth))
    await staff.getByLabel(t(lang, 'issuing:fields.householdSize'), { exact: true }).fill(String(household.size))
    await staff.getByLabel(t(lang, 'issuing:fields.grossMonthlyIncome'), { exact: true }).fill(household.typed)

    // "Calculate" shows the value and the calculation step by step, without issuing.
    await staff.getByRole('button', { name: t(lang, 'issuing:issue.calculate'), exact: true }).click()
    const previewTitle = staff.getByRole('heading', { level: 3, name: t(lang, 'issuing:issue.previewTitle'), exact: true })
    await expect(previewTitle).toBeVisible()
    const previewValue = previewTitle.locator('xpath=following-sibling::p[1]')
    await expect(previewValue).toHaveText(new RegExp(`${literal(` · ${t(lang, 'issuing:basis.INCOME_RELATED')}`).source}$`))
    const valueCents = await amountOf(previewValue, lang)
    const steps = previewTitle.locator('xpath=following-sibling::ol[1]/li')
    await expect(steps).toHaveCount(4)
    const range = amountsIn(await steps.nth(0).innerText(), lang)
    expect(range, 'the value range of the category').toHaveLength(2)
    const [minCents, maxCents] = [Math.min(...range), Math.max(...range)]
    expect(amountsIn(await steps.nth(1).innerText(), lang), "the household's income limit").toEqual([incomeLimitCents(household.size)])
    expect(amountsIn(await steps.nth(2).innerText(), lang), 'income, then max − (income − limit) × rate = result').toEqual([
      household.incomeCents,
      maxCents,
      household.incomeCents,
      incomeLimitCents(household.size),
      valueCents,
    ])
    expect(amountsIn(await steps.nth(3).innerText(), lang), 'the result').toEqual([valueCents])
    expect(valueCents, 'the value by the seeded income rule').toBe(incomeRelatedValue({ minCents, maxCents }, household.size, household.incomeCents))
    await expectNoAxeViolations(staff)

    await staff.getByRole('button', { name: t(lang, 'issuing:issue.submit'), exact: true }).click()
    await expect(staff).toHaveURL(/\/staff\/vouchers\/(?!new)[^/?]+$/)
    await expectToast(staff, lang, 'issuing:toast.issued')
    const voucherPath = new URL(staff.url()).pathname
    const code = (await definition(staff, t(lang, 'issuing:voucher.code')).innerText()).trim()
    expect(code, 'a voucher code XXXX-XXXX').toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/)
    await expectPage(staff, lang, tv(lang, 'issuing:voucher.heading', { code }))
    await expect(staff.getByText(t(lang, 'issuing:status.ISSUED'), { exact: true })).toBeVisible()
    const facts = staff.getByRole('region', { name: t(lang, 'issuing:voucher.factsTitle'), exact: true })
    await expect(definition(facts, t(lang, 'issuing:voucher.category'))).toHaveText(homeCare[lang])
    await expect(definition(facts, t(lang, 'issuing:voucher.units'))).toHaveText(
      tv(lang, 'issuing:grant.perMonth', { units: tp(lang, 'issuing:unitCount.HOUR', unitsPerMonth) }),
    )
    await expect(definition(facts, t(lang, 'issuing:voucher.validity'))).toHaveText(
      tv(lang, 'issuing:validity', { from: shownDay(lastMonth), to: shownDay(validTo) }),
    )
    await expect(definition(facts, t(lang, 'issuing:voucher.value'))).toContainText(t(lang, 'issuing:basis.INCOME_RELATED'))
    expect(await amountOf(definition(facts, t(lang, 'issuing:voucher.value')), lang), 'the value issued is the one calculated').toBe(valueCents)
    expect(await amountOf(definition(facts, t(lang, 'issuing:voucher.household')), lang), 'the income on the decision').toBe(household.incomeCents)

    // ── The printable decision letter, in the client's language (Swedish), with the code ──
    await staff.getByRole('link', { name: t(lang, 'issuing:voucher.letter'), exact: true }).click()
    await expect(staff).toHaveURL(`${voucherPath}/letter`)
    await expectPage(staff, lang, t('sv', 'issuing:letter.title'))
    const letter = staff.getByRole('article')
    await expect(letter).toHaveAttribute('lang', 'sv')
    await expect(staff.getByText(tv(lang, 'issuing:letter.languageNote', { language: t(lang, 'issuing:languages.sv') }), { exact: true })).toBeVisible()
    await expect(definition(letter, t('sv', 'issuing:letter.facts.code'))).toHaveText(code)
    await expect(definition(letter, t('sv', 'issuing:letter.facts.service'))).toHaveText(homeCare.sv)
    expect(await amountOf(definition(letter, t('sv', 'issuing:letter.facts.value')), 'sv'), 'the value in the letter').toBe(valueCents)
    await expect(definition(letter, t('sv', 'issuing:letter.facts.validity'))).toHaveText(
      tv('sv', 'issuing:validity', { from: shownDate(new Date(`${lastMonth}T12:00:00Z`), 'sv'), to: shownDate(new Date(`${validTo}T12:00:00Z`), 'sv') }),
    )
    for (const heading of ['chooseTitle', 'copaymentTitle', 'reviewTitle']) {
      await expect(letter.getByRole('heading', { level: 2, name: t('sv', `issuing:letter.${heading}`), exact: true })).toBeVisible()
    }
    await expect(letter).toContainText(tv('sv', 'issuing:letter.chooseSteps.login', { code }))

    // ── 2. The client opens the voucher with the code and the date of birth (a browser of their own, Swedish) ──
    const client = await openBrowser(browser)
    await openVoucher(client, lang, code, dateOfBirth)
    await expectPage(client, lang, t(lang, 'voucher:overview.title'))
    await expect(client.getByText(tv(lang, 'voucher:overview.holder', { name: fullName, code }), { exact: true })).toBeVisible()
    await expect(client.getByText(t(lang, 'voucher:status.ISSUED'), { exact: true })).toBeVisible()
    const what = client.getByRole('region', { name: t(lang, 'voucher:overview.factsTitle'), exact: true })
    await expect(definition(what, t(lang, 'voucher:overview.category'))).toHaveText(homeCare[lang])
    await expect(definition(what, t(lang, 'voucher:overview.value'))).toHaveText(withAnyAmount(lang, 'voucher:perUnit.HOUR'))
    expect(await amountOf(definition(what, t(lang, 'voucher:overview.value')), lang), 'the value the client sees').toBe(valueCents)
    const monthlyUnits = tp(lang, 'voucher:unitAmount.HOUR', unitsPerMonth, { amount: shownUnits(unitsPerMonth * 100, lang) })
    await expect(definition(what, t(lang, 'voucher:overview.granted'))).toHaveText(tv(lang, 'voucher:overview.perMonth', { amount: monthlyUnits }))
    await expect(definition(what, t(lang, 'voucher:overview.leftThisMonth'))).toHaveText(monthlyUnits)
    await expect(definition(what, t(lang, 'voucher:overview.validity'))).toHaveText(
      tv(lang, 'voucher:overview.validityRange', { from: shownDay(lastMonth), to: shownDay(validTo) }),
    )
    await expect(definition(what, t(lang, 'voucher:overview.code'))).toHaveText(code)

    // ── … goes to choose a producer: home care in Närpes in Swedish, each with the client's own co-payment ──
    const producerSection = client.getByRole('region', { name: t(lang, 'voucher:overview.producerTitle'), exact: true })
    await expect(producerSection.getByText(t(lang, 'voucher:overview.noProducer'), { exact: true })).toBeVisible()
    await producerSection.getByRole('link', { name: t(lang, 'voucher:overview.chooseProducer'), exact: true }).click()
    await expect(client).toHaveURL('/my-voucher/producers')
    await expectPage(client, lang, t(lang, 'voucher:producers.title'))
    const filters = client.getByRole('region', { name: t(lang, 'voucher:producers.filtersTitle'), exact: true })
    await expect(filters.getByLabel(t(lang, 'voucher:producers.municipality'), { exact: true })).toHaveValue(narpes.code)
    await filters
      .getByRole('group', { name: t(lang, 'voucher:producers.languages') })
      .getByRole('checkbox', { name: capitalised(serviceLanguages.sv[lang]), exact: true })
      .check()
    await filters.getByRole('button', { name: t(lang, 'voucher:producers.submit'), exact: true }).click()
    await expect(client).toHaveURL(/[?&]lang=sv(&|$)/)
    await expectPage(client, lang, t(lang, 'voucher:producers.title'))
    const cards = client.getByRole('list', { name: t(lang, 'voucher:producers.resultsList'), exact: true }).getByRole('article')
    const count = await cards.count()
    expect(count, 'home-care producers in Närpes in Swedish').toBeGreaterThan(1)
    await expect(
      client.getByRole('heading', { level: 2, name: tp(lang, 'voucher:producers.resultsHeading', count), exact: true }),
    ).toBeVisible()

    // Compared: on every card the co-payment per hour is the price less the value (never below zero), and the
    // month's is that times the hours granted; the cheapest for the client comes first.
    type Offer = { card: Locator; producer: string; priceCents: number; copaymentCents: number }
    const offers: Offer[] = []
    for (const card of await cards.all()) {
      const producer = (await card.getByRole('heading', { level: 3 }).innerText()).trim()
      const priceCents = await amountOf(definition(card, t(lang, 'voucher:card.price')), lang)
      const copaymentCents = await amountOf(definition(card, t(lang, 'voucher:card.youPay')), lang)
      expect(copaymentCents, `${producer}: co-payment = price − value`).toBe(Math.max(0, priceCents - valueCents))
      expect(await amountOf(definition(card, t(lang, 'voucher:card.youPayMonthly')), lang), `${producer}: co-payment for the month`).toBe(
        copaymentCents * unitsPerMonth,
      )
      await expect(definition(card, t(lang, 'voucher:card.languages'))).toContainText(serviceLanguages.sv[lang])
      await expect(definition(card, t(lang, 'voucher:card.homeVisits'))).toContainText(municipalityIn(narpes.sv, lang))
      offers.push({ card, producer, priceCents, copaymentCents })
    }
    expect(offers.map((offer) => offer.copaymentCents), 'sorted by co-payment').toEqual(offers.map((offer) => offer.copaymentCents).sort((a, b) => a - b))
    await expectNoAxeViolations(client)

    // The producer: one whose owner reads Swedish, with a co-payment to pay, and whose last month is still open.
    const chosen = offers.find((offer) => {
      const spec = ORGANISATION_SPECS.find((candidate) => candidate.name === offer.producer)
      return spec && spec.number !== settledBySeed.number && spec.languages[0] === 'sv' && offer.copaymentCents > 0
    })
    if (!chosen) throw new Error(`no Swedish-speaking producer with a co-payment among ${offers.map((offer) => offer.producer).join(', ')}`)
    const producerSpec = ORGANISATION_SPECS.find((spec) => spec.name === chosen.producer)!
    const { producer, priceCents, copaymentCents } = chosen
    await chosen.card.getByRole('button', { name: new RegExp(`^${literal(t(lang, 'voucher:card.choose')).source}\\b`) }).click()
    await expect(client).toHaveURL('/my-voucher')
    await expectToast(client, lang, 'voucher:toast.chosen')
    await expectPage(client, lang, t(lang, 'voucher:overview.title'))
    await expect(client.getByText(t(lang, 'voucher:status.ASSIGNED'), { exact: true })).toBeVisible()
    await expect(producerSection.getByText(tv(lang, 'voucher:state.waiting', { producer }), { exact: true })).toBeVisible()
    await expect(producerSection.getByText(t(lang, 'voucher:overview.waitingHelp'), { exact: true })).toBeVisible()
    const yourCopayment = producerSection.getByText(withAnyAmount(lang, 'voucher:overview.yourCopayment'))
    expect(await amountOf(yourCopayment, lang), 'the co-payment with the chosen producer').toBe(copaymentCents)

    // ── 3. The producer's owner is told, opens Clients and finds the new choice ──
    const ownerAddress = ownerEmail(producerSpec)
    const [subjectStart] = t(lang, 'email:choiceReceived.subject').split('{{offer}}') as [string]
    const receivedMail = await readMail(ownerAddress, subjectStart)
    const organisationId = linkFrom(receivedMail, '/provider/').split('/')[2]!
    const provider = await openBrowser(browser)
    await useLanguage(provider, await logIn(provider, lang, ownerAddress), lang)
    await provider.goto(`/provider/${organisationId}`)
    const organisationMenu = provider.getByRole('navigation', { name: tv(lang, 'organisation:menu.label', { organisation: producer }) })
    await organisationMenu.getByRole('link', { name: t(lang, 'organisation:menu.clients'), exact: true }).click()
    await expect(provider).toHaveURL(`/provider/${organisationId}/clients`)
    await expectPage(provider, lang, t(lang, 'delivery:list.title'))
    const pendingRow = provider
      .getByRole('table', { name: t(lang, 'delivery:list.pendingCaption'), exact: true })
      .getByRole('row')
      .filter({ has: provider.getByRole('link', { name: fullName, exact: true }) })
    await expect(pendingRow).toHaveCount(1)
    await expect(pendingRow).toContainText(`${municipalityIn(narpes.sv, lang)} · ${t(lang, 'delivery:languages.sv')}`)
    await expect(pendingRow).toContainText(homeCare[lang])
    await expect(pendingRow).toContainText(
      tv(lang, 'delivery:grant.perMonth', { units: tp(lang, 'delivery:unitCount.HOUR', unitsPerMonth, { units: shownUnits(unitsPerMonth * 100, lang) }) }),
    )
    await pendingRow.getByRole('link', { name: fullName, exact: true }).click()
    await expect(provider).toHaveURL(new RegExp(`/provider/${organisationId}/clients/[^/?]+$`))
    const clientPath = new URL(provider.url()).pathname
    await expectPage(provider, lang, fullName)
    await expect(provider.getByText(t(lang, 'delivery:status.PENDING'), { exact: true })).toBeVisible()
    // only what the producer needs: never the identity code
    await expect(provider.locator('main')).not.toContainText(identityCode)
    const voucherFacts = provider.getByRole('region', { name: t(lang, 'delivery:client.voucherTitle'), exact: true })
    expect(await amountOf(definition(voucherFacts, t(lang, 'delivery:client.voucherValue')), lang), 'the value the producer sees').toBe(valueCents)
    expect(await amountOf(definition(voucherFacts, t(lang, 'delivery:client.price')), lang), "the producer's price").toBe(priceCents)
    expect(await amountOf(definition(voucherFacts, t(lang, 'delivery:client.copayment')), lang), 'the co-payment the producer sees').toBe(copaymentCents)

    // ── … accepts the client from the first day of last month ──
    await provider.getByLabel(t(lang, 'delivery:decision.startDate'), { exact: true }).fill(lastMonth)
    await expectNoAxeViolations(provider)
    await provider.getByRole('button', { name: t(lang, 'delivery:decision.accept'), exact: true }).click()
    await expectToast(provider, lang, 'delivery:toast.accepted')
    await expect(provider).toHaveURL(clientPath)
    await expect(provider.getByText(t(lang, 'delivery:status.ACCEPTED'), { exact: true })).toBeVisible()
    await expect(definition(voucherFacts, t(lang, 'delivery:client.startDate'))).toHaveText(shownDay(lastMonth))

    // ── … records two visits of 1,5 hours last month, and sees the month's totals ──
    for (const delivery of deliveries) {
      await provider.getByLabel(t(lang, 'delivery:records.serviceDate'), { exact: true }).fill(dayOf(lastMonth, delivery.day))
      await provider.getByLabel(t(lang, 'delivery:records.unitsLabel.HOUR'), { exact: true }).fill(delivery.typed)
      await provider.getByRole('button', { name: t(lang, 'delivery:records.submit'), exact: true }).click()
      await expectToast(provider, lang, 'delivery:toast.recorded')
    }
    const expected = recordsAmounts(
      deliveries.map((delivery) => delivery.hundredths),
      priceCents,
      valueCents,
    )
    expect(expected.voucherShareCents + expected.copaymentCents).toBe(expected.totalCents)
    const unitsShown = tp(lang, 'delivery:unitCount.HOUR', expected.unitsHundredths / 100, { units: shownUnits(expected.unitsHundredths, lang) })
    // each month's records fold under a heading that starts with the month's name, capitalised
    const monthHeading = capitalised(lastMonthName)
    const monthRecords = provider.locator('details').filter({ has: provider.locator('summary', { hasText: monthHeading }) })
    const summary = monthRecords.locator('summary')
    await expect(summary).toHaveText(new RegExp(`^${literal(`${monthHeading} · ${unitsShown} · `).source}`))
    expect(amountsIn(await summary.innerText(), lang), "last month's total on its heading").toEqual([expected.totalCents])
    if ((await monthRecords.getAttribute('open')) === null) await summary.click()
    const recordTable = monthRecords.getByRole('table', { name: tv(lang, 'delivery:records.caption', { month: lastMonthName }), exact: true })
    const recordRows = recordTable.locator('tbody tr')
    await expect(recordRows).toHaveCount(deliveries.length)
    for (const [index, delivery] of deliveries.entries()) {
      const row = recordRows.nth(index)
      const one = recordsAmounts([delivery.hundredths], priceCents, valueCents)
      await expect(row.getByRole('cell').first()).toHaveText(shownDay(dayOf(lastMonth, delivery.day)))
      expect(await rowAmounts(row, lang), 'price, total, voucher share, co-payment of a record').toEqual([
        priceCents,
        one.totalCents,
        one.voucherShareCents,
        one.copaymentCents,
      ])
    }
    const totalsRow = recordTable.locator('tfoot tr')
    await expect(totalsRow).toContainText(t(lang, 'delivery:records.totals'))
    await expect(totalsRow).toContainText(unitsShown)
    expect(await rowAmounts(totalsRow, lang), "last month's totals: total, voucher share, co-payment").toEqual([
      expected.totalCents,
      expected.voucherShareCents,
      expected.copaymentCents,
    ])
    await expectPage(provider, lang, fullName)

    // ── 4. Staff open last month's settlement: the producer's statement has the client's line ──
    await staff.getByRole('navigation', { name: t(lang, 'staff:menu.label') }).getByRole('link', { name: t(lang, 'staff:menu.settlements'), exact: true }).click()
    await expect(staff).toHaveURL('/staff/settlements')
    await expectPage(staff, lang, t(lang, 'settlement:staff.title'))
    await expect(staff.getByLabel(t(lang, 'settlement:picker.label'), { exact: true })).toHaveValue(lastMonth.slice(0, 7))
    const providerRow = staff
      .getByRole('table', { name: tv(lang, 'settlement:staff.caption', { month: lastMonthName }), exact: true })
      .getByRole('row')
      .filter({ has: staff.getByRole('link', { name: producer, exact: true }) })
    await expect(providerRow).toHaveCount(1)
    await expect(providerRow).toContainText(t(lang, 'settlement:status.OPEN'))
    const [rowTotal, rowShare, rowCopayment] = (await rowAmounts(providerRow, lang)) as [number, number, number]
    expect(rowShare + rowCopayment, "the producer's month: share + co-payments = total").toBe(rowTotal)
    expect(rowCopayment, "the producer's co-payments include the client's").toBeGreaterThanOrEqual(expected.copaymentCents)
    await providerRow.getByRole('link', { name: producer, exact: true }).click()
    const statementPath = `/staff/settlements/${organisationId}/${lastMonth.slice(0, 7)}`
    await expect(staff).toHaveURL(statementPath)
    await expectPage(staff, lang, tv(lang, 'settlement:detail.title', { organisation: producer, month: lastMonthName }))
    await expect(staff.getByText(t(lang, 'settlement:status.OPEN'), { exact: true })).toBeVisible()
    const line = await statementLine(statementLines(staff, lastMonthName, code))
    const expectedLine = {
      units: shownUnits(expected.unitsHundredths, lang),
      priceCents,
      valueCents,
      totalCents: expected.totalCents,
      voucherShareCents: expected.voucherShareCents,
      copaymentCents: expected.copaymentCents,
      extrasCents: 0,
    }
    expect(line, "the client's line: units × price, the voucher's share, the co-payment").toEqual(expectedLine)
    // statements list clients by surname
    await expect(statementLines(staff, lastMonthName, code)).toContainText(`${lastName}, ${firstName}`)
    const totals = staff.getByRole('region', { name: t(lang, 'settlement:detail.totalsTitle'), exact: true })
    expect(await amountOf(definition(totals, t(lang, 'settlement:figures.total')), lang), 'the statement total is the list row').toBe(rowTotal)
    expect(await amountOf(definition(totals, t(lang, 'settlement:figures.copayment')), lang), "the statement's co-payments").toBe(rowCopayment)

    // ── … and approve it ──
    const approve = staff.getByRole('button', { name: tv(lang, 'settlement:detail.approveSubmit', { month: lastMonthName }), exact: true })
    await expect(staff.getByText(t(lang, 'settlement:detail.approveEffect'), { exact: true })).toBeVisible()
    await approve.click()
    await expectToast(staff, lang, 'settlement:toast.approved')
    await expect(staff).toHaveURL(statementPath)
    await expect(staff.getByText(t(lang, 'settlement:status.APPROVED'), { exact: true })).toBeVisible()
    await expect(staff.getByText(t(lang, 'settlement:detail.lockedNote'), { exact: true })).toBeVisible()
    await expect(approve).toHaveCount(0)
    expect(await statementLine(statementLines(staff, lastMonthName, code)), 'the approved line').toEqual(expectedLine)
    await expectPage(staff, lang, tv(lang, 'settlement:detail.title', { organisation: producer, month: lastMonthName }))

    // The producer is told, and its own statement shows the month approved with the same figures.
    const [approvedSubjectStart] = t(lang, 'email:settlementApproved.subject').split('{{') as [string]
    await readMail(ownerAddress, approvedSubjectStart)
    await organisationMenu.getByRole('link', { name: t(lang, 'organisation:menu.settlements'), exact: true }).click()
    await expect(provider).toHaveURL(`/provider/${organisationId}/settlements`)
    await expectPage(provider, lang, t(lang, 'settlement:provider.title'))
    const monthRow = provider
      .getByRole('table', { name: t(lang, 'settlement:provider.caption'), exact: true })
      .getByRole('row')
      .filter({ has: provider.getByRole('link', { name: lastMonthName, exact: true }) })
    await expect(monthRow).toContainText(t(lang, 'settlement:status.APPROVED'))
    await expect(monthRow).toContainText(tv(lang, 'settlement:provider.approvedOn', { date: shownDay(today) }))
    await monthRow.getByRole('link', { name: lastMonthName, exact: true }).click()
    await expect(provider).toHaveURL(`/provider/${organisationId}/settlements/${lastMonth.slice(0, 7)}`)
    await expectPage(provider, lang, tv(lang, 'settlement:provider.monthTitle', { month: lastMonthName }))
    await expect(provider.getByText(t(lang, 'settlement:status.APPROVED'), { exact: true })).toBeVisible()
    await expect(provider.getByText(tv(lang, 'settlement:provider.approvedNote', { date: shownDay(today) }), { exact: true })).toBeVisible()
    await expect(provider.getByText(t(lang, 'settlement:provider.billingOnline'), { exact: true })).toBeVisible()
    expect(await statementLine(statementLines(provider, lastMonthName, code)), "the producer's approved line").toEqual(expectedLine)
    const providerTotals = provider.getByRole('region', { name: t(lang, 'settlement:detail.totalsTitle'), exact: true })
    expect(await amountOf(definition(providerTotals, t(lang, 'settlement:figures.total')), lang)).toBe(rowTotal)
    expect(await amountOf(definition(providerTotals, t(lang, 'settlement:figures.copayment')), lang)).toBe(rowCopayment)

    // ── 5. The client sees last month's co-payment, the statement's, and pays it online ──
    await client
      .getByRole('navigation', { name: t(lang, 'voucher:menu.label') })
      .getByRole('link', { name: t(lang, 'voucher:menu.payments'), exact: true })
      .click()
    await expect(client).toHaveURL('/my-voucher/payments')
    await expectPage(client, lang, t(lang, 'payment:list.title'))
    await expect(client.getByText(t(lang, 'payment:list.introOnline'), { exact: true })).toBeVisible()
    const paymentRow = client
      .getByRole('table', { name: t(lang, 'payment:list.caption'), exact: true })
      .getByRole('row')
      .filter({ has: client.getByRole('link', { name: lastMonthName, exact: true }) })
    await expect(paymentRow).toHaveCount(1)
    await expect(paymentRow).toContainText(producer)
    await expect(paymentRow).toContainText(t(lang, 'payment:status.PENDING'))
    // the amount column (the Pay button repeats the amount for screen readers)
    expect(await amountOf(paymentRow.getByRole('cell').nth(2), lang), "the co-payment to pay is the statement's").toBe(expected.copaymentCents)
    await paymentRow.getByRole('button', { name: new RegExp(`^${literal(t(lang, 'payment:pay.button')).source}\\b`) }).click()

    // The stand-in's checkout page (scripts/stripe-stand-in.ts: not the app, so its English is its own) asks the amount.
    await expect(client).toHaveURL(/\/pay\/[\w]+$/)
    await expect(client.getByRole('heading', { level: 1 })).toHaveText('Test payment')
    expect(amountsIn(await client.locator('dl').innerText(), 'en'), 'the amount Stripe is asked for').toEqual([expected.copaymentCents])
    await client.getByRole('button', { name: 'Pay', exact: true }).click()

    // Back in the app: paid once the webhook has been processed, which may take a moment.
    await expect(client).toHaveURL(/\/my-voucher\/payments\/[^/?]+\?result=success$/)
    const paymentStatus = definition(client, t(lang, 'payment:columns.status'))
    await expect(async () => {
      await client.reload()
      await expect(paymentStatus).toHaveText(t(lang, 'payment:status.PAID'), { timeout: 1_000 })
    }).toPass({ timeout: 20_000 })
    await expectPage(client, lang, tv(lang, 'payment:return.heading', { month: lastMonthName }))
    expect(await amountOf(definition(client, t(lang, 'payment:columns.amount')), lang), 'the amount paid').toBe(expected.copaymentCents)
    await expect(definition(client, t(lang, 'payment:columns.producer'))).toHaveText(producer)
    const [paidStart] = t(lang, 'payment:return.paid').split('{{amount}}') as [string]
    const paidAlert = client.getByText(new RegExp(`^${literal(paidStart).source}`))
    expect(amountsIn(await paidAlert.innerText(), lang), 'the amount in the receipt').toEqual([expected.copaymentCents])
    await expect(client.getByRole('button', { name: new RegExp(`^${literal(t(lang, 'payment:pay.button')).source}`) })).toHaveCount(0)

    await client.getByRole('link', { name: t(lang, 'payment:return.back'), exact: true }).click()
    await expect(client).toHaveURL('/my-voucher/payments')
    await expect(paymentRow).toContainText(t(lang, 'payment:status.PAID'))
    await expect(paymentRow).toContainText(tv(lang, 'payment:list.paidOn', { date: shownDay(today) }))
    await expect(paymentRow.getByRole('button')).toHaveCount(0)
    await expectPage(client, lang, t(lang, 'payment:list.title'))
  })
})

for (const lang of ['fi', 'en'] as const) {
  test.describe(`the demo voucher opened in ${lang}`, () => {
    test.use({ locale: lang, extraHTTPHeaders: { 'Accept-Language': lang } })

    test('open it with the code and the date of birth, see what it grants, the producers and the payments', async ({ page }) => {
      await openVoucher(page, lang, DEMO_VOUCHER.code, DEMO_VOUCHER.dateOfBirth)
      await expectPage(page, lang, t(lang, 'voucher:overview.title'))
      await expect(page.getByRole('heading', { level: 2, name: t(lang, 'voucher:overview.producerTitle'), exact: true })).toBeVisible()
      await expect(page.getByRole('heading', { level: 2, name: t(lang, 'voucher:overview.factsTitle'), exact: true })).toBeVisible()
      const what = page.getByRole('region', { name: t(lang, 'voucher:overview.factsTitle'), exact: true })
      await expect(definition(what, t(lang, 'voucher:overview.code'))).toHaveText(DEMO_VOUCHER.code)
      await expect(definition(what, t(lang, 'voucher:overview.category'))).toHaveText(category('home-care')[lang])
      await expect(definition(what, t(lang, 'voucher:overview.value'))).toHaveText(withAnyAmount(lang, 'voucher:perUnit.HOUR'))

      const menu = page.getByRole('navigation', { name: t(lang, 'voucher:menu.label') })
      await menu.getByRole('link', { name: t(lang, 'voucher:menu.producers'), exact: true }).click()
      await expect(page).toHaveURL('/my-voucher/producers')
      await expectPage(page, lang, t(lang, 'voucher:producers.title'))
      await expect(page.getByRole('heading', { level: 2, name: t(lang, 'voucher:producers.filtersTitle'), exact: true })).toBeVisible()
      await expect(page.getByRole('list', { name: t(lang, 'voucher:producers.resultsList'), exact: true }).getByRole('article').first()).toBeVisible()

      await menu.getByRole('link', { name: t(lang, 'voucher:menu.payments'), exact: true }).click()
      await expect(page).toHaveURL('/my-voucher/payments')
      await expectPage(page, lang, t(lang, 'payment:list.title'))
    })
  })
}
