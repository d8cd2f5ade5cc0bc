import { expect, test, type Locator, type Page } from '@playwright/test'
import { serviceLanguages } from '../../app/modules/offers/languages'
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../prisma/seed/accounts'
import { ORGANISATION_SPECS } from '../../prisma/seed/organisation-catalogue'
import { expectNoAxeViolations } from './support/axe'
import { amountsIn, moneyPattern, municipalityIn, parseMoney, perUnitPattern, pluralPattern, tp } from './support/catalogue'
import { t, type Lang } from './support/i18n'
import { expectPage } from './support/page'
import { category, literal, tv } from './support/provider'

/**
 * The public catalogue (issue 5): a reader in Närpes looks for home care in Swedish with free places, compares three
 * services and opens a producer's profile, in each language, without logging in; the what-would-I-pay estimate; and a
 * provider confirming a new number of free places, seen on the public pages.
 */

const homeCare = category('home-care')
const narpes = 'Närpes'
/** The seeded company in Närpes run by owner@… (prisma/seed/organisation-catalogue.ts), with published home care. */
const ownerOrganisation = ORGANISATION_SPECS.find((spec) => spec.demoOwner === 'owner')!

function capitalised(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1)
}

/** The search form on /services (a region named by its heading). */
function searchForm(page: Page, lang: Lang) {
  return page.getByRole('region', { name: t(lang, 'catalogue:search.formTitle'), exact: true })
}

/** The list of result cards. */
function resultCards(page: Page, lang: Lang) {
  return page.getByRole('list', { name: t(lang, 'catalogue:search.resultsList'), exact: true }).getByRole('article')
}

/** The result count heading: inside a polite live status region, so screen readers announce it after each search. */
async function expectResultCount(page: Page, lang: Lang, count: number) {
  const name = tp(lang, 'catalogue:search.resultsHeading', count, { category: homeCare[lang] })
  const region = page.getByRole('status').filter({ has: page.getByRole('heading', { level: 2, name, exact: true }) })
  await expect(region).toHaveCount(1)
  await expect(region).toHaveAttribute('aria-live', 'polite')
  await expect(region.getByRole('heading', { level: 2, name, exact: true })).toBeVisible()
}

/** The number of results the count heading announces (any count), checked against the cards on the page. */
async function shownResultCount(page: Page, lang: Lang): Promise<number> {
  const pattern = new RegExp(`^${pluralPattern(lang, 'catalogue:search.resultsHeading', { category: homeCare[lang] })}$`)
  const heading = page.getByRole('status').getByRole('heading', { level: 2, name: pattern })
  await expect(heading).toBeVisible()
  const count = Number((await heading.innerText()).match(/\d+/)?.[0])
  await expectResultCount(page, lang, count)
  return count
}

/** Every card serves in Swedish and has free places (with the age of the figure). */
async function expectSwedishWithFreePlaces(cards: Locator, lang: Lang) {
  const freePlaces = new RegExp(pluralPattern(lang, 'catalogue:capacity.some'))
  const age = new RegExp(`${literal(t(lang, 'catalogue:capacity.today')).source}|${pluralPattern(lang, 'catalogue:capacity.daysAgo')}`)
  for (const card of await cards.all()) {
    await expect(card).toContainText(serviceLanguages.sv[lang])
    await expect(card).toContainText(freePlaces)
    await expect(card).toContainText(age)
  }
}

/** The co-payment per unit of each card, its lowest amount in cents (a range for an income-related voucher). */
async function lowestCopayments(cards: Locator, lang: Lang): Promise<number[]> {
  const result: number[] = []
  for (const card of await cards.all()) {
    const term = card.getByText(t(lang, 'catalogue:card.copayment'), { exact: true })
    await expect(term).toBeVisible()
    // the <dd> right after the "Your co-payment" <dt>
    const text = await term.locator('xpath=following-sibling::dd[1]').innerText()
    expect(text, 'co-payment of a card').toMatch(perUnitPattern(lang, 'HOUR'))
    result.push(amountsIn(text, lang)[0]!)
  }
  return result
}

for (const lang of ['sv', 'fi', 'en'] as const) {
  test.describe(`a reader in Närpes finds home care in Swedish with free places (${lang})`, () => {
    test.use({ locale: lang, extraHTTPHeaders: { 'Accept-Language': lang } })

    test('search from the home page, filter, sort by co-payment, compare three, open a profile', async ({ page }) => {
      test.setTimeout(90_000)
      const narpesName = municipalityIn(narpes, lang)
      const swedish = capitalised(serviceLanguages.sv[lang])

      // The home page's search box: the service and the municipality, with Närpes named in the reader's language.
      await page.goto('/')
      await expectPage(page, lang, t(lang, 'home.title'))
      const homeSearch = page.getByRole('region', { name: t(lang, 'home.search.title'), exact: true })
      await homeSearch.getByLabel(t(lang, 'home.search.category'), { exact: true }).selectOption({ label: homeCare[lang] })
      await homeSearch.getByLabel(t(lang, 'home.search.municipality'), { exact: true }).selectOption({ label: narpesName })
      await homeSearch.getByRole('button', { name: t(lang, 'home.search.submit'), exact: true }).click()
      await expect(page).toHaveURL(/\/services\?category=home-care&municipality=545$/)
      await expectPage(page, lang, t(lang, 'catalogue:title'))
      await shownResultCount(page, lang)

      // Narrowed to Swedish and free places now, sorted by the reader's co-payment.
      const form = searchForm(page, lang)
      await expect(form.getByLabel(t(lang, 'catalogue:search.municipality'), { exact: true })).toHaveValue('545')
      await form.getByRole('group', { name: t(lang, 'catalogue:search.languages') }).getByRole('checkbox', { name: swedish, exact: true }).check()
      await form.getByLabel(t(lang, 'catalogue:search.freeNow'), { exact: true }).check()
      await form.getByLabel(t(lang, 'catalogue:search.sort'), { exact: true }).selectOption({ label: t(lang, 'catalogue:search.sorts.copayment') })
      await form.getByRole('button', { name: t(lang, 'catalogue:search.submit'), exact: true }).click()
      await expect(page).toHaveURL(/[?&]lang=sv(&|$)/)
      await expect(page).toHaveURL(/[?&]free=on(&|$)/)
      await expect(page).toHaveURL(/[?&]sort=copayment(&|$)/)
      await expect(page).toHaveURL(/[?&]municipality=545(&|$)/)
      await expectPage(page, lang, t(lang, 'catalogue:title'))
      const inNarpes = await shownResultCount(page, lang)
      expect(inNarpes, 'home-care services in Närpes in Swedish with free places').toBeGreaterThan(0)
      const cards = resultCards(page, lang)
      await expect(cards).toHaveCount(inNarpes)
      await expectSwedishWithFreePlaces(cards, lang)
      // Each serves Närpes (a place there, or home visits), named in the reader's language.
      for (const card of await cards.all()) await expect(card).toContainText(narpesName)
      const copayments = await lowestCopayments(cards, lang)
      expect(copayments, 'sorted by co-payment, lowest first').toEqual([...copayments].sort((a, b) => a - b))

      // The seed has fewer than three in Närpes itself: the reader also takes producers outside the municipality.
      if (inNarpes < 3) {
        await form.getByLabel(t(lang, 'catalogue:search.elsewhere'), { exact: true }).check()
        await form.getByRole('button', { name: t(lang, 'catalogue:search.submit'), exact: true }).click()
        await expect(page).toHaveURL(/[?&]elsewhere=on(&|$)/)
        await expect(page).toHaveURL(/[?&]sort=copayment(&|$)/)
        await expectPage(page, lang, t(lang, 'catalogue:title'))
        const widened = await shownResultCount(page, lang)
        expect(widened, 'home-care services in Swedish with free places, Närpes first or not').toBeGreaterThanOrEqual(3)
        await expectSwedishWithFreePlaces(cards, lang)
        const widenedCopayments = await lowestCopayments(cards, lang)
        expect(widenedCopayments, 'sorted by co-payment, lowest first').toEqual([...widenedCopayments].sort((a, b) => a - b))
      }

      // Three ticked and compared side by side.
      const chosen: string[] = []
      for (const card of (await cards.all()).slice(0, 3)) {
        await card.getByRole('checkbox', { name: new RegExp(`^${literal(t(lang, 'catalogue:card.compare')).source}`) }).check()
        const profileLink = card.getByRole('link', { name: new RegExp(`^${literal(tv(lang, 'catalogue:card.profile', { name: '' })).source}`) })
        chosen.push((await profileLink.innerText()).slice(tv(lang, 'catalogue:card.profile', { name: '' }).length))
      }
      await page.getByRole('button', { name: t(lang, 'catalogue:search.compareSubmit'), exact: true }).click()
      await expect(page).toHaveURL(/\/services\/compare\?/)
      expect(new URL(page.url()).searchParams.getAll('offer')).toHaveLength(3)
      await expectPage(page, lang, t(lang, 'catalogue:compare.title'))
      const table = page.getByRole('table', { name: tp(lang, 'catalogue:compare.caption', 3), exact: true })
      const columns = table.getByRole('columnheader')
      await expect(columns).toHaveCount(3)
      for (const [index, name] of chosen.entries()) await expect(columns.nth(index)).toContainText(name)
      const copaymentRow = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: t(lang, 'catalogue:compare.rows.copayment'), exact: true }) })
      const copaymentCells = copaymentRow.getByRole('cell')
      await expect(copaymentCells).toHaveCount(3)
      for (const cell of await copaymentCells.all()) await expect(cell).toHaveText(perUnitPattern(lang, 'HOUR'))
      if (lang !== 'en') await expect(copaymentCells.first()).toHaveText(/\d,\d{2}\s€/)
      const languagesRow = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: t(lang, 'catalogue:compare.rows.languages'), exact: true }) })
      for (const cell of await languagesRow.getByRole('cell').all()) await expect(cell).toContainText(serviceLanguages.sv[lang])

      // One producer's profile, with its price history.
      const producer = chosen[0]!
      await table.getByRole('link', { name: tv(lang, 'catalogue:card.profile', { name: producer }), exact: true }).click()
      await expect(page).toHaveURL(/\/producers\/[^/?]+$/)
      await expectPage(page, lang, producer)
      const offers = page.getByRole('region', { name: t(lang, 'catalogue:profile.offers'), exact: true })
      const homeCareOffer = offers.getByRole('article').filter({ has: page.getByText(homeCare[lang], { exact: true }) })
      await expect(homeCareOffer).toHaveCount(1)
      const history = homeCareOffer.getByRole('table', { name: new RegExp(`^${literal(tv(lang, 'catalogue:profile.priceHistory', { title: '' })).source}`) })
      await expect(history).toBeVisible()
      const current = history.getByRole('row').filter({ has: page.getByRole('cell', { name: t(lang, 'catalogue:profile.priceStates.current'), exact: true }) })
      await expect(current).toHaveCount(1)
      await expect(current.getByRole('cell').nth(1)).toHaveText(perUnitPattern(lang, 'HOUR'))
    })
  })
}

test.describe('what would I pay for home care (sv)', () => {
  const lang: Lang = 'sv'
  test.use({ locale: lang, extraHTTPHeaders: { 'Accept-Language': lang } })

  test('household of one with 1 850 € a month: the estimate, its calculation and the co-payments, lowest first', async ({ page }) => {
    test.setTimeout(90_000)
    await page.goto('/')
    await expectPage(page, lang, t(lang, 'home.title'))
    await page.getByRole('link', { name: t(lang, 'home.search.calculator'), exact: true }).click()
    await expect(page).toHaveURL('/services/what-would-i-pay')
    await expectPage(page, lang, t(lang, 'catalogue:calculator.title'))

    await page
      .getByLabel(t(lang, 'catalogue:search.category'), { exact: true })
      .selectOption({ label: tv(lang, 'catalogue:calculator.incomeRelatedOption', { name: homeCare[lang] }) })
    await page.getByLabel(t(lang, 'catalogue:calculator.household'), { exact: true }).fill('1')
    await page.getByLabel(t(lang, 'catalogue:calculator.income'), { exact: true }).fill('1850')
    await page.getByRole('button', { name: t(lang, 'catalogue:calculator.submit'), exact: true }).click()
    await expect(page).toHaveURL(/\/services\/what-would-i-pay\?category=home-care&household=1&income=1850$/)
    await expectPage(page, lang, t(lang, 'catalogue:calculator.title'))

    // The calculation in plain words: "max − (income − limit) × rate = value", with the numbers the page states.
    const money = moneyPattern(lang)
    const formula = new RegExp(`(${money}) − \\((${money}) − (${money})\\) × (\\d+(?:,\\d+)?)\\s%\\s=\\s(${money})`)
    const reduction = page.getByRole('listitem').filter({ hasText: t(lang, 'catalogue:calculator.explain.reduction').split('{{rate}}')[0]! })
    await expect(reduction).toHaveText(formula)
    const [, maxText, incomeText, limitText, rateText, resultText] = (await reduction.innerText()).match(formula)!
    const [max, income, limit, result] = [maxText!, incomeText!, limitText!, resultText!].map((text) => parseMoney(text, lang)) as [number, number, number, number]
    const rate = Number(rateText!.replace(',', '.')) / 100
    expect(income).toBe(185_000)
    await expect(page.getByText(tv(lang, 'catalogue:calculator.explain.limit_one', { count: 1, limit: limitText! }), { exact: true })).toBeVisible()
    expect(result, 'max − (income − limit) × rate').toBe(Math.round(max - (income - limit) * rate))
    const bounds = page.getByRole('listitem').filter({ hasText: t(lang, 'catalogue:calculator.explain.max').split('{{max}}')[0]! })
    await expect(bounds).toHaveCount(1)
    const [highest, lowest] = amountsIn(await bounds.innerText(), lang) as [number, number]
    expect(highest, 'the maximum in the formula is the highest value').toBe(max)
    expect(result, 'not below the lowest value').toBeGreaterThanOrEqual(lowest)
    await expect(page.getByText(tv(lang, 'catalogue:calculator.explain.result', { value: resultText! }), { exact: true })).toBeVisible()

    // The estimate itself, announced in the status region.
    const estimate = page.getByRole('status').filter({ has: page.getByRole('heading', { level: 2, name: tv(lang, 'catalogue:calculator.valueTitle', { category: homeCare[lang] }), exact: true }) })
    await expect(estimate).toContainText(tv(lang, 'catalogue:value.estimate', { amount: tv(lang, 'catalogue:perUnit.HOUR', { amount: resultText! }) }))

    // The co-payment at each producer: price − estimate (never below 0), lowest first.
    const producers = page.getByRole('table', { name: tv(lang, 'catalogue:calculator.producersCaption', { category: homeCare[lang] }), exact: true })
    const rows = producers.getByRole('row').filter({ has: page.getByRole('cell') })
    await expect(rows.first()).toBeVisible()
    const copayments: number[] = []
    for (const row of await rows.all()) {
      const cells = row.getByRole('cell')
      const price = parseMoney(await cells.nth(2).innerText(), lang)
      const copaymentText = await cells.nth(3).innerText()
      expect(copaymentText).toMatch(perUnitPattern(lang, 'HOUR'))
      const copayment = parseMoney(copaymentText, lang)
      expect(copayment, `co-payment at ${await cells.nth(0).innerText()}`).toBe(Math.max(0, price - result))
      copayments.push(copayment)
    }
    expect(copayments.length).toBeGreaterThanOrEqual(3)
    expect(copayments, 'lowest co-payment first').toEqual([...copayments].sort((a, b) => a - b))
  })
})

test.describe('a provider confirms a new number of free places (sv)', () => {
  const lang: Lang = 'sv'
  test.use({ locale: lang, extraHTTPHeaders: { 'Accept-Language': lang } })

  test('the owner sets 7 free places for published home care; the public search and profile show them, confirmed today', async ({ page, browser }) => {
    test.setTimeout(90_000)
    const organisation = ownerOrganisation.name

    await page.goto('/login')
    await expectPage(page, lang, t(lang, 'auth:login.title'))
    await page.getByLabel(t(lang, 'auth:fields.email'), { exact: true }).fill(DEMO_ACCOUNTS.owner)
    await page.getByLabel(t(lang, 'auth:fields.password'), { exact: true }).fill(DEMO_PASSWORD)
    await page.getByRole('button', { name: t(lang, 'auth:login.submit'), exact: true }).click()
    await expect(page).toHaveURL('/account')
    await expectPage(page, lang, t(lang, 'account.title'))

    // Provider home → the organisation → its services.
    await page.getByRole('navigation', { name: t(lang, 'layout.mainNavigation') }).getByRole('link', { name: t(lang, 'nav.provider'), exact: true }).click()
    await expect(page).toHaveURL('/provider')
    await expectPage(page, lang, t(lang, 'provider.title'))
    await page
      .getByRole('region', { name: t(lang, 'organisation:home.organisationsTitle') })
      .getByRole('link', { name: organisation, exact: true })
      .click()
    await expectPage(page, lang, organisation)
    await page
      .getByRole('navigation', { name: tv(lang, 'organisation:menu.label', { organisation }) })
      .getByRole('link', { name: t(lang, 'organisation:menu.offers'), exact: true })
      .click()
    await expect(page).toHaveURL(/\/provider\/[^/]+\/offers$/)
    const offersPath = new URL(page.url()).pathname
    await expectPage(page, lang, t(lang, 'offers:title'))
    const list = page.getByRole('table', { name: t(lang, 'offers:list.caption'), exact: true })
    const homeCareRow = () => list.getByRole('row').filter({ has: page.getByText(homeCare[lang], { exact: true }) })
    await expect(homeCareRow()).toHaveCount(1)
    await expect(homeCareRow().getByText(t(lang, 'offers:status.PUBLISHED'), { exact: true })).toBeVisible()

    // The offer's free places: a new number, saved and so confirmed.
    await homeCareRow().getByRole('link').first().click()
    await expect(page).toHaveURL(new RegExp(`^[^?#]*${literal(offersPath).source}/[^/?#]+`))
    const capacity = page.getByRole('region', { name: t(lang, 'offers:capacity.legend'), exact: true })
    await expect(capacity).toBeVisible()
    await capacity
      .getByRole('group', { name: t(lang, 'offers:capacity.question') })
      .getByRole('radio', { name: t(lang, 'offers:capacity.choices.some'), exact: true })
      .check()
    await capacity.getByLabel(t(lang, 'offers:capacity.number'), { exact: true }).fill('7')
    await capacity.getByRole('button', { name: t(lang, 'offers:capacity.save'), exact: true }).click()
    await expect(page.getByRole('status').filter({ hasText: t(lang, 'offers:toast.capacitySaved') })).toHaveText(t(lang, 'offers:toast.capacitySaved'))
    await expect(capacity.getByText(tp(lang, 'offers:capacity.some', 7), { exact: true })).toBeVisible()
    await expect(capacity.getByText(t(lang, 'offers:capacity.confirmedToday'), { exact: true })).toBeVisible()
    await expectNoAxeViolations(page)
    await expect(page.locator('html')).toHaveAttribute('lang', lang)

    // Back on the list of services: 7, confirmed today.
    await page.goto(offersPath)
    await expectPage(page, lang, t(lang, 'offers:title'))
    await expect(homeCareRow().getByText(tp(lang, 'offers:capacity.some', 7), { exact: true })).toBeVisible()
    await expect(homeCareRow().getByText(t(lang, 'offers:capacity.confirmedToday'), { exact: true })).toBeVisible()

    // A reader (not logged in) sees it in the search and on the producer's profile.
    const context = await browser.newContext({ locale: lang, extraHTTPHeaders: { 'Accept-Language': lang } })
    try {
      const reader = await context.newPage()
      await reader.goto('/services?category=home-care&municipality=545&lang=sv&free=on&sort=copayment')
      await expectPage(reader, lang, t(lang, 'catalogue:title'))
      const card = resultCards(reader, lang).filter({ hasText: organisation })
      await expect(card).toHaveCount(1)
      await expect(card.getByText(tp(lang, 'catalogue:capacity.some', 7), { exact: true })).toBeVisible()
      await expect(card.getByText(t(lang, 'catalogue:capacity.today'), { exact: true })).toBeVisible()

      await card.getByRole('link', { name: tv(lang, 'catalogue:card.profile', { name: organisation }), exact: true }).click()
      await expect(reader).toHaveURL(/\/producers\/[^/?]+$/)
      await expectPage(reader, lang, organisation)
      const offer = reader
        .getByRole('region', { name: t(lang, 'catalogue:profile.offers'), exact: true })
        .getByRole('article')
        .filter({ has: reader.getByText(homeCare[lang], { exact: true }) })
      await expect(offer.getByText(tp(lang, 'catalogue:capacity.some', 7), { exact: true })).toBeVisible()
      await expect(offer.getByText(t(lang, 'catalogue:capacity.today'), { exact: true })).toBeVisible()
    } finally {
      await context.close()
    }
  })
})
