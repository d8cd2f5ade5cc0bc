import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Button } from '~/components/ui/button'
import { CheckboxGroup } from '~/components/ui/checkbox-group'
import { ProblemSummary } from '~/components/ui/problem-summary'
import { isLocale } from '~/i18n'
import { pageTitle } from '~/i18n.server'
import { nameIn } from '~/modules/applications/labels'
import { problemsOf, problemText, type Problem } from '~/modules/applications/problems'
import { newApplicationSchema } from '~/modules/applications/schema'
import { createDraft, listCategoryChoices } from '~/modules/applications/service.server'
import { readFormData } from '~/utils/form-data.server'
import { titleFromLoader } from '~/utils/meta'
import { requireOrganisationPermission } from '~/utils/session.server'
import { redirectWithToast } from '~/utils/toast.server'

export const meta = titleFromLoader

export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireOrganisationPermission(request, params.orgId ?? '', 'application:edit')
  return {
    title: await pageTitle(request, 'applications:new.title'),
    organisationId: member.organisationId,
    categories: await listCategoryChoices(member.organisationId),
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const member = await requireOrganisationPermission(request, params.orgId ?? '', 'application:edit')
  const submission = parseWithZod(await readFormData(request), { schema: newApplicationSchema })
  if (submission.status !== 'success') {
    return data({ result: submission.reply(), problems: [] as Problem[] }, { status: 400 })
  }
  const result = await createDraft(member, member.organisationId, submission.value.categoryIds)
  if (!result.ok) {
    return data({ result: submission.reply(), problems: problemsOf(result) }, { status: 400 })
  }
  return redirectWithToast(`/provider/${member.organisationId}/applications/${result.applicationId}`, {
    kind: 'success',
    message: 'applications:toast.created',
  })
}

export default function NewApplication() {
  const { t, i18n } = useTranslation('applications')
  const locale = isLocale(i18n.language) ? i18n.language : 'sv'
  const { organisationId, categories } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [form, fields] = useForm({
    id: 'new-application',
    lastResult: actionData?.result,
    shouldValidate: 'onSubmit',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: newApplicationSchema }),
  })
  const available = categories.filter((category) => !category.block)
  const summary = [
    ...(form.errors ?? []).map((error) => ({ text: t(error) })),
    ...(fields.categoryIds.errors ?? []).map((error) => ({ text: t(error), href: `#${fields.categoryIds.id}` })),
    ...((actionData?.problems ?? []) as Problem[]).map((problem) => ({
      text: problemText(problem, t, locale, { documentTypes: [], categories }),
      href: `#${fields.categoryIds.id}`,
    })),
  ]
  return (
    <div className="max-w-3xl">
      <p className="mb-4">
        <Link to={`/provider/${organisationId}/applications`}>{t('new.back')}</Link>
      </p>
      <h1>{t('new.title')}</h1>
      <p className="mt-2 mb-6">{t('new.intro')}</p>
      <ProblemSummary items={summary} />
      {available.length === 0 ? <p className="mb-6 font-semibold">{t('new.noneAvailable')}</p> : null}
      <Form method="post" {...getFormProps(form)}>
        <CheckboxGroup
          meta={fields.categoryIds}
          legend={t('new.legend')}
          hint={t('new.hint')}
          options={categories.map((category) => ({
            value: category.id,
            label: nameIn(locale, category),
            disabled: Boolean(category.block),
            hint: (
              <>
                {t('category.details', { unit: t(`units.${category.unit}`), voucherType: t(`voucherTypes.${category.voucherType}`) })}
                {category.block ? (
                  <>
                    <br />
                    <strong>
                      {category.block.reason === 'openApplication' ? (
                        <Link to={`/provider/${organisationId}/applications/${category.block.applicationId}`}>
                          {t('blocked.openApplication')}
                        </Link>
                      ) : (
                        t(`blocked.${category.block.reason}`)
                      )}
                    </strong>
                  </>
                ) : null}
              </>
            ),
          }))}
        />
        {available.length > 0 ? <Button>{t('new.create')}</Button> : null}
      </Form>
    </div>
  )
}
