import { isLocale, supportedLocales, type AppLocale } from '~/i18n'

/**
 * The language of the API's texts (pure): `?lang=fi|sv|en` when given (the parameter parser has already checked
 * it), else the best of fi, sv and en in the Accept-Language header by its q-values, else the site's default.
 * Text missing in the chosen language falls back as the public catalogue's does (`textOrder`).
 */
export function negotiateLocale(acceptLanguage: string | null, fallback: AppLocale): AppLocale {
  if (!acceptLanguage) return fallback
  const candidates: { locale: AppLocale; q: number; index: number }[] = []
  acceptLanguage
    .split(',')
    .slice(0, 50)
    .forEach((part, index) => {
      const [tag = '', ...parameters] = part.trim().split(';')
      const primary = tag.trim().toLowerCase().split('-')[0] ?? ''
      let q = 1
      for (const parameter of parameters) {
        const [name, value] = parameter.split('=').map((piece) => piece.trim())
        if (name?.toLowerCase() === 'q') q = /^(0(\.\d{0,3})?|1(\.0{0,3})?)$/.test(value ?? '') ? Number(value) : 0
      }
      if (q <= 0) return
      if (primary === '*') candidates.push({ locale: fallback, q, index })
      else if (isLocale(primary)) candidates.push({ locale: primary, q, index })
    })
  candidates.sort((a, b) => b.q - a.q || a.index - b.index)
  return candidates[0]?.locale ?? fallback
}

/** The languages other than `locale`, for the responses' alternate links. */
export function otherLocales(locale: AppLocale): AppLocale[] {
  return supportedLocales.filter((other) => other !== locale)
}
