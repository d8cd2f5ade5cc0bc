import { getFormProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, redirectDocument, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { summaryErrors } from '~/components/form-errors'
import { Button } from '~/components/ui/button'
import { ErrorSummary } from '~/components/ui/error-summary'
import { Field } from '~/components/ui/field'
import { localeCookie, pageTitle } from '~/i18n.server'
import { loginSchema } from '~/modules/accounts/schema'
import { authenticate } from '~/modules/accounts/service.server'
import { HoneypotField } from '~/components/honeypot-field'
import { readFormData } from '~/utils/form-data.server'
import { honeypotFilled } from '~/utils/honeypot.server'
import { log } from '~/utils/logger.server'
import { titleFromLoader } from '~/utils/meta'
import { clearRateLimitPolicy, clientIp, enforceRateLimitPolicy } from '~/utils/rate-limit.server'
import { createSession, getUser, safeRedirectTo, secondFactorPath } from '~/utils/session.server'

export const meta = titleFromLoader

export async function loader({ request }: LoaderFunctionArgs) {
  const redirectTo = safeRedirectTo(new URL(request.url).searchParams.get('redirectTo'), '')
  if (await getUser(request)) throw redirect(redirectTo || '/')
  return { title: await pageTitle(request, 'auth:login.title'), redirectTo }
}

export async function action({ request }: ActionFunctionArgs) {
  const formData = await readFormData(request)
  // a bot filled in the hidden field: the login page again, as after any other attempt, and nothing else
  if (honeypotFilled(formData, '/login')) throw redirect('/login')
  const submission = parseWithZod(formData, { schema: loginSchema })
  if (submission.status !== 'success') {
    return data({ result: submission.reply({ hideFields: ['password'] }) }, { status: 400 })
  }
  const { email, password, redirectTo } = submission.value
  await enforceRateLimitPolicy('loginPerIp', clientIp(request))
  await enforceRateLimitPolicy('loginPerAccount', email)
  const result = await authenticate(email, password)
  if (!result.ok) {
    log.warn('authentication failed', { actorId: result.userId ?? null, route: '/login', reason: result.error })
    return data(
      { result: submission.reply({ formErrors: [`errors.${result.error}`], hideFields: ['password'] }) },
      { status: 400 },
    )
  }
  await clearRateLimitPolicy('loginPerAccount', email)
  const headers = new Headers()
  headers.append('Set-Cookie', await createSession(result.userId, request.headers.get('user-agent')))
  headers.append('Set-Cookie', await localeCookie.serialize(result.locale))
  const destination = safeRedirectTo(redirectTo, '/account')
  const next = result.secondFactor === 'none' ? destination : secondFactorPath(result.secondFactor, destination)
  // a full page load, so the browser's translations follow the user's own language
  return redirectDocument(next, { headers })
}

export default function Login() {
  const { t } = useTranslation('auth')
  const { redirectTo } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [form, fields] = useForm({
    id: 'login',
    lastResult: actionData?.result,
    constraint: getZodConstraint(loginSchema),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: loginSchema }),
  })
  return (
    <div className="max-w-xl">
      <h1>{t('login.title')}</h1>
      <p className="mt-2 mb-6">{t('login.intro')}</p>
      <ErrorSummary errors={summaryErrors(form, fields)} />
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <HoneypotField />
        <Field meta={fields.email} type="email" label={t('fields.email')} autoComplete="email" />
        <Field meta={fields.password} type="password" label={t('fields.password')} autoComplete="current-password" />
        <Button>{t('login.submit')}</Button>
      </Form>
      <ul className="mt-6 space-y-2">
        <li>
          <Link to="/forgot-password">{t('login.forgotPassword')}</Link>
        </li>
        <li>
          <Link to="/signup">{t('login.noAccount')}</Link>
        </li>
      </ul>
    </div>
  )
}
