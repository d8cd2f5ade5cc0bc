import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, type ShouldRevalidateFunction } from '@remix-run/react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { ApplicationHistory } from '~/components/application-history'
import { summaryErrors } from '~/components/form-errors'
import { Button } from '~/components/ui/button'
import { CheckboxGroup } from '~/components/ui/checkbox-group'
import { ErrorSummary } from '~/components/ui/error-summary'
import { ProblemSummary } from '~/components/ui/problem-summary'
import { Table } from '~/components/ui/table'
import { TextareaField } from '~/components/ui/textarea-field'
import type { ApplicationStatus } from '~/generated/prisma/client'
import { isLocale, type AppLocale } from '~/i18n'
import { pageTitle } from '~/i18n.server'
import { nameIn, parseSection } from '~/modules/applications/labels'
import { municipalityName } from '~/modules/organisations/municipality-name'
import { reviewActions } from '~/modules/review/actions'
import { approvedByDefault, deciderOf, isOpenForDecision, isProposal, onlyProposes } from '~/modules/review/decisions'
import { checkSectionSchema, decideSchema, documentReviewSchema, rejectSchema, returnSchema, takeSchema } from '~/modules/review/schema'
import {
  checkSection,
  decideCategories,
  getReviewDetail,
  rejectApplication,
  returnApplication,
  reviewDocument,
  takeApplication,
  type StaffActor,
} from '~/modules/review/service.server'
import { readFormData } from '~/utils/form-data.server'
import { formatDate, formatDateTime } from '~/utils/format'
import { titleFromLoader } from '~/utils/meta'
import { forbidden, notFound, requirePermission } from '~/utils/session.server'
import { redirectWithToast } from '~/utils/toast.server'

export const meta = titleFromLoader

/** The review page of one application. Staff only; opening it writes no audit event (it holds no client data). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'application:review')
  const detail = await getReviewDetail(params.applicationId ?? '')
  if (!detail) notFound()
  return {
    ...detail,
    title: await pageTitle(request, 'review:detail.title', { organisation: detail.organisation.name }),
    actions: reviewActions(detail.application.status),
    decider: deciderOf(user.role),
  }
}

/** After any action (refusals included) the state, the version and the checklist must be fresh. */
export const shouldRevalidate: ShouldRevalidateFunction = ({ formMethod, defaultShouldRevalidate }) =>
  formMethod?.toUpperCase() === 'POST' ? true : defaultShouldRevalidate

/** A refusal the page shows at its top: a translation key, or a document that stops an approval. */
type Problem =
  | { kind: 'message'; key: string; values?: Record<string, string> }
  | { kind: 'document'; code: string; validity: 'expired' | 'rejected' | 'missing' | 'valid' }

type ActionData = { form: string | null; result: SubmissionResult<string[]> | null; problems: Problem[] }

function reply(form: string | null, result: SubmissionResult<string[]> | null, problems: Problem[], status: number) {
  return data<ActionData>({ form, result, problems }, { status })
}

const message = (key: string, values?: Record<string, string>): Problem => ({ kind: 'message', key, values })

/** A refusal common to every action: 403/404 are thrown, the rest become problems at the top of the page. */
function refusal(form: string, result: { error: string; status?: ApplicationStatus }) {
  switch (result.error) {
    case 'forbidden':
      return forbidden()
    case 'notFound':
      return notFound()
    case 'conflict':
      return reply(form, null, [message('review:errors.conflict')], 409)
    case 'wrongStatus':
      return reply(form, null, [message('review:errors.wrongStatus', { status: result.status ?? '' })], 409)
    case 'unknownSection':
    case 'notDecidable':
      return reply(form, null, [message('review:errors.reload')], 409)
    case 'documentNotFound':
      return reply(form, null, [message('review:errors.documentNotFound')], 409)
    case 'documentExpired':
      return reply(form, null, [message('review:errors.documentExpired')], 400)
    case 'nothingToDecide':
      return reply(form, null, [message('review:errors.nothingToDecide')], 409)
    default:
      return reply(form, null, [message('review:errors.reload')], 400)
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'application:review')
  const actor: StaffActor = { id: user.id, role: user.role }
  const applicationId = params.applicationId ?? ''
  const page = `/staff/applications/${applicationId}`
  const formData = await readFormData(request)
  const intent = formData.get('intent')

  if (intent === 'take') {
    const submission = parseWithZod(formData, { schema: takeSchema })
    if (submission.status !== 'success') return reply('take', submission.reply(), [message('review:errors.reload')], 400)
    const result = await takeApplication({ actor, applicationId, expectedVersion: submission.value.version })
    if (!result.ok) return refusal('take', result)
    return redirectWithToast(page, { kind: 'success', message: 'review:toast.taken' })
  }

  if (intent === 'check-section') {
    const submission = parseWithZod(formData, { schema: checkSectionSchema })
    if (submission.status !== 'success') return reply(null, submission.reply(), [message('review:errors.reload')], 400)
    const { version, section } = submission.value
    const result = await checkSection({ actor, applicationId, expectedVersion: version, section })
    if (!result.ok) return refusal(`check-${section}`, result)
    return redirectWithToast(`${page}#review-checklist`, { kind: 'success', message: 'review:toast.checked' })
  }

  if (intent === 'document') {
    const documentId = String(formData.get('documentId') ?? '')
    const form = `document-${documentId}`
    const submission = parseWithZod(formData, { schema: documentReviewSchema })
    if (submission.status !== 'success') return reply(form, submission.reply(), [], 400)
    const { version, decision, rejectionReason } = submission.value
    const result = await reviewDocument({ actor, applicationId, expectedVersion: version, documentId, decision, reason: rejectionReason })
    if (!result.ok) {
      if (result.error === 'reasonRequired') {
        return reply(form, submission.reply({ fieldErrors: { rejectionReason: ['review:errors.rejectionReasonRequired'] } }), [], 400)
      }
      return refusal(form, result)
    }
    return redirectWithToast(`${page}#review-checklist`, {
      kind: 'success',
      message: decision === 'accept' ? 'review:toast.documentAccepted' : 'review:toast.documentRejected',
    })
  }

  if (intent === 'return') {
    const submission = parseWithZod(formData, { schema: returnSchema })
    if (submission.status !== 'success') return reply('return', submission.reply(), [], 400)
    const { version, sections } = submission.value
    const result = await returnApplication({ actor, applicationId, expectedVersion: version, sections })
    if (!result.ok) {
      if (result.error === 'reasonRequired') {
        return reply('return', submission.reply({ fieldErrors: { sections: ['review:errors.returnReasonRequired'] } }), [], 400)
      }
      return refusal('return', result)
    }
    return redirectWithToast(page, { kind: 'success', message: 'review:toast.returned' })
  }

  if (intent === 'decide' || intent === 'reject') {
    const form = intent
    const submission = parseWithZod(formData, { schema: intent === 'decide' ? decideSchema : rejectSchema })
    if (submission.status !== 'success') return reply(form, submission.reply(), [], 400)
    const { version, reason } = submission.value
    const result =
      submission.value.intent === 'decide'
        ? await decideCategories({ actor, applicationId, expectedVersion: version, approveCategoryIds: submission.value.approve ?? [], reason })
        : await rejectApplication({ actor, applicationId, expectedVersion: version, reason: reason ?? '' })
    if (!result.ok) {
      if (result.error === 'reasonRequired') {
        return reply(form, submission.reply({ fieldErrors: { reason: ['review:errors.decisionReasonRequired'] } }), [], 400)
      }
      if (result.error === 'documentsNotValid') {
        const problems: Problem[] = result.problems.map((item) => ({ kind: 'document', code: item.code, validity: item.validity }))
        return reply(form, null, problems, 400)
      }
      return refusal(form, result)
    }
    const toast =
      result.outcome === 'APPROVED'
        ? 'review:toast.approved'
        : result.outcome === 'REJECTED'
          ? 'review:toast.rejected'
          : result.changes.some((change) => isProposal(change.to))
            ? 'review:toast.proposed'
            : 'review:toast.decided'
    return redirectWithToast(page, { kind: 'success', message: toast })
  }

  return reply(null, null, [message('review:errors.reload')], 400)
}

function Paragraphs({ text, lang }: { text: string; lang?: string }) {
  return (
    <div lang={lang}>
      {text
        .split(/\n\s*\n/)
        .filter((paragraph) => paragraph.trim())
        .map((paragraph, index) => (
          <p key={index} className="mb-2">
            {paragraph}
          </p>
        ))}
    </div>
  )
}

function Facts({ items }: { items: readonly { term: string; value: ReactNode }[] }) {
  return (
    <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[14rem_1fr]">
      {items.map((item) => (
        <div key={item.term} className="contents">
          <dt className="font-semibold">{item.term}</dt>
          <dd>{item.value}</dd>
        </div>
      ))}
    </dl>
  )
}

const validityStyles: Record<string, string> = {
  valid: 'text-green-800',
  expired: 'text-red-700',
  rejected: 'text-red-700',
  missing: 'text-red-700',
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>

export default function ReviewPage() {
  const { t, i18n } = useTranslation('review')
  const locale: AppLocale = isLocale(i18n.language) ? i18n.language : 'sv'
  const loaderData = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>() as ActionData | undefined
  const { application, organisation, categories, checklist, documentTypes, history, sections, sectionReviews, actions, decider } = loaderData
  const page = `/staff/applications/${application.id}`

  const typeName = (code: string) => {
    const type = documentTypes.find((candidate) => candidate.code === code)
    return type ? nameIn(locale, type) : code
  }
  const sectionLabel = (section: string) => {
    const parsed = parseSection(section)
    if (parsed.kind === 'document') return t('applications:returned.sections.document', { document: typeName(parsed.code) })
    if (parsed.kind === 'other') return section
    return t(`applications:returned.sections.${parsed.kind}`)
  }
  const problems = (actionData?.problems ?? []).map((problem) =>
    problem.kind === 'document'
      ? {
          text: t('errors.documentNotValid', { document: typeName(problem.code), validity: t(`applications:documents.validity.${problem.validity}`) }),
          href: '#documents-heading',
        }
      : {
          text: t(problem.key, {
            ...problem.values,
            ...(problem.values?.status ? { status: t(`applications:status.${problem.values.status}`) } : {}),
          }),
        },
  )
  const lastResultFor = (form: string) => (actionData?.form === form ? (actionData.result ?? undefined) : undefined)
  const underReview = actions.includes('check')

  return (
    <div className="max-w-5xl [contain:inline-size]">
      <p className="mb-4">
        <Link to="/staff/applications">{t('detail.back')}</Link>
      </p>
      <h1>{t('detail.heading', { organisation: organisation.name })}</h1>

      <ProblemSummary items={problems} title={t('errors.summaryTitle')} />

      <section aria-labelledby="state-heading" className="my-6 rounded border-l-8 border-brand-700 bg-brand-50 p-4">
        <h2 id="state-heading" className="text-xl">
          {t('detail.state')}: <span className="font-bold">{t(`applications:status.${application.status}`)}</span>
        </h2>
        <p className="mt-2">
          {t('detail.submitted', { date: formatDateTime(application.submittedAt ?? application.createdAt, locale) })}
          {application.firstSubmittedAt && formatDate(application.firstSubmittedAt, locale) !== formatDate(application.submittedAt ?? application.createdAt, locale)
            ? ` ${t('detail.firstSubmitted', { date: formatDate(application.firstSubmittedAt, locale) })}`
            : null}
        </p>
        <p className="mt-1">{application.assignedTo ? t('detail.assignedTo', { name: application.assignedTo.name }) : t('detail.unassigned')}</p>
        {application.decidedAt ? <p className="mt-1">{t('detail.decided', { date: formatDateTime(application.decidedAt, locale) })}</p> : null}
        {application.decisionReason && (application.status === 'REJECTED' || application.status === 'APPROVED' || application.status === 'IN_REVIEW') ? (
          <p className="mt-1">
            <span className="font-semibold">{t('detail.decisionReason')}:</span> {application.decisionReason}
          </p>
        ) : null}
        {actions.includes('take') ? (
          <Form method="post" className="mt-4">
            <input type="hidden" name="intent" value="take" />
            <input type="hidden" name="version" value={application.version} />
            <p className="mb-3">{t('take.intro')}</p>
            <Button>{t('take.button')}</Button>
          </Form>
        ) : null}
        {!underReview && !actions.includes('take') ? <p className="mt-3">{t(`detail.noActions.${application.status}`)}</p> : null}
      </section>

      <OrganisationSection organisation={organisation} locale={locale} />

      <section aria-labelledby="categories-heading" className="mb-10">
        <h2 id="categories-heading">{t('categories.heading')}</h2>
        <div className="mt-3">
          <Table caption={t('categories.caption')} captionHidden>
            <thead>
              <tr>
                <th scope="col">{t('categories.columns.category')}</th>
                <th scope="col">{t('categories.columns.reviewMode')}</th>
                <th scope="col">{t('categories.columns.decision')}</th>
              </tr>
            </thead>
            <tbody>
              {categories.map((category) => (
                <tr key={category.id}>
                  <td>{nameIn(locale, category)}</td>
                  <td>{t(`categories.reviewMode.${category.reviewMode}`)}</td>
                  <td>
                    <span className="font-semibold">{t(`decision.${category.decision}`)}</span>
                    {isProposal(category.decision) && category.proposedBy && category.proposedAt ? (
                      <span className="block text-sm">
                        {t('categories.proposedBy', { name: category.proposedBy.name, date: formatDateTime(category.proposedAt, locale) })}
                        {category.proposalNote ? ` ${t('categories.proposalNote', { note: category.proposalNote })}` : null}
                      </span>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </Table>
        </div>
      </section>

      <section aria-labelledby="rulebook-heading" className="mb-10">
        <h2 id="rulebook-heading">{t('rulebook.heading')}</h2>
        <p className="mt-2">
          {application.rulebook && application.rulebookAcceptedAt
            ? t('rulebook.accepted', { version: application.rulebook.version, date: formatDateTime(application.rulebookAcceptedAt, locale) })
            : t('rulebook.notAccepted')}
        </p>
        {loaderData.rulebookInForce && application.rulebook && loaderData.rulebookInForce.version !== application.rulebook.version ? (
          <p className="mt-1 font-semibold text-red-700">{t('rulebook.outdated', { version: loaderData.rulebookInForce.version })}</p>
        ) : null}
      </section>

      <section aria-labelledby="documents-heading" className="mb-10">
        <h2 id="documents-heading">{t('documents.heading')}</h2>
        <p className="mt-2">{t('documents.intro')}</p>
        <p className="mt-1 mb-3">{t(organisation.employsStaff ? 'documents.employer' : 'documents.notEmployer')}</p>
        {checklist.length === 0 ? (
          <p>{t('documents.none')}</p>
        ) : (
          <Table caption={t('documents.caption')}>
            <thead>
              <tr>
                <th scope="col">{t('documents.columns.document')}</th>
                <th scope="col">{t('documents.columns.present')}</th>
                <th scope="col">{t('documents.columns.validity')}</th>
                <th scope="col">{t('documents.columns.expires')}</th>
                <th scope="col">{t('documents.columns.status')}</th>
                <th scope="col">{t('documents.columns.file')}</th>
              </tr>
            </thead>
            <tbody>
              {checklist.map((item) => {
                const requiredFor = loaderData.requirements
                  .filter((requirement) => requirement.documents.some((document) => document.code === item.code))
                  .map((requirement) => categories.find((category) => category.id === requirement.categoryId))
                  .filter((category): category is (typeof categories)[number] => Boolean(category))
                return (
                  <tr key={item.code}>
                    <td>
                      {typeName(item.code)}
                      {item.document?.registrationNumber ? (
                        <span className="block text-sm">{t('documents.registrationNumber', { number: item.document.registrationNumber })}</span>
                      ) : null}
                      {categories.length > 1 ? (
                        <span className="block text-sm">
                          {t('documents.requiredFor', { categories: requiredFor.map((category) => nameIn(locale, category)).join(', ') })}
                        </span>
                      ) : null}
                    </td>
                    <td>{t(item.present ? 'documents.present' : 'documents.absent')}</td>
                    <td className={`font-semibold ${validityStyles[item.validity] ?? ''}`}>{t(`applications:documents.validity.${item.validity}`)}</td>
                    <td>{item.expiresOn ? formatDate(item.expiresOn, locale) : item.present ? t('documents.noExpiry') : '–'}</td>
                    <td>
                      {item.document ? (
                        <>
                          {t(`documents.status.${item.document.status}`)}
                          {item.document.reviewedBy && item.document.reviewedAt ? (
                            <span className="block text-sm">
                              {t('documents.reviewedBy', { name: item.document.reviewedBy.name, date: formatDate(item.document.reviewedAt, locale) })}
                            </span>
                          ) : null}
                          {item.document.status === 'REJECTED' && item.document.rejectionReason ? (
                            <span className="block text-sm">{t('documents.rejectionReason', { reason: item.document.rejectionReason })}</span>
                          ) : null}
                        </>
                      ) : (
                        '–'
                      )}
                    </td>
                    <td>
                      {item.document ? (
                        <>
                          <a href={`/provider/${organisation.id}/documents/${item.document.id}/download`} className="[overflow-wrap:anywhere]">
                            {item.document.originalFilename}
                            <span className="sr-only"> ({typeName(item.code)})</span>
                          </a>
                          <span className="block text-sm">{t('documents.issued', { date: formatDate(item.document.issueDate, locale) })}</span>
                        </>
                      ) : (
                        '–'
                      )}
                    </td>
                  </tr>
                )
              })}
            </tbody>
          </Table>
        )}
      </section>

      {underReview ? (
        <section aria-labelledby="review-checklist" className="mb-10">
          <h2 id="review-checklist">{t('sections.heading')}</h2>
          <p className="mt-2 mb-4">{t('sections.intro')}</p>
          <ul className="space-y-3">
            {sections.map((entry) => {
              const parsed = parseSection(entry.section)
              const item = parsed.kind === 'document' ? checklist.find((candidate) => candidate.code === parsed.code) : undefined
              return (
                <li key={entry.section} className="rounded border-2 border-slate-300 p-3">
                  <div className="flex flex-wrap items-baseline justify-between gap-3">
                    <h3 className="text-lg font-semibold">{sectionLabel(entry.section)}</h3>
                    <p>
                      {entry.status ? t(`sections.state.${entry.status}`) : t('sections.state.none')}
                      {entry.reviewer && entry.at ? ` (${t('sections.by', { name: entry.reviewer, date: formatDateTime(entry.at, locale) })})` : null}
                    </p>
                  </div>
                  {item?.document && item.document.status !== 'ACCEPTED' ? (
                    <DocumentReview
                      documentId={item.document.id}
                      documentName={typeName(item.code)}
                      version={application.version}
                      lastResult={lastResultFor(`document-${item.document.id}`)}
                      canAccept={item.validity !== 'expired'}
                    />
                  ) : entry.status !== 'CHECKED' ? (
                    <Form method="post" className="mt-2">
                      <input type="hidden" name="intent" value="check-section" />
                      <input type="hidden" name="version" value={application.version} />
                      <input type="hidden" name="section" value={entry.section} />
                      <Button variant="secondary">
                        {t('sections.check')}
                        <span className="sr-only">: {sectionLabel(entry.section)}</span>
                      </Button>
                    </Form>
                  ) : null}
                </li>
              )
            })}
          </ul>
        </section>
      ) : null}

      {actions.includes('decide') ? (
        <DecideForm data={loaderData} locale={locale} lastResult={lastResultFor('decide')} />
      ) : null}

      {actions.includes('return') ? (
        <ReturnForm sections={sections.map((entry) => ({ section: entry.section, label: sectionLabel(entry.section) }))} version={application.version} lastResult={lastResultFor('return')} />
      ) : null}

      {actions.includes('reject') ? (
        <RejectForm
          version={application.version}
          lastResult={lastResultFor('reject')}
          proposes={decider === 'reviewer' && categories.some((category) => category.reviewMode === 'TWO_STEP' && category.decision !== 'REJECTED')}
        />
      ) : null}

      <ApplicationHistory
        history={history}
        who={(event) =>
          event.actor
            ? event.actor.staffRole
              ? `${event.actor.name} (${t(event.actor.staffRole === 'ADMIN' ? 'roles.staff_admin' : 'roles.staff_reviewer', { ns: 'common' })})`
              : event.actor.name
            : '–'
        }
      />

      <section aria-labelledby="reviews-heading" className="mt-10">
        <h2 id="reviews-heading">{t('reviews.heading')}</h2>
        {sectionReviews.length === 0 ? (
          <p className="mt-2">{t('reviews.empty')}</p>
        ) : (
          <div className="mt-3">
            <Table caption={t('reviews.caption')} captionHidden>
              <thead>
                <tr>
                  <th scope="col">{t('reviews.columns.date')}</th>
                  <th scope="col">{t('reviews.columns.section')}</th>
                  <th scope="col">{t('reviews.columns.state')}</th>
                  <th scope="col">{t('reviews.columns.reviewer')}</th>
                  <th scope="col">{t('reviews.columns.reason')}</th>
                </tr>
              </thead>
              <tbody>
                {sectionReviews.map((review) => (
                  <tr key={review.id}>
                    <td>{formatDateTime(review.createdAt, locale)}</td>
                    <td>{sectionLabel(review.section)}</td>
                    <td>{t(`sections.state.${review.status}`)}</td>
                    <td>{review.reviewer.name}</td>
                    <td>{review.reason ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </Table>
          </div>
        )}
      </section>

      <p className="mt-10">
        <Link to={page}>{t('detail.reload')}</Link>
      </p>
    </div>
  )
}

function OrganisationSection({ organisation, locale }: { organisation: LoaderData['organisation']; locale: AppLocale }) {
  const { t } = useTranslation('review')
  const descriptions = (
    [
      ['fi', organisation.descriptionFi],
      ['sv', organisation.descriptionSv],
      ['en', organisation.descriptionEn],
    ] as const
  ).filter((entry): entry is readonly ['fi' | 'sv' | 'en', string] => Boolean(entry[1]?.trim()))
  return (
    <section aria-labelledby="organisation-heading" className="mb-10">
      <h2 id="organisation-heading" className="mb-3">
        {t('organisation.heading')}
      </h2>
      <Facts
        items={[
          { term: t('organisation:fields.name'), value: organisation.name },
          { term: t('organisation:fields.businessId'), value: organisation.businessId },
          { term: t('organisation:fields.legalForm'), value: t(`organisation:legalForms.${organisation.legalForm}`) },
          { term: t('organisation:fields.sector'), value: t(`organisation:sectors.${organisation.sector}`) },
          { term: t('organisation.employsStaff'), value: t(organisation.employsStaff ? 'organisation.yes' : 'organisation.no') },
          {
            term: t('organisation:fields.addressLegend'),
            value: (
              <>
                {organisation.streetAddress}
                <br />
                {organisation.postalCode} {organisation.postOffice}
                <br />
                {municipalityName(organisation.municipality, locale)}
              </>
            ),
          },
          { term: t('organisation:fields.phone'), value: <a href={`tel:${organisation.phone.replace(/\s+/g, '')}`}>{organisation.phone}</a> },
          { term: t('organisation:fields.email'), value: <a href={`mailto:${organisation.email}`}>{organisation.email}</a> },
          { term: t('organisation.website'), value: organisation.website ?? '–' },
        ]}
      />
      <h3 className="mt-6 mb-2 text-lg font-semibold">{t('organisation.descriptions')}</h3>
      {descriptions.length === 0 ? (
        <p>{t('organisation.noDescription')}</p>
      ) : (
        descriptions.map(([language, text]) => (
          <div key={language} className="mb-4">
            <h4 className="font-semibold">{t(`organisation.descriptionIn.${language}`)}</h4>
            <Paragraphs text={text} lang={language} />
          </div>
        ))
      )}
    </section>
  )
}

function DocumentReview({
  documentId,
  documentName,
  version,
  lastResult,
  canAccept,
}: {
  documentId: string
  documentName: string
  version: number
  lastResult: SubmissionResult<string[]> | undefined
  canAccept: boolean
}) {
  const { t } = useTranslation('review')
  const [form, fields] = useForm({
    id: `document-${documentId}`,
    lastResult,
    shouldValidate: 'onSubmit',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: documentReviewSchema }),
  })
  const hasErrors = Boolean(fields.rejectionReason.errors?.length)
  return (
    <div className="mt-2">
      {canAccept ? (
        <Form method="post" className="mb-2">
          <input type="hidden" name="intent" value="document" />
          <input type="hidden" name="version" value={version} />
          <input type="hidden" name="documentId" value={documentId} />
          <input type="hidden" name="decision" value="accept" />
          <Button variant="secondary">
            {t('sections.accept')}
            <span className="sr-only">: {documentName}</span>
          </Button>
        </Form>
      ) : (
        <p className="mb-2">{t('sections.cannotAccept')}</p>
      )}
      <details open={hasErrors || undefined}>
        <summary className="cursor-pointer font-semibold text-brand-800">
          {t('sections.rejectDocument')}
          <span className="sr-only">: {documentName}</span>
        </summary>
        <Form method="post" {...getFormProps(form)} className="mt-3">
          <ErrorSummary errors={summaryErrors(form, fields)} />
          <input type="hidden" name="intent" value="document" />
          <input type="hidden" name="version" value={version} />
          <input type="hidden" name="documentId" value={documentId} />
          <input type="hidden" name="decision" value="reject" />
          <TextareaField meta={fields.rejectionReason} label={t('sections.rejectionReason', { document: documentName })} hint={t('sections.rejectionReasonHint')} rows={3} />
          <Button variant="danger">
            {t('sections.reject')}
            <span className="sr-only">: {documentName}</span>
          </Button>
        </Form>
      </details>
    </div>
  )
}

function DecideForm({ data: loaderData, locale, lastResult }: { data: LoaderData; locale: AppLocale; lastResult: SubmissionResult<string[]> | undefined }) {
  const { t } = useTranslation('review')
  const { application, categories, decider } = loaderData
  const open = categories.filter(isOpenForDecision)
  const decided = categories.filter((category) => !isOpenForDecision(category))
  const notes = [...new Set(open.map((category) => category.proposalNote).filter((note): note is string => Boolean(note)))]
  const [form, fields] = useForm({
    id: 'decide',
    lastResult,
    defaultValue: {
      approve: open.filter((category) => approvedByDefault(category.decision)).map((category) => category.id),
      reason: application.decisionReason ?? notes.join('\n\n'),
    },
    shouldValidate: 'onSubmit',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: decideSchema }),
  })
  const proposes = open.some((category) => onlyProposes(decider, category.reviewMode))
  return (
    <section aria-labelledby="decide-heading" className="mb-10 rounded border-4 border-brand-700 p-4">
      <h2 id="decide-heading">{t('decide.heading')}</h2>
      {decided.length ? (
        <ul className="mt-2 list-disc pl-6">
          {decided.map((category) => (
            <li key={category.id}>{t('decide.alreadyDecided', { category: nameIn(locale, category), decision: t(`decision.${category.decision}`) })}</li>
          ))}
        </ul>
      ) : null}
      {open.length === 0 ? (
        <p className="mt-2">{t('decide.nothingOpen')}</p>
      ) : (
        <Form method="post" {...getFormProps(form)} className="mt-3">
          <ErrorSummary errors={summaryErrors(form, fields)} />
          <input type="hidden" name="intent" value="decide" />
          <input type="hidden" name="version" value={application.version} />
          <CheckboxGroup
            meta={fields.approve}
            legend={t('decide.legend')}
            hint={t(proposes ? 'decide.hintProposal' : 'decide.hint')}
            options={open.map((category) => ({
              value: category.id,
              label: nameIn(locale, category),
              hint: (
                <>
                  {onlyProposes(decider, category.reviewMode) ? <span className="block">{t('decide.proposalOnly')}</span> : null}
                  {decider === 'admin' && category.reviewMode === 'TWO_STEP' && !isProposal(category.decision) ? (
                    <span className="block">{t('decide.adminDirect')}</span>
                  ) : null}
                  {isProposal(category.decision) && category.proposedBy ? (
                    <span className="block">
                      {t('decide.proposal', { name: category.proposedBy.name, decision: t(`decision.${category.decision}`) })}
                    </span>
                  ) : null}
                </>
              ),
            }))}
          />
          <TextareaField meta={fields.reason} label={t('decide.reason')} hint={t('decide.reasonHint')} rows={4} />
          <Button>{t(proposes ? 'decide.proposeButton' : 'decide.button')}</Button>
        </Form>
      )}
    </section>
  )
}

function ReturnForm({
  sections,
  version,
  lastResult,
}: {
  sections: readonly { section: string; label: string }[]
  version: number
  lastResult: SubmissionResult<string[]> | undefined
}) {
  const { t } = useTranslation('review')
  const [form, fields] = useForm({
    id: 'return',
    lastResult,
    defaultValue: { sections: sections.map((item) => ({ section: item.section, reason: '' })) },
    shouldValidate: 'onSubmit',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: returnSchema }),
  })
  const items = fields.sections.getFieldList()
  // the summary links every error to its own box: the group's error to the first box
  const errors: Record<string, string[] | undefined> = { '': form.errors }
  if (fields.sections.errors?.length) errors[items[0]?.getFieldset().reason.id ?? fields.sections.id] = fields.sections.errors
  for (const item of items) {
    const reason = item.getFieldset().reason
    if (reason.errors?.length) errors[reason.id] = reason.errors
  }
  const hasErrors = Object.values(errors).some((list) => list?.length)
  const groupErrorId = fields.sections.errors?.length ? `${fields.sections.id}-error` : undefined
  return (
    <section aria-labelledby="return-heading" className="mb-10 rounded border-2 border-amber-700 p-4">
      <h2 id="return-heading">{t('return.heading')}</h2>
      <p className="mt-2 mb-3">{t('return.intro')}</p>
      <details open={hasErrors || undefined}>
        <summary className="cursor-pointer font-semibold text-brand-800">{t('return.open')}</summary>
        <Form method="post" {...getFormProps(form)} className="mt-4">
          <ErrorSummary errors={errors} />
          <input type="hidden" name="intent" value="return" />
          <input type="hidden" name="version" value={version} />
          <fieldset>
            <legend className="mb-2 font-semibold">{t('return.legend')}</legend>
            {groupErrorId ? (
              <p id={groupErrorId} className="mb-2 font-semibold text-red-700">
                {fields.sections.errors?.map((error) => t(error)).join(' ')}
              </p>
            ) : null}
            {items.map((item, index) => {
              const fieldset = item.getFieldset()
              return (
                <div key={item.key}>
                  <input type="hidden" name={fieldset.section.name} value={sections[index]?.section ?? ''} />
                  <TextareaField
                    meta={fieldset.reason}
                    label={sections[index]?.label ?? ''}
                    describedBy={index === 0 ? groupErrorId : undefined}
                    aria-invalid={groupErrorId ? true : undefined}
                    rows={2}
                  />
                </div>
              )
            })}
          </fieldset>
          <Button>{t('return.button')}</Button>
        </Form>
      </details>
    </section>
  )
}

function RejectForm({ version, lastResult, proposes }: { version: number; lastResult: SubmissionResult<string[]> | undefined; proposes: boolean }) {
  const { t } = useTranslation('review')
  const [form, fields] = useForm({
    id: 'reject',
    lastResult,
    shouldValidate: 'onSubmit',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: rejectSchema }),
  })
  return (
    <section aria-labelledby="reject-heading" className="mb-10 rounded border-2 border-red-700 p-4">
      <h2 id="reject-heading">{t('reject.heading')}</h2>
      <p className="mt-2 mb-4">{t(proposes ? 'reject.introProposal' : 'reject.intro')}</p>
      <Form method="post" {...getFormProps(form)}>
        <ErrorSummary errors={summaryErrors(form, fields)} />
        <input type="hidden" name="intent" value="reject" />
        <input type="hidden" name="version" value={version} />
        <TextareaField meta={fields.reason} label={t('reject.reason')} hint={t('reject.reasonHint')} rows={4} />
        <Button variant="danger">{t(proposes ? 'reject.proposeButton' : 'reject.button')}</Button>
      </Form>
    </section>
  )
}
