import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'

type ErrorSummaryProps = {
  /** field id → error translation keys; form-level errors use the key '' */
  errors: Record<string, string[] | undefined> | undefined
}

/** The list of a form's errors at its top, each linking to its field; it takes focus when it appears. */
export function ErrorSummary({ errors }: ErrorSummaryProps) {
  const { t } = useTranslation()
  const ref = useRef<HTMLDivElement>(null)
  const entries = Object.entries(errors ?? {}).filter(([, messages]) => messages?.length)
  const hasErrors = entries.length > 0
  useEffect(() => {
    if (hasErrors) ref.current?.focus()
  }, [hasErrors, errors])
  if (!hasErrors) return null
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role="alert"
      aria-labelledby="error-summary-title"
      className="mb-6 rounded border-4 border-red-700 p-4"
    >
      <h2 id="error-summary-title" className="text-xl font-bold">
        {t('form.errorSummaryTitle')}
      </h2>
      <ul className="mt-2 list-disc pl-6">
        {entries.map(([field, messages]) => (
          <li key={field}>
            {field ? (
              <a href={`#${field}`} className="font-semibold text-red-700">
                {messages?.map((message) => t(message)).join(' ')}
              </a>
            ) : (
              <span className="font-semibold text-red-700">{messages?.map((message) => t(message)).join(' ')}</span>
            )}
          </li>
        ))}
      </ul>
    </div>
  )
}
