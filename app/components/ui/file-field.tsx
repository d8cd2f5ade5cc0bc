import type { InputHTMLAttributes, ReactNode } from 'react'
import { controlBorder, FieldFrame, type FieldMeta } from './field-frame'

type FileFieldProps = {
  /** the Conform field (or anything with its id, name, required and errors) */
  meta: FieldMeta
  label: ReactNode
  hint?: ReactNode
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'name' | 'type' | 'defaultValue' | 'value'>

/**
 * A labelled file input with an optional hint (accepted types, size) and its translated errors. The browser never
 * keeps a chosen file across a server round trip, so after an error the user picks it again.
 */
export function FileField({ meta, label, hint, className, ...inputProps }: FileFieldProps) {
  return (
    <FieldFrame meta={meta} label={label} hint={hint} className={className}>
      {(control, invalid) => (
        <input
          {...control}
          type="file"
          className={`mt-1 block w-full max-w-md rounded border-2 px-3 py-2 file:mr-3 file:rounded file:border-0 file:bg-brand-50 file:px-3 file:py-1 file:font-semibold ${controlBorder(invalid)}`}
          {...inputProps}
        />
      )}
    </FieldFrame>
  )
}
