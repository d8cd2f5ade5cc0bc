import type { LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import type { ReactNode } from 'react'
import { Alert } from '~/components/ui/alert'
import { Button } from '~/components/ui/button'
import { Field } from '~/components/ui/field'
import { Table } from '~/components/ui/table'
import { pageTitle } from '~/i18n.server'
import { nameIn } from '~/modules/applications/labels'
import { formatCentsForInput } from '~/modules/catalogue/money'
import { languageList } from '~/modules/offers/languages'
import { extraName, offerTitle, textIn } from '~/modules/offers/texts'
import { compareOffers, municipalities } from '~/modules/public-catalogue/details.server'
import {
  AccessibilityFacts,
  copaymentText,
  FreePlaces,
  monthlyText,
  municipalityNames,
  perUnit,
  ShownText,
  useCatalogue,
  valueText,
} from '~/components/catalogue/display'
import { defaultUnitsPerMonth, maxCompared, parseCompareParams, searchQuery, unitsMax } from '~/modules/public-catalogue/schema'
import { formatCents, formatDate } from '~/utils/format'
import { titleFromLoader } from '~/utils/meta'
import { limitPublicPage } from '~/utils/rate-limit.server'

export const meta = titleFromLoader

/**
 * Up to four public offers side by side (`?offer=a&offer=b…`, so the choice lives in the address and works without
 * JavaScript). Offers that are not public (any more) are left out with a note; more than four get a message.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  await limitPublicPage(request)
  const params = parseCompareParams(new URL(request.url).searchParams)
  const now = new Date()
  const [{ offers, skipped }, municipalityRows] = await Promise.all([
    compareOffers(params.offerIds, { household: params.household, incomeCents: params.incomeCents }, now),
    municipalities(),
  ])
  return { title: await pageTitle(request, 'catalogue:compare.title'), params, offers, skipped, municipalities: municipalityRows, now: now.getTime() }
}

export default function Compare() {
  const { t, locale } = useCatalogue()
  const { params, offers, skipped, municipalities: municipalityRows, now } = useLoaderData<typeof loader>()
  const firstCategory = offers[0]?.category
  const categoryCode = params.category ?? firstCategory?.code
  // one unit count for the whole table: the reader's, else the first offer's category's usual month
  const units = params.units ?? (firstCategory ? defaultUnitsPerMonth[firstCategory.unit] : 10)
  const estimate = { household: params.household, incomeCents: params.incomeCents }
  const searchLink = `/services${searchQuery({ category: categoryCode, units: params.units, ...estimate })}`
  const titles = offers.map((offer) => offerTitle(offer, locale))

  const row = (header: string, cell: (offer: (typeof offers)[number], index: number) => ReactNode) => (
    <tr>
      <th scope="row" className="align-top">
        {header}
      </th>
      {offers.map((offer, index) => (
        <td key={offer.id} className="align-top">
          {cell(offer, index)}
        </td>
      ))}
    </tr>
  )

  return (
    <>
      <h1>{t('compare.title')}</h1>
      <p className="mt-2 mb-6">
        <Link to={searchLink}>{t('compare.backToSearch')}</Link>
      </p>

      {params.requested > maxCompared ? (
        <Alert kind="error">
          <p>{t('compare.tooMany', { count: params.requested, max: maxCompared })}</p>
        </Alert>
      ) : null}
      {skipped > 0 ? (
        <Alert kind="info">
          <p>{t('compare.skipped', { count: skipped })}</p>
        </Alert>
      ) : null}

      {offers.length === 0 ? (
        <p>{t('compare.none', { max: maxCompared })}</p>
      ) : (
        <>
          {offers.length === 1 ? <p className="mb-4">{t('compare.onlyOne')}</p> : null}
          <Form method="get" className="mb-6 flex flex-wrap items-end gap-4">
            {offers.map((offer) => (
              <input key={offer.id} type="hidden" name="offer" value={offer.id} />
            ))}
            {categoryCode ? <input type="hidden" name="category" value={categoryCode} /> : null}
            {params.household !== undefined && params.incomeCents !== undefined ? (
              <>
                <input type="hidden" name="household" value={params.household} />
                <input type="hidden" name="income" value={formatCentsForInput(params.incomeCents)} />
              </>
            ) : null}
            <Field
              meta={{ id: 'compare-units', name: 'units', initialValue: String(units) }}
              label={t('compare.units')}
              hint={t('search.unitsHint')}
              type="number"
              inputMode="numeric"
              min={1}
              max={unitsMax}
              step={1}
              className="mb-0"
            />
            <Button variant="secondary">{t('compare.update')}</Button>
          </Form>

          <Table caption={t('compare.caption', { count: offers.length })}>
            <thead>
              <tr>
                <td />
                {offers.map((offer, index) => (
                  <th key={offer.id} scope="col" className="min-w-56 align-top">
                    <ShownText text={titles[index] ?? null} />
                    <span className="block font-normal">{offer.organisation.name}</span>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {row(t('compare.rows.category'), (offer) => nameIn(locale, offer.category))}
              {row(t('compare.rows.price'), (offer) => perUnit(t, offer.priceCents, offer.category.unit, locale))}
              {row(t('compare.rows.value'), (offer) => valueText(t, offer.value, offer.category.unit, locale))}
              {row(t('compare.rows.copayment'), (offer) => (
                <span className="font-semibold">{copaymentText(t, offer.priceCents, offer.value, offer.category.unit, locale)}</span>
              ))}
              {row(t('compare.rows.monthly'), (offer) => monthlyText(t, offer.priceCents, offer.value, offer.category.unit, units, locale))}
              {row(t('compare.rows.languages'), (offer) => languageList(offer.languages, locale) || t('card.noLanguages'))}
              {row(t('compare.rows.freePlaces'), (offer) => (
                <FreePlaces freePlaces={offer.freePlaces} confirmedAt={offer.capacityConfirmedAt} now={now} />
              ))}
              {row(t('compare.rows.places'), (offer) =>
                offer.units.length === 0 ? (
                  t('card.noPlaces')
                ) : (
                  <ul className="space-y-2">
                    {offer.units.map((unit) => (
                      <li key={unit.id}>
                        <span className="font-semibold">{unit.name}</span>
                        {unit.kind === 'LOCATION' ? (
                          <span className="block">
                            {[unit.streetAddress, unit.postalCode, unit.municipalityCode ? municipalityNames([unit.municipalityCode], municipalityRows, locale)[0] : null]
                              .filter(Boolean)
                              .join(', ')}
                          </span>
                        ) : (
                          <span className="block">
                            {t('card.homeVisits')}: {municipalityNames(unit.areaMunicipalities.map((area) => area.municipalityCode), municipalityRows, locale).join(', ')}
                          </span>
                        )}
                      </li>
                    ))}
                  </ul>
                ),
              )}
              {row(t('compare.rows.accessibility'), (offer) => {
                const locations = offer.units.filter((unit) => unit.kind === 'LOCATION')
                if (locations.length === 0) return t('compare.homeVisitsOnly')
                return (
                  <ul className="space-y-2">
                    {locations.map((unit) => (
                      <li key={unit.id}>
                        {locations.length > 1 ? <span className="font-semibold">{unit.name}</span> : null}
                        <AccessibilityFacts
                          unit={unit}
                          notes={textIn({ fi: unit.accessibilityFi, sv: unit.accessibilitySv, en: unit.accessibilityEn }, locale)}
                        />
                      </li>
                    ))}
                  </ul>
                )
              })}
              {row(t('compare.rows.extras'), (offer) =>
                offer.extraServices.length === 0 ? (
                  t('compare.noExtras')
                ) : (
                  <>
                    <ul>
                      {offer.extraServices.map((extra) => (
                        <li key={extra.id}>
                          <ShownText text={extraName(extra, locale)} />: {formatCents(extra.priceCents, locale)}
                        </li>
                      ))}
                    </ul>
                    <span className="block text-sm text-slate-700">{t('compare.extrasNote')}</span>
                  </>
                ),
              )}
              {row(t('compare.rows.since'), (offer) => (offer.inRegisterSince ? formatDate(offer.inRegisterSince, locale) : t('card.sinceUnknown')))}
              {row(t('compare.rows.profile'), (offer) => (
                <Link to={`/producers/${offer.organisation.id}`}>{t('card.profile', { name: offer.organisation.name })}</Link>
              ))}
            </tbody>
          </Table>
          {offers.some((offer) => offer.category.code !== firstCategory?.code) ? (
            <p className="mt-4 text-sm text-slate-700">{t('compare.mixedCategories')}</p>
          ) : null}
        </>
      )}
    </>
  )
}
