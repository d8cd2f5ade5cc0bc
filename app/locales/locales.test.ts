import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { namespaces, supportedLocales } from '~/i18n'
import { resources } from './resources'

type Tree = { [key: string]: string | Tree }

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>()
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') out.set(prefix + key, value)
    else for (const [k, v] of flatten(value, `${prefix}${key}.`)) out.set(k, v)
  }
  return out
}

const flat = Object.fromEntries(
  supportedLocales.map((locale) => [
    locale,
    Object.fromEntries(namespaces.map((ns) => [ns, flatten(resources[locale][ns])])),
  ]),
) as Record<(typeof supportedLocales)[number], Record<(typeof namespaces)[number], Map<string, string>>>

/** i18next plural keys (key_one, key_other) answer to their base key in code. */
const baseKey = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, '')

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (name === 'generated' || name === 'node_modules') return []
    if (statSync(path).isDirectory()) return sourceFiles(path)
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : []
  })
}

describe('locale files', () => {
  for (const ns of namespaces) {
    it(`${ns}: every language has exactly the same keys`, () => {
      const [first, ...rest] = supportedLocales.map((locale) => [...flat[locale][ns].keys()].sort())
      for (const keys of rest) expect(keys).toEqual(first)
    })
  }

  it('has no empty translations', () => {
    for (const locale of supportedLocales) {
      for (const ns of namespaces) {
        const empty = [...flat[locale][ns]].filter(([, value]) => value.trim() === '').map(([key]) => `${locale}:${ns}:${key}`)
        expect(empty).toEqual([])
      }
    }
  })

  it('keeps interpolation variables the same in every language', () => {
    const variables = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort()
    for (const ns of namespaces) {
      for (const [key, value] of flat.en[ns]) {
        for (const locale of supportedLocales) {
          expect(variables(flat[locale][ns].get(key) ?? ''), `${locale}:${ns}:${key}`).toEqual(variables(value))
        }
      }
    }
  })

  it('has a translation for every literal key the code asks for', () => {
    const known = new Set<string>()
    for (const ns of namespaces) for (const key of flat.en[ns].keys()) known.add(baseKey(key)).add(`${ns}:${baseKey(key)}`)
    const root = join(process.cwd())
    const missing: string[] = []
    for (const file of [...sourceFiles(join(root, 'app')), ...sourceFiles(join(root, 'emails'))]) {
      const text = readFileSync(file, 'utf8')
      for (const match of text.matchAll(/\b(?:t|pageTitle\(request,)\s*\(?\s*'([a-zA-Z]+[:.][\w.:]+)'/g)) {
        const key = match[1] ?? ''
        if (!known.has(key)) missing.push(`${file.slice(root.length + 1)}: ${key}`)
      }
      for (const match of text.matchAll(/message: '([a-z]+\.[\w.]+)'/g)) {
        if (!known.has(match[1] ?? '')) missing.push(`${file.slice(root.length + 1)}: ${match[1]}`)
      }
    }
    expect(missing).toEqual([])
  })
})
