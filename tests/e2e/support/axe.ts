import { AxeBuilder } from '@axe-core/playwright'
import { expect, type Page } from '@playwright/test'

const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']

/**
 * Scans the page with axe for WCAG 2.1 A and AA and expects no violations. The assertion is soft: the journey goes
 * on, so one run reports every page's violations, and the test still fails at its end.
 */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(wcagTags).analyze()
  const report = violations.map((violation) => {
    const targets = violation.nodes.map((node) => `    ${node.target.join(' ')}`).join('\n')
    return `  ${violation.id} (${violation.impact ?? 'unknown impact'}): ${violation.help}\n${targets}`
  })
  expect.soft(report.length, `axe found violations on ${page.url()}:\n${report.join('\n')}`).toBe(0)
}
