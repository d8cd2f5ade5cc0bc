import { getFormProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Button } from '~/components/ui/button'
import { ErrorSummary } from '~/components/ui/error-summary'
import { Field } from '~/components/ui/field'
import { getLocale, pageTitle } from '~/i18n.server'
import { municipalityOptions } from '~/modules/organisations/municipality-name'
import { OrganisationFields, organisationSummaryErrors } from '~/components/organisation-form'
import { organisationSchema } from '~/modules/organisations/schema'
import { createOrganisation, listMunicipalities } from '~/modules/organisations/service.server'
import { readFormData } from '~/utils/form-data.server'
import { titleFromLoader } from '~/utils/meta'
import { forbidden, requireUser } from '~/utils/session.server'
import { redirectWithToast } from '~/utils/toast.server'

export const meta = titleFromLoader

/** Provider users register organisations; staff accounts may not. */
async function requireProviderUser(request: Request) {
  const user = await requireUser(request)
  if (user.staffRole) forbidden()
  return user
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requireProviderUser(request)
  const locale = await getLocale(request)
  return {
    title: await pageTitle(request, 'organisation:new.title'),
    municipalities: municipalityOptions(await listMunicipalities(), locale),
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireProviderUser(request)
  const submission = parseWithZod(await readFormData(request), { schema: organisationSchema })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  const result = await createOrganisation(user.id, submission.value)
  if (!result.ok) {
    if (result.error === 'staffCannotJoin') forbidden()
    const fieldErrors: Record<string, string[]> =
      result.error === 'businessIdTaken'
        ? { businessId: ['organisation:errors.businessIdTaken'] }
        : { municipalityCode: ['organisation:errors.municipalityUnknown'] }
    return data({ result: submission.reply({ fieldErrors }) }, { status: 400 })
  }
  return redirectWithToast(`/provider/${result.organisationId}`, { kind: 'success', message: 'organisation:toast.created' })
}

export default function NewOrganisation() {
  const { t } = useTranslation('organisation')
  const { municipalities } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [form, fields] = useForm({
    id: 'new-organisation',
    lastResult: actionData?.result,
    constraint: getZodConstraint(organisationSchema),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: organisationSchema }),
  })
  return (
    <div className="max-w-3xl">
      <p className="mb-2">
        <Link to="/provider">{t('home.back')}</Link>
      </p>
      <h1>{t('new.title')}</h1>
      <p className="mt-2 mb-6">{t('new.intro')}</p>
      <ErrorSummary errors={organisationSummaryErrors(form, fields)} />
      <Form method="post" {...getFormProps(form)}>
        <OrganisationFields
          fields={fields}
          formErrors={form.errors}
          municipalities={municipalities}
          businessIdSlot={
            <Field
              meta={fields.businessId}
              label={t('fields.businessId')}
              hint={t('fields.businessIdHint')}
              className="mb-5 max-w-60"
              autoComplete="off"
              spellCheck={false}
            />
          }
        />
        <Button>{t('new.submit')}</Button>
      </Form>
    </div>
  )
}
