import { getFormProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Button } from '~/components/ui/button'
import { ErrorSummary } from '~/components/ui/error-summary'
import { getLocale, pageTitle } from '~/i18n.server'
import { municipalityOptions } from '~/modules/organisations/municipality-name'
import { OrganisationFields, organisationSummaryErrors } from '~/components/organisation-form'
import { organisationEditSchema } from '~/modules/organisations/schema'
import { getOrganisation, listMunicipalities, updateOrganisation } from '~/modules/organisations/service.server'
import { readFormData } from '~/utils/form-data.server'
import { titleFromLoader } from '~/utils/meta'
import { notFound, requireOrganisationPermission } from '~/utils/session.server'
import { redirectWithToast } from '~/utils/toast.server'

export const meta = titleFromLoader

export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireOrganisationPermission(request, params.orgId ?? '', 'organisation:edit')
  const [organisation, municipalities, locale] = await Promise.all([
    getOrganisation(member),
    listMunicipalities(),
    getLocale(request),
  ])
  if (!organisation) notFound()
  const { municipality: _municipality, updatedAt: _updatedAt, ...values } = organisation
  return {
    title: await pageTitle(request, 'organisation:edit.title'),
    organisation: values,
    municipalities: municipalityOptions(municipalities, locale),
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const member = await requireOrganisationPermission(request, params.orgId ?? '', 'organisation:edit')
  const submission = parseWithZod(await readFormData(request), { schema: organisationEditSchema })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  const result = await updateOrganisation(member, submission.value)
  if (!result.ok) {
    if (result.error === 'notFound') notFound()
    return data(
      { result: submission.reply({ fieldErrors: { municipalityCode: ['organisation:errors.municipalityUnknown'] } }) },
      { status: 400 },
    )
  }
  return redirectWithToast(`/provider/${member.organisationId}`, { kind: 'success', message: 'organisation:toast.updated' })
}

export default function EditOrganisation() {
  const { t } = useTranslation('organisation')
  const { organisation, municipalities } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [form, fields] = useForm({
    id: 'edit-organisation',
    lastResult: actionData?.result,
    defaultValue: {
      ...organisation,
      website: organisation.website ?? undefined,
      descriptionFi: organisation.descriptionFi ?? undefined,
      descriptionSv: organisation.descriptionSv ?? undefined,
      descriptionEn: organisation.descriptionEn ?? undefined,
    },
    constraint: getZodConstraint(organisationEditSchema),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: organisationEditSchema }),
  })
  return (
    <div className="max-w-3xl">
      <h1>{t('edit.title')}</h1>
      <p className="mt-2 mb-6">{t('edit.intro')}</p>
      <ErrorSummary errors={organisationSummaryErrors(form, fields)} />
      <Form method="post" {...getFormProps(form)}>
        <OrganisationFields
          fields={fields}
          formErrors={form.errors}
          municipalities={municipalities}
          businessIdSlot={
            <div className="mb-5">
              <p className="font-semibold">{t('fields.businessId')}</p>
              <p>{organisation.businessId}</p>
              <p className="text-sm text-slate-700">{t('edit.businessIdFixed')}</p>
            </div>
          }
        />
        <div className="flex flex-wrap items-center gap-4">
          <Button>{t('edit.submit')}</Button>
          <Link to={`/provider/${organisation.id}`}>{t('edit.cancel')}</Link>
        </div>
      </Form>
    </div>
  )
}
