import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { ProducerRatingSection } from '~/components/my-voucher/producer-rating'
import { Table } from '~/components/ui/table'
import { pageTitle } from '~/i18n.server'
import { nameIn } from '~/modules/applications/labels'
import { helsinkiToday } from '~/modules/documents/dates'
import { languageList } from '~/modules/offers/languages'
import { priceHistory } from '~/modules/offers/prices'
import { extraName, offerTitle, textIn } from '~/modules/offers/texts'
import { municipalities, producerProfile } from '~/modules/public-catalogue/details.server'
import {
  AccessibilityFacts,
  copaymentText,
  Fact,
  FallbackNote,
  FreePlaces,
  municipalityNames,
  perUnit,
  ShownText,
  useCatalogue,
  valueText,
} from '~/components/catalogue/display'
import { parseSearchParams, searchQuery } from '~/modules/public-catalogue/schema'
import { formatCents, formatDate } from '~/utils/format'
import { titleFromLoader } from '~/utils/meta'
import { notFound } from '~/utils/session.server'
import { limitPublicPage } from '~/utils/rate-limit.server'

export const meta = titleFromLoader

/**
 * A producer's public profile (no login): description, register entries in force, public offers with their price
 * history, and the service places. 404 when the organisation has no public offer and no entry in force.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await limitPublicPage(request)
  const search = parseSearchParams(new URL(request.url).searchParams)
  const now = new Date()
  const estimate = { household: search.household, incomeCents: search.incomeCents }
  const [profile, municipalityRows] = await Promise.all([producerProfile(params.organisationId ?? '', estimate, now), municipalities()])
  if (!profile) notFound()
  return {
    title: await pageTitle(request, 'catalogue:profile.pageTitle', { name: profile.organisation.name }),
    profile,
    municipalities: municipalityRows,
    estimate,
    today: helsinkiToday(now),
    now: now.getTime(),
  }
}

export default function ProducerProfile() {
  const { t, locale } = useCatalogue()
  const { profile, municipalities: municipalityRows, estimate, today, now } = useLoaderData<typeof loader>()
  const { organisation, offers, units, languages, lastUpdated } = profile
  const description = textIn({ fi: organisation.descriptionFi, sv: organisation.descriptionSv, en: organisation.descriptionEn }, locale)
  const place = (code: string | null) => (code ? municipalityNames([code], municipalityRows, locale)[0] : null)

  return (
    <>
      <h1>{organisation.name}</h1>
      <p className="mt-1 text-slate-700">{t('profile.lead')}</p>
      {description ? (
        <div className="mt-4 max-w-3xl">
          <ShownText text={description} as="p" />
        </div>
      ) : null}
      <dl className="mt-4">
        <Fact term={t('profile.languages')}>{languageList(languages, locale) || t('card.noLanguages')}</Fact>
        <Fact term={t('profile.lastUpdated')}>{formatDate(lastUpdated, locale)}</Fact>
      </dl>

      <ProducerRatingSection rating={profile.rating} />

      <section aria-labelledby="profile-register" className="mt-8">
        <h2 id="profile-register">{t('profile.register')}</h2>
        {organisation.registerEntries.length === 0 ? (
          <p className="mt-2">{t('profile.noEntries')}</p>
        ) : (
          <ul className="mt-2 list-disc pl-6">
            {organisation.registerEntries.map((entry) => (
              <li key={entry.id}>
                {t('profile.entry', { category: nameIn(locale, entry.category), date: formatDate(entry.validFrom, locale) })}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="profile-offers" className="mt-8">
        <h2 id="profile-offers">{t('profile.offers')}</h2>
        {offers.length === 0 ? <p className="mt-2">{t('profile.noOffers')}</p> : null}
        {offers.map((offer) => {
          const title = offerTitle(offer, locale)
          const unit = offer.category.unit
          const offerDescription = textIn({ fi: offer.descriptionFi, sv: offer.descriptionSv, en: offer.descriptionEn }, locale)
          const history = priceHistory(offer.prices, today)
          return (
            <article key={offer.id} id={`offer-${offer.id}`} aria-labelledby={`offer-title-${offer.id}`} className="mt-4 rounded border border-slate-300 p-4">
              <h3 id={`offer-title-${offer.id}`}>
                <ShownText text={title} note={false} />
              </h3>
              <FallbackNote text={title} />
              <p className="text-slate-700">{nameIn(locale, offer.category)}</p>
              {offerDescription ? (
                <div className="mt-2 max-w-3xl">
                  <ShownText text={offerDescription} as="p" />
                </div>
              ) : null}
              <dl className="mt-3">
                <Fact term={t('card.price')}>{perUnit(t, offer.priceCents, unit, locale)}</Fact>
                <Fact term={t('card.value')}>{valueText(t, offer.value, unit, locale)}</Fact>
                <Fact term={t('card.copayment')}>{copaymentText(t, offer.priceCents, offer.value, unit, locale)}</Fact>
                <Fact term={t('card.languages')}>{languageList(offer.languages, locale) || t('card.noLanguages')}</Fact>
                <Fact term={t('card.freePlaces')}>
                  <FreePlaces freePlaces={offer.freePlaces} confirmedAt={offer.capacityConfirmedAt} now={now} />
                </Fact>
                <Fact term={t('profile.offerPlaces')}>{offer.units.map((item) => item.name).join(', ') || t('card.noPlaces')}</Fact>
                <Fact term={t('compare.rows.extras')}>
                  {offer.extraServices.length === 0 ? (
                    t('compare.noExtras')
                  ) : (
                    <ul>
                      {offer.extraServices.map((extra) => (
                        <li key={extra.id}>
                          <ShownText text={extraName(extra, locale)} />: {formatCents(extra.priceCents, locale)}
                        </li>
                      ))}
                    </ul>
                  )}
                </Fact>
                <Fact term={t('card.since')}>{offer.inRegisterSince ? formatDate(offer.inRegisterSince, locale) : t('card.sinceUnknown')}</Fact>
                <Fact term={t('profile.offerUpdated')}>{formatDate(offer.updatedAt, locale)}</Fact>
              </dl>
              <div className="mt-4 max-w-xl">
                <Table caption={t('profile.priceHistory', { title: title?.text ?? t('text.missing') })}>
                  <thead>
                    <tr>
                      <th scope="col">{t('profile.priceFrom')}</th>
                      <th scope="col">{t('profile.pricePerUnit')}</th>
                      <th scope="col">{t('profile.priceState')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {history.length === 0 ? (
                      <tr>
                        <td colSpan={3}>{t('profile.noPriceHistory')}</td>
                      </tr>
                    ) : (
                      history.map((price) => (
                        <tr key={`${new Date(price.effectiveFrom).toISOString()}`}>
                          <td>{formatDate(price.effectiveFrom, locale)}</td>
                          <td>{perUnit(t, price.priceCents, unit, locale)}</td>
                          <td>{t(`profile.priceStates.${price.state}`)}</td>
                        </tr>
                      ))
                    )}
                  </tbody>
                </Table>
              </div>
              <p className="mt-3">
                <Link to={`/services${searchQuery({ category: offer.category.code, ...estimate })}`}>
                  {t('profile.compareCategory', { category: nameIn(locale, offer.category) })}
                </Link>
              </p>
            </article>
          )
        })}
      </section>

      {units.length > 0 ? (
        <section aria-labelledby="profile-units" className="mt-8">
          <h2 id="profile-units">{t('profile.units')}</h2>
          <ul className="mt-2 grid gap-4 md:grid-cols-2">
            {units.map((unit) => (
              <li key={unit.id} className="rounded border border-slate-300 p-4">
                <h3>{unit.name}</h3>
                <dl className="mt-2">
                  {unit.kind === 'LOCATION' ? (
                    <>
                      <Fact term={t('profile.address')}>
                        {[unit.streetAddress, [unit.postalCode, place(unit.municipalityCode)].filter(Boolean).join(' ')].filter(Boolean).join(', ') ||
                          t('profile.noAddress')}
                      </Fact>
                      <Fact term={t('compare.rows.accessibility')}>
                        <AccessibilityFacts
                          unit={unit}
                          notes={textIn({ fi: unit.accessibilityFi, sv: unit.accessibilitySv, en: unit.accessibilityEn }, locale)}
                        />
                      </Fact>
                    </>
                  ) : (
                    <Fact term={t('card.homeVisits')}>
                      {municipalityNames(unit.areaMunicipalities.map((area) => area.municipalityCode), municipalityRows, locale).join(', ')}
                    </Fact>
                  )}
                  {unit.phone ? (
                    <Fact term={t('profile.phone')}>
                      <a href={`tel:${unit.phone.replace(/\s+/g, '')}`}>{unit.phone}</a>
                    </Fact>
                  ) : null}
                </dl>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  )
}
