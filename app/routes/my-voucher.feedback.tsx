import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { summaryErrors } from '~/components/form-errors'
import { HoneypotField } from '~/components/honeypot-field'
import { useVoucherT } from '~/components/my-voucher/display'
import { Button } from '~/components/ui/button'
import { ErrorSummary } from '~/components/ui/error-summary'
import { RadioGroup } from '~/components/ui/radio-group'
import { TextareaField } from '~/components/ui/textarea-field'
import { pageTitle } from '~/i18n.server'
import { requireClientVoucher } from '~/modules/client-access/session.server'
import { feedbackOverview, giveFeedback } from '~/modules/choices/feedback.server'
import { feedbackSchema, feedbackTextMaxLength, ratings } from '~/modules/choices/schema'
import { readFormData } from '~/utils/form-data.server'
import { honeypotFilled } from '~/utils/honeypot.server'
import { titleFromLoader } from '~/utils/meta'
import { notFound } from '~/utils/session.server'
import { redirectWithToast } from '~/utils/toast.server'

export const meta = titleFromLoader

/**
 * Feedback on the producers that have served the client (from the day their service started): a rating 1–5 and
 * an optional text, once per producer, changeable until staff have moderated it. Another voucher's producers are
 * refused like unknown ones (404). A filled honeypot is thanked like a saved feedback, and nothing is saved.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const { voucherId } = await requireClientVoucher(request)
  return { title: await pageTitle(request, 'voucher:feedback.title'), producers: await feedbackOverview(voucherId) }
}

type ActionResult = { organisationId: string; result: SubmissionResult<string[]> }

export async function action({ request }: ActionFunctionArgs) {
  const { voucherId } = await requireClientVoucher(request)
  const formData = await readFormData(request)
  const saved = () => redirectWithToast('/my-voucher/feedback', { kind: 'success', message: 'voucher:toast.feedbackSaved' })
  if (honeypotFilled(formData, '/my-voucher/feedback')) return saved()
  const submission = parseWithZod(formData, { schema: feedbackSchema })
  const organisationId = String(formData.get('organisationId') ?? '')
  if (submission.status !== 'success') return data<ActionResult>({ organisationId, result: submission.reply() }, { status: 400 })
  const result = await giveFeedback(voucherId, submission.value)
  if (result.ok) return saved()
  if (result.error === 'notServed') notFound()
  return data<ActionResult>({ organisationId, result: submission.reply({ formErrors: ['voucher:errors.alreadyModerated'] }) }, { status: 409 })
}

type Producer = ReturnType<typeof useLoaderData<typeof loader>>['producers'][number]

export default function Feedback() {
  const { t } = useVoucherT()
  const { producers } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  return (
    <>
      <h1>{t('feedback.title')}</h1>
      <p className="mt-2 max-w-3xl">{t('feedback.intro')}</p>
      {producers.length === 0 ? <p className="mt-6 text-xl">{t('feedback.none')}</p> : null}
      {producers.map((producer) => (
        <ProducerFeedback key={producer.id} producer={producer} lastResult={actionData?.organisationId === producer.id ? actionData.result : undefined} />
      ))}
    </>
  )
}

function ProducerFeedback({ producer, lastResult }: { producer: Producer; lastResult: SubmissionResult<string[]> | undefined }) {
  const { t } = useVoucherT()
  const feedback = producer.feedback
  const headingId = `feedback-title-${producer.id}`
  const [form, fields] = useForm({
    id: `feedback-${producer.id}`,
    lastResult,
    defaultValue: { rating: feedback ? String(feedback.rating) : undefined, text: feedback?.text ?? undefined },
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: feedbackSchema }),
  })
  const decided = feedback !== null && feedback.moderation !== 'PENDING'
  return (
    <section aria-labelledby={headingId} className="mt-8 rounded border-2 border-slate-300 p-4">
      <h2 id={headingId}>{producer.name}</h2>
      {feedback ? (
        <div className="mt-2">
          <p>{t('feedback.yourRating', { rating: t(`feedback.ratings.${feedback.rating}`) })}</p>
          {feedback.text ? (
            <blockquote className="mt-2 border-l-4 border-slate-400 pl-3 whitespace-pre-line">{feedback.text}</blockquote>
          ) : null}
          <p className="mt-2 font-semibold">{t(`feedback.moderation.${feedback.moderation}`)}</p>
        </div>
      ) : null}
      {decided ? null : (
        <div className="mt-4">
          <ErrorSummary errors={summaryErrors(form, fields)} />
          <Form method="post" {...getFormProps(form)}>
            <input type="hidden" name="organisationId" value={producer.id} />
            <HoneypotField />
            <RadioGroup
              meta={fields.rating}
              legend={t('feedback.ratingQuestion', { producer: producer.name })}
              options={ratings.map((rating) => ({ value: String(rating), label: t(`feedback.ratings.${rating}`) }))}
            />
            <TextareaField
              meta={fields.text}
              label={t('feedback.text')}
              hint={t('feedback.textHint', { max: feedbackTextMaxLength })}
              maxLength={feedbackTextMaxLength}
              rows={5}
            />
            <Button className="text-lg">{feedback ? t('feedback.update') : t('feedback.submit')}</Button>
          </Form>
        </div>
      )}
    </section>
  )
}
