import type { FieldMetadata, FormMetadata } from '@conform-to/react'

/** The errors of a Conform form keyed by field id (for the error summary's links); form-level errors under ''. */
export function summaryErrors<T extends Record<string, unknown>>(
  form: FormMetadata<T, string[]>,
  fields: { [K in keyof T]: FieldMetadata<T[K], T, string[]> },
): Record<string, string[] | undefined> {
  const entries: [string, string[] | undefined][] = [['', form.errors]]
  for (const field of Object.values(fields) as FieldMetadata<unknown, T, string[]>[]) {
    entries.push([field.id, field.errors])
  }
  return Object.fromEntries(entries)
}
