import type { FieldMetadata } from '@conform-to/react'
import type { InputHTMLAttributes, ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

type FieldProps = {
  /** the Conform field: gives id, name, initial value, required and errors */
  meta: FieldMetadata<string | undefined, Record<string, unknown>, string[]>
  label: ReactNode
  hint?: ReactNode
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'name' | 'defaultValue'>

/** A labelled input with an optional hint and its translated errors, linked with aria-describedby. */
export function Field({ meta, label, hint, className, type = 'text', ...inputProps }: FieldProps) {
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
      <input
        id={meta.id}
        name={meta.name}
        type={type}
        defaultValue={type === 'password' ? undefined : (meta.initialValue ?? '')}
        required={meta.required}
        aria-invalid={errorId ? true : undefined}
        aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}
        className={`mt-1 block w-full max-w-md rounded border-2 px-3 py-2 ${errorId ? 'border-red-700' : 'border-slate-600'}`}
        {...inputProps}
      />
    </div>
  )
}
