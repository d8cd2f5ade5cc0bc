import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { summaryErrors } from '~/components/form-errors'
import { Button } from '~/components/ui/button'
import { ErrorSummary } from '~/components/ui/error-summary'
import { Field } from '~/components/ui/field'
import { RadioGroup } from '~/components/ui/radio-group'
import { isLocale } from '~/i18n'
import { getLocale, pageTitle } from '~/i18n.server'
import { nameIn } from '~/modules/applications/labels'
import {
  DefaultSubmit,
  ExtraServiceRows,
  LanguageFields,
  OfferTextFields,
  offerSummaryErrors,
  sharedFieldOrder,
  sharedFieldOrderAfterPrice,
  UnitChoice,
} from '~/components/offer-fields'
import { newCapacityChoices, newOfferSchema } from '~/modules/offers/schema'
import { createOffer, listNewOfferChoices } from '~/modules/offers/service.server'
import { unitOptions } from '~/modules/offers/unit-options'
import { listUnitChoices } from '~/modules/service-units/service.server'
import { readFormData } from '~/utils/form-data.server'
import { titleFromLoader } from '~/utils/meta'
import { forbidden, notFound, requireOrganisationPermission } from '~/utils/session.server'
import { redirectWithToast } from '~/utils/toast.server'

export const meta = titleFromLoader

/**
 * A new service (offer) in one of the categories the organisation is approved for in the producer register; the
 * page says why other categories are missing. The offer starts as a draft.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireOrganisationPermission(request, params.orgId ?? '', 'offer:edit')
  const [locale, choices, units] = await Promise.all([
    getLocale(request),
    listNewOfferChoices(member.organisationId),
    listUnitChoices(member.organisationId),
  ])
  const requested = new URL(request.url).searchParams.get('category')
  return {
    title: await pageTitle(request, 'offers:new.title'),
    organisationId: member.organisationId,
    categories: choices.map((choice) => ({ id: choice.id, name: nameIn(locale, choice), unit: choice.unit, block: choice.block })),
    preselected: choices.some((choice) => choice.id === requested && !choice.block) ? requested : null,
    units: unitOptions(units, locale),
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const member = await requireOrganisationPermission(request, params.orgId ?? '', 'offer:edit')
  const submission = parseWithZod(await readFormData(request), { schema: newOfferSchema })
  // adding or removing an extra-service row without JavaScript comes here too: it is not an error
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: submission.status === 'error' ? 400 : 200 })
  const result = await createOffer(member, submission.value)
  if (!result.ok) {
    if (result.error === 'notFound') notFound()
    if (result.error === 'forbidden') forbidden()
    const fieldErrors: Record<string, string[]> =
      result.error === 'unitUnknown'
        ? { unitIds: ['offers:errors.unitUnknown'] }
        : { categoryId: [result.error === 'offerExists' ? 'offers:errors.offerExists' : 'offers:errors.categoryUnavailable'] }
    return data({ result: submission.reply({ fieldErrors }) }, { status: 400 })
  }
  return redirectWithToast(`/provider/${member.organisationId}/offers/${result.offerId}`, {
    kind: 'success',
    message: 'offers:toast.created',
  })
}

export default function NewOffer() {
  const { t, i18n } = useTranslation('offers')
  const locale = isLocale(i18n.language) ? i18n.language : 'sv'
  const { organisationId, categories, preselected, units } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [form, fields] = useForm({
    id: 'new-offer',
    lastResult: actionData?.result,
    defaultValue: { categoryId: preselected ?? undefined, capacity: 'unknown', extras: [] },
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: newOfferSchema }),
  })
  const base = `/provider/${organisationId}`
  const available = categories.filter((category) => !category.block)
  const blocked = categories.filter((category) => category.block && category.block.reason !== 'notInRegister')
  const errors = offerSummaryErrors(summaryErrors(form, fields), fields, [
    fields.categoryId.id,
    ...sharedFieldOrder(fields),
    fields.price.id,
    ...sharedFieldOrderAfterPrice(fields),
    fields.capacity.id,
    fields.freePlaces.id,
  ])
  return (
    <div className="max-w-3xl">
      <p className="mb-4">
        <Link to={`${base}/offers`}>{t('new.back')}</Link>
      </p>
      <h1>{t('new.title')}</h1>
      <p className="mt-2 mb-6">{t('new.intro')}</p>

      <details className="mb-6 rounded border-2 border-slate-300 p-3" open={available.length === 0}>
        <summary className="cursor-pointer font-semibold">{t('new.whyMissing')}</summary>
        <p className="mt-2">
          {t('new.onlyApproved')} <Link to={`${base}/register`}>{t('new.toRegister')}</Link> ·{' '}
          <Link to={`${base}/applications`}>{t('new.toApplications')}</Link>
        </p>
        {blocked.length > 0 ? (
          <ul className="mt-2 list-disc pl-6">
            {blocked.map((category) => (
              <li key={category.id}>
                {category.block?.reason === 'offerExists' ? (
                  <>
                    {t('new.blocked.offerExists', { category: category.name })}{' '}
                    <Link to={`${base}/offers/${category.block.offerId}`}>{t('new.openOffer', { category: category.name })}</Link>
                  </>
                ) : (
                  t(`new.blocked.${category.block?.reason ?? 'notInRegister'}`, { category: category.name })
                )}
              </li>
            ))}
          </ul>
        ) : null}
      </details>

      {available.length === 0 ? (
        <p className="font-semibold">{t('new.noneAvailable')}</p>
      ) : (
        <>
          <ErrorSummary errors={errors} />
          <Form method="post" {...getFormProps(form)}>
            <DefaultSubmit label={t('new.create')} />
            <RadioGroup
              meta={fields.categoryId}
              legend={<span className="text-xl font-bold">{t('new.category')}</span>}
              hint={t('new.categoryHint')}
              options={available.map((category) => ({
                value: category.id,
                label: category.name,
                hint: t('new.pricedPer', { unit: t(`unitNames.${category.unit}`) }),
              }))}
              className="mb-8"
            />
            <OfferTextFields fields={fields} formErrors={form.errors} />
            <fieldset className="mb-8">
              <legend className="mb-3 text-xl font-bold">{t('fields.priceLegend')}</legend>
              <Field
                meta={fields.price}
                label={t('fields.price')}
                hint={t('fields.priceHint')}
                inputMode="decimal"
                autoComplete="off"
                className="mb-5 max-w-56"
              />
            </fieldset>
            <LanguageFields fields={fields} locale={locale} />
            <UnitChoice
              fields={fields}
              units={units.map((unit) => ({ value: unit.value, label: unit.label, hint: `${t(`units.kinds.${unit.kind}`)}: ${unit.where}` }))}
              addUnitHref={`${base}/units/new`}
            />
            <ExtraServiceRows
              fields={fields}
              buttons={{
                add: form.insert.getButtonProps({ name: fields.extras.name, defaultValue: {} }),
                remove: (index) => form.remove.getButtonProps({ name: fields.extras.name, index }),
              }}
            />
            <fieldset className="mb-8" id="capacity">
              <legend className="mb-1 text-xl font-bold">{t('capacity.legend')}</legend>
              <p className="mb-3 text-sm text-slate-700">{t('capacity.hint')}</p>
              <RadioGroup
                meta={fields.capacity}
                legend={t('capacity.question')}
                options={newCapacityChoices.map((value) => ({ value, label: t(`capacity.choices.${value}`) }))}
              />
              <Field meta={fields.freePlaces} type="number" min={0} label={t('capacity.number')} hint={t('capacity.numberHint')} className="mb-5 max-w-40" />
            </fieldset>
            <div className="flex flex-wrap items-center gap-4">
              <Button>{t('new.create')}</Button>
              <Link to={`${base}/offers`}>{t('new.cancel')}</Link>
            </div>
          </Form>
        </>
      )}
    </div>
  )
}
