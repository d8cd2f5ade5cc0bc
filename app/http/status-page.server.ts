import type { AppLocale } from '~/i18n'
import { translator } from '~/i18n.server'

/** crossSite: a refused cross-site request (403, the `http` namespace); serverError: the app's own 500 text. */
export type StatusPageKind = 'crossSite' | 'serverError'

const textKeys: Record<StatusPageKind, { namespace: 'http' | 'common'; prefix: string }> = {
  crossSite: { namespace: 'http', prefix: 'crossSite' },
  serverError: { namespace: 'common', prefix: 'errorPage.serverError' },
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`)
}

/**
 * A page the server answers with itself, outside Remix: a refused cross-site request or an error Remix could not
 * render. Plain HTML in the user's language, with no scripts or styles, so the strict CSP holds.
 */
export async function statusPageHtml(kind: StatusPageKind, locale: AppLocale): Promise<string> {
  const { namespace, prefix } = textKeys[kind]
  const t = await translator(locale, namespace)
  const common = await translator(locale, 'common')
  const heading = t(`${prefix}.title`)
  return [
    '<!doctype html>',
    `<html lang="${locale}" dir="ltr">`,
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(`${heading} – ${common('app.name')}`)}</title></head>`,
    '<body><main>',
    `<h1>${escapeHtml(heading)}</h1>`,
    `<p>${escapeHtml(t(`${prefix}.body`))}</p>`,
    `<p><a href="/">${escapeHtml(common('errorPage.backHome'))}</a></p>`,
    '</main></body></html>',
  ].join('\n')
}
