import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

/** What a form control needs of its field: Conform's field metadata, or anything with the same shape. */
export type FieldMeta = { id: string; name: string; required?: boolean; errors?: string[] }
/** A field whose control shows its initial value (text, select, textarea). */
export type ValueFieldMeta = FieldMeta & { initialValue?: string }

/** The attributes that tie a control to its label, hint and errors. */
export type ControlProps = {
  id: string
  name: string
  required?: boolean
  'aria-invalid'?: true
  'aria-describedby'?: string
}

type FieldFrameProps = {
  meta: FieldMeta
  label: ReactNode
  hint?: ReactNode
  /** ids of further descriptions (a group's error, say), read after the hint and the field's own errors */
  describedBy?: string
  className?: string
  children: (control: ControlProps, invalid: boolean) => ReactNode
}

/** Label, hint and translated errors above a control, linked to it with aria-describedby. */
export function FieldFrame({ meta, label, hint, describedBy, className, children }: FieldFrameProps) {
  const { t } = useTranslation()
  const hintId = hint ? `${meta.id}-hint` : undefined
  const errorId = meta.errors?.length ? `${meta.id}-error` : undefined
  const control: ControlProps = {
    id: meta.id,
    name: meta.name,
    required: meta.required,
    'aria-invalid': errorId ? true : undefined,
    'aria-describedby': [hintId, errorId, describedBy].filter(Boolean).join(' ') || undefined,
  }
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
      {children(control, Boolean(errorId))}
    </div>
  )
}

export function controlBorder(invalid: boolean): string {
  return invalid ? 'border-red-700' : 'border-slate-600'
}
