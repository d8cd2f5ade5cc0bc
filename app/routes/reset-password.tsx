import { getFormProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { summaryErrors } from '~/components/form-errors'
import { Button } from '~/components/ui/button'
import { ErrorSummary } from '~/components/ui/error-summary'
import { Field } from '~/components/ui/field'
import { pageTitle } from '~/i18n.server'
import { passwordMinLength, resetPasswordSchema } from '~/modules/accounts/schema'
import { resetPassword } from '~/modules/accounts/service.server'
import { HoneypotField } from '~/components/honeypot-field'
import { refusingCommonPasswords } from '~/modules/accounts/common-passwords.server'
import { readFormData } from '~/utils/form-data.server'
import { honeypotFilled } from '~/utils/honeypot.server'
import { log } from '~/utils/logger.server'
import { titleFromLoader } from '~/utils/meta'
import { clientIp, enforceRateLimitPolicy } from '~/utils/rate-limit.server'
import { redirectWithToast } from '~/utils/toast.server'

export const meta = titleFromLoader

export async function loader({ request }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get('token') ?? ''
  return { title: await pageTitle(request, 'auth:reset.title'), token }
}

const serverSchema = refusingCommonPasswords(resetPasswordSchema)

export async function action({ request }: ActionFunctionArgs) {
  const formData = await readFormData(request)
  await enforceRateLimitPolicy('passwordResetPerIp', clientIp(request))
  if (honeypotFilled(formData, '/reset-password')) {
    return redirectWithToast('/login', { kind: 'success', message: 'toast.passwordChanged' })
  }
  const submission = parseWithZod(formData, { schema: serverSchema })
  if (submission.status !== 'success') {
    return data({ result: submission.reply({ hideFields: ['password', 'confirmPassword'] }) }, { status: 400 })
  }
  const done = await resetPassword(submission.value.token, submission.value.password)
  if (!done) {
    log.warn('password reset refused', { actorId: null, route: '/reset-password', reason: 'invalid or used link' })
    return data(
      { result: submission.reply({ formErrors: ['errors.linkInvalid'], hideFields: ['password', 'confirmPassword'] }) },
      { status: 400 },
    )
  }
  return redirectWithToast('/login', { kind: 'success', message: 'toast.passwordChanged' })
}

export default function ResetPassword() {
  const { t } = useTranslation('auth')
  const { token } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [form, fields] = useForm({
    id: 'reset-password',
    lastResult: actionData?.result,
    constraint: getZodConstraint(resetPasswordSchema),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: resetPasswordSchema }),
  })
  return (
    <div className="max-w-xl">
      <h1>{t('reset.title')}</h1>
      <p className="mt-2 mb-6">{t('reset.intro')}</p>
      <ErrorSummary errors={summaryErrors(form, fields)} />
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="token" value={token} />
        <HoneypotField />
        <Field
          meta={fields.password}
          type="password"
          label={t('fields.newPassword')}
          autoComplete="new-password"
          hint={t('fields.passwordHint', { count: passwordMinLength })}
        />
        <Field meta={fields.confirmPassword} type="password" label={t('fields.confirmPassword')} autoComplete="new-password" />
        <Button>{t('reset.submit')}</Button>
      </Form>
      <p className="mt-6">
        <Link to="/forgot-password">{t('reset.newLink')}</Link>
      </p>
    </div>
  )
}
