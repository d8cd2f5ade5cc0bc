import type { InputHTMLAttributes, ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

type FileFieldProps = {
  /** the Conform field (or anything with its id, name, required and errors) */
  meta: { id: string; name: string; required?: boolean; errors?: string[] }
  label: ReactNode
  hint?: ReactNode
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'name' | 'type' | 'defaultValue' | 'value'>

/**
 * A labelled file input with an optional hint (accepted types, size) and its translated errors. The browser never
 * keeps a chosen file across a server round trip, so after an error the user picks it again.
 */
export function FileField({ meta, label, hint, className, ...inputProps }: FileFieldProps) {
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
        type="file"
        required={meta.required}
        aria-invalid={errorId ? true : undefined}
        aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}
        className={`mt-1 block w-full max-w-md rounded border-2 px-3 py-2 file:mr-3 file:rounded file:border-0 file:bg-brand-50 file:px-3 file:py-1 file:font-semibold ${errorId ? 'border-red-700' : 'border-slate-600'}`}
        {...inputProps}
      />
    </div>
  )
}
