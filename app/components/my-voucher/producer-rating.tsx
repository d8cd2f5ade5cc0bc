import { useCatalogue } from '~/components/catalogue/display'
import { formatDate } from '~/utils/format'
import { formatRating } from './display'

type Rating = { summary: { average: number; count: number } | null; texts: { id: string; text: string; createdAt: Date | string }[] }

/**
 * Clients' feedback on a producer's public profile: the average (one decimal) and how many rated, only from five
 * ratings up; the newest texts staff have approved.
 */
export function ProducerRatingSection({ rating }: { rating: Rating }) {
  const { t, locale } = useCatalogue()
  return (
    <section aria-labelledby="profile-rating" className="mt-8">
      <h2 id="profile-rating">{t('profile.rating.title')}</h2>
      {rating.summary ? (
        <p className="mt-2 text-lg">
          {t('profile.rating.average', { average: formatRating(rating.summary.average, locale), count: rating.summary.count })}
        </p>
      ) : (
        <p className="mt-2">{t('profile.rating.tooFew')}</p>
      )}
      {rating.texts.length > 0 ? (
        <>
          <h3 className="mt-4">{t('profile.rating.textsTitle')}</h3>
          <ul className="mt-2 max-w-3xl space-y-3">
            {rating.texts.map((feedback) => (
              <li key={feedback.id} className="border-l-4 border-slate-400 pl-3">
                <p className="whitespace-pre-line">{feedback.text}</p>
                <p className="text-sm text-slate-700">{t('profile.rating.given', { date: formatDate(feedback.createdAt, locale) })}</p>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <p className="mt-3 text-sm text-slate-700">{t('profile.rating.explained')}</p>
    </section>
  )
}
