import type { FieldMetadata, FormMetadata } from '@conform-to/react'

/**
 * The errors of a Conform form keyed by field id, for the error summary's links; form-level errors under ''.
 * Conform's `fields` is a proxy without enumerable keys, so the names come from `form.allErrors`.
 */
export function summaryErrors<T extends Record<string, unknown>>(
  form: FormMetadata<T, string[]>,
  fields: { [K in keyof T]: FieldMetadata<T[K], T, string[]> },
): Record<string, string[] | undefined> {
  const entries: [string, string[] | undefined][] = [['', form.errors]]
  for (const [name, errors] of Object.entries(form.allErrors)) {
    if (name === '' || !errors.length) continue
    const field = (fields as Record<string, FieldMetadata<unknown, T, string[]> | undefined>)[name]
    entries.push([field?.id ?? name, errors])
  }
  return Object.fromEntries(entries)
}
