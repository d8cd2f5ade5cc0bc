import { parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { DeliveryActionResult } from '~/components/delivery/action-result'
import { AdjustmentForm } from '~/components/delivery/adjustment-form'
import { ClientFacts } from '~/components/delivery/client-facts'
import { AcceptForm, DeclineForm } from '~/components/delivery/decision-forms'
import { RecordForm } from '~/components/delivery/record-form'
import { RecordMonths } from '~/components/delivery/record-months'
import { StatusBadge } from '~/components/delivery/status-badge'
import { Alert } from '~/components/ui/alert'
import { Pagination } from '~/components/ui/pagination'
import { isLocale } from '~/i18n'
import { getLocale, pageTitle, translator } from '~/i18n.server'
import { acceptChoice, declineChoice, getChoice } from '~/modules/delivery/choices.server'
import { correctionTarget, listRecordMonths } from '~/modules/delivery/record-months.server'
import { createAdjustment, createRecord, deleteRecord } from '~/modules/delivery/records.server'
import { refusalReply } from '~/modules/delivery/refusals.server'
import { acceptSchema, adjustmentSchema, declineSchema, deleteRecordSchema, pageParam, recordSchema } from '~/modules/delivery/schema'
import { clientChoiceView } from '~/modules/delivery/view.server'
import { recordWindow } from '~/modules/delivery/views'
import { helsinkiToday } from '~/modules/documents/dates'
import { readFormData } from '~/utils/form-data.server'
import { titleFromLoader } from '~/utils/meta'
import { can } from '~/utils/permissions'
import { forbidden, notFound, requireOrganisationPermission } from '~/utils/session.server'
import { redirectWithToast } from '~/utils/toast.server'

export const meta = titleFromLoader

/**
 * One voucher client of the organisation: who they are and what the voucher grants, the decision on a new choice
 * (accept with a start date, decline with a reason), the record form, the records month by month with their totals,
 * and corrections of approved months. Members only; another organisation's choice gives 404.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireOrganisationPermission(request, params.orgId ?? '', 'choice:decide')
  const now = new Date()
  const choice = await getChoice(member.organisationId, params.choiceId ?? '', now)
  if (!choice) notFound()
  const url = new URL(request.url)
  const locale = await getLocale(request)
  const today = helsinkiToday(now)
  const view = clientChoiceView(choice, locale)
  const inService = choice.status === 'ACCEPTED' || choice.status === 'ENDED'
  const canRecord = can(member.role, 'service-record:create')
  const [records, correction] = await Promise.all([
    inService
      ? listRecordMonths(member.organisationId, choice.id, { page: pageParam(url.searchParams.get('page')), includeCurrent: true, now })
      : null,
    canRecord && url.searchParams.get('correct') ? correctionTarget(member.organisationId, choice.id, url.searchParams.get('correct') ?? '') : null,
  ])
  return {
    title: await pageTitle(request, 'delivery:client.title', { name: `${view.client.firstName} ${view.client.lastName}` }),
    organisationId: member.organisationId,
    today,
    canDecide: can(member.role, 'choice:decide'),
    canRecord,
    ...view,
    window: canRecord ? recordWindow(view, today) : null,
    records,
    correction,
  }
}

function reply(body: DeliveryActionResult, status = 400) {
  return data(body, { status })
}

/** Access refusals from a service become 404 / 403; other refusals are shown on the page. */
function refused(error: string): void {
  if (error === 'notFound') notFound()
  if (error === 'forbidden') forbidden()
}

export async function action({ request, params }: ActionFunctionArgs) {
  const member = await requireOrganisationPermission(request, params.orgId ?? '', 'choice:decide')
  const choiceId = params.choiceId ?? ''
  const page = `/provider/${member.organisationId}/clients/${choiceId}`
  const formData = await readFormData(request)
  const intent = formData.get('intent')
  const today = helsinkiToday()
  const done = (message: string, hash = '') => redirectWithToast(`${page}${hash}`, { kind: 'success', message })

  if (intent === 'accept' || intent === 'decline') {
    const submission = parseWithZod(formData, { schema: intent === 'accept' ? acceptSchema(today) : declineSchema })
    if (submission.status !== 'success') return reply({ form: intent, result: submission.reply() })
    const result =
      submission.value.intent === 'accept'
        ? await acceptChoice(member, choiceId, submission.value.startDate)
        : await declineChoice(member, choiceId, submission.value.reason)
    if (!result.ok) {
      refused(result.error)
      const t = await translator(await getLocale(request), 'delivery')
      const message =
        result.error === 'alreadyDecided' ? t('errors.alreadyDecided', { status: t(`status.${result.status}`) }) : t(`errors.${result.error}`)
      return reply({ form: intent, message }, 409)
    }
    return done(intent === 'accept' ? 'delivery:toast.accepted' : 'delivery:toast.declined')
  }

  if (!can(member.role, 'service-record:create')) forbidden()
  if (intent === 'delete') {
    const submission = parseWithZod(formData, { schema: deleteRecordSchema })
    if (submission.status !== 'success') return reply({ form: 'delete', result: submission.reply() })
    const result = await deleteRecord(member, choiceId, submission.value.recordId)
    if (!result.ok) {
      refused(result.error)
      const { message } = await refusalReply(result, await getLocale(request))
      return reply({ form: 'delete', message }, 409)
    }
    return done('delivery:toast.deleted', '#records')
  }

  const form = intent === 'adjust' ? 'adjust' : 'record'
  const submission = parseWithZod(formData, { schema: form === 'adjust' ? adjustmentSchema : recordSchema(today) })
  if (submission.status !== 'success') return reply({ form, result: submission.reply() })
  const result =
    submission.value.intent === 'adjust'
      ? await createAdjustment(member, choiceId, submission.value)
      : await createRecord(member, choiceId, submission.value)
  if (!result.ok) {
    refused(result.error)
    const { fieldErrors, message } = await refusalReply(result, await getLocale(request))
    return reply({ form, result: submission.reply({ fieldErrors }), message }, 409)
  }
  return done(form === 'adjust' ? 'delivery:toast.adjusted' : 'delivery:toast.recorded', '#records')
}

export default function ClientPage() {
  const { t, i18n } = useTranslation('delivery')
  const locale = isLocale(i18n.language) ? i18n.language : 'sv'
  const loaderData = useLoaderData<typeof loader>()
  const { organisationId, today, choice, client, voucher, offer, canDecide, canRecord, window, records, correction } = loaderData
  const actionData = useActionData<typeof action>() as DeliveryActionResult | undefined
  return (
    <div className="max-w-5xl">
      <p className="mb-4">
        <Link to={`/provider/${organisationId}/clients`}>{t('client.back')}</Link>
      </p>
      <h1>
        {client.firstName} {client.lastName}
      </h1>
      <p className="mt-2">
        <StatusBadge status={choice.status} />
      </p>
      <ClientFacts view={loaderData} locale={locale} />

      {choice.status === 'PENDING' && canDecide ? (
        <section aria-labelledby="decision-title" className="mt-10">
          <h2 id="decision-title">{t('decision.title')}</h2>
          <p className="mt-2 mb-6 max-w-prose">{t('decision.intro')}</p>
          {client.email ? null : <p className="mb-6 max-w-prose font-semibold">{t('decision.noEmail')}</p>}
          <AcceptForm actionData={actionData} today={today} voucher={voucher} />
          <DeclineForm actionData={actionData} />
        </section>
      ) : null}
      {choice.status === 'DECLINED' && choice.declineReason ? (
        <p className="mt-6 max-w-prose">{t('client.declinedBecause', { reason: choice.declineReason })}</p>
      ) : null}

      {records ? (
        <section id="records" aria-labelledby="records-title" className="mt-10">
          <h2 id="records-title">{t('records.title')}</h2>
          {actionData?.form === 'delete' && actionData.message ? <Alert kind="error">{actionData.message}</Alert> : null}
          {canRecord ? (
            <RecordForm actionData={actionData} today={today} window={window} voucher={voucher} extras={offer.extras} locale={locale} />
          ) : null}
          {correction ? (
            <AdjustmentForm key={correction.id} correction={correction} unit={voucher.unit} actionData={actionData} locale={locale} />
          ) : null}
          <RecordMonths months={records.months} unit={voucher.unit} canRecord={canRecord} locale={locale} />
          <Pagination page={records.page} pageCount={records.pageCount} />
        </section>
      ) : null}
    </div>
  )
}
