import { getFormProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { summaryErrors } from '~/components/form-errors'
import { Button } from '~/components/ui/button'
import { ErrorSummary } from '~/components/ui/error-summary'
import { Field } from '~/components/ui/field'
import { getLocale, pageTitle } from '~/i18n.server'
import { passwordMinLength, signupSchema } from '~/modules/accounts/schema'
import { signUp } from '~/modules/accounts/service.server'
import { HoneypotField } from '~/components/honeypot-field'
import { refusingCommonPasswords } from '~/modules/accounts/common-passwords.server'
import { readFormData } from '~/utils/form-data.server'
import { honeypotFilled } from '~/utils/honeypot.server'
import { titleFromLoader } from '~/utils/meta'
import { clientIp, enforceRateLimitPolicy } from '~/utils/rate-limit.server'
import { getUser } from '~/utils/session.server'
import { redirectWithToast } from '~/utils/toast.server'

export const meta = titleFromLoader

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getUser(request)) throw redirect('/account')
  return { title: await pageTitle(request, 'auth:signup.title') }
}

const serverSchema = refusingCommonPasswords(signupSchema)

export async function action({ request }: ActionFunctionArgs) {
  const formData = await readFormData(request)
  await enforceRateLimitPolicy('signupPerIp', clientIp(request))
  if (honeypotFilled(formData, '/signup')) {
    return redirectWithToast('/signup/sent', { kind: 'success', message: 'toast.signupSent' })
  }
  const submission = parseWithZod(formData, { schema: serverSchema })
  if (submission.status !== 'success') {
    return data({ result: submission.reply({ hideFields: ['password', 'confirmPassword'] }) }, { status: 400 })
  }
  const { name, email, password } = submission.value
  await signUp({ name, email, password, locale: await getLocale(request) })
  return redirectWithToast(`/signup/sent?${new URLSearchParams({ email })}`, { kind: 'success', message: 'toast.signupSent' })
}

export default function Signup() {
  const { t } = useTranslation('auth')
  const actionData = useActionData<typeof action>()
  const [form, fields] = useForm({
    id: 'signup',
    lastResult: actionData?.result,
    constraint: getZodConstraint(signupSchema),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: signupSchema }),
  })
  return (
    <div className="max-w-xl">
      <h1>{t('signup.title')}</h1>
      <p className="mt-2 mb-6">{t('signup.intro')}</p>
      <ErrorSummary errors={summaryErrors(form, fields)} />
      <Form method="post" {...getFormProps(form)}>
        <HoneypotField />
        <Field meta={fields.name} label={t('fields.name')} autoComplete="name" />
        <Field meta={fields.email} type="email" label={t('fields.email')} autoComplete="email" hint={t('signup.emailHint')} />
        <Field
          meta={fields.password}
          type="password"
          label={t('fields.newPassword')}
          autoComplete="new-password"
          hint={t('fields.passwordHint', { count: passwordMinLength })}
        />
        <Field meta={fields.confirmPassword} type="password" label={t('fields.confirmPassword')} autoComplete="new-password" />
        <Button>{t('signup.submit')}</Button>
      </Form>
      <p className="mt-6">
        <Link to="/login">{t('signup.haveAccount')}</Link>
      </p>
    </div>
  )
}
