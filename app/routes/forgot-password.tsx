import { getFormProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { summaryErrors } from '~/components/form-errors'
import { Button } from '~/components/ui/button'
import { ErrorSummary } from '~/components/ui/error-summary'
import { Field } from '~/components/ui/field'
import { pageTitle } from '~/i18n.server'
import { forgotPasswordSchema } from '~/modules/accounts/schema'
import { requestPasswordReset } from '~/modules/accounts/service.server'
import { HoneypotField } from '~/components/honeypot-field'
import { readFormData } from '~/utils/form-data.server'
import { honeypotFilled } from '~/utils/honeypot.server'
import { titleFromLoader } from '~/utils/meta'
import { clientIp, enforceRateLimitPolicy } from '~/utils/rate-limit.server'
import { redirectWithToast } from '~/utils/toast.server'

export const meta = titleFromLoader

export async function loader({ request }: LoaderFunctionArgs) {
  return { title: await pageTitle(request, 'auth:forgot.title') }
}

export async function action({ request }: ActionFunctionArgs) {
  const formData = await readFormData(request)
  await enforceRateLimitPolicy('passwordResetRequestPerIp', clientIp(request))
  const sent = () => redirectWithToast('/login', { kind: 'info', message: 'toast.resetSent' })
  if (honeypotFilled(formData, '/forgot-password')) return sent()
  const submission = parseWithZod(formData, { schema: forgotPasswordSchema })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  const { email } = submission.value
  await enforceRateLimitPolicy('passwordResetRequestPerAccount', email)
  await requestPasswordReset(email)
  return sent()
}

export default function ForgotPassword() {
  const { t } = useTranslation('auth')
  const actionData = useActionData<typeof action>()
  const [form, fields] = useForm({
    id: 'forgot-password',
    lastResult: actionData?.result,
    constraint: getZodConstraint(forgotPasswordSchema),
    shouldValidate: 'onBlur',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: forgotPasswordSchema }),
  })
  return (
    <div className="max-w-xl">
      <h1>{t('forgot.title')}</h1>
      <p className="mt-2 mb-6">{t('forgot.intro')}</p>
      <ErrorSummary errors={summaryErrors(form, fields)} />
      <Form method="post" {...getFormProps(form)}>
        <HoneypotField />
        <Field meta={fields.email} type="email" label={t('fields.email')} autoComplete="email" />
        <Button>{t('forgot.submit')}</Button>
      </Form>
    </div>
  )
}
