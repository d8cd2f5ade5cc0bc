import { parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Button } from '~/components/ui/button'
import { Table } from '~/components/ui/table'
import { isLocale } from '~/i18n'
import { getLocale, pageTitle } from '~/i18n.server'
import { nameIn } from '~/modules/applications/labels'
import { capacityAgeDays, isCapacityStale } from '~/modules/offers/capacity'
import { confirmCapacitySchema } from '~/modules/offers/schema'
import { confirmCapacity, listOffers } from '~/modules/offers/service.server'
import { offerTitle } from '~/modules/offers/texts'
import { readFormData } from '~/utils/form-data.server'
import { formatCents } from '~/utils/format'
import { FreePlaces, StatusBadge } from '~/components/offer-status'
import { titleFromLoader } from '~/utils/meta'
import { can } from '~/utils/permissions'
import { forbidden, notFound, requireOrganisationPermission } from '~/utils/session.server'
import { redirectWithToast } from '~/utils/toast.server'

export const meta = titleFromLoader

/** The organisation's services (offers) with price, status and free places; members only. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireOrganisationPermission(request, params.orgId ?? '', 'organisation:view')
  const now = new Date()
  const [locale, offers] = await Promise.all([getLocale(request), listOffers(member.organisationId, now)])
  return {
    title: await pageTitle(request, 'offers:title'),
    organisationId: member.organisationId,
    canEdit: can(member.role, 'offer:edit'),
    offers: offers.map((offer) => ({
      id: offer.id,
      status: offer.status,
      category: nameIn(locale, offer.category),
      unit: offer.category.unit,
      title: offerTitle(offer, locale),
      priceCents: offer.priceCents,
      /** published, but clients do not see it: the register entry is not in force */
      hidden: offer.status === 'PUBLISHED' && !offer.entryInForce,
      freePlaces: offer.freePlaces,
      capacityAgeDays: capacityAgeDays(offer.capacityConfirmedAt, now),
      capacityStale: offer.status === 'PUBLISHED' && isCapacityStale(offer.capacityConfirmedAt, now),
    })),
  }
}

/** The one-click "the number of free places is still right" button of each row. */
export async function action({ request, params }: ActionFunctionArgs) {
  const member = await requireOrganisationPermission(request, params.orgId ?? '', 'offer:edit')
  const submission = parseWithZod(await readFormData(request), { schema: confirmCapacitySchema })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  const result = await confirmCapacity(member, submission.value.offerId)
  const list = `/provider/${member.organisationId}/offers`
  if (!result.ok) {
    if (result.error === 'notFound') notFound()
    if (result.error === 'forbidden') forbidden()
    return redirectWithToast(list, { kind: 'error', message: `offers:errors.${result.error}` })
  }
  return redirectWithToast(list, { kind: 'success', message: 'offers:toast.capacityConfirmed' })
}

export default function Offers() {
  const { t, i18n } = useTranslation('offers')
  const locale = isLocale(i18n.language) ? i18n.language : 'sv'
  const { organisationId, canEdit, offers } = useLoaderData<typeof loader>()
  const base = `/provider/${organisationId}/offers`
  return (
    <>
      <h1>{t('title')}</h1>
      <p className="mt-2 mb-6 max-w-2xl">{t('list.intro')}</p>
      {canEdit ? (
        <p className="mb-6">
          <Link to={`${base}/new`} className="font-semibold">
            {t('list.add')}
          </Link>
        </p>
      ) : null}
      {offers.length === 0 ? (
        <p>{t('list.empty')}</p>
      ) : (
        <Table caption={t('list.caption')}>
          <thead>
            <tr>
              <th scope="col">{t('list.columns.service')}</th>
              <th scope="col">{t('list.columns.price')}</th>
              <th scope="col">{t('list.columns.status')}</th>
              <th scope="col">{t('list.columns.freePlaces')}</th>
            </tr>
          </thead>
          <tbody>
            {offers.map((offer) => (
              <tr key={offer.id} className="align-top">
                <td>
                  <Link to={`${base}/${offer.id}`} className="font-semibold">
                    {offer.title ? (
                      <span lang={offer.title.fallback ? offer.title.lang : undefined}>{offer.title.text}</span>
                    ) : (
                      t('list.untitled')
                    )}
                  </Link>
                  {offer.title?.fallback ? <p className="text-sm text-amber-900">{t('list.missingInYourLanguage')}</p> : null}
                  <p className="text-sm text-slate-700">{offer.category}</p>
                </td>
                <td className="whitespace-nowrap">
                  {t('list.pricePerUnit', { price: formatCents(offer.priceCents, locale), unit: t(`unitNames.${offer.unit}`) })}
                </td>
                <td>
                  <StatusBadge status={offer.status} />
                  {offer.hidden ? <p className="mt-1 text-sm font-semibold text-red-700">{t('list.hidden')}</p> : null}
                </td>
                <td>
                  <FreePlaces freePlaces={offer.freePlaces} ageDays={offer.capacityAgeDays} stale={offer.capacityStale} />
                  {canEdit && offer.status !== 'ARCHIVED' && offer.freePlaces !== null ? (
                    <Form method="post" className="mt-2">
                      <input type="hidden" name="intent" value="confirm-capacity" />
                      <input type="hidden" name="offerId" value={offer.id} />
                      <Button variant="secondary" className="px-3 py-1 text-sm">
                        {t('capacity.confirm')}
                        <span className="sr-only">: {offer.title?.text ?? offer.category}</span>
                      </Button>
                    </Form>
                  ) : null}
                  {canEdit && offer.status !== 'ARCHIVED' && offer.freePlaces === null ? (
                    <p className="mt-2 text-sm">
                      <Link to={`${base}/${offer.id}#capacity`}>
                        {t('capacity.state')}
                        <span className="sr-only">: {offer.title?.text ?? offer.category}</span>
                      </Link>
                    </p>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </>
  )
}
