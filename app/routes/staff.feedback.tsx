import { parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import type { ReactNode } from 'react'
import { useVoucherT } from '~/components/my-voucher/display'
import { Alert } from '~/components/ui/alert'
import { Button } from '~/components/ui/button'
import { pageTitle } from '~/i18n.server'
import { moderateFeedback, moderationQueue } from '~/modules/choices/moderation.server'
import { moderationSchema } from '~/modules/choices/schema'
import { readFormData } from '~/utils/form-data.server'
import { formatDate } from '~/utils/format'
import { titleFromLoader } from '~/utils/meta'
import { notFound, requirePermission } from '~/utils/session.server'
import { redirectWithToast } from '~/utils/toast.server'

export const meta = titleFromLoader

/**
 * Moderation of clients' feedback texts (staff with feedback:moderate): pending texts first, oldest first; an
 * approved text is shown on the producer's public page. Who wrote it is not shown here.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'feedback:moderate')
  return { title: await pageTitle(request, 'voucher:moderation.title'), ...(await moderationQueue()) }
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'feedback:moderate')
  const submission = parseWithZod(await readFormData(request), { schema: moderationSchema })
  if (submission.status !== 'success') return data({ error: 'voucher:moderation.errors.invalid' }, { status: 400 })
  const result = await moderateFeedback(user, submission.value.feedbackId, submission.value.decision)
  if (!result.ok) {
    if (result.error === 'notFound') notFound()
    return data({ error: 'voucher:moderation.errors.alreadyModerated' }, { status: 409 })
  }
  const message = submission.value.decision === 'approve' ? 'voucher:moderation.toast.approved' : 'voucher:moderation.toast.rejected'
  return redirectWithToast('/staff/feedback', { kind: 'success', message })
}

type Item = ReturnType<typeof useLoaderData<typeof loader>>['pending'][number]

export default function FeedbackModeration() {
  const { t } = useVoucherT()
  const { pending, pendingCount, decided } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  return (
    <>
      <h1>{t('moderation.title')}</h1>
      <p className="mt-2 mb-6 max-w-3xl">{t('moderation.intro')}</p>
      {actionData?.error ? <Alert kind="error">{t(actionData.error)}</Alert> : null}

      <section aria-labelledby="moderation-pending">
        <h2 id="moderation-pending">{t('moderation.pendingTitle', { count: pendingCount })}</h2>
        {pending.length === 0 ? <p className="mt-2">{t('moderation.pendingEmpty')}</p> : null}
        {pendingCount > pending.length ? <p className="mt-2">{t('moderation.more', { shown: pending.length, count: pendingCount })}</p> : null}
        <ul className="mt-4 space-y-4">
          {pending.map((item) => (
            <li key={item.id}>
              <FeedbackItem item={item}>
                <div className="mt-3 flex flex-wrap gap-3">
                  <DecisionButton id={item.id} decision="approve" label={t('moderation.approve')} context={item.organisation.name} />
                  <DecisionButton id={item.id} decision="reject" label={t('moderation.reject')} context={item.organisation.name} />
                </div>
              </FeedbackItem>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="moderation-decided" className="mt-10">
        <h2 id="moderation-decided">{t('moderation.decidedTitle')}</h2>
        {decided.length === 0 ? <p className="mt-2">{t('moderation.decidedEmpty')}</p> : null}
        <ul className="mt-4 space-y-4">
          {decided.map((item) => (
            <li key={item.id}>
              <FeedbackItem item={item}>
                <p className="mt-2 font-semibold">{t(`moderation.states.${item.moderation}`)}</p>
              </FeedbackItem>
            </li>
          ))}
        </ul>
      </section>
    </>
  )
}

function FeedbackItem({ item, children }: { item: Item; children: ReactNode }) {
  const { t, locale } = useVoucherT()
  const headingId = `feedback-${item.id}`
  return (
    <article aria-labelledby={headingId} className="rounded border border-slate-300 p-4">
      <h3 id={headingId}>
        <Link to={`/staff/register/${item.organisation.id}`}>{item.organisation.name}</Link>
      </h3>
      <p className="text-sm text-slate-700">
        {t('moderation.given', { date: formatDate(item.createdAt, locale) })} · {t('moderation.rating', { rating: item.rating })}
      </p>
      <blockquote className="mt-2 border-l-4 border-slate-400 pl-3 whitespace-pre-line">{item.text}</blockquote>
      {children}
    </article>
  )
}

function DecisionButton({ id, decision, label, context }: { id: string; decision: 'approve' | 'reject'; label: string; context: string }) {
  return (
    <Form method="post">
      <input type="hidden" name="feedbackId" value={id} />
      <input type="hidden" name="decision" value={decision} />
      <Button variant={decision === 'approve' ? 'primary' : 'danger'}>
        {label}
        <span className="sr-only">: {context}</span>
      </Button>
    </Form>
  )
}
