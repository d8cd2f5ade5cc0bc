import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { summaryErrors } from '~/components/form-errors'
import { HoneypotField } from '~/components/honeypot-field'
import { DateOfBirthFields } from '~/components/my-voucher/date-of-birth-fields'
import { Alert } from '~/components/ui/alert'
import { Button } from '~/components/ui/button'
import { ErrorSummary } from '~/components/ui/error-summary'
import { Field } from '~/components/ui/field'
import { pageTitle } from '~/i18n.server'
import { identifyClient } from '~/modules/client-access/client-login.server'
import { voucherLoginSchema, voucherRedirectTo } from '~/modules/client-access/schema'
import { closeClientSession, getClientVoucher, openClientSession } from '~/modules/client-access/session.server'
import { helsinkiToday } from '~/modules/documents/dates'
import { readFormData } from '~/utils/form-data.server'
import { honeypotFilled } from '~/utils/honeypot.server'
import { titleFromLoader } from '~/utils/meta'
import { clientIp } from '~/utils/rate-limit.server'

export const meta = titleFromLoader

/**
 * Opening a service voucher with its code and the client's date of birth (no account). The checks, limits and the
 * lock live in client-login.server.ts; success opens a client session and goes to the voucher's pages. A filled
 * honeypot goes the same way without a session (the voucher's pages then ask for the code again).
 */
export async function loader({ request }: LoaderFunctionArgs) {
  return {
    title: await pageTitle(request, 'voucher:login.title'),
    redirectTo: voucherRedirectTo(new URL(request.url).searchParams.get('redirectTo')),
    today: helsinkiToday(),
    open: (await getClientVoucher(request)) !== null,
  }
}

const refusalStatus = { notMatching: 400, cancelled: 403, locked: 429 } as const

export async function action({ request }: ActionFunctionArgs) {
  const formData = await readFormData(request)
  if (honeypotFilled(formData, '/voucher')) return redirect(voucherRedirectTo(String(formData.get('redirectTo') ?? '')))
  const submission = parseWithZod(formData, { schema: voucherLoginSchema(helsinkiToday()) })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  const { code, dateOfBirth, redirectTo } = submission.value
  const result = await identifyClient({ code, dateOfBirth, ip: clientIp(request) })
  if (!result.ok) {
    const headers: HeadersInit = 'retryAfterSeconds' in result ? { 'Retry-After': String(result.retryAfterSeconds) } : {}
    return data({ result: submission.reply({ formErrors: [`voucher:login.errors.${result.error}`] }) }, { status: refusalStatus[result.error], headers })
  }
  // a voucher already open in this browser is closed first (a relative may look after two)
  await closeClientSession(request)
  return redirect(redirectTo, { headers: { 'Set-Cookie': await openClientSession(result.voucherId) } })
}

export default function OpenVoucher() {
  const { t } = useTranslation('voucher')
  const { redirectTo, today, open } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const schema = voucherLoginSchema(today)
  const [form, fields] = useForm({
    id: 'voucher-login',
    lastResult: actionData?.result,
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  })
  const dateParts = fields.dateOfBirth.getFieldset()
  return (
    <div className="max-w-2xl text-lg">
      <h1>{t('login.title')}</h1>
      <p className="mt-3 mb-6">{t('login.intro')}</p>
      {open ? (
        <Alert kind="info">
          {t('login.alreadyOpen')} <Link to="/my-voucher">{t('login.toVoucher')}</Link>
        </Alert>
      ) : null}
      <ErrorSummary errors={summaryErrors(form, fields)} />
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <HoneypotField />
        <Field
          meta={fields.code}
          label={<span className="text-xl">{t('login.code')}</span>}
          hint={t('login.codeHint')}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={20}
          required
          className="mb-6"
        />
        <DateOfBirthFields
          meta={{ id: fields.dateOfBirth.id, errors: fields.dateOfBirth.errors }}
          parts={{
            day: { name: dateParts.day.name, initialValue: dateParts.day.initialValue },
            month: { name: dateParts.month.name, initialValue: dateParts.month.initialValue },
            year: { name: dateParts.year.name, initialValue: dateParts.year.initialValue },
          }}
        />
        <Button className="text-xl">{t('login.submit')}</Button>
      </Form>
      <section aria-labelledby="voucher-help" className="mt-10">
        <h2 id="voucher-help">{t('login.helpTitle')}</h2>
        <p className="mt-2">{t('login.help')}</p>
        <p className="mt-2">
          <Link to="/services">{t('login.browse')}</Link>
        </p>
      </section>
    </div>
  )
}
