import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { summaryErrors } from '~/components/form-errors'
import { Alert } from '~/components/ui/alert'
import { Button } from '~/components/ui/button'
import { ErrorSummary } from '~/components/ui/error-summary'
import { Field } from '~/components/ui/field'
import { RadioGroup } from '~/components/ui/radio-group'
import { SelectField } from '~/components/ui/select-field'
import { isLocale } from '~/i18n'
import { pageTitle } from '~/i18n.server'
import { clientLanguages, newClientSchema } from '~/modules/clients/schema'
import { createClient } from '~/modules/clients/service.server'
import { helsinkiToday } from '~/modules/documents/dates'
import { municipalityOptions } from '~/modules/organisations/municipality-name'
import { listMunicipalities } from '~/modules/organisations/service.server'
import { readFormData } from '~/utils/form-data.server'
import { titleFromLoader } from '~/utils/meta'
import { requirePermission } from '~/utils/session.server'
import { redirectWithToast } from '~/utils/toast.server'

export const meta = titleFromLoader

/**
 * A new client (staff issuing vouchers). The date of birth comes from the personal identity code; a code already
 * registered is refused with a link to that client.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'voucher:issue')
  return {
    title: await pageTitle(request, 'issuing:newClient.title'),
    today: helsinkiToday(),
    municipalities: await listMunicipalities(),
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'voucher:issue')
  const submission = parseWithZod(await readFormData(request), { schema: newClientSchema({ today: helsinkiToday() }) })
  if (submission.status !== 'success') return data({ result: submission.reply(), existingClientId: null }, { status: 400 })
  const result = await createClient({ id: user.id }, submission.value)
  if (result.ok) {
    return redirectWithToast(`/staff/clients/${result.clientId}`, { kind: 'success', message: 'issuing:toast.clientCreated' })
  }
  const fieldErrors: Record<string, string[]> =
    result.error === 'municipalityUnknown' ? { municipalityCode: ['issuing:errors.chooseMunicipality'] } : { identityCode: [`issuing:errors.identityCode.${result.error === 'duplicate' ? 'taken' : 'format'}`] }
  return data(
    { result: submission.reply({ fieldErrors }), existingClientId: result.error === 'duplicate' ? result.clientId : null },
    { status: result.error === 'duplicate' ? 409 : 400 },
  )
}

export default function NewClient() {
  const { t, i18n } = useTranslation('issuing')
  const locale = isLocale(i18n.language) ? i18n.language : 'sv'
  const { today, municipalities } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [form, fields] = useForm({
    id: 'new-client',
    lastResult: actionData?.result,
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: newClientSchema({ today }) }),
  })
  return (
    <div className="max-w-3xl">
      <p className="mb-4">
        <Link to="/staff/clients">{t('newClient.back')}</Link>
      </p>
      <h1>{t('newClient.title')}</h1>
      <p className="mt-2 mb-6">{t('newClient.intro')}</p>
      {actionData?.existingClientId ? (
        <Alert kind="error">
          {t('newClient.duplicate')} <Link to={`/staff/clients/${actionData.existingClientId}`}>{t('newClient.openExisting')}</Link>
        </Alert>
      ) : null}
      <ErrorSummary errors={summaryErrors(form, fields)} />
      <Form method="post" {...getFormProps(form)}>
        <fieldset className="mb-6">
          <legend className="mb-3 text-xl font-bold">{t('newClient.personLegend')}</legend>
          <Field meta={fields.firstName} label={t('fields.firstName')} autoComplete="off" />
          <Field meta={fields.lastName} label={t('fields.lastName')} autoComplete="off" />
          <Field
            meta={fields.identityCode}
            label={t('fields.identityCode')}
            hint={t('fields.identityCodeHint')}
            autoComplete="off"
            spellCheck={false}
            className="mb-5 max-w-64"
          />
          <Field meta={fields.dateOfBirth} type="date" label={t('fields.dateOfBirth')} hint={t('fields.dateOfBirthHint')} className="mb-5 max-w-64" />
          <RadioGroup
            meta={fields.preferredLanguage}
            legend={t('fields.preferredLanguage')}
            hint={t('fields.preferredLanguageHint')}
            options={clientLanguages.map((language) => ({ value: language, label: t(`languages.${language}`) }))}
          />
        </fieldset>
        <fieldset className="mb-6">
          <legend className="mb-3 text-xl font-bold">{t('newClient.contactLegend')}</legend>
          <SelectField
            meta={fields.municipalityCode}
            label={t('fields.municipality')}
            placeholder={t('fields.choose')}
            options={municipalityOptions(municipalities, locale)}
          />
          <Field meta={fields.streetAddress} label={t('fields.streetAddress')} autoComplete="off" />
          <Field meta={fields.postalCode} label={t('fields.postalCode')} inputMode="numeric" autoComplete="off" className="mb-5 max-w-40" />
          <Field meta={fields.phone} type="tel" label={t('fields.phone')} hint={t('fields.optional')} autoComplete="off" />
          <Field meta={fields.email} type="email" label={t('fields.email')} hint={t('fields.optional')} autoComplete="off" />
        </fieldset>
        <div className="flex flex-wrap items-center gap-4">
          <Button>{t('newClient.submit')}</Button>
          <Link to="/staff/clients">{t('newClient.cancel')}</Link>
        </div>
      </Form>
    </div>
  )
}
