import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, type ShouldRevalidateFunction } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { ApplicationHistory } from '~/components/application-history'
import { Button } from '~/components/ui/button'
import { CheckboxField } from '~/components/ui/checkbox-field'
import { CheckboxGroup } from '~/components/ui/checkbox-group'
import { ProblemSummary } from '~/components/ui/problem-summary'
import { Table } from '~/components/ui/table'
import type { ApplicationStatus } from '~/generated/prisma/client'
import { isLocale, type AppLocale } from '~/i18n'
import { pageTitle } from '~/i18n.server'
import { nameIn, parseSection, type Names } from '~/modules/applications/labels'
import { problemsOf, problemText, type Problem } from '~/modules/applications/problems'
import { applicationFormSchema, withdrawSchema } from '~/modules/applications/schema'
import {
  canWithdraw,
  getApplication,
  listCategoryChoices,
  submit,
  updateDraft,
  withdraw,
} from '~/modules/applications/service.server'
import { isEditable, isOpen, transitionFor } from '~/modules/applications/state-machine'
import { readFormData } from '~/utils/form-data.server'
import { formatDate } from '~/utils/format'
import { titleFromLoader } from '~/utils/meta'
import { can } from '~/utils/permissions'
import { forbidden, notFound, requireOrganisationPermission } from '~/utils/session.server'
import { redirectWithToast } from '~/utils/toast.server'

export const meta = titleFromLoader

export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireOrganisationPermission(request, params.orgId ?? '', 'organisation:view')
  const detail = await getApplication(member.organisationId, params.applicationId ?? '')
  if (!detail) notFound()
  const { status, id } = detail.application
  const canEdit = isEditable(status) && can(member.role, 'application:edit')
  return {
    ...detail,
    title: await pageTitle(request, 'applications:detail.title'),
    organisationId: member.organisationId,
    choices: canEdit ? await listCategoryChoices(member.organisationId, id) : [],
    canEdit,
    canSubmit: canEdit && can(member.role, 'application:submit'),
    canWithdraw: canWithdraw(member.role, status),
    /** a member who may not withdraw this application (an editor, once it is submitted) is told why */
    withdrawOwnerOnly: Boolean(transitionFor('withdraw', status)) && !canWithdraw(member.role, status),
    confirmWithdraw: new URL(request.url).searchParams.get('withdraw') === 'confirm',
  }
}

/** After any action (refusals included) the checklist, version and history must be fresh. */
export const shouldRevalidate: ShouldRevalidateFunction = ({ formMethod, defaultShouldRevalidate }) =>
  formMethod?.toUpperCase() === 'POST' ? true : defaultShouldRevalidate

type Refusal = { error: string }

function refused(refusal: Refusal): never | void {
  if (refusal.error === 'notFound') notFound()
  if (refusal.error === 'forbidden') forbidden()
}

export async function action({ request, params }: ActionFunctionArgs) {
  const member = await requireOrganisationPermission(request, params.orgId ?? '', 'application:edit')
  const applicationId = params.applicationId ?? ''
  const page = `/provider/${member.organisationId}/applications/${applicationId}`
  const formData = await readFormData(request)

  if (formData.get('intent') === 'withdraw') {
    const submission = parseWithZod(formData, { schema: withdrawSchema })
    if (submission.status !== 'success') return data({ result: submission.reply(), problems: [] as Problem[] }, { status: 400 })
    const result = await withdraw(member, applicationId, { version: submission.value.version })
    if (!result.ok) {
      refused(result)
      return data({ result: submission.reply(), problems: problemsOf(result) }, { status: 409 })
    }
    return redirectWithToast(page, { kind: 'success', message: 'applications:toast.withdrawn' })
  }

  // Only owners submit; an editor's attempt is refused before anything is saved.
  if (formData.get('intent') === 'submit' && !can(member.role, 'application:submit')) forbidden()
  const submission = parseWithZod(formData, { schema: applicationFormSchema })
  if (submission.status !== 'success') return data({ result: submission.reply(), problems: [] as Problem[] }, { status: 400 })
  const { intent, categoryIds, version, rulebookId } = submission.value

  const saved = await updateDraft(member, applicationId, { categoryIds, version })
  if (!saved.ok) {
    refused(saved)
    return data({ result: submission.reply(), problems: problemsOf(saved) }, { status: 400 })
  }
  if (intent === 'save') return redirectWithToast(page, { kind: 'success', message: 'applications:toast.saved' })

  const submitted = await submit(member, applicationId, { acceptRulebookId: rulebookId ?? '' })
  if (!submitted.ok) {
    refused(submitted)
    return data({ result: submission.reply(), problems: problemsOf(submitted) }, { status: 400 })
  }
  return redirectWithToast(page, { kind: 'success', message: 'applications:toast.submitted' })
}

const statusStyles: Record<ApplicationStatus, string> = {
  DRAFT: 'border-slate-600 bg-slate-100',
  SUBMITTED: 'border-brand-700 bg-brand-50',
  IN_REVIEW: 'border-brand-700 bg-brand-50',
  RETURNED: 'border-amber-700 bg-amber-50',
  APPROVED: 'border-green-700 bg-green-50',
  REJECTED: 'border-red-700 bg-red-50',
  WITHDRAWN: 'border-slate-600 bg-slate-100',
}

const validityStyles = {
  valid: 'text-green-800',
  expired: 'text-red-700',
  rejected: 'text-red-700',
  missing: 'text-red-700',
}

function Paragraphs({ text }: { text: string }) {
  return (
    <>
      {text
        .split(/\n\s*\n/)
        .filter((paragraph) => paragraph.trim())
        .map((paragraph, index) => (
          <p key={index} className="mb-3">
            {paragraph}
          </p>
        ))}
    </>
  )
}

export default function ApplicationPage() {
  const { t, i18n } = useTranslation('applications')
  const locale: AppLocale = isLocale(i18n.language) ? i18n.language : 'sv'
  const loaderData = useLoaderData<typeof loader>()
  const { application, organisationId, rulebook, history, lastReturn, requirements, documentTypes, choices } = loaderData
  const actionData = useActionData<typeof action>()
  const page = `/provider/${organisationId}/applications/${application.id}`
  const documentsPage = `/provider/${organisationId}/documents`

  const [form, fields] = useForm({
    id: 'application',
    lastResult: actionData?.result,
    defaultValue: { categoryIds: application.categories.map((category) => category.id) },
    shouldValidate: 'onSubmit',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: applicationFormSchema }),
  })
  const categoryIdsField = fields.categoryIds
  const acceptField = fields.acceptRulebook

  const typeName = (code: string) => {
    const type = documentTypes.find((candidate) => candidate.code === code)
    return type ? nameIn(locale, type) : code
  }
  const allCategories: readonly ({ id: string } & Names)[] = [...application.categories, ...choices]
  const problems = (actionData?.problems ?? []) as Problem[]
  const hrefOf = (problem: Problem) =>
    problem.kind === 'document'
      ? '#required-documents'
      : problem.kind === 'category'
        ? `#${categoryIdsField.id}`
        : problem.kind === 'rulebookOutdated'
          ? '#rulebook'
          : undefined
  const summary = [
    ...(form.errors ?? []).map((error) => ({ text: t(error) })),
    ...(categoryIdsField.errors ?? []).map((error) => ({ text: t(error), href: `#${categoryIdsField.id}` })),
    ...(acceptField?.errors ?? []).map((error) => ({ text: t(error), href: `#${acceptField?.id ?? 'rulebook'}` })),
    ...problems.map((problem) => ({
      text: problemText(problem, t, locale, { documentTypes, categories: allCategories }),
      href: hrefOf(problem),
    })),
  ]
  const outdated = problems.find((problem) => problem.kind === 'rulebookOutdated')
  const hasDocumentProblems = loaderData.checklist.some((item) => item.validity !== 'valid')
  const open = isOpen(application.status)

  return (
    <div className="max-w-4xl">
      <p className="mb-4">
        <Link to={`/provider/${organisationId}/applications`}>{t('detail.back')}</Link>
      </p>
      <h1>{t('detail.heading')}</h1>
      <p className="mt-2">
        {t('detail.started', { date: formatDate(application.createdAt, locale), name: application.createdBy.name })}
        {application.submittedAt ? ` ${t('detail.submitted', { date: formatDate(application.submittedAt, locale) })}` : null}
      </p>

      <section aria-labelledby="status-heading" className={`my-6 rounded border-l-8 p-4 ${statusStyles[application.status]}`}>
        <h2 id="status-heading" className="text-xl">
          {t('detail.statusLabel')}: <span className="font-bold">{t(`status.${application.status}`)}</span>
        </h2>
        <h3 className="mt-3 font-semibold">{t('detail.nextStepsHeading')}</h3>
        <p>{t(`nextSteps.${application.status}`)}</p>
        {application.status === 'REJECTED' && application.decisionReason ? (
          <>
            <h3 className="mt-3 font-semibold">{t('detail.decisionReason')}</h3>
            <p>{application.decisionReason}</p>
          </>
        ) : null}
        {application.status === 'APPROVED' ? (
          <p className="mt-3">
            <Link to={`/provider/${organisationId}/register`}>{t('detail.viewRegister')}</Link>
          </p>
        ) : null}
        {application.rulebook && application.rulebookAcceptedAt ? (
          <p className="mt-3 text-sm">
            {t('detail.rulebookAccepted', {
              version: application.rulebook.version,
              date: formatDate(application.rulebookAcceptedAt, locale),
            })}
          </p>
        ) : null}
      </section>

      <ProblemSummary items={summary} />

      {application.status === 'RETURNED' && lastReturn && lastReturn.sections.length > 0 ? (
        <section aria-labelledby="returned-heading" className="mb-8 rounded border-4 border-amber-700 p-4">
          <h2 id="returned-heading">{t('returned.heading')}</h2>
          <p className="mt-2">{t('returned.intro', { date: formatDate(lastReturn.returnedAt, locale) })}</p>
          <ul className="mt-3 space-y-3">
            {lastReturn.sections.map((review) => {
              const section = parseSection(review.section)
              const label =
                section.kind === 'document'
                  ? t('returned.sections.document', { document: typeName(section.code) })
                  : section.kind === 'other'
                    ? review.section
                    : t(`returned.sections.${section.kind}`)
              return (
                <li key={review.id}>
                  <strong>{label}</strong>
                  <p>{review.reason ?? t('returned.noReason')}</p>
                </li>
              )
            })}
          </ul>
        </section>
      ) : null}

      {loaderData.canEdit ? (
        <Form method="post" {...getFormProps(form)}>
          <input type="hidden" name="version" value={application.version} />
          <section aria-labelledby="categories-heading" className="mb-8">
            <CheckboxGroup
              meta={categoryIdsField}
              legend={
                <h2 id="categories-heading">{t('categories.heading')}</h2>
              }
              hint={t('categories.changeHint')}
              options={choices.map((category) => ({
                value: category.id,
                label: nameIn(locale, category),
                disabled: Boolean(category.block),
                hint: (
                  <>
                    {t('category.details', { unit: t(`units.${category.unit}`), voucherType: t(`voucherTypes.${category.voucherType}`) })}
                    {category.block ? (
                      <>
                        <br />
                        <strong>{t(`blocked.${category.block.reason}`)}</strong>
                      </>
                    ) : null}
                  </>
                ),
              }))}
            />
          </section>

          {requiredDocuments()}

          <section aria-labelledby="rulebook-heading" id="rulebook" className="mb-8">
            {rulebookText()}
            {loaderData.canSubmit && rulebook ? (
              <>
                <input type="hidden" name="rulebookId" value={rulebook.id} />
                {outdated ? (
                  <p className="mb-2 font-semibold text-red-700">{problemText(outdated, t, locale, { documentTypes, categories: [] })}</p>
                ) : null}
                <CheckboxField
                  meta={{ id: acceptField?.id ?? 'accept-rulebook', name: 'acceptRulebook', errors: acceptField?.errors }}
                  label={t('rulebook.accept', { version: rulebook.version })}
                />
              </>
            ) : null}
          </section>

          <div className="flex flex-wrap items-center gap-4">
            <Button name="intent" value="save" variant="secondary">
              {t('actions.save')}
            </Button>
            {loaderData.canSubmit ? (
              <Button name="intent" value="submit">
                {t('actions.submit')}
              </Button>
            ) : null}
          </div>
          {!loaderData.canSubmit ? <p className="mt-3">{t('actions.ownerOnly')}</p> : null}
        </Form>
      ) : (
        <>
          <section aria-labelledby="categories-heading" className="mb-8">
            <h2 id="categories-heading">{t('categories.heading')}</h2>
            <ul className="mt-2 list-disc pl-6">
              {application.categories.map((category) => (
                <li key={category.id}>
                  {nameIn(locale, category)}
                  {category.decision === 'APPROVED' || category.decision === 'REJECTED' ? ` – ${t(`status.${category.decision}`)}` : null}
                </li>
              ))}
            </ul>
          </section>
          {open ? requiredDocuments() : null}
        </>
      )}

      {history.length > 0 ? (
        <ApplicationHistory history={history} who={(event) => (event.actor.kind === 'provider' ? event.actor.name : t('history.county'))} />
      ) : null}

      {loaderData.canWithdraw ? (
        <section aria-labelledby="withdraw-heading" className="mt-10">
          {loaderData.confirmWithdraw ? (
            <div className="rounded border-4 border-red-700 p-4">
              <h2 id="withdraw-heading">{t('withdraw.confirmHeading')}</h2>
              <p className="mt-2 mb-4">{t('withdraw.confirmBody')}</p>
              <Form method="post" action={page} className="flex flex-wrap items-center gap-4">
                <input type="hidden" name="version" value={application.version} />
                <Button name="intent" value="withdraw" variant="danger">
                  {t('withdraw.confirm')}
                </Button>
                <Link to={page}>{t('withdraw.cancel')}</Link>
              </Form>
            </div>
          ) : (
            <>
              <h2 id="withdraw-heading">{t('withdraw.heading')}</h2>
              <p className="mt-2 mb-4">{t('withdraw.intro')}</p>
              <Link
                to={`${page}?withdraw=confirm#withdraw-heading`}
                className="inline-flex rounded border-2 border-red-700 px-4 py-2 font-semibold text-red-800 no-underline hover:bg-red-50"
              >
                {t('withdraw.start')}
              </Link>
            </>
          )}
        </section>
      ) : loaderData.withdrawOwnerOnly ? (
        <section aria-labelledby="withdraw-heading" className="mt-10">
          <h2 id="withdraw-heading">{t('withdraw.heading')}</h2>
          <p className="mt-2">{t('withdraw.ownerOnly')}</p>
        </section>
      ) : null}
    </div>
  )

  function requiredDocuments() {
    return (
      <section aria-labelledby="required-documents" className="mb-8">
        <h2 id="required-documents">{t('documents.heading')}</h2>
        <p className="mt-2">{t('documents.intro')}</p>
        <p className="mt-2">{t(loaderData.employsStaff ? 'documents.employer' : 'documents.notEmployer')}</p>
        <p className={`mt-2 font-semibold ${hasDocumentProblems ? 'text-red-700' : 'text-green-800'}`}>
          {t(hasDocumentProblems ? 'documents.someMissing' : 'documents.allValid')}
        </p>
        <p className="mt-2 mb-4">
          <Link to={documentsPage}>{t('documents.upload')}</Link>
        </p>
        {application.categories.map((category) => {
          const documents = requirements.find((requirement) => requirement.categoryId === category.id)?.documents ?? []
          const name = nameIn(locale, category)
          return documents.length === 0 ? (
            <p key={category.id} className="mb-4">
              <strong>{name}</strong>: {t('documents.none')}
            </p>
          ) : (
            <div key={category.id} className="mb-6">
              <Table caption={t('documents.caption', { category: name })}>
                <thead>
                  <tr>
                    <th scope="col">{t('documents.columns.document')}</th>
                    <th scope="col">{t('documents.columns.state')}</th>
                    <th scope="col">{t('documents.columns.expires')}</th>
                  </tr>
                </thead>
                <tbody>
                  {documents.map((document) => (
                    <tr key={document.code}>
                      <td>{nameIn(locale, document)}</td>
                      <td className={`font-semibold ${validityStyles[document.validity]}`}>{t(`documents.validity.${document.validity}`)}</td>
                      <td>
                        {document.expiresOn
                          ? formatDate(document.expiresOn, locale)
                          : document.validity === 'missing'
                            ? '–'
                            : t('documents.noExpiry')}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            </div>
          )
        })}
      </section>
    )
  }

  function rulebookText() {
    if (!rulebook) {
      return (
        <>
          <h2 id="rulebook-heading">{t('rulebook.heading')}</h2>
          <p className="mt-2 font-semibold">{t('errors.noRulebook')}</p>
        </>
      )
    }
    const title = locale === 'fi' ? rulebook.titleFi : locale === 'en' ? rulebook.titleEn : rulebook.titleSv
    const body = locale === 'fi' ? rulebook.bodyFi : locale === 'en' ? rulebook.bodyEn : rulebook.bodySv
    return (
      <>
        <h2 id="rulebook-heading">{t('rulebook.heading')}</h2>
        <p className="mt-2 mb-3">
          {t('rulebook.inForce', { version: rulebook.version, date: formatDate(rulebook.effectiveFrom, locale) })}
        </p>
        <div
          role="region"
          aria-labelledby="rulebook-title"
          tabIndex={0}
          className="mb-4 max-h-80 overflow-y-auto rounded border-2 border-slate-400 p-4 focus:outline-2 focus:outline-brand-700"
        >
          <h3 id="rulebook-title" className="mb-3 text-lg font-bold">
            {title}
          </h3>
          <Paragraphs text={body} />
        </div>
      </>
    )
  }
}
