import { RemixBrowser } from '@remix-run/react'
import i18next, { type Resource } from 'i18next'
import { startTransition, StrictMode } from 'react'
import { hydrateRoot } from 'react-dom/client'
import { I18nextProvider, initReactI18next } from 'react-i18next'
import { i18nConfig, isLocale } from '~/i18n'

// Only the page's own language is downloaded: one chunk per locale file.
const localeFiles = import.meta.glob<{ default: Resource[string] }>('./locales/*/*.json')

async function loadLocale(lng: string): Promise<Resource> {
  const entries = Object.entries(localeFiles).filter(([path]) => path.startsWith(`./locales/${lng}/`))
  const bundle: Resource[string] = {}
  for (const [path, load] of entries) {
    const namespace = /\/(\w+)\.json$/.exec(path)?.[1]
    if (namespace) bundle[namespace] = (await load()).default
  }
  return { [lng]: bundle }
}

async function hydrate() {
  const htmlLang = document.documentElement.lang
  const lng = isLocale(htmlLang) ? htmlLang : i18nConfig.fallbackLng
  await i18next.use(initReactI18next).init({ ...i18nConfig, lng, resources: await loadLocale(lng) })
  startTransition(() => {
    hydrateRoot(
      document,
      <I18nextProvider i18n={i18next}>
        <StrictMode>
          <RemixBrowser />
        </StrictMode>
      </I18nextProvider>,
    )
  })
}

void hydrate()
