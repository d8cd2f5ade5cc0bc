import { getFormProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import type { LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { summaryErrors } from '~/components/form-errors'
import { Button } from '~/components/ui/button'
import { CursorPagination } from '~/components/ui/cursor-pagination'
import { ErrorSummary } from '~/components/ui/error-summary'
import { Field } from '~/components/ui/field'
import { SelectField } from '~/components/ui/select-field'
import { Table } from '~/components/ui/table'
import { getLocale, pageTitle } from '~/i18n.server'
import { listAuditEntityTypes, searchAuditEvents } from '~/modules/audit/query.server'
import { auditFilterSchema, parseCursor, type AuditFilterInput } from '~/modules/audit/schema'
import { formatDateTime } from '~/utils/format'
import { titleFromLoader } from '~/utils/meta'
import { requirePermission } from '~/utils/session.server'

export const meta = titleFromLoader

const filterNames = ['actor', 'entityType', 'entityId', 'action', 'from', 'to'] as const

function pretty(value: unknown): string | null {
  return value === null || value === undefined ? null : JSON.stringify(value, null, 2)
}

/**
 * The audit log, newest first, filtered by actor, record, action and Helsinki dates (staff admins). Read only:
 * the app has no way to change or remove an event, and the database refuses it too.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'audit:view')
  const url = new URL(request.url)
  const submission = parseWithZod(url.searchParams, { schema: auditFilterSchema })
  const [locale, entityTypes] = await Promise.all([getLocale(request), listAuditEntityTypes()])
  const page =
    submission.status === 'success'
      ? await searchAuditEvents(submission.value, {
          before: parseCursor(url.searchParams.get('before')),
          after: parseCursor(url.searchParams.get('after')),
        })
      : null

  // page links keep the filters and swap the cursor
  const filters = new URLSearchParams()
  for (const name of filterNames) {
    const value = url.searchParams.get(name)?.trim()
    if (value) filters.set(name, value)
  }
  const href = (cursor?: { before?: bigint; after?: bigint }) => {
    const params = new URLSearchParams(filters)
    if (cursor?.before !== undefined) params.set('before', String(cursor.before))
    if (cursor?.after !== undefined) params.set('after', String(cursor.after))
    const query = params.toString()
    return query ? `/staff/audit?${query}` : '/staff/audit'
  }
  const recordHref = (entityType: string, entityId: string) => `/staff/audit?${new URLSearchParams({ entityType, entityId })}`

  return {
    title: await pageTitle(request, 'admin:audit.title'),
    filters: Object.fromEntries(filters),
    filtered: [...filters.keys()].length > 0,
    result: submission.status === 'error' ? submission.reply() : undefined,
    entityTypes,
    events: (page?.events ?? []).map((event) => ({
      id: String(event.id),
      at: formatDateTime(event.at, locale),
      atIso: event.at.toISOString(),
      actor: event.actor ? { name: event.actor.name, email: event.actor.email } : null,
      action: event.action,
      entityType: event.entityType,
      entityId: event.entityId,
      recordHref: recordHref(event.entityType, event.entityId),
      before: pretty(event.before),
      after: pretty(event.after),
    })),
    pages: {
      first: page?.newerCursor ? href() : null,
      newer: page?.newerCursor ? href({ after: page.newerCursor }) : null,
      older: page?.olderCursor ? href({ before: page.olderCursor }) : null,
    },
  }
}

function FilterForm() {
  const { t } = useTranslation('admin')
  const { filters, result, entityTypes, filtered } = useLoaderData<typeof loader>()
  const [form, fields] = useForm<AuditFilterInput>({
    id: 'audit-filters',
    lastResult: result,
    defaultValue: filters,
    constraint: getZodConstraint(auditFilterSchema),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: auditFilterSchema }),
  })
  const typeOptions = [...new Set([...entityTypes, ...(filters.entityType ? [filters.entityType] : [])])].map((type) => ({
    value: type,
    label: t(`audit.entityTypes.${type}`, { defaultValue: type }),
  }))
  return (
    <section aria-labelledby="audit-filter-title" className="mt-6">
      <h2 id="audit-filter-title">{t('audit.filterTitle')}</h2>
      <ErrorSummary errors={summaryErrors(form, fields)} />
      <Form method="get" {...getFormProps(form)} className="mt-3">
        <div className="grid gap-x-6 md:grid-cols-2">
          <Field meta={fields.actor} label={t('audit.actor')} hint={t('audit.actorHint')} autoComplete="off" spellCheck={false} />
          <Field meta={fields.action} label={t('audit.action')} hint={t('audit.actionHint')} autoComplete="off" spellCheck={false} />
          <SelectField meta={fields.entityType} label={t('audit.entityType')} placeholder={t('audit.allRecords')} options={typeOptions} />
          <Field meta={fields.entityId} label={t('audit.entityId')} hint={t('audit.entityIdHint')} autoComplete="off" spellCheck={false} />
          <Field meta={fields.from} type="date" label={t('audit.from')} hint={t('audit.datesHint')} />
          <Field meta={fields.to} type="date" label={t('audit.to')} hint={t('audit.datesHint')} />
        </div>
        <div className="flex flex-wrap items-center gap-6">
          <Button>{t('audit.filter')}</Button>
          {filtered ? <Link to="/staff/audit">{t('audit.clear')}</Link> : null}
        </div>
      </Form>
    </section>
  )
}

export default function AuditLog() {
  const { t } = useTranslation('admin')
  const { events, pages, filters, result } = useLoaderData<typeof loader>()
  return (
    <>
      <h1>{t('audit.title')}</h1>
      <p className="mt-2 max-w-3xl">{t('audit.intro')}</p>
      <FilterForm key={JSON.stringify(filters)} />

      <section aria-labelledby="audit-events-title" className="mt-8">
        <h2 id="audit-events-title">{t('audit.eventsTitle')}</h2>
        {result ? null : events.length === 0 ? (
          <p className="mt-3">{t('audit.none')}</p>
        ) : (
          <div className="mt-3">
            <Table caption={t('audit.listCaption')} captionHidden>
              <thead>
                <tr>
                  <th scope="col">{t('audit.time')}</th>
                  <th scope="col" className="min-w-40">
                    {t('audit.actor')}
                  </th>
                  <th scope="col">{t('audit.action')}</th>
                  <th scope="col">{t('audit.record')}</th>
                  <th scope="col" className="min-w-56">
                    {t('audit.change')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {events.map((event) => (
                  <tr key={event.id} className="align-top">
                    <td className="whitespace-nowrap">
                      <time dateTime={event.atIso}>{event.at}</time>
                    </td>
                    <td>
                      {event.actor ? (
                        <>
                          {event.actor.name}
                          <span className="block text-sm wrap-anywhere text-slate-700">{event.actor.email}</span>
                        </>
                      ) : (
                        t('audit.system')
                      )}
                    </td>
                    <td>
                      <code>{event.action}</code>
                    </td>
                    <td>
                      <Link to={event.recordHref}>
                        {t(`audit.entityTypes.${event.entityType}`, { defaultValue: event.entityType })}
                        <span className="block text-sm break-all">{event.entityId}</span>
                        <span className="sr-only">{t('audit.recordLinkHint')}</span>
                      </Link>
                    </td>
                    <td>
                      {event.before || event.after ? (
                        <details>
                          <summary className="cursor-pointer">
                            {t('audit.showChange')}
                            <span className="sr-only">: {event.action} {event.at}</span>
                          </summary>
                          {event.before ? (
                            <>
                              <p className="mt-2 text-sm font-semibold">{t('audit.before')}</p>
                              <pre className="mt-1 rounded bg-slate-100 p-2 text-sm break-all whitespace-pre-wrap">{event.before}</pre>
                            </>
                          ) : null}
                          {event.after ? (
                            <>
                              <p className="mt-2 text-sm font-semibold">{t('audit.after')}</p>
                              <pre className="mt-1 rounded bg-slate-100 p-2 text-sm break-all whitespace-pre-wrap">{event.after}</pre>
                            </>
                          ) : null}
                        </details>
                      ) : (
                        '–'
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </Table>
          </div>
        )}
        <CursorPagination
          label={t('audit.pagination')}
          first={pages.first ? { to: pages.first, label: t('audit.newest') } : null}
          previous={pages.newer ? { to: pages.newer, label: t('audit.newer') } : null}
          next={pages.older ? { to: pages.older, label: t('audit.older') } : null}
        />
      </section>
    </>
  )
}
