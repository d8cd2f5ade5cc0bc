import type { ReactNode, SelectHTMLAttributes } from 'react'
import { controlBorder, FieldFrame, type ValueFieldMeta } from './field-frame'

type SelectFieldProps = {
  /** the Conform field (or anything with its id, name, initial value, required and errors) */
  meta: ValueFieldMeta
  label: ReactNode
  hint?: ReactNode
  options: readonly { value: string; label: string }[]
  /** text of an empty first option ("Choose …"); without it the first option is preselected */
  placeholder?: string
} & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'name' | 'defaultValue' | 'children'>

/** A labelled select with an optional hint and its translated errors. */
export function SelectField({ meta, label, hint, options, placeholder, className, ...selectProps }: SelectFieldProps) {
  return (
    <FieldFrame meta={meta} label={label} hint={hint} className={className}>
      {(control, invalid) => (
        <select
          {...control}
          defaultValue={meta.initialValue ?? ''}
          className={`mt-1 block w-full max-w-md rounded border-2 bg-white px-3 py-2 ${controlBorder(invalid)}`}
          {...selectProps}
        >
          {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FieldFrame>
  )
}
