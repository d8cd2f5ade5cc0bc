import { readFileSync } from 'node:fs'

export const locales = ['fi', 'sv', 'en'] as const
export type Lang = (typeof locales)[number]

type Messages = { [key: string]: string | Messages }

const cache = new Map<string, Messages>()

function messages(lang: Lang, namespace: string): Messages {
  const file = new URL(`../../../app/locales/${lang}/${namespace}.json`, import.meta.url)
  let loaded = cache.get(file.href)
  if (!loaded) {
    loaded = JSON.parse(readFileSync(file, 'utf8')) as Messages
    cache.set(file.href, loaded)
  }
  return loaded
}

/** The real translation of `namespace:dotted.key` (namespace defaults to common), so tests follow the locale files. */
export function t(lang: Lang, key: string): string {
  const [namespace, path] = key.includes(':') ? (key.split(':', 2) as [string, string]) : ['common', key]
  let value: string | Messages | undefined = messages(lang, namespace)
  for (const part of path.split('.')) {
    value = typeof value === 'object' ? value[part] : undefined
  }
  if (typeof value !== 'string') throw new Error(`no translation ${lang}/${namespace}:${path}`)
  return value
}
