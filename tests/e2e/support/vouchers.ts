import { readFileSync } from 'node:fs'
import { expect, type Locator, type Page } from '@playwright/test'
import { makeIdentityCode } from '../../../app/modules/clients/identity-code'
import { DEMO_PASSWORD } from '../../../prisma/seed/accounts'
import { amountsIn } from './catalogue'
import { locales, t, type Lang } from './i18n'
import { expectPage, pageLang } from './page'
import { literal } from './provider'
import { completeLogin } from './second-factor'

/**
 * Helpers for the voucher journeys (issue → choose → accept and record → settle → pay): logging in, the months the
 * journey runs in, the money as the app should compute it (written out here, so the test checks the app rather than
 * repeating it), and reading terms and amounts off the pages.
 */

// ─── People and languages ────────────────────────────────────────────────────

/**
 * Logs in from the login page (read in `lang`), with the demo staff's authenticator code where asked, and returns
 * the language the account page is shown in: the user's own.
 */
export async function logIn(page: Page, lang: Lang, email: string): Promise<Lang> {
  await page.goto('/login')
  await expectPage(page, lang, t(lang, 'auth:login.title'))
  await page.getByLabel(t(lang, 'auth:fields.email'), { exact: true }).fill(email)
  await page.getByLabel(t(lang, 'auth:fields.password'), { exact: true }).fill(DEMO_PASSWORD)
  await page.getByRole('button', { name: t(lang, 'auth:login.submit'), exact: true }).click()
  await completeLogin(page, email)
  await expect(page).toHaveURL('/account')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(new RegExp(`^(${locales.map((locale) => literal(t(locale, 'account.title')).source).join('|')})$`))
  return pageLang(page)
}

const languageButton: Record<Lang, string> = { fi: 'Suomi', sv: 'Svenska', en: 'English' }

/** Switches a logged-in user to `to` with the header's language buttons (a full page load), if they read another. */
export async function useLanguage(page: Page, from: Lang, to: Lang): Promise<void> {
  if (from === to) return
  await page
    .getByRole('form', { name: t(from, 'language.label') })
    .getByRole('button', { name: languageButton[to], exact: true })
    .click()
  await expect(page.locator('html')).toHaveAttribute('lang', to)
}

/** The success message of the last action. */
export async function expectToast(page: Page, lang: Lang, key: string): Promise<void> {
  await expect(page.getByRole('status').filter({ hasText: t(lang, key) })).toHaveText(t(lang, key))
}

/**
 * A valid personal identity code (henkilötunnus) unique to this moment: a date of birth in 1930–1945 and an
 * individual number taken from the clock, the century sign of the 1900s. Returns the code and the date of birth.
 */
export function uniqueIdentity(seed: number): { identityCode: string; dateOfBirth: string } {
  const year = 1930 + (seed % 16)
  const month = 1 + (Math.floor(seed / 16) % 12)
  const day = 1 + (Math.floor(seed / 192) % 28)
  const dateOfBirth = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
  const individualNumber = 2 + (Math.floor(seed / 5376) % 898)
  return { identityCode: makeIdentityCode(dateOfBirth, '-', individualNumber), dateOfBirth }
}

// ─── Months ──────────────────────────────────────────────────────────────────

const intlLocale: Record<Lang, string> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-FI' }

/** `YYYY-MM-DD` of the first day of the month before the one `isoToday` is in. */
export function previousMonthStart(isoToday: string): string {
  const [year, month] = isoToday.split('-').map(Number) as [number, number]
  return new Date(Date.UTC(year, month - 2, 1)).toISOString().slice(0, 10)
}

/** A day of the month that starts on `monthStart` (`YYYY-MM-01`): `YYYY-MM-DD`. */
export function dayOf(monthStart: string, day: number): string {
  return `${monthStart.slice(0, 8)}${String(day).padStart(2, '0')}`
}

/** The day before the same day a year later: the last day of a one-year validity. */
export function oneYearFrom(isoDay: string): string {
  const [year, month, day] = isoDay.split('-').map(Number) as [number, number, number]
  return new Date(Date.UTC(year + 1, month - 1, day - 1)).toISOString().slice(0, 10)
}

/** A month by its name, as the app shows it: "oktober 2026", "lokakuu 2026", "October 2026". */
export function shownMonth(monthStart: string, lang: Lang): string {
  return new Intl.DateTimeFormat(intlLocale[lang], { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${monthStart}T00:00:00Z`))
}

/** Hundredths of a unit as the app shows the number: 300 → "3", 150 → "1,5" (fi, sv) or "1.5" (en). */
export function shownUnits(hundredths: number, lang: Lang): string {
  return new Intl.NumberFormat(intlLocale[lang], { maximumFractionDigits: 2 }).format(hundredths / 100)
}

// ─── Money, computed independently of the app ───────────────────────────────

type IncomeRule = { incomeLimitCentsByHouseholdSize: Record<string, number>; extraPerAdditionalPersonCents: number; reductionRate: number }

const incomeRule = (
  JSON.parse(readFileSync(new URL('../../../prisma/seed/data/service-catalogue.json', import.meta.url), 'utf8')) as { incomeRelatedRule: IncomeRule }
).incomeRelatedRule

/** The seeded rule's monthly income limit of a household (sizes above the table add a fixed amount per person). */
export function incomeLimitCents(householdSize: number): number {
  const sizes = Object.keys(incomeRule.incomeLimitCentsByHouseholdSize).map(Number)
  const largest = Math.max(...sizes)
  if (householdSize <= largest) return incomeRule.incomeLimitCentsByHouseholdSize[String(householdSize)]!
  return incomeRule.incomeLimitCentsByHouseholdSize[String(largest)]! + (householdSize - largest) * incomeRule.extraPerAdditionalPersonCents
}

/** value = max − (income − limit) × rate, in whole cents, kept within [min, max]. */
export function incomeRelatedValue(range: { minCents: number; maxCents: number }, householdSize: number, incomeCents: number): number {
  const reduction = Math.round((incomeCents - incomeLimitCents(householdSize)) * incomeRule.reductionRate)
  return Math.min(range.maxCents, Math.max(range.minCents, range.maxCents - Math.max(0, reduction)))
}

/** Hundredths of a unit × cents per unit, in whole cents, half away from zero. */
function centsFor(hundredths: number, perUnitCents: number): number {
  return Math.round((hundredths * perUnitCents) / 100)
}

export type Amounts = { unitsHundredths: number; totalCents: number; voucherShareCents: number; copaymentCents: number }

/**
 * What records cost: each record's total (units × price) and voucher share (units × min(price, value)) in whole
 * cents, the co-payment the rest; then added up.
 */
export function recordsAmounts(records: number[], priceCents: number, valueCents: number): Amounts {
  return records.reduce<Amounts>(
    (sum, hundredths) => {
      const total = centsFor(hundredths, priceCents)
      const share = centsFor(hundredths, Math.min(priceCents, valueCents))
      return {
        unitsHundredths: sum.unitsHundredths + hundredths,
        totalCents: sum.totalCents + total,
        voucherShareCents: sum.voucherShareCents + share,
        copaymentCents: sum.copaymentCents + total - share,
      }
    },
    { unitsHundredths: 0, totalCents: 0, voucherShareCents: 0, copaymentCents: 0 },
  )
}

// ─── Reading pages ───────────────────────────────────────────────────────────

/** The description (`<dd>`) of the term (`<dt>`, exactly `term`) in a description list inside `scope`. */
export function definition(scope: Page | Locator, term: string): Locator {
  return scope
    .locator('dt')
    .filter({ hasText: new RegExp(`^\\s*${literal(term).source}\\s*$`) })
    .locator('xpath=following-sibling::dd[1]')
}

/** The one euro amount in an element's text, in cents. */
export async function amountOf(locator: Locator, lang: Lang): Promise<number> {
  const amounts = amountsIn(await locator.innerText(), lang)
  expect(amounts, `one amount in "${await locator.innerText()}"`).toHaveLength(1)
  return amounts[0]!
}

/**
 * The euro amounts in a table row's data cells, in cents, cell by cell (so that "3" in one cell and "120,30 €" in the
 * next are never read as 3 120,30 €).
 */
export async function rowAmounts(row: Locator, lang: Lang): Promise<number[]> {
  const cells = await row.getByRole('cell').allInnerTexts()
  return cells.flatMap((text) => amountsIn(text, lang))
}

/** Opens a voucher on /voucher with its code and the holder's date of birth (`YYYY-MM-DD`), and checks the page first. */
export async function openVoucher(page: Page, lang: Lang, code: string, dateOfBirth: string): Promise<void> {
  await page.goto('/voucher')
  await expectPage(page, lang, t(lang, 'voucher:login.title'))
  const [year, month, day] = dateOfBirth.split('-') as [string, string, string]
  await page.getByLabel(t(lang, 'voucher:login.code'), { exact: true }).fill(code)
  const date = page.getByRole('group', { name: t(lang, 'voucher:login.dateOfBirth') })
  await date.getByLabel(t(lang, 'voucher:login.day'), { exact: true }).fill(String(Number(day)))
  await date.getByLabel(t(lang, 'voucher:login.month'), { exact: true }).fill(String(Number(month)))
  await date.getByLabel(t(lang, 'voucher:login.year'), { exact: true }).fill(year)
  await page.getByRole('button', { name: t(lang, 'voucher:login.submit'), exact: true }).click()
  await expect(page).toHaveURL('/my-voucher')
}
