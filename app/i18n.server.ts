import { createCookie } from '@remix-run/node'
import { createInstance, type TFunction } from 'i18next'
import { RemixI18Next } from 'remix-i18next/server'
import { i18nConfig, namespaces, type AppLocale, type Namespace, supportedLocales } from '~/i18n'
import { resources } from '~/locales/resources'
import { env } from '~/utils/env.server'

export const localeCookie = createCookie('lang', {
  path: '/',
  sameSite: 'lax',
  httpOnly: true,
  maxAge: 60 * 60 * 24 * 365,
})

/** Language: the user's choice (cookie, set by the switcher and at login), else Accept-Language, else the area's default. */
export const i18nServer = new RemixI18Next({
  detection: {
    supportedLanguages: [...supportedLocales],
    fallbackLanguage: env().DEFAULT_LOCALE,
    cookie: localeCookie,
    order: ['cookie', 'header'],
  },
  i18next: { ...i18nConfig, fallbackLng: env().DEFAULT_LOCALE, resources },
})

export async function getLocale(request: Request): Promise<AppLocale> {
  return (await i18nServer.getLocale(request)) as AppLocale
}

const fixedInstances = new Map<AppLocale, Promise<TFunction>>()

/** A translator for one language, for emails and other text made outside a request's language. */
export function translator(locale: AppLocale, namespace: Namespace = 'common'): Promise<TFunction> {
  let instance = fixedInstances.get(locale)
  if (!instance) {
    const i18n = createInstance()
    instance = i18n.init({ ...i18nConfig, lng: locale, resources, ns: [...namespaces] })
    fixedInstances.set(locale, instance)
  }
  return instance.then((t) => ((key: string, options?: Record<string, unknown>) =>
    t(key, { ns: namespace, ...options })) as TFunction)
}

/** "<page> – <app name>" in the request's language; `key` may carry a namespace prefix ("auth:login.title"). */
export async function pageTitle(request: Request, key: string, options?: Record<string, unknown>): Promise<string> {
  const t = await translator(await getLocale(request))
  return `${t(key, options)} – ${t('app.name')}`
}
