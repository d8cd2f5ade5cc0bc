import type { ReactNode, SelectHTMLAttributes } from 'react'
import { useTranslation } from 'react-i18next'

type SelectFieldProps = {
  /** the Conform field (or anything with its id, name, initial value, required and errors) */
  meta: { id: string; name: string; initialValue?: string; required?: boolean; errors?: string[] }
  label: ReactNode
  hint?: ReactNode
  options: readonly { value: string; label: string }[]
  /** text of an empty first option ("Choose …"); without it the first option is preselected */
  placeholder?: string
} & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'name' | 'defaultValue' | 'children'>

/** A labelled select with an optional hint and its translated errors, linked with aria-describedby. */
export function SelectField({ meta, label, hint, options, placeholder, className, ...selectProps }: SelectFieldProps) {
  const { t } = useTranslation()
  const hintId = hint ? `${meta.id}-hint` : undefined
  const errorId = meta.errors?.length ? `${meta.id}-error` : undefined
  return (
    <div className={className ?? 'mb-5'}>
      <label htmlFor={meta.id} className="block font-semibold">
        {label}
      </label>
      {hint ? (
        <p id={hintId} className="text-sm text-slate-700">
          {hint}
        </p>
      ) : null}
      {errorId ? (
        <p id={errorId} className="mt-1 font-semibold text-red-700">
          {meta.errors?.map((error) => t(error)).join(' ')}
        </p>
      ) : null}
      <select
        id={meta.id}
        name={meta.name}
        defaultValue={meta.initialValue ?? ''}
        required={meta.required}
        aria-invalid={errorId ? true : undefined}
        aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}
        className={`mt-1 block w-full max-w-md rounded border-2 bg-white px-3 py-2 ${errorId ? 'border-red-700' : 'border-slate-600'}`}
        {...selectProps}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  )
}
