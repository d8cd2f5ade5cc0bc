import { Link } from '@remix-run/react'
import { languageList } from '~/modules/offers/languages'
import { offerTitle } from '~/modules/offers/texts'
import type { MunicipalityNames } from '~/modules/organisations/municipality-name'
import { formatDate } from '~/utils/format'
import { copaymentText, Fact, FallbackNote, formatKm, FreePlaces, monthlyText, municipalityNames, perUnit, ShownText, useCatalogue, valueText, type Unit } from './display'
import type { ReaderValue } from '~/modules/public-catalogue/voucher'

export type CardOffer = {
  id: string
  titleFi: string | null
  titleSv: string | null
  titleEn: string | null
  priceCents: number
  languages: string[]
  freePlaces: number | null
  capacityConfirmedAt: Date | string | null
  organisation: { id: string; name: string }
  inRegisterSince: Date | string | null
  locationMunicipalities: string[]
  areaMunicipalities: string[]
  distanceKm?: number | null
}

type Municipality = MunicipalityNames & { code: string }

/**
 * One search result: the producer, the offer, where and in which languages, what it costs and what the reader
 * would pay, free places and their age, and a "compare" box (in the page's compare form, so it works without
 * JavaScript).
 */
export function OfferCard({
  offer,
  unit,
  value,
  units,
  municipalities,
  origin,
  now,
}: {
  offer: CardOffer
  unit: Unit
  value: ReaderValue
  units: number
  municipalities: readonly Municipality[]
  /** the municipality distances are measured from (distance sort) */
  origin: Municipality | null
  now: number
}) {
  const { t, locale } = useCatalogue()
  const title = offerTitle(offer, locale)
  const headingId = `offer-${offer.id}`
  const locations = municipalityNames(offer.locationMunicipalities, municipalities, locale)
  const areas = municipalityNames(offer.areaMunicipalities, municipalities, locale)
  const originName = origin ? municipalityNames([origin.code], municipalities, locale)[0] : null
  return (
    <article aria-labelledby={headingId} className="rounded border border-slate-300 p-4">
      <h3 id={headingId}>
        <ShownText text={title} note={false} />
      </h3>
      <FallbackNote text={title} />
      <p className="mb-2 text-lg">{offer.organisation.name}</p>
      <dl>
        <Fact term={t('card.languages')}>{languageList(offer.languages, locale) || t('card.noLanguages')}</Fact>
        {locations.length > 0 ? <Fact term={t('card.places')}>{locations.join(', ')}</Fact> : null}
        {areas.length > 0 ? <Fact term={t('card.homeVisits')}>{areas.join(', ')}</Fact> : null}
        {locations.length === 0 && areas.length === 0 ? <Fact term={t('card.places')}>{t('card.noPlaces')}</Fact> : null}
        {origin && originName && offer.distanceKm !== undefined ? (
          <Fact term={t('card.distance')}>
            {offer.areaMunicipalities.includes(origin.code)
              ? t('card.homeVisitsThere', { municipality: originName })
              : offer.distanceKm === null
                ? t('card.distanceUnknown')
                : t('card.distanceKm', { km: formatKm(offer.distanceKm, locale), municipality: originName })}
          </Fact>
        ) : null}
        <Fact term={t('card.price')}>{perUnit(t, offer.priceCents, unit, locale)}</Fact>
        <Fact term={t('card.value')}>{valueText(t, value, unit, locale)}</Fact>
        <Fact term={t('card.copayment')}>
          <span className="font-semibold">{copaymentText(t, offer.priceCents, value, unit, locale)}</span>
        </Fact>
        <Fact term={t('card.monthly')}>{monthlyText(t, offer.priceCents, value, unit, units, locale)}</Fact>
        <Fact term={t('card.freePlaces')}>
          <FreePlaces freePlaces={offer.freePlaces} confirmedAt={offer.capacityConfirmedAt} now={now} />
        </Fact>
        <Fact term={t('card.since')}>{offer.inRegisterSince ? formatDate(offer.inRegisterSince, locale) : t('card.sinceUnknown')}</Fact>
      </dl>
      <div className="mt-3 flex flex-wrap items-center gap-x-6 gap-y-2">
        <div className="flex items-center gap-2">
          <input
            id={`compare-${offer.id}`}
            type="checkbox"
            name="offer"
            value={offer.id}
            className="h-6 w-6 accent-brand-700"
          />
          <label htmlFor={`compare-${offer.id}`}>
            {t('card.compare')}
            <span className="sr-only">
              : {title?.text ?? t('text.missing')}, {offer.organisation.name}
            </span>
          </label>
        </div>
        <Link to={`/producers/${offer.organisation.id}`}>{t('card.profile', { name: offer.organisation.name })}</Link>
      </div>
    </article>
  )
}
