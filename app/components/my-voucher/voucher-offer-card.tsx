import { Form, Link } from '@remix-run/react'
import { Fact, FallbackNote, formatKm, FreePlaces, municipalityNames, ShownText } from '~/components/catalogue/display'
import type { CardOffer } from '~/components/catalogue/offer-card'
import { Button } from '~/components/ui/button'
import { languageList } from '~/modules/offers/languages'
import { offerTitle } from '~/modules/offers/texts'
import type { MunicipalityNames } from '~/modules/organisations/municipality-name'
import { copaymentCents } from '~/modules/vouchers/voucher-value'
import { formatCents } from '~/utils/format'
import { perUnit, unitAmount, useVoucherT, type Unit } from './display'

type Municipality = MunicipalityNames & { code: string }

/** What the card lets the client do: choose it, choose it instead of the current producer (asks first), or nothing. */
export type CardAction = 'choose' | 'change' | 'current' | 'none'

/**
 * One producer's offer as the client with a voucher sees it: where and in which languages, the price, and above all
 * what THEY would pay: their co-payment per unit and per month (price − their voucher's value, never below zero).
 */
export function VoucherOfferCard({
  offer,
  unit,
  valueCents,
  unitsPerMonth,
  municipalities,
  origin,
  now,
  action,
}: {
  offer: CardOffer
  unit: Unit
  valueCents: number
  unitsPerMonth: number | null
  municipalities: readonly Municipality[]
  /** the municipality distances are measured from (distance sort) */
  origin: Municipality | null
  now: number
  action: CardAction
}) {
  const { t, locale } = useVoucherT()
  const title = offerTitle(offer, locale)
  const headingId = `offer-${offer.id}`
  const locations = municipalityNames(offer.locationMunicipalities, municipalities, locale)
  const areas = municipalityNames(offer.areaMunicipalities, municipalities, locale)
  const copayment = copaymentCents(offer.priceCents, valueCents)
  const originName = origin ? municipalityNames([origin.code], municipalities, locale)[0] : null
  const named = `${offer.organisation.name}${title ? `: ${title.text}` : ''}`
  return (
    <article aria-labelledby={headingId} className="rounded border-2 border-slate-300 p-4">
      <h3 id={headingId} className="text-2xl">
        {offer.organisation.name}
      </h3>
      <p className="text-lg">
        <ShownText text={title} note={false} />
      </p>
      <FallbackNote text={title} />
      <dl className="mt-2">
        <Fact term={t('card.youPay')}>
          <span className="text-xl font-bold">{perUnit(t, copayment, unit, locale)}</span>
          {copayment === 0 ? <span className="block">{t('card.coveredInFull')}</span> : null}
        </Fact>
        {unitsPerMonth !== null ? (
          <Fact term={t('card.youPayMonthly')}>
            {t('card.monthly', { amount: formatCents(copayment * unitsPerMonth, locale), units: unitAmount(t, unit, unitsPerMonth * 100, locale) })}
          </Fact>
        ) : null}
        <Fact term={t('card.price')}>{perUnit(t, offer.priceCents, unit, locale)}</Fact>
        <Fact term={t('card.languages')}>{languageList(offer.languages, locale) || t('card.noLanguages')}</Fact>
        {locations.length > 0 ? <Fact term={t('card.places')}>{locations.join(', ')}</Fact> : null}
        {areas.length > 0 ? <Fact term={t('card.homeVisits')}>{areas.join(', ')}</Fact> : null}
        {origin && originName && offer.distanceKm !== undefined && offer.distanceKm !== null && !offer.areaMunicipalities.includes(origin.code) ? (
          <Fact term={t('card.distance')}>{t('card.distanceKm', { km: formatKm(offer.distanceKm, locale), municipality: originName })}</Fact>
        ) : null}
        <Fact term={t('card.freePlaces')}>
          <FreePlaces freePlaces={offer.freePlaces} confirmedAt={offer.capacityConfirmedAt} now={now} />
        </Fact>
      </dl>
      <div className="mt-4 flex flex-wrap items-center gap-x-6 gap-y-3">
        {action === 'choose' ? (
          <Form method="post">
            <input type="hidden" name="offerId" value={offer.id} />
            <Button className="text-lg">
              {t('card.choose')}
              <span className="sr-only">: {named}</span>
            </Button>
          </Form>
        ) : null}
        {action === 'change' ? (
          <Link
            to={`/my-voucher/producers/${offer.id}`}
            className="inline-block rounded bg-brand-700 px-4 py-2 text-lg font-semibold text-white no-underline hover:bg-brand-800"
          >
            {t('card.chooseInstead')}
            <span className="sr-only">: {named}</span>
          </Link>
        ) : null}
        {action === 'current' ? <p className="font-semibold">{t('card.current')}</p> : null}
        <Link to={`/producers/${offer.organisation.id}`}>{t('card.profile', { name: offer.organisation.name })}</Link>
      </div>
    </article>
  )
}
