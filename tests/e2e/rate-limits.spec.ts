import { expect, test, type Page } from '@playwright/test'
import { honeypotFieldName } from '../../app/components/honeypot-field'
import { generateVoucherCode } from '../../app/modules/vouchers/voucher-code'
import { rateLimits } from '../../app/utils/rate-limit-policies'
import { expectNoAxeViolations } from './support/axe'
import { t, type Lang } from './support/i18n'
import { expectPage } from './support/page'

/**
 * The voucher form past its per-address limit (rateLimits.voucherLookupPerIp): the translated 429 page with the
 * minutes to wait and a way back to the form, clean under axe, in Swedish and Finnish.
 *
 * Each language tries from an address of its own, made up for this run and sent as X-Forwarded-For: the e2e server
 * trusts one proxy in front of it (TRUST_PROXY=1), as a deployment behind a load balancer does, so the count reaches
 * neither the other specs (which all come from 127.0.0.1) nor a retry.
 */
const { limit, windowSeconds } = rateLimits.voucherLookupPerIp
const randomOctet = () => 1 + Math.floor(Math.random() * 254)
const addresses: Record<'sv' | 'fi', string> = { sv: `203.0.113.${randomOctet()}`, fi: `198.51.100.${randomOctet()}` }

/** One try with a code no voucher has (a new one each time, so the per-code lock never answers first). */
function unknownCodeForm(): Record<string, string> {
  return { code: generateVoucherCode(Math.random), 'dateOfBirth.day': '1', 'dateOfBirth.month': '1', 'dateOfBirth.year': '1950', redirectTo: '/my-voucher/feedback' }
}

async function fillAndSend(page: Page, lang: Lang, form: Record<string, string>) {
  await page.getByLabel(t(lang, 'voucher:login.code'), { exact: true }).fill(form.code ?? '')
  const date = page.getByRole('group', { name: t(lang, 'voucher:login.dateOfBirth') })
  await date.getByLabel(t(lang, 'voucher:login.day'), { exact: true }).fill('1')
  await date.getByLabel(t(lang, 'voucher:login.month'), { exact: true }).fill('1')
  await date.getByLabel(t(lang, 'voucher:login.year'), { exact: true }).fill('1950')
  await page.getByRole('button', { name: t(lang, 'voucher:login.submit'), exact: true }).click()
}

for (const lang of ['sv', 'fi'] as const) {
  test.describe(`the voucher form past its limit (${lang})`, () => {
    const address = addresses[lang]
    test.use({ locale: lang, extraHTTPHeaders: { 'Accept-Language': lang, 'X-Forwarded-For': address } })

    test('shows what happened, when to try again and the way back, and passes axe', async ({ page, baseURL }) => {
      const formPath = '/voucher?redirectTo=%2Fmy-voucher%2Ffeedback'
      await page.goto(formPath)
      await expectPage(page, lang, t(lang, 'voucher:login.title'))
      const honeypot = page.locator(`input[name="${honeypotFieldName}"]`)
      await expect(honeypot, 'the honeypot is out of reach').toHaveAttribute('tabindex', '-1')
      await expect(honeypot).not.toBeInViewport()

      // one try in the browser: a wrong code is an ordinary refusal on the form
      await fillAndSend(page, lang, unknownCodeForm())
      await expect(page.getByText(t(lang, 'voucher:login.errors.notMatching')).first()).toBeVisible()

      // the rest of the allowed tries straight over HTTP, from the same address
      const origin = new URL(baseURL ?? '').origin
      for (let attempt = 1; attempt < limit; attempt++) {
        const refused = await page.request.post(formPath, { form: unknownCodeForm(), headers: { Origin: origin, 'X-Forwarded-For': address }, maxRedirects: 0 })
        expect(refused.status(), `try ${attempt + 1}`).toBe(400)
      }

      // past the limit: a whole 429 page (without JavaScript) with Retry-After …
      const document = await page.request.post(formPath, { form: unknownCodeForm(), headers: { Origin: origin, 'X-Forwarded-For': address, 'Accept-Language': lang } })
      expect(document.status()).toBe(429)
      const retryAfter = Number(document.headers()['retry-after'])
      expect(retryAfter).toBeGreaterThan(windowSeconds - 120)
      expect(retryAfter).toBeLessThanOrEqual(windowSeconds)
      const html = await document.text()
      expect(html).toContain(`<html lang="${lang}"`)
      expect(html).toContain(t(lang, 'limits:page.what'))

      // … and the same page in the browser, which says how many minutes to wait
      await fillAndSend(page, lang, unknownCodeForm())
      await expectPage(page, lang, t(lang, 'errorPage.tooMany.title'))
      await expect(page).toHaveTitle(new RegExp(`^${t(lang, 'errorPage.tooMany.title')}`))
      await expect(page.getByText(t(lang, 'limits:page.what'))).toBeVisible()
      const minutes = Math.ceil(windowSeconds / 60)
      await expect(page.getByText(t(lang, 'limits:page.retryIn_other').replace('{{count}}', String(minutes)))).toBeVisible()
      await expectNoAxeViolations(page)

      // the way back keeps where the person was going
      await page.getByRole('link', { name: t(lang, 'limits:page.back'), exact: true }).click()
      await expect(page).toHaveURL(formPath)
      await expectPage(page, lang, t(lang, 'voucher:login.title'))
    })
  })
}
