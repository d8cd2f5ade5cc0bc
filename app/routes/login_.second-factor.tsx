import { getFormProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { summaryErrors } from '~/components/form-errors'
import { Button } from '~/components/ui/button'
import { ErrorSummary } from '~/components/ui/error-summary'
import { Field } from '~/components/ui/field'
import { pageTitle } from '~/i18n.server'
import { secondFactorSchema } from '~/modules/accounts/schema'
import { verifySecondFactor } from '~/modules/accounts/second-factor.server'
import { readFormData } from '~/utils/form-data.server'
import { log } from '~/utils/logger.server'
import { titleFromLoader } from '~/utils/meta'
import { clearRateLimitPolicy, enforceRateLimitPolicy } from '~/utils/rate-limit.server'
import { requirePendingSecondFactor, safeRedirectTo } from '~/utils/session.server'
import { redirectWithToast } from '~/utils/toast.server'

export const meta = titleFromLoader

/** Code attempts per staff user: ten in a quarter of an hour leave a guesser one chance in 100,000. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePendingSecondFactor(request, 'required')
  const redirectTo = safeRedirectTo(new URL(request.url).searchParams.get('redirectTo'), '/account')
  return { title: await pageTitle(request, 'security:secondFactor.title'), redirectTo }
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePendingSecondFactor(request, 'required')
  const submission = parseWithZod(await readFormData(request), { schema: secondFactorSchema })
  if (submission.status !== 'success') return data({ result: submission.reply({ hideFields: ['code'] }) }, { status: 400 })
  await enforceRateLimitPolicy('secondFactorPerUser', user.id)
  const result = await verifySecondFactor(user.id, user.sessionId, submission.value.code)
  if (!result.ok) {
    log.warn('second factor failed', { actorId: user.id, route: '/login/second-factor', reason: result.reason })
    return data(
      { result: submission.reply({ fieldErrors: { code: ['security:errors.codeInvalid'] }, hideFields: ['code'] }) },
      { status: 400 },
    )
  }
  await clearRateLimitPolicy('secondFactorPerUser', user.id)
  const destination = safeRedirectTo(submission.value.redirectTo, '/account')
  if (result.method === 'recoveryCode') {
    return redirectWithToast(destination, { kind: 'info', message: 'security:toast.recoveryCodeUsed' })
  }
  return redirectWithToast(destination, { kind: 'success', message: 'security:toast.signedIn' })
}

export default function SecondFactor() {
  const { t } = useTranslation('security')
  const { redirectTo } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [form, fields] = useForm({
    id: 'second-factor',
    lastResult: actionData?.result,
    constraint: getZodConstraint(secondFactorSchema),
    shouldValidate: 'onSubmit',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: secondFactorSchema }),
  })
  return (
    <div className="max-w-xl">
      <h1>{t('secondFactor.title')}</h1>
      <p className="mt-2 mb-6">{t('secondFactor.intro')}</p>
      <ErrorSummary errors={summaryErrors(form, fields)} />
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <Field
          meta={fields.code}
          label={t('secondFactor.code')}
          hint={t('secondFactor.codeHint')}
          autoComplete="one-time-code"
          spellCheck={false}
          className="mb-5"
        />
        <Button>{t('secondFactor.submit')}</Button>
      </Form>
      <Form method="post" action="/logout" className="mt-8">
        <Button variant="secondary">{t('common:nav.logout')}</Button>
      </Form>
    </div>
  )
}
