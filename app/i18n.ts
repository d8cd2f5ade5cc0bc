/** Shared i18next settings for server and browser. */
export const supportedLocales = ['fi', 'sv', 'en'] as const
export type AppLocale = (typeof supportedLocales)[number]

export const namespaces = ['common', 'auth', 'pages', 'email', 'organisation', 'documents', 'applications', 'staff', 'review', 'register', 'admin', 'offers', 'catalogue', 'issuing', 'voucher', 'delivery', 'settlement', 'payment', 'opendata', 'followup', 'security', 'limits', 'privacy', 'faults', 'http'] as const
export type Namespace = (typeof namespaces)[number]

export function isLocale(value: unknown): value is AppLocale {
  return typeof value === 'string' && (supportedLocales as readonly string[]).includes(value)
}

export const i18nConfig = {
  supportedLngs: [...supportedLocales],
  fallbackLng: 'sv',
  defaultNS: 'common',
  interpolation: { escapeValue: false },
  react: { useSuspense: false },
} as const

/** BCP 47 tags for Intl formatting: Finland's conventions in every language. */
export const intlLocale: Record<AppLocale, string> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-FI' }
