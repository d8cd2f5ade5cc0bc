import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { summaryErrors } from '~/components/form-errors'
import { Alert } from '~/components/ui/alert'
import { Button } from '~/components/ui/button'
import { ErrorSummary } from '~/components/ui/error-summary'
import { Field } from '~/components/ui/field'
import { TextareaField } from '~/components/ui/textarea-field'
import { acceptSchema, declineSchema, reasonMaxLength } from '~/modules/delivery/schema'
import type { DeliveryActionResult } from './action-result'

type AcceptFormProps = {
  actionData: DeliveryActionResult | undefined
  today: string
  voucher: { validFrom: string; validTo: string }
}

/** Accepting a new client: the day service starts (today, or the voucher's first day if later). */
export function AcceptForm({ actionData, today, voucher }: AcceptFormProps) {
  const { t } = useTranslation('delivery')
  const mine = actionData?.form === 'accept' ? actionData : undefined
  const schema = acceptSchema(today)
  const [form, fields] = useForm({
    id: 'accept-choice',
    lastResult: mine?.result,
    defaultValue: { startDate: voucher.validFrom > today ? voucher.validFrom : today },
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  })
  return (
    <div className="mb-8 max-w-2xl rounded border-2 border-slate-300 p-4">
      <h3 className="text-lg font-semibold">{t('decision.acceptTitle')}</h3>
      {mine?.message ? <Alert kind="error">{mine.message}</Alert> : null}
      <ErrorSummary errors={summaryErrors(form, fields)} />
      <Form method="post" {...getFormProps(form)} className="mt-3">
        <input type="hidden" name="intent" value="accept" />
        <Field
          meta={fields.startDate}
          type="date"
          min={voucher.validFrom}
          max={voucher.validTo}
          label={t('decision.startDate')}
          hint={t('decision.startDateHint')}
          className="mb-5 max-w-56"
        />
        <Button>{t('decision.accept')}</Button>
      </Form>
    </div>
  )
}

/** Declining a new client with a reason, which the client reads in their email. */
export function DeclineForm({ actionData }: { actionData: DeliveryActionResult | undefined }) {
  const { t } = useTranslation('delivery')
  const mine = actionData?.form === 'decline' ? actionData : undefined
  const [form, fields] = useForm({
    id: 'decline-choice',
    lastResult: mine?.result,
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: declineSchema }),
  })
  return (
    <div className="max-w-2xl rounded border-2 border-slate-300 p-4">
      <h3 className="text-lg font-semibold">{t('decision.declineTitle')}</h3>
      {mine?.message ? <Alert kind="error">{mine.message}</Alert> : null}
      <ErrorSummary errors={summaryErrors(form, fields)} />
      <Form method="post" {...getFormProps(form)} className="mt-3">
        <input type="hidden" name="intent" value="decline" />
        <TextareaField meta={fields.reason} rows={3} maxLength={reasonMaxLength} label={t('decision.reason')} hint={t('decision.reasonHint')} />
        <Button variant="danger">{t('decision.decline')}</Button>
      </Form>
    </div>
  )
}
