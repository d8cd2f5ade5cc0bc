import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { summaryErrors } from '~/components/form-errors'
import { Alert } from '~/components/ui/alert'
import { Button } from '~/components/ui/button'
import { ErrorSummary } from '~/components/ui/error-summary'
import { Field } from '~/components/ui/field'
import { RadioGroup } from '~/components/ui/radio-group'
import { Table } from '~/components/ui/table'
import { TextareaField } from '~/components/ui/textarea-field'
import { isLocale, type AppLocale } from '~/i18n'
import { pageTitle } from '~/i18n.server'
import { nameIn } from '~/modules/applications/labels'
import { helsinkiToday } from '~/modules/documents/dates'
import { municipalityName } from '~/modules/organisations/municipality-name'
import { isEntryInForce } from '~/modules/register/public-offers'
import { entryActionSchema, reinstateSchema, removeSchema, suspendSchema, type RegisterStatus } from '~/modules/register/schema'
import { reinstateEntry, removeEntry, suspendEntry, type EntryDecisionResult } from '~/modules/register/service.server'
import { organisationRegister } from '~/modules/register/staff.server'
import { readFormData } from '~/utils/form-data.server'
import { formatDate, formatDateTime } from '~/utils/format'
import { titleFromLoader } from '~/utils/meta'
import { forbidden, notFound, requirePermission } from '~/utils/session.server'
import { redirectWithToast } from '~/utils/toast.server'

export const meta = titleFromLoader

/** One organisation's register entries with the staff decisions on them. Staff only; an unknown id gives 404. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, 'register:manage')
  const now = new Date()
  const register = await organisationRegister(params.organisationId ?? '', now)
  if (!register) notFound()
  return {
    title: await pageTitle(request, 'register:detail.title', { name: register.organisation.name }),
    today: helsinkiToday(now),
    organisation: register.organisation,
    history: register.history,
    entries: register.entries.map((entry) => ({
      ...entry,
      scheduled: entry.status === 'SUSPENDED' && isEntryInForce(entry, now),
    })),
  }
}

type ActionReply = {
  /** the form the answer belongs to: `<intent>-<entry id>` */
  formId: string
  result?: SubmissionResult<string[]>
  /** the entry was changed meanwhile (`conflict`) or the decision does not apply to its status (`notAllowed`) */
  refused?: { error: 'conflict' | 'notAllowed'; status: RegisterStatus }
}

/** Suspend, reinstate or remove one entry; the form names the status it showed (optimistic check). */
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'register:manage')
  const organisationId = params.organisationId ?? ''
  const formData = await readFormData(request)
  const formId = `${String(formData.get('intent') ?? '')}-${String(formData.get('entryId') ?? '')}`.slice(0, 100)
  const submission = parseWithZod(formData, { schema: entryActionSchema({ today: helsinkiToday() }) })
  if (submission.status !== 'success') {
    return data<ActionReply>({ formId, result: submission.reply() }, { status: 400 })
  }
  const value = submission.value
  const actor = { id: user.id, role: user.role }
  const base = { organisationId, entryId: value.entryId, expectedStatus: value.expectedStatus }
  let result: EntryDecisionResult
  if (value.intent === 'suspend') {
    result = await suspendEntry(actor, { ...base, reason: value.reason, startDate: value.start === 'date' ? value.startDate : null })
  } else if (value.intent === 'reinstate') {
    result = await reinstateEntry(actor, { ...base, note: value.note })
  } else {
    result = await removeEntry(actor, { ...base, reason: value.reason })
  }
  if (result.ok) {
    return redirectWithToast(`/staff/register/${organisationId}`, { kind: 'success', message: `register:toast.${value.intent}` })
  }
  switch (result.error) {
    case 'notFound':
      return notFound()
    case 'forbidden':
      return forbidden()
    case 'reasonRequired':
      return data<ActionReply>({ formId, result: submission.reply({ fieldErrors: { reason: ['register:errors.reasonRequired'] } }) }, { status: 400 })
    case 'dateInvalid':
      return data<ActionReply>({ formId, result: submission.reply({ fieldErrors: { startDate: ['register:errors.dateInvalid'] } }) }, { status: 400 })
    case 'conflict':
    case 'notAllowed':
      return data<ActionReply>({ formId, refused: { error: result.error, status: result.status } }, { status: 409 })
  }
}

type Loaded = ReturnType<typeof useLoaderData<typeof loader>>
type Entry = Loaded['entries'][number]

const statusStyles = {
  ACTIVE: 'text-green-800',
  SUSPENDED: 'text-red-700',
  REMOVED: 'text-slate-700',
} as const

const historyActions: Record<string, string> = {
  'register-entry.suspend': 'suspend',
  'register-entry.reinstate': 'reinstate',
  'register-entry.remove': 'remove',
  'register-entry.lapse': 'lapse',
  'register-entry.lapse-cleared': 'lapseCleared',
}

function documentLine(document: Entry['lapsedDocuments'][number], locale: AppLocale, t: (key: string, options?: Record<string, unknown>) => string) {
  const name = nameIn(locale, document.name)
  const validity =
    document.validity === 'expired' && document.expiresOn
      ? t('validity.expiredOn', { date: formatDate(document.expiresOn, locale) })
      : t(`validity.${document.validity}`)
  return `${name}: ${validity}`
}

export default function StaffRegisterOrganisation() {
  const { t, i18n } = useTranslation('register')
  const locale = isLocale(i18n.language) ? i18n.language : 'sv'
  const { organisation, entries, history, today } = useLoaderData<typeof loader>()
  const reply = useActionData<typeof action>()
  const entryName = new Map(entries.map((entry) => [entry.id, nameIn(locale, entry.category)]))
  return (
    <>
      <p className="mb-4">
        <Link to="/staff/register">{t('detail.back')}</Link>
      </p>
      <h1>{organisation.name}</h1>

      <section aria-labelledby="organisation-details" className="mt-6">
        <h2 id="organisation-details">{t('detail.organisationTitle')}</h2>
        <dl className="mt-3 grid gap-x-6 gap-y-2 sm:grid-cols-[12rem_1fr]">
          <dt className="font-semibold">{t('detail.businessId')}</dt>
          <dd>{organisation.businessId}</dd>
          <dt className="font-semibold">{t('detail.municipality')}</dt>
          <dd>{municipalityName(organisation.municipality, locale)}</dd>
          <dt className="font-semibold">{t('detail.address')}</dt>
          <dd>
            {organisation.streetAddress}, {organisation.postalCode} {organisation.postOffice}
          </dd>
          <dt className="font-semibold">{t('detail.contact')}</dt>
          <dd>
            <a href={`mailto:${organisation.email}`}>{organisation.email}</a>, {organisation.phone}
          </dd>
          <dt className="font-semibold">{t('detail.employsStaff')}</dt>
          <dd>{t(organisation.employsStaff ? 'detail.yes' : 'detail.no')}</dd>
        </dl>
      </section>

      <section aria-labelledby="register-entries" className="mt-10">
        <h2 id="register-entries">{t('detail.entriesTitle')}</h2>
        {entries.length === 0 ? <p className="mt-2">{t('detail.noEntries')}</p> : null}
        {entries.map((entry) => (
          <EntrySection key={entry.id} entry={entry} locale={locale} today={today} reply={reply?.formId.endsWith(`-${entry.id}`) ? reply : undefined} />
        ))}
      </section>

      <section aria-labelledby="register-history" className="mt-10">
        <h2 id="register-history">{t('detail.historyTitle')}</h2>
        {history.length === 0 ? (
          <p className="mt-2">{t('detail.historyEmpty')}</p>
        ) : (
          <div className="mt-3">
            <Table caption={t('detail.historyCaption')} captionHidden>
              <thead>
                <tr>
                  <th scope="col">{t('detail.history.at')}</th>
                  <th scope="col">{t('detail.history.service')}</th>
                  <th scope="col">{t('detail.history.event')}</th>
                  <th scope="col">{t('detail.history.by')}</th>
                  <th scope="col">{t('detail.history.details')}</th>
                </tr>
              </thead>
              <tbody>
                {history.map((event) => {
                  const kind = historyActions[event.action] ?? 'other'
                  return (
                    <tr key={event.id} className="align-top">
                      <td>{formatDateTime(event.at, locale)}</td>
                      <td>{entryName.get(event.entryId)}</td>
                      <td>{t(`detail.history.actions.${kind}`)}</td>
                      <td>{event.actorName ?? t('detail.history.watch')}</td>
                      <td>
                        {kind === 'suspend' && event.statusChangedAt ? (
                          <span className="block">{t('detail.history.from', { date: formatDate(event.statusChangedAt, locale) })}</span>
                        ) : null}
                        {event.reason ? <span className="block">{event.reason}</span> : null}
                      </td>
                    </tr>
                  )
                })}
              </tbody>
            </Table>
          </div>
        )}
      </section>
    </>
  )
}

function EntrySection({ entry, locale, today, reply }: { entry: Entry; locale: AppLocale; today: string; reply?: ActionReply }) {
  const { t } = useTranslation('register')
  const headingId = `entry-${entry.id}`
  return (
    <section aria-labelledby={headingId} className="mt-6 rounded border border-slate-300 p-4">
      <h3 id={headingId} className="text-xl font-semibold">
        {nameIn(locale, entry.category)}
      </h3>
      {reply?.refused ? (
        <div className="mt-3">
          <Alert kind="error">{t(`errors.${reply.refused.error}`, { status: t(`status.${reply.refused.status}`) })}</Alert>
        </div>
      ) : null}
      <dl className="mt-3 grid gap-x-6 gap-y-2 sm:grid-cols-[14rem_1fr]">
        <dt className="font-semibold">{t('detail.status')}</dt>
        <dd>
          <span className={`font-semibold ${entry.scheduled ? statusStyles.ACTIVE : statusStyles[entry.status]}`}>
            {entry.scheduled ? t('scheduled', { date: formatDate(entry.statusChangedAt, locale) }) : t(`status.${entry.status}`)}
          </span>
          {entry.lapsedAt ? (
            <span className="mt-1 block font-semibold text-red-700">
              <span aria-hidden="true">⚠ </span>
              {t('lapsed.flagSince', { date: formatDate(entry.lapsedAt, locale) })}
            </span>
          ) : null}
        </dd>
        <dt className="font-semibold">{t('detail.validFrom')}</dt>
        <dd>{formatDate(entry.validFrom, locale)}</dd>
        <dt className="font-semibold">{t('detail.decided')}</dt>
        <dd>
          {entry.decidedBy
            ? t('detail.decidedBy', { date: formatDate(entry.decidedAt, locale), name: entry.decidedBy.name })
            : formatDate(entry.decidedAt, locale)}
        </dd>
        {entry.status !== 'ACTIVE' ? (
          <>
            <dt className="font-semibold">{t('detail.statusSince')}</dt>
            <dd>{formatDateTime(entry.statusChangedAt, locale)}</dd>
          </>
        ) : null}
        {entry.statusReason ? (
          <>
            <dt className="font-semibold">{t('detail.reason')}</dt>
            <dd className="whitespace-pre-line">{entry.statusReason}</dd>
          </>
        ) : null}
        <dt className="font-semibold">{t('detail.offers')}</dt>
        <dd>{t('detail.offersCount', { published: entry.offers.published, draft: entry.offers.draft })}</dd>
        <dt className="font-semibold">{t('detail.documents')}</dt>
        <dd>
          {entry.lapsedDocuments.length === 0 ? (
            t('detail.documentsInOrder')
          ) : (
            <ul className="list-disc pl-5 font-semibold text-red-700">
              {entry.lapsedDocuments.map((document) => (
                <li key={document.code}>{documentLine(document, locale, t)}</li>
              ))}
            </ul>
          )}
        </dd>
      </dl>
      {entry.lapsedAt && entry.status === 'ACTIVE' ? (
        <p className="mt-3 max-w-2xl">{t('detail.lapsedNote', { date: formatDate(entry.lapsedAt, locale) })}</p>
      ) : null}

      {entry.status === 'REMOVED' ? (
        <p className="mt-4">{t('detail.removedNote')}</p>
      ) : (
        <div className="mt-4 space-y-3">
          <h4 className="sr-only">{t('detail.actionsTitle')}</h4>
          {entry.status === 'ACTIVE' ? <SuspendForm entry={entry} today={today} reply={reply} /> : null}
          {entry.status === 'SUSPENDED' ? <ReinstateForm entry={entry} reply={reply} /> : null}
          <RemoveForm entry={entry} reply={reply} />
        </div>
      )}
    </section>
  )
}

/** A decision form folded into a disclosure, opened again when the server answered it with errors. */
function ActionDisclosure({ summary, open, children }: { summary: string; open: boolean; children: ReactNode }) {
  return (
    <details open={open} className="rounded border border-slate-300 p-3">
      <summary className="cursor-pointer font-semibold text-brand-800">{summary}</summary>
      <div className="mt-3">{children}</div>
    </details>
  )
}

function HiddenFields({ intent, entry }: { intent: string; entry: Entry }) {
  return (
    <>
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="entryId" value={entry.id} />
      <input type="hidden" name="expectedStatus" value={entry.status} />
    </>
  )
}

function hasReply(formId: string, reply?: ActionReply): boolean {
  return reply?.formId === formId && Boolean(reply.result)
}

/**
 * What every entry decision form shares: its id, the action's reply when it was this form's, and validation that
 * shows errors on submit and clears them while typing, never on blur (a blur-time change would move the button away
 * from under the pointer between press and release).
 */
function entryFormOptions(formId: string, reply?: ActionReply) {
  return {
    id: formId,
    lastResult: reply?.formId === formId ? reply.result : undefined,
    shouldValidate: 'onSubmit' as const,
    shouldRevalidate: 'onInput' as const,
  }
}

function SuspendForm({ entry, today, reply }: { entry: Entry; today: string; reply?: ActionReply }) {
  const { t } = useTranslation('register')
  const schema = suspendSchema({ today })
  const [form, fields] = useForm({
    ...entryFormOptions(`suspend-${entry.id}`, reply),
    defaultValue: { start: 'today' },
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  })
  return (
    <ActionDisclosure summary={t('detail.suspend.open')} open={hasReply(`suspend-${entry.id}`, reply)}>
      <p className="mb-4 max-w-2xl">{t('detail.suspend.effect')}</p>
      <ErrorSummary errors={summaryErrors(form, fields)} />
      <Form method="post" {...getFormProps(form)}>
        <HiddenFields intent="suspend" entry={entry} />
        <TextareaField meta={fields.reason} label={t('detail.suspend.reason')} hint={t('detail.suspend.reasonHint')} rows={4} />
        <RadioGroup
          meta={fields.start}
          legend={t('detail.suspend.start')}
          options={[
            { value: 'today', label: t('detail.suspend.today') },
            { value: 'date', label: t('detail.suspend.date') },
          ]}
        />
        <Field meta={fields.startDate} type="date" label={t('detail.suspend.startDate')} hint={t('detail.suspend.startDateHint')} />
        <Button variant="danger">{t('detail.suspend.submit')}</Button>
      </Form>
    </ActionDisclosure>
  )
}

function ReinstateForm({ entry, reply }: { entry: Entry; reply?: ActionReply }) {
  const { t } = useTranslation('register')
  const [form, fields] = useForm({
    ...entryFormOptions(`reinstate-${entry.id}`, reply),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: reinstateSchema }),
  })
  return (
    <ActionDisclosure summary={t('detail.reinstate.open')} open={hasReply(`reinstate-${entry.id}`, reply)}>
      <p className="mb-4 max-w-2xl">{t('detail.reinstate.effect')}</p>
      <ErrorSummary errors={summaryErrors(form, fields)} />
      <Form method="post" {...getFormProps(form)}>
        <HiddenFields intent="reinstate" entry={entry} />
        <TextareaField meta={fields.note} label={t('detail.reinstate.note')} rows={3} />
        <Button>{t('detail.reinstate.submit')}</Button>
      </Form>
    </ActionDisclosure>
  )
}

function RemoveForm({ entry, reply }: { entry: Entry; reply?: ActionReply }) {
  const { t } = useTranslation('register')
  const [form, fields] = useForm({
    ...entryFormOptions(`remove-${entry.id}`, reply),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: removeSchema }),
  })
  return (
    <ActionDisclosure summary={t('detail.remove.open')} open={hasReply(`remove-${entry.id}`, reply)}>
      <p className="mb-4 max-w-2xl">{t('detail.remove.effect')}</p>
      <ErrorSummary errors={summaryErrors(form, fields)} />
      <Form method="post" {...getFormProps(form)}>
        <HiddenFields intent="remove" entry={entry} />
        <TextareaField meta={fields.reason} label={t('detail.remove.reason')} rows={4} />
        <Button variant="danger">{t('detail.remove.submit')}</Button>
      </Form>
    </ActionDisclosure>
  )
}
