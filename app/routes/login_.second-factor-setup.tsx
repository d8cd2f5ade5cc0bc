import { getFormProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, type ShouldRevalidateFunction } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { summaryErrors } from '~/components/form-errors'
import { Alert } from '~/components/ui/alert'
import { Button } from '~/components/ui/button'
import { ErrorSummary } from '~/components/ui/error-summary'
import { Field } from '~/components/ui/field'
import { pageTitle } from '~/i18n.server'
import { secondFactorSchema } from '~/modules/accounts/schema'
import { confirmEnrolment, pendingEnrolment } from '~/modules/accounts/second-factor.server'
import { readFormData } from '~/utils/form-data.server'
import { log } from '~/utils/logger.server'
import { titleFromLoader } from '~/utils/meta'
import { clearRateLimitPolicy, enforceRateLimitPolicy } from '~/utils/rate-limit.server'
import { getUser, requirePendingSecondFactor, safeRedirectTo } from '~/utils/session.server'

export const meta = titleFromLoader

/**
 * Setting up an authenticator app: staff without one come here after their password. Once the code is confirmed
 * the session is complete, and this page (asked again for its data after the action) shows the recovery codes
 * from the action's answer, once.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const redirectTo = safeRedirectTo(new URL(request.url).searchParams.get('redirectTo'), '/account')
  const title = await pageTitle(request, 'security:setup.title')
  const user = await getUser(request)
  if (user && !user.staffRole) throw redirect('/account')
  if (user) return { title, redirectTo, enrolment: null }
  const pending = await requirePendingSecondFactor(request, 'enrol')
  const enrolment = await pendingEnrolment(pending.id)
  if (!enrolment) throw redirect('/login/second-factor')
  return { title, redirectTo, enrolment: { ...enrolment, grouped: enrolment.secret.match(/.{1,4}/g)?.join(' ') ?? enrolment.secret } }
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePendingSecondFactor(request, 'enrol')
  const submission = parseWithZod(await readFormData(request), { schema: secondFactorSchema })
  if (submission.status !== 'success') return data({ result: submission.reply({ hideFields: ['code'] }), recoveryCodes: null }, { status: 400 })
  await enforceRateLimitPolicy('secondFactorPerUser', user.id)
  const result = await confirmEnrolment(user.id, user.sessionId, submission.value.code)
  if (!result.ok) {
    log.warn('second factor failed', { actorId: user.id, route: '/login/second-factor-setup', reason: result.reason })
    return data(
      { result: submission.reply({ fieldErrors: { code: ['security:errors.codeInvalid'] }, hideFields: ['code'] }), recoveryCodes: null },
      { status: 400 },
    )
  }
  await clearRateLimitPolicy('secondFactorPerUser', user.id)
  return { result: submission.reply({ resetForm: true }), recoveryCodes: result.recoveryCodes }
}

/** The recovery codes exist only in the action's answer: keep the page as it is after a successful set-up. */
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionResult, defaultShouldRevalidate }) =>
  (actionResult as { recoveryCodes?: unknown } | undefined)?.recoveryCodes ? false : defaultShouldRevalidate

export default function SecondFactorSetup() {
  const { t } = useTranslation('security')
  const { redirectTo, enrolment } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [form, fields] = useForm({
    id: 'second-factor-setup',
    lastResult: actionData?.result,
    constraint: getZodConstraint(secondFactorSchema),
    shouldValidate: 'onSubmit',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: secondFactorSchema }),
  })
  if (actionData?.recoveryCodes) {
    return (
      <div className="max-w-xl">
        <h1>{t('setup.title')}</h1>
        <Alert kind="success">{t('setup.done')}</Alert>
        <h2 className="mt-6">{t('recoveryCodes.title')}</h2>
        <p className="mt-2">{t('recoveryCodes.intro')}</p>
        <ul aria-label={t('recoveryCodes.title')} className="mt-4 grid max-w-sm grid-cols-2 gap-2 font-mono text-lg">
          {actionData.recoveryCodes.map((code) => (
            <li key={code}>{code}</li>
          ))}
        </ul>
        <p className="mt-6">
          <Link to={redirectTo}>{t('recoveryCodes.continue')}</Link>
        </p>
      </div>
    )
  }
  if (!enrolment) {
    return (
      <div className="max-w-xl">
        <h1>{t('setup.title')}</h1>
        <p className="mt-4">{t('setup.alreadyDone')}</p>
        <p className="mt-4">
          <Link to="/account/security">{t('title')}</Link>
        </p>
      </div>
    )
  }
  return (
    <div className="max-w-2xl">
      <h1>{t('setup.title')}</h1>
      <p className="mt-2">{t('setup.intro')}</p>
      <ol className="mt-4 mb-6 list-decimal space-y-4 pl-6">
        <li>{t('setup.stepInstall')}</li>
        <li>
          {t('setup.stepAdd')}
          <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
            <dt className="font-semibold">{t('setup.secret')}</dt>
            <dd>
              <code data-testid="totp-secret" className="font-mono text-lg break-all">
                {enrolment.grouped}
              </code>
            </dd>
            <dt className="font-semibold">{t('setup.link')}</dt>
            <dd>
              <a href={enrolment.uri} className="break-all">
                {t('setup.openInApp')}
              </a>
            </dd>
          </dl>
        </li>
        <li>{t('setup.stepConfirm')}</li>
      </ol>
      <ErrorSummary errors={summaryErrors(form, fields)} />
      <Form method="post" {...getFormProps(form)}>
        <Field meta={fields.code} label={t('secondFactor.appCode')} autoComplete="one-time-code" inputMode="numeric" spellCheck={false} />
        <Button>{t('setup.submit')}</Button>
      </Form>
      <Form method="post" action="/logout" className="mt-8">
        <Button variant="secondary">{t('common:nav.logout')}</Button>
      </Form>
    </div>
  )
}
