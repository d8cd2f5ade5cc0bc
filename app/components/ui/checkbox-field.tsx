import type { InputHTMLAttributes, ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

type CheckboxFieldProps = {
  /** the Conform field of a boolean: initial value "on" when checked */
  meta: { id: string; name: string; initialValue?: string; required?: boolean; errors?: string[] }
  label: ReactNode
  hint?: ReactNode
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'name' | 'type' | 'defaultValue' | 'defaultChecked' | 'value'>

/**
 * A single yes/no checkbox with its label beside it, an optional hint and translated errors. An unticked box sends
 * nothing, so the schema reads a missing value as false (`z.boolean().default(false)`).
 */
export function CheckboxField({ meta, label, hint, className, ...inputProps }: CheckboxFieldProps) {
  const { t } = useTranslation()
  const hintId = hint ? `${meta.id}-hint` : undefined
  const errorId = meta.errors?.length ? `${meta.id}-error` : undefined
  return (
    <div className={className ?? 'mb-5'}>
      {errorId ? (
        <p id={errorId} className="mb-1 font-semibold text-red-700">
          {meta.errors?.map((error) => t(error)).join(' ')}
        </p>
      ) : null}
      <div className="flex items-start gap-3">
        <input
          id={meta.id}
          name={meta.name}
          type="checkbox"
          value="on"
          defaultChecked={meta.initialValue === 'on'}
          required={meta.required}
          aria-invalid={errorId ? true : undefined}
          aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}
          className="mt-1 h-6 w-6 shrink-0 accent-brand-700"
          {...inputProps}
        />
        <div>
          <label htmlFor={meta.id} className="font-semibold">
            {label}
          </label>
          {hint ? (
            <p id={hintId} className="text-sm text-slate-700">
              {hint}
            </p>
          ) : null}
        </div>
      </div>
    </div>
  )
}
