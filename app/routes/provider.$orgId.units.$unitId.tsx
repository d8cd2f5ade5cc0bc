import { parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Alert } from '~/components/ui/alert'
import { Button } from '~/components/ui/button'
import { getLocale, pageTitle } from '~/i18n.server'
import { offerTitle } from '~/modules/offers/texts'
import { municipalityOptions } from '~/modules/organisations/municipality-name'
import { listMunicipalities } from '~/modules/organisations/service.server'
import { formatCoordinate, isMunicipalityCentre } from '~/modules/service-units/coordinates'
import { serviceUnitSchema } from '~/modules/service-units/schema'
import { deleteUnit, getUnit, updateUnit } from '~/modules/service-units/service.server'
import { AreaUnitForm, LocationUnitForm } from '~/components/unit-form'
import { readFormData } from '~/utils/form-data.server'
import { titleFromLoader } from '~/utils/meta'
import { can } from '~/utils/permissions'
import { forbidden, notFound, requireOrganisationPermission } from '~/utils/session.server'
import { redirectWithToast } from '~/utils/toast.server'

export const meta = titleFromLoader

/** One service unit: its form, the services given in it, and deleting it. Members only; other ids give 404. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireOrganisationPermission(request, params.orgId ?? '', 'organisation:view')
  const unit = await getUnit(member.organisationId, params.unitId ?? '')
  if (!unit) notFound()
  const [locale, municipalities] = await Promise.all([getLocale(request), listMunicipalities()])
  const showCoordinates = !(unit.municipality && isMunicipalityCentre(unit, unit.municipality))
  return {
    title: await pageTitle(request, 'offers:units.edit.title'),
    organisationId: member.organisationId,
    canEdit: can(member.role, 'offer:edit'),
    confirmDelete: new URL(request.url).searchParams.get('delete') === 'confirm',
    municipalities: municipalityOptions(municipalities, locale),
    unit: {
      id: unit.id,
      kind: unit.kind,
      name: unit.name,
      streetAddress: unit.streetAddress ?? undefined,
      postalCode: unit.postalCode ?? undefined,
      municipalityCode: unit.municipalityCode ?? undefined,
      // the municipality's centre shows as empty fields, so a new municipality brings its own centre
      latitude: showCoordinates ? formatCoordinate(unit.latitude) : '',
      longitude: showCoordinates ? formatCoordinate(unit.longitude) : '',
      stepFreeAccess: unit.stepFreeAccess,
      hearingLoop: unit.hearingLoop,
      parking: unit.parking,
      accessibilityFi: unit.accessibilityFi ?? undefined,
      accessibilitySv: unit.accessibilitySv ?? undefined,
      accessibilityEn: unit.accessibilityEn ?? undefined,
      phone: unit.phone ?? undefined,
      municipalityCodes: unit.areaMunicipalities.map((area) => area.municipality.code),
    },
    offers: unit.offers.map(({ offer }) => ({ id: offer.id, status: offer.status, title: offerTitle(offer, locale) })),
  }
}

type RefusedOffer = { id: string; title: ReturnType<typeof offerTitle> }

export async function action({ request, params }: ActionFunctionArgs) {
  const member = await requireOrganisationPermission(request, params.orgId ?? '', 'offer:edit')
  const unitId = params.unitId ?? ''
  const formData = await readFormData(request)
  const list = `/provider/${member.organisationId}/units`

  if (formData.get('intent') === 'delete') {
    const result = await deleteUnit(member, unitId)
    if (result.ok) return redirectWithToast(list, { kind: 'success', message: 'offers:units.toast.deleted' })
    if (result.error !== 'usedByPublishedOffer') return result.error === 'notFound' ? notFound() : forbidden()
    const locale = await getLocale(request)
    const deleteRefused: RefusedOffer[] = result.offers.map((offer) => ({ id: offer.id, title: offerTitle(offer, locale) }))
    return data({ result: undefined, deleteRefused }, { status: 409 })
  }

  const submission = parseWithZod(formData, { schema: serviceUnitSchema })
  if (submission.status !== 'success') return data({ result: submission.reply(), deleteRefused: undefined }, { status: 400 })
  const result = await updateUnit(member, unitId, submission.value)
  if (!result.ok) {
    if (result.error === 'notFound') notFound()
    if (result.error === 'forbidden') forbidden()
    const errors =
      result.error === 'kindFixed'
        ? { formErrors: ['offers:units.errors.kindFixed'] }
        : { fieldErrors: { [submission.value.kind === 'LOCATION' ? 'municipalityCode' : 'municipalityCodes']: ['offers:units.errors.municipalityUnknown'] } }
    return data({ result: submission.reply(errors), deleteRefused: undefined }, { status: 400 })
  }
  return redirectWithToast(list, { kind: 'success', message: result.changed ? 'offers:units.toast.updated' : 'offers:units.toast.unchanged' })
}

export default function EditServiceUnit() {
  const { t } = useTranslation('offers')
  const { organisationId, canEdit, confirmDelete, municipalities, unit, offers } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const deleteRefused = (actionData?.deleteRefused ?? null) as RefusedOffer[] | null
  const base = `/provider/${organisationId}/units`
  const page = `${base}/${unit.id}`
  const offerHref = (id: string) => `/provider/${organisationId}/offers/${id}`
  const common = {
    lastResult: actionData?.result,
    municipalities,
    submitLabel: t('units.edit.submit'),
    cancelHref: base,
    children: <input type="hidden" name="intent" value="save" />,
  }
  const { municipalityCodes, ...location } = unit
  return (
    <div className="max-w-3xl">
      <p className="mb-4">
        <Link to={base}>{t('units.back')}</Link>
      </p>
      <h1>{t('units.edit.heading', { name: unit.name })}</h1>
      <p className="mt-2 mb-6">{t(`units.kinds.${unit.kind}`)}</p>

      {canEdit ? (
        unit.kind === 'LOCATION' ? (
          <LocationUnitForm id={`unit-${unit.id}`} defaultValue={location} {...common} />
        ) : (
          <AreaUnitForm id={`unit-${unit.id}`} defaultValue={{ name: unit.name, municipalityCodes }} {...common} />
        )
      ) : null}

      <section aria-labelledby="unit-offers" className="mt-10">
        <h2 id="unit-offers">{t('units.edit.usedBy')}</h2>
        {offers.length === 0 ? (
          <p className="mt-2">{t('units.noOffers')}</p>
        ) : (
          <ul className="mt-2 list-disc pl-6">
            {offers.map((offer) => (
              <li key={offer.id}>
                <Link to={offerHref(offer.id)}>
                  <span lang={offer.title?.fallback ? offer.title.lang : undefined}>{offer.title?.text ?? t('list.untitled')}</span>
                </Link>{' '}
                ({t(`status.${offer.status}`)})
              </li>
            ))}
          </ul>
        )}
      </section>

      {canEdit ? (
        <section id="delete" aria-labelledby="unit-delete" className="mt-10">
          <h2 id="unit-delete">{t('units.edit.deleteTitle')}</h2>
          {deleteRefused ? (
            <Alert kind="error">
              <p className="font-semibold">{t('units.edit.deleteRefused')}</p>
              <ul className="mt-2 list-disc pl-6">
                {deleteRefused.map((offer) => (
                  <li key={offer.id}>
                    <Link to={offerHref(offer.id)}>
                      <span lang={offer.title?.fallback ? offer.title.lang : undefined}>{offer.title?.text ?? t('list.untitled')}</span>
                    </Link>
                  </li>
                ))}
              </ul>
            </Alert>
          ) : null}
          <p className="mt-2 mb-4 max-w-prose">{t('units.edit.deleteIntro')}</p>
          {confirmDelete ? (
            <Form method="post" action={page} className="rounded border-4 border-red-700 p-4">
              <p className="mb-4 font-semibold">{t('units.edit.deleteQuestion', { name: unit.name })}</p>
              <input type="hidden" name="intent" value="delete" />
              <div className="flex flex-wrap items-center gap-4">
                <Button variant="danger">{t('units.edit.deleteConfirm')}</Button>
                <Link to={page}>{t('units.edit.deleteCancel')}</Link>
              </div>
            </Form>
          ) : (
            <Link to={`${page}?delete=confirm#delete`}>
              {t('units.edit.deleteLink')}
            </Link>
          )}
        </section>
      ) : null}
    </div>
  )
}
