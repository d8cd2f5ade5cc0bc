import type { ReactNode, TextareaHTMLAttributes } from 'react'
import { useTranslation } from 'react-i18next'

type TextareaFieldProps = {
  /** the Conform field (or anything with its id, name, initial value, required and errors) */
  meta: { id: string; name: string; initialValue?: string; required?: boolean; errors?: string[] }
  label: ReactNode
  hint?: ReactNode
  /** ids of further descriptions (a group's error, say), read after the hint and the field's own errors */
  describedBy?: string
} & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'name' | 'defaultValue' | 'value'>

/**
 * A labelled multi-line text box with an optional hint and its translated errors, linked with aria-describedby.
 * Give text in another language than the page a `lang` attribute, so screen readers pronounce it right.
 */
export function TextareaField({ meta, label, hint, describedBy, className, rows = 6, ...textareaProps }: TextareaFieldProps) {
  const { t } = useTranslation()
  const hintId = hint ? `${meta.id}-hint` : undefined
  const errorId = meta.errors?.length ? `${meta.id}-error` : undefined
  const invalid = Boolean(errorId) || textareaProps['aria-invalid'] === true
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
      <textarea
        id={meta.id}
        name={meta.name}
        rows={rows}
        defaultValue={meta.initialValue ?? ''}
        required={meta.required}
        aria-invalid={invalid ? true : undefined}
        aria-describedby={[hintId, errorId, describedBy].filter(Boolean).join(' ') || undefined}
        className={`mt-1 block w-full max-w-2xl rounded border-2 px-3 py-2 ${invalid ? 'border-red-700' : 'border-slate-600'}`}
        {...textareaProps}
      />
    </div>
  )
}
