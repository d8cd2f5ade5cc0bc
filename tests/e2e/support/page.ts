import { expect, type Page } from '@playwright/test'
import { expectNoAxeViolations } from './axe'
import { locales, type Lang } from './i18n'

/** Checks a page once it is shown: its main heading, `<html lang>`, and an axe scan. */
export async function expectPage(page: Page, lang: Lang, heading: string): Promise<void> {
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading)
  await expect(page.locator('html')).toHaveAttribute('lang', lang)
  await expectNoAxeViolations(page)
}

/** The language the page is shown in, from `<html lang>`. */
export async function pageLang(page: Page): Promise<Lang> {
  const lang = await page.locator('html').getAttribute('lang')
  const known = locales.find((locale) => locale === lang)
  if (!known) throw new Error(`unexpected <html lang="${lang}">`)
  return known
}
