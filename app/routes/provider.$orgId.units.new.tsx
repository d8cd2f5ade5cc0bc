import { parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Button } from '~/components/ui/button'
import { ErrorSummary } from '~/components/ui/error-summary'
import { RadioGroup } from '~/components/ui/radio-group'
import { getLocale, pageTitle } from '~/i18n.server'
import { municipalityOptions } from '~/modules/organisations/municipality-name'
import { listMunicipalities } from '~/modules/organisations/service.server'
import { isUnitKind, serviceUnitSchema, unitKinds } from '~/modules/service-units/schema'
import { createUnit } from '~/modules/service-units/service.server'
import { AreaUnitForm, LocationUnitForm } from '~/components/unit-form'
import { readFormData } from '~/utils/form-data.server'
import { titleFromLoader } from '~/utils/meta'
import { forbidden, requireOrganisationPermission } from '~/utils/session.server'
import { redirectWithToast } from '~/utils/toast.server'

export const meta = titleFromLoader

/**
 * A new service unit in two steps that work without JavaScript: first the kind (a GET form: `?kind=LOCATION` or
 * `?kind=HOME_VISIT_AREA`), then the form of that kind.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireOrganisationPermission(request, params.orgId ?? '', 'offer:edit')
  const requested = new URL(request.url).searchParams.get('kind')
  const kind = isUnitKind(requested) ? requested : null
  const [locale, municipalities] = await Promise.all([getLocale(request), listMunicipalities()])
  return {
    title: await pageTitle(request, kind === 'HOME_VISIT_AREA' ? 'offers:units.new.titleArea' : kind ? 'offers:units.new.titleLocation' : 'offers:units.new.title'),
    organisationId: member.organisationId,
    kind,
    kindInvalid: requested !== null && !kind,
    municipalities: municipalityOptions(municipalities, locale),
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const member = await requireOrganisationPermission(request, params.orgId ?? '', 'offer:edit')
  const submission = parseWithZod(await readFormData(request), { schema: serviceUnitSchema })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  const result = await createUnit(member, submission.value)
  if (!result.ok) {
    if (result.error === 'forbidden') forbidden()
    const field = submission.value.kind === 'LOCATION' ? 'municipalityCode' : 'municipalityCodes'
    return data({ result: submission.reply({ fieldErrors: { [field]: ['offers:units.errors.municipalityUnknown'] } }) }, { status: 400 })
  }
  return redirectWithToast(`/provider/${member.organisationId}/units`, { kind: 'success', message: 'offers:units.toast.created' })
}

export default function NewServiceUnit() {
  const { t } = useTranslation('offers')
  const { organisationId, kind, kindInvalid, municipalities } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const base = `/provider/${organisationId}/units`
  if (!kind) {
    const errors = kindInvalid ? ['offers:units.errors.chooseKind'] : undefined
    return (
      <div className="max-w-3xl">
        <p className="mb-4">
          <Link to={base}>{t('units.back')}</Link>
        </p>
        <h1>{t('units.new.title')}</h1>
        <p className="mt-2 mb-6">{t('units.new.intro')}</p>
        <ErrorSummary errors={{ 'unit-kind': errors }} />
        <Form method="get">
          <RadioGroup
            meta={{ id: 'unit-kind', name: 'kind', required: true, errors }}
            legend={t('units.new.kindLegend')}
            options={unitKinds.map((value) => ({ value, label: t(`units.kinds.${value}`), hint: t(`units.kindHints.${value}`) }))}
          />
          <Button>{t('units.new.continue')}</Button>
        </Form>
      </div>
    )
  }
  const common = {
    lastResult: actionData?.result,
    municipalities,
    submitLabel: t('units.new.create'),
    cancelHref: base,
  }
  return (
    <div className="max-w-3xl">
      <p className="mb-4">
        <Link to={base}>{t('units.back')}</Link>
      </p>
      <h1>{t(kind === 'LOCATION' ? 'units.new.titleLocation' : 'units.new.titleArea')}</h1>
      <p className="mt-2 mb-6">
        {t(`units.kindHints.${kind}`)} <Link to={`${base}/new`}>{t('units.new.changeKind')}</Link>
      </p>
      {kind === 'LOCATION' ? <LocationUnitForm id="new-location" {...common} /> : <AreaUnitForm id="new-area" {...common} />}
    </div>
  )
}
