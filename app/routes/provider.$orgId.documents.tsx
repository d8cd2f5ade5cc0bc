import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import {
  data,
  MaxPartSizeExceededError,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type UploadHandler,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Button } from '~/components/ui/button'
import { ErrorSummary } from '~/components/ui/error-summary'
import { Field } from '~/components/ui/field'
import { FileField } from '~/components/ui/file-field'
import { SelectField } from '~/components/ui/select-field'
import { isLocale, type AppLocale } from '~/i18n'
import { getLocale, pageTitle } from '~/i18n.server'
import { helsinkiToday, utcDate } from '~/modules/documents/dates'
import { acceptedFileTypes, maxDocumentBytes } from '~/modules/documents/file-type'
import { documentUploadSchema, registrationNumberMaxLength, type UploadTypeRules } from '~/modules/documents/schema'
import { documentTypeRules, listDocuments, uploadDocument } from '~/modules/documents/service.server'
import { readFormData, withoutNul } from '~/utils/form-data.server'
import { formatDate } from '~/utils/format'
import { titleFromLoader } from '~/utils/meta'
import { can } from '~/utils/permissions'
import { enforceRateLimitPolicy } from '~/utils/rate-limit.server'
import { requireOrganisationPermission } from '~/utils/session.server'
import { configuredStorage } from '~/utils/storage.server'
import { redirectWithToast } from '~/utils/toast.server'

export const meta = titleFromLoader

function typeName(type: { nameFi: string; nameSv: string; nameEn: string }, locale: AppLocale): string {
  return locale === 'fi' ? type.nameFi : locale === 'sv' ? type.nameSv : type.nameEn
}

/** The organisation's documents by type, with history; members only (other organisations' ids give 404). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireOrganisationPermission(request, params.orgId ?? '', 'organisation:view')
  const locale = await getLocale(request)
  const today = helsinkiToday()
  const overview = await listDocuments(member.organisationId, utcDate(today))
  const requestedType = new URL(request.url).searchParams.get('type')
  return {
    title: await pageTitle(request, 'documents:title'),
    organisationId: member.organisationId,
    canUpload: can(member.role, 'document:upload'),
    today,
    preselectedType: overview.some((entry) => entry.type.code === requestedType) ? requestedType : null,
    documents: overview.map(({ type: { nameFi, nameSv, nameEn, ...type }, current, history }) => ({
      type: { ...type, name: typeName({ nameFi, nameSv, nameEn }, locale) },
      current,
      history,
    })),
  }
}

const maxParts = 20
const maxTextPartBytes = 10_000

/**
 * Reads the multipart form without ever holding more than 10 MB + 1 byte of a file (a larger file stops the
 * reading and is reported as too large, with the fields read before it kept for the form). A form sent without
 * a file (not multipart) is read as usual, so it gets the normal validation errors.
 */
async function readUploadForm(request: Request): Promise<{ formData: FormData; fileTooLarge: boolean }> {
  if (!(request.headers.get('Content-Type') ?? '').startsWith('multipart/form-data')) {
    return { formData: await readFormData(request), fileTooLarge: false }
  }
  const fields = new FormData()
  const fileHandler = unstable_createMemoryUploadHandler({ maxPartSize: maxDocumentBytes + 1 })
  const textHandler = unstable_createMemoryUploadHandler({ maxPartSize: maxTextPartBytes })
  let parts = 0
  const handler: UploadHandler = async (part) => {
    if (++parts > maxParts) throw new Response('Bad Request', { status: 400 })
    const value = await (part.name === 'file' ? fileHandler : textHandler)(part)
    if (typeof value === 'string') fields.append(part.name, value)
    return value
  }
  try {
    return { formData: withoutNul(await unstable_parseMultipartFormData(request, handler)), fileTooLarge: false }
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError && error.field === 'file') return { formData: withoutNul(fields), fileTooLarge: true }
    if (error instanceof Response) throw error
    throw new Response('Bad Request', { status: 400 })
  }
}

/**
 * Uploads a document (owners and editors): validated form, content-checked file, then back to the list. Each user
 * may upload a limited number an hour (rateLimits.documentUploadPerUser), counted before the file is read.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const member = await requireOrganisationPermission(request, params.orgId ?? '', 'document:upload')
  await enforceRateLimitPolicy('documentUploadPerUser', member.id)
  const schema = documentUploadSchema({ types: await documentTypeRules(), today: helsinkiToday() })
  const { formData, fileTooLarge } = await readUploadForm(request)
  const submission = parseWithZod(formData, { schema })
  if (fileTooLarge) {
    return data({ result: submission.reply({ fieldErrors: { file: ['documents:errors.fileTooLarge'] } }) }, { status: 400 })
  }
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  const { documentType, issueDate, validUntil, registrationNumber, file } = submission.value
  const result = await uploadDocument(
    {
      actorId: member.id,
      organisationId: member.organisationId,
      typeCode: documentType,
      issueDate,
      validUntil,
      registrationNumber,
      file: { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) },
    },
    configuredStorage(),
  )
  if (!result.ok) {
    return data({ result: submission.reply({ fieldErrors: { [result.field]: [result.error] } }) }, { status: 400 })
  }
  return redirectWithToast(`/provider/${member.organisationId}/documents`, {
    kind: 'success',
    message: 'documents:toast.uploaded',
  })
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>
type Entry = LoaderData['documents'][number]

function useLocale(): AppLocale {
  const { i18n } = useTranslation()
  return isLocale(i18n.language) ? i18n.language : 'sv'
}

const badge = {
  valid: 'border-green-700 bg-green-50 text-green-900',
  expired: 'border-red-700 bg-red-50 text-red-900',
  rejected: 'border-red-700 bg-red-50 text-red-900',
  missing: 'border-slate-600 bg-slate-100 text-slate-900',
}

function DocumentStatus({ entry }: { entry: Entry }) {
  const { t } = useTranslation('documents')
  const locale = useLocale()
  const { current } = entry
  if (!current) {
    return <span className={`inline-block rounded border-2 px-2 py-0.5 font-semibold ${badge.missing}`}>{t('status.missing')}</span>
  }
  const date = current.expiresOn ? formatDate(current.expiresOn, locale) : null
  const label =
    current.validity === 'rejected'
      ? t('status.rejected')
      : current.validity === 'expired'
        ? date
          ? t('status.expiredOn', { date })
          : t('status.expired')
        : date
          ? t('status.validUntil', { date })
          : t('status.valid')
  return (
    <>
      <span className={`inline-block rounded border-2 px-2 py-0.5 font-semibold ${badge[current.validity]}`}>{label}</span>
      {current.validity !== 'rejected' && current.status !== 'EXPIRED' ? (
        <span className="ml-2 text-sm">{t(current.status === 'ACCEPTED' ? 'status.accepted' : 'status.pending')}</span>
      ) : null}
    </>
  )
}

function DocumentCard({ entry, canUpload, downloadHref }: { entry: Entry; canUpload: boolean; downloadHref: (id: string) => string }) {
  const { t } = useTranslation('documents')
  const locale = useLocale()
  const { type, current, history } = entry
  const headingId = `type-${type.code}`
  return (
    <li className="rounded border-2 border-slate-300 p-4">
      <h3 id={headingId} className="text-lg font-semibold">
        {type.name}
      </h3>
      {type.maxAgeDays !== null || type.employersOnly ? (
        <p className="text-sm text-slate-700">
          {[type.maxAgeDays !== null ? t('overview.maxAge', { count: type.maxAgeDays }) : null, type.employersOnly ? t('overview.employersOnly') : null]
            .filter(Boolean)
            .join(' ')}
        </p>
      ) : null}
      <p className="mt-2">
        <DocumentStatus entry={entry} />
      </p>
      {current ? (
        <>
          <p className="mt-2">
            <a href={downloadHref(current.id)} className="break-words">
              {current.originalFilename}
            </a>
          </p>
          <p className="text-sm text-slate-700">
            {[
              t('details.issued', { date: formatDate(current.issueDate, locale) }),
              t('details.uploaded', { date: formatDate(current.uploadedAt, locale) }),
              current.registrationNumber ? t('details.registrationNumber', { number: current.registrationNumber }) : null,
            ]
              .filter(Boolean)
              .join(' · ')}
          </p>
        </>
      ) : null}
      {canUpload ? (
        <p className="mt-3">
          <Link to={{ search: `?type=${encodeURIComponent(type.code)}`, hash: 'upload' }}>
            {t(current ? 'overview.uploadNewVersion' : 'overview.upload')}
            <span className="sr-only">: {type.name}</span>
          </Link>
        </p>
      ) : null}
      {history.length > 0 ? (
        <details className="mt-3">
          <summary className="cursor-pointer">{t('history.summary', { count: history.length })}</summary>
          <p className="mt-2 text-sm">{t('history.intro')}</p>
          <ul className="mt-2 space-y-2">
            {history.map((version) => (
              <li key={version.id}>
                <a href={downloadHref(version.id)} className="break-words">
                  {version.originalFilename}
                </a>
                <span className="block text-sm text-slate-700">
                  {[
                    t('details.issued', { date: formatDate(version.issueDate, locale) }),
                    t('details.uploaded', { date: formatDate(version.uploadedAt, locale) }),
                    version.supersededAt ? t('details.replaced', { date: formatDate(version.supersededAt, locale) }) : null,
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </span>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </li>
  )
}

export default function Documents() {
  const { t } = useTranslation('documents')
  const { documents, organisationId, canUpload, today, preselectedType } = useLoaderData<typeof loader>()
  const downloadHref = (documentId: string) => `/provider/${organisationId}/documents/${documentId}/download`
  const uploadTypes = useMemo(
    () =>
      documents.map(({ type }) => ({
        code: type.code,
        name: type.name,
        validUntilRequired: type.validUntilRequired,
        hasRegistrationNumber: type.hasRegistrationNumber,
      })),
    [documents],
  )
  return (
    <>
      <h1>{t('title')}</h1>
      <p className="mt-2 max-w-prose">{t('intro')}</p>
      {canUpload ? (
        <p className="mt-4">
          <a href="#upload">{t('uploadLink')}</a>
        </p>
      ) : null}
      <details className="mt-4 max-w-prose rounded border-2 border-slate-300 p-3">
        <summary className="cursor-pointer font-semibold">{t('statusHelp.title')}</summary>
        <ul className="mt-2 list-disc space-y-1 pl-6">
          <li>{t('statusHelp.missing')}</li>
          <li>{t('statusHelp.valid')}</li>
          <li>{t('statusHelp.expired')}</li>
          <li>{t('statusHelp.rejected')}</li>
          <li>{t('statusHelp.pending')}</li>
        </ul>
      </details>

      <section aria-labelledby="documents-overview" className="mt-8">
        <h2 id="documents-overview">{t('overview.caption')}</h2>
        <ul className="mt-4 grid gap-4 lg:grid-cols-2">
          {documents.map((entry) => (
            <DocumentCard key={entry.type.code} entry={entry} canUpload={canUpload} downloadHref={downloadHref} />
          ))}
        </ul>
      </section>

      {canUpload ? <UploadForm key={preselectedType ?? ''} types={uploadTypes} today={today} preselectedType={preselectedType} /> : null}
    </>
  )
}

function UploadForm({
  types,
  today,
  preselectedType,
}: {
  types: (UploadTypeRules & { name: string })[]
  today: string
  preselectedType: string | null
}) {
  const { t } = useTranslation('documents')
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const submitting = navigation.state === 'submitting' && navigation.formMethod?.toUpperCase() === 'POST'
  const schema = useMemo(() => documentUploadSchema({ types, today }), [types, today])
  const [form, fields] = useForm({
    id: 'document-upload',
    lastResult: actionData?.result,
    defaultValue: preselectedType ? { documentType: preselectedType } : undefined,
    // no getZodConstraint: the rules depend on the chosen type, so `required` is set on the inputs below
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  })
  // Without JavaScript every field shows; with it, the registration number only for the types that have one.
  const [hydrated, setHydrated] = useState(false)
  useEffect(() => setHydrated(true), [])
  const [typeCode, setTypeCode] = useState(fields.documentType.initialValue ?? '')
  const selected = types.find((type) => type.code === typeCode)
  const showRegistrationNumber = !hydrated || Boolean(selected?.hasRegistrationNumber)
  return (
    <section id="upload" aria-labelledby="upload-title" tabIndex={-1} className="mt-10 max-w-xl focus:outline-none">
      <h2 id="upload-title">{t('upload.title')}</h2>
      <p className="mt-2 mb-6">{t('upload.intro')}</p>
      {/* listed explicitly: summaryErrors(form, fields) sees no fields (Conform's `fields` is a Proxy without keys) */}
      <ErrorSummary
        errors={{
          '': form.errors,
          [fields.documentType.id]: fields.documentType.errors,
          [fields.issueDate.id]: fields.issueDate.errors,
          [fields.validUntil.id]: fields.validUntil.errors,
          [fields.registrationNumber.id]: fields.registrationNumber.errors,
          [fields.file.id]: fields.file.errors,
        }}
      />
      <Form method="post" encType="multipart/form-data" {...getFormProps(form)}>
        <SelectField
          meta={fields.documentType}
          label={t('upload.type')}
          placeholder={t('upload.choose')}
          options={types.map((type) => ({ value: type.code, label: type.name }))}
          onChange={(event) => setTypeCode(event.currentTarget.value)}
          required
        />
        <Field
          meta={fields.issueDate}
          type="date"
          label={t('upload.issueDate')}
          hint={t('upload.issueDateHint')}
          max={today}
          required
        />
        <Field
          meta={fields.validUntil}
          type="date"
          label={t('upload.validUntil')}
          hint={t('upload.validUntilHint')}
          required={hydrated ? Boolean(selected?.validUntilRequired) : undefined}
        />
        {showRegistrationNumber ? (
          <Field
            meta={fields.registrationNumber}
            label={t('upload.registrationNumber')}
            hint={t('upload.registrationNumberHint')}
            maxLength={registrationNumberMaxLength}
            autoComplete="off"
          />
        ) : null}
        <FileField meta={fields.file} label={t('upload.file')} hint={t('upload.fileHint')} accept={acceptedFileTypes} required />
        <Button disabled={submitting}>{t(submitting ? 'upload.submitting' : 'upload.submit')}</Button>
      </Form>
    </section>
  )
}
