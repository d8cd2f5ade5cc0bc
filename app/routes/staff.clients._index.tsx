import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { summaryErrors } from '~/components/form-errors'
import { Alert } from '~/components/ui/alert'
import { Button } from '~/components/ui/button'
import { ErrorSummary } from '~/components/ui/error-summary'
import { Field } from '~/components/ui/field'
import { Pagination } from '~/components/ui/pagination'
import { Table } from '~/components/ui/table'
import { isLocale } from '~/i18n'
import { pageTitle } from '~/i18n.server'
import { identityCodeSearchSchema, parseNameQuery } from '~/modules/clients/schema'
import { clientIdByIdentityCode, searchClientsByName } from '~/modules/clients/service.server'
import { municipalityName } from '~/modules/organisations/municipality-name'
import { readFormData } from '~/utils/form-data.server'
import { formatDate } from '~/utils/format'
import { titleFromLoader } from '~/utils/meta'
import { requirePermission } from '~/utils/session.server'

export const meta = titleFromLoader

/**
 * Finding a client: by name (a GET search, kept in the address) or by personal identity code (a POST form, so the
 * code stays out of addresses, history and logs; looked up by its keyed hash, and a match opens the client's page).
 * Nothing is listed before a search: staff see the clients they look for.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'client:view')
  const params = new URL(request.url).searchParams
  const query = parseNameQuery(params.get('q'))
  const result = await searchClientsByName(query, Number(params.get('page')) || 1)
  return {
    title: await pageTitle(request, 'issuing:clients.title'),
    q: query.kind === 'name' ? (params.get('q') ?? '').trim() : '',
    kind: query.kind,
    ...result,
  }
}

export async function action({ request }: ActionFunctionArgs) {
  await requirePermission(request, 'client:view')
  const submission = parseWithZod(await readFormData(request), { schema: identityCodeSearchSchema })
  if (submission.status !== 'success') return data({ result: submission.reply(), notFound: false }, { status: 400 })
  const clientId = await clientIdByIdentityCode(submission.value.identityCode)
  if (clientId) return redirect(`/staff/clients/${clientId}`)
  return data({ result: submission.reply(), notFound: true })
}

export default function StaffClients() {
  const { t, i18n } = useTranslation('issuing')
  const locale = isLocale(i18n.language) ? i18n.language : 'sv'
  const { q, kind, clients, total, page, pageCount } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [form, fields] = useForm({
    id: 'find-by-code',
    lastResult: actionData?.result,
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: identityCodeSearchSchema }),
  })
  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1>{t('clients.title')}</h1>
        <Link to="/staff/clients/new" className="font-semibold">
          {t('clients.new')}
        </Link>
      </div>
      <p className="mt-2 mb-6 max-w-2xl">{t('clients.intro')}</p>

      <div className="mb-6 grid gap-6 md:grid-cols-2">
        <section aria-labelledby="find-by-code-title" className="rounded border border-slate-300 p-4">
          <h2 id="find-by-code-title" className="text-lg font-semibold">
            {t('clients.byCodeTitle')}
          </h2>
          {actionData?.notFound ? (
            <div className="mt-3">
              <Alert kind="info">
                {t('clients.codeNotFound')} <Link to="/staff/clients/new">{t('clients.new')}</Link>
              </Alert>
            </div>
          ) : null}
          <ErrorSummary errors={summaryErrors(form, fields)} />
          <Form method="post" className="mt-3" {...getFormProps(form)}>
            <Field meta={fields.identityCode} label={t('clients.identityCode')} hint={t('clients.identityCodeHint')} autoComplete="off" spellCheck={false} />
            <Button>{t('clients.byCodeSubmit')}</Button>
          </Form>
        </section>

        <section aria-labelledby="find-by-name-title" className="rounded border border-slate-300 p-4">
          <h2 id="find-by-name-title" className="text-lg font-semibold">
            {t('clients.byNameTitle')}
          </h2>
          <Form method="get" className="mt-3">
            <Field meta={{ id: 'client-q', name: 'q', initialValue: q }} type="search" label={t('clients.name')} hint={t('clients.nameHint')} autoComplete="off" />
            <Button>{t('clients.byNameSubmit')}</Button>
          </Form>
        </section>
      </div>

      <div role="status">
        {kind === 'identityCode' ? <Alert kind="error">{t('clients.codeInNameBox')}</Alert> : null}
        {kind === 'name' ? <p className="mb-3">{t('clients.found', { count: total })}</p> : null}
      </div>

      {clients.length > 0 ? (
        <Table caption={t('clients.caption', { q })}>
          <thead>
            <tr>
              <th scope="col">{t('clients.columns.name')}</th>
              <th scope="col">{t('clients.columns.dateOfBirth')}</th>
              <th scope="col">{t('clients.columns.municipality')}</th>
              <th scope="col">{t('clients.columns.vouchers')}</th>
            </tr>
          </thead>
          <tbody>
            {clients.map((client) => (
              <tr key={client.id}>
                <td>
                  <Link to={`/staff/clients/${client.id}`} className="font-semibold">
                    {client.lastName}, {client.firstName}
                  </Link>
                </td>
                <td>{formatDate(client.dateOfBirth, locale)}</td>
                <td>{municipalityName(client.municipality, locale)}</td>
                <td>{client._count.vouchers}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      ) : null}
      {kind === 'name' && clients.length === 0 ? (
        <p>
          {t('clients.noneFound')} <Link to="/staff/clients/new">{t('clients.new')}</Link>
        </p>
      ) : null}
      <Pagination page={page} pageCount={pageCount} />
    </>
  )
}
