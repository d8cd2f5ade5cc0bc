import { useTranslation } from 'react-i18next'

/** Whole minutes until the limit opens again (at least one). */
export function minutesUntilRetry(retryAfterSeconds: number): number {
  return Math.max(1, Math.ceil(retryAfterSeconds / 60))
}

/**
 * The 429 page (rendered by the root ErrorBoundary): what happened, when to try again, and a way back to the page
 * the person was on (`backTo`, the address that was refused, with its query).
 */
export function TooManyRequests({ retryAfterSeconds, backTo }: { retryAfterSeconds: number | null; backTo: string }) {
  const { t } = useTranslation('limits')
  return (
    <>
      <h1>{t('common:errorPage.tooMany.title')}</h1>
      <p className="mt-4">{t('page.what')}</p>
      <p className="mt-4 font-semibold">
        {retryAfterSeconds === null ? t('page.retryLater') : t('page.retryIn', { count: minutesUntilRetry(retryAfterSeconds) })}
      </p>
      <p className="mt-4">
        <a href={backTo}>{t('page.back')}</a>
      </p>
      <p className="mt-2">
        <a href="/">{t('common:errorPage.backHome')}</a>
      </p>
    </>
  )
}
