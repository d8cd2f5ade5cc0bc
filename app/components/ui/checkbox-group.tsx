import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

type CheckboxGroupProps = {
  /** the Conform field of a list (or anything with its id, name, initial values and errors) */
  meta: { id: string; name: string; initialValue?: string | readonly (string | undefined)[] | null; errors?: string[] }
  /** the question the boxes answer; may hold a heading */
  legend: ReactNode
  hint?: ReactNode
  options: readonly { value: string; label: ReactNode; hint?: ReactNode; disabled?: boolean }[]
  className?: string
}

function initialValues(value: CheckboxGroupProps['meta']['initialValue']): string[] {
  if (typeof value === 'string') return [value]
  return (value ?? []).filter((item): item is string => typeof item === 'string')
}

/**
 * Any number of choices out of a list, as a fieldset whose legend is the question; works without JavaScript. The
 * first box that can be ticked carries the field's id, so the error summary's link lands on the group; the hint and
 * errors describe the whole group, each option's hint its own box.
 */
export function CheckboxGroup({ meta, legend, hint, options, className }: CheckboxGroupProps) {
  const { t } = useTranslation()
  const hintId = hint ? `${meta.id}-hint` : undefined
  const errorId = meta.errors?.length ? `${meta.id}-error` : undefined
  const checked = initialValues(meta.initialValue)
  const first = Math.max(0, options.findIndex((option) => !option.disabled))
  return (
    <fieldset className={className ?? 'mb-5'} aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}>
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
      <div className={`mt-2 space-y-3 ${errorId ? 'border-l-4 border-red-700 pl-3' : ''}`}>
        {options.map((option, index) => {
          const id = index === first ? meta.id : `${meta.id}-${option.value}`
          const optionHintId = option.hint ? `${id}-hint` : undefined
          return (
            <div key={option.value} className="flex items-start gap-3">
              <input
                id={id}
                type="checkbox"
                name={meta.name}
                value={option.value}
                defaultChecked={checked.includes(option.value)}
                disabled={option.disabled}
                aria-invalid={errorId ? true : undefined}
                aria-describedby={optionHintId}
                className="mt-1 h-5 w-5 shrink-0 accent-brand-700"
              />
              <div>
                <label htmlFor={id} className={option.disabled ? 'text-slate-700' : undefined}>
                  {option.label}
                </label>
                {option.hint ? (
                  <div id={optionHintId} className="text-sm text-slate-700">
                    {option.hint}
                  </div>
                ) : null}
              </div>
            </div>
          )
        })}
      </div>
    </fieldset>
  )
}
