import { Form, useLocation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { supportedLocales } from '~/i18n'

const names = { fi: 'Suomi', sv: 'Svenska', en: 'English' } as const

/** One button per language; a plain POST that works without JavaScript and reloads the page in the new language. */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation()
  const location = useLocation()
  return (
    <Form method="post" action="/set-language" reloadDocument aria-label={t('language.label')} className="flex gap-1">
      <input type="hidden" name="redirectTo" value={`${location.pathname}${location.search}`} />
      {supportedLocales.map((locale) => (
        <button
          key={locale}
          type="submit"
          name="lang"
          value={locale}
          lang={locale}
          aria-current={i18n.language === locale ? 'true' : undefined}
          className={`rounded px-2 py-1 text-sm ${i18n.language === locale ? 'bg-white font-bold text-brand-800' : 'text-white underline hover:bg-brand-800'}`}
        >
          {names[locale]}
        </button>
      ))}
    </Form>
  )
}
