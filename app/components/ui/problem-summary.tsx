import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'

export type SummaryItem = { text: string; href?: string }

/**
 * The list of problems at the top of a page, each linking to where it is fixed; it takes focus when it appears.
 * Like ErrorSummary, but for lines that are already translated (with names, dates and counts in them).
 */
export function ProblemSummary({ items, title }: { items: readonly SummaryItem[]; title?: string }) {
  const { t } = useTranslation()
  const ref = useRef<HTMLDivElement>(null)
  const signature = items.map((item) => item.text).join('\n')
  useEffect(() => {
    if (signature) ref.current?.focus()
  }, [signature])
  if (items.length === 0) return null
  return (
    <div ref={ref} tabIndex={-1} role="alert" aria-labelledby="problem-summary-title" className="mb-6 rounded border-4 border-red-700 p-4">
      <h2 id="problem-summary-title" className="text-xl font-bold">
        {title ?? t('form.errorSummaryTitle')}
      </h2>
      <ul className="mt-2 list-disc pl-6">
        {items.map((item) => (
          <li key={item.text}>
            {item.href ? (
              <a href={item.href} className="font-semibold text-red-700">
                {item.text}
              </a>
            ) : (
              <span className="font-semibold text-red-700">{item.text}</span>
            )}
          </li>
        ))}
      </ul>
    </div>
  )
}
