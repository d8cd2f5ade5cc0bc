import type { InputHTMLAttributes, ReactNode } from 'react'
import { controlBorder, FieldFrame, type ValueFieldMeta } from './field-frame'

type FieldProps = {
  /** the Conform field: gives id, name, initial value, required and errors */
  meta: ValueFieldMeta
  label: ReactNode
  hint?: ReactNode
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'name' | 'defaultValue'>

/** A labelled text input with an optional hint and its translated errors. Passwords are never sent back. */
export function Field({ meta, label, hint, className, type = 'text', ...inputProps }: FieldProps) {
  return (
    <FieldFrame meta={meta} label={label} hint={hint} className={className}>
      {(control, invalid) => (
        <input
          {...control}
          type={type}
          defaultValue={type === 'password' ? undefined : (meta.initialValue ?? '')}
          className={`mt-1 block w-full max-w-md rounded border-2 px-3 py-2 ${controlBorder(invalid)}`}
          {...inputProps}
        />
      )}
    </FieldFrame>
  )
}
