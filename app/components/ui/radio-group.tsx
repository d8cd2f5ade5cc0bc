import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

type RadioGroupProps = {
  /** the Conform field (or anything with its id, name, initial value, required and errors) */
  meta: { id: string; name: string; initialValue?: string; required?: boolean; errors?: string[] }
  legend: ReactNode
  hint?: ReactNode
  options: readonly { value: string; label: ReactNode; hint?: ReactNode }[]
  className?: string
}

/**
 * One choice out of a few, as a fieldset whose legend is the question. The first radio button carries the field's
 * id, so the error summary's link lands on the group; the hint and errors describe the whole group.
 */
export function RadioGroup({ meta, legend, hint, options, className }: RadioGroupProps) {
  const { t } = useTranslation()
  const hintId = hint ? `${meta.id}-hint` : undefined
  const errorId = meta.errors?.length ? `${meta.id}-error` : undefined
  return (
    <fieldset
      className={className ?? 'mb-5'}
      aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}
    >
      <legend className="font-semibold">{legend}</legend>
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
      <div className={`mt-2 space-y-2 ${errorId ? 'border-l-4 border-red-700 pl-3' : ''}`}>
        {options.map((option, index) => {
          const id = index === 0 ? meta.id : `${meta.id}-${option.value}`
          const optionHintId = option.hint ? `${id}-hint` : undefined
          return (
            <div key={option.value} className="flex items-start gap-3">
              <input
                id={id}
                type="radio"
                name={meta.name}
                value={option.value}
                defaultChecked={meta.initialValue === option.value}
                required={meta.required}
                aria-invalid={errorId ? true : undefined}
                aria-describedby={optionHintId}
                className="mt-1 h-5 w-5 shrink-0 accent-brand-700"
              />
              <div>
                <label htmlFor={id}>{option.label}</label>
                {option.hint ? (
                  <p id={optionHintId} className="text-sm text-slate-700">
                    {option.hint}
                  </p>
                ) : null}
              </div>
            </div>
          )
        })}
      </div>
    </fieldset>
  )
}
