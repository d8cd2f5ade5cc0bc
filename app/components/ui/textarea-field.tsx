import type { ReactNode, TextareaHTMLAttributes } from 'react'
import { controlBorder, FieldFrame, type ValueFieldMeta } from './field-frame'

type TextareaFieldProps = {
  /** the Conform field (or anything with its id, name, initial value, required and errors) */
  meta: ValueFieldMeta
  label: ReactNode
  hint?: ReactNode
  /** ids of further descriptions (a group's error, say), read after the hint and the field's own errors */
  describedBy?: string
} & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'name' | 'defaultValue' | 'value'>

/**
 * A labelled multi-line text box with an optional hint and its translated errors.
 * Give text in another language than the page a `lang` attribute, so screen readers pronounce it right.
 */
export function TextareaField({ meta, label, hint, describedBy, className, rows = 6, ...textareaProps }: TextareaFieldProps) {
  return (
    <FieldFrame meta={meta} label={label} hint={hint} describedBy={describedBy} className={className}>
      {(control, fieldInvalid) => {
        const invalid = fieldInvalid || textareaProps['aria-invalid'] === true
        return (
          <textarea
            {...control}
            aria-invalid={invalid ? true : undefined}
            rows={rows}
            defaultValue={meta.initialValue ?? ''}
            className={`mt-1 block w-full max-w-2xl rounded border-2 px-3 py-2 ${controlBorder(invalid)}`}
            {...textareaProps}
          />
        )
      }}
    </FieldFrame>
  )
}
