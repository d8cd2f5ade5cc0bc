import { render } from '@react-email/render'
import { isEmailTemplate, templates, type EmailProps, type EmailTemplate } from '#emails/templates'
import type { AppLocale } from '~/i18n'
import { translator } from '~/i18n.server'

export type RenderedEmail = { subject: string; html: string; text: string }

/** Renders a template in the recipient's language to HTML and plain text. */
export async function renderEmail(template: string, locale: AppLocale, props: unknown): Promise<RenderedEmail> {
  if (!isEmailTemplate(template)) throw new Error(`Unknown email template ${template}`)
  const t = await translator(locale, 'email')
  const entry = templates[template] as { subjectKey: string; build: (t: unknown, lang: string, props: EmailProps[EmailTemplate]) => React.ReactElement }
  const element = entry.build(t, locale, props as EmailProps[EmailTemplate])
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })])
  const values = (props as { values?: Record<string, string> }).values ?? {}
  return { subject: t(entry.subjectKey, values), html, text }
}
