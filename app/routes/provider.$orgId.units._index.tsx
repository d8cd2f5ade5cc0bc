import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Table } from '~/components/ui/table'
import { getLocale, pageTitle } from '~/i18n.server'
import { offerTitle } from '~/modules/offers/texts'
import { municipalityName } from '~/modules/organisations/municipality-name'
import { listUnits } from '~/modules/service-units/service.server'
import { titleFromLoader } from '~/utils/meta'
import { can } from '~/utils/permissions'
import { requireOrganisationPermission } from '~/utils/session.server'

export const meta = titleFromLoader

/** The organisation's service units: places and home-visit areas, with the services given in each. Members only. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireOrganisationPermission(request, params.orgId ?? '', 'organisation:view')
  const [locale, units] = await Promise.all([getLocale(request), listUnits(member.organisationId)])
  return {
    title: await pageTitle(request, 'offers:units.title'),
    organisationId: member.organisationId,
    canEdit: can(member.role, 'offer:edit'),
    units: units.map((unit) => ({
      id: unit.id,
      kind: unit.kind,
      name: unit.name,
      address:
        unit.kind === 'LOCATION'
          ? [unit.streetAddress, [unit.postalCode, unit.municipality ? municipalityName(unit.municipality, locale) : null].filter(Boolean).join(' ')]
              .filter(Boolean)
              .join(', ')
          : unit.areaMunicipalities.map((area) => municipalityName(area.municipality, locale)).join(', '),
      offers: unit.offers.map(({ offer }) => ({ id: offer.id, status: offer.status, title: offerTitle(offer, locale) })),
    })),
  }
}

export default function ServiceUnits() {
  const { t } = useTranslation('offers')
  const { organisationId, canEdit, units } = useLoaderData<typeof loader>()
  const base = `/provider/${organisationId}/units`
  return (
    <>
      <h1>{t('units.title')}</h1>
      <p className="mt-2 mb-6 max-w-2xl">{t('units.intro')}</p>
      {canEdit ? (
        <p className="mb-6">
          <Link to={`${base}/new`} className="font-semibold">
            {t('units.add')}
          </Link>
        </p>
      ) : null}
      {units.length === 0 ? (
        <p>{t('units.empty')}</p>
      ) : (
        <Table caption={t('units.caption')}>
          <thead>
            <tr>
              <th scope="col">{t('units.columns.name')}</th>
              <th scope="col">{t('units.columns.kind')}</th>
              <th scope="col">{t('units.columns.where')}</th>
              <th scope="col">{t('units.columns.offers')}</th>
            </tr>
          </thead>
          <tbody>
            {units.map((unit) => (
              <tr key={unit.id}>
                <td>
                  <Link to={`${base}/${unit.id}`}>{unit.name}</Link>
                </td>
                <td>{t(`units.kinds.${unit.kind}`)}</td>
                <td>{unit.address}</td>
                <td>
                  {unit.offers.length === 0 ? (
                    <span className="text-slate-700">{t('units.noOffers')}</span>
                  ) : (
                    <ul>
                      {unit.offers.map((offer) => (
                        <li key={offer.id}>
                          <Link to={`/provider/${organisationId}/offers/${offer.id}`}>
                            <span lang={offer.title?.fallback ? offer.title.lang : undefined}>{offer.title?.text ?? t('list.untitled')}</span>
                          </Link>{' '}
                          <span className="text-sm text-slate-700">({t(`status.${offer.status}`)})</span>
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </>
  )
}
