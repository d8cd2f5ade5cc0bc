import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Table } from '~/components/ui/table'
import { isLocale } from '~/i18n'
import { pageTitle } from '~/i18n.server'
import { nameIn } from '~/modules/applications/labels'
import { listApplications } from '~/modules/applications/service.server'
import { formatDate } from '~/utils/format'
import { titleFromLoader } from '~/utils/meta'
import { can } from '~/utils/permissions'
import { requireOrganisationPermission } from '~/utils/session.server'

export const meta = titleFromLoader

export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireOrganisationPermission(request, params.orgId ?? '', 'organisation:view')
  return {
    title: await pageTitle(request, 'applications:list.title'),
    organisationId: member.organisationId,
    canEdit: can(member.role, 'application:edit'),
    applications: await listApplications(member.organisationId),
  }
}

export default function Applications() {
  const { t, i18n } = useTranslation('applications')
  const locale = isLocale(i18n.language) ? i18n.language : 'sv'
  const { organisationId, canEdit, applications } = useLoaderData<typeof loader>()
  const base = `/provider/${organisationId}/applications`
  return (
    <>
      <h1>{t('list.title')}</h1>
      <p className="mt-2 mb-6 max-w-2xl">{t('list.intro')}</p>
      {canEdit ? (
        <p className="mb-6">
          <Link to={`${base}/new`} className="inline-flex rounded border-2 border-brand-700 bg-brand-700 px-4 py-2 font-semibold text-white no-underline hover:bg-brand-800">
            {t('list.new')}
          </Link>
        </p>
      ) : null}
      {applications.length === 0 ? (
        <p>{t('list.empty')}</p>
      ) : (
        <Table caption={t('list.caption')}>
          <thead>
            <tr>
              <th scope="col">{t('list.columns.application')}</th>
              <th scope="col">{t('list.columns.categories')}</th>
              <th scope="col">{t('list.columns.status')}</th>
              <th scope="col">{t('list.columns.submitted')}</th>
              <th scope="col">{t('list.columns.decided')}</th>
            </tr>
          </thead>
          <tbody>
            {applications.map((application) => (
              <tr key={application.id}>
                <td>
                  <Link to={`${base}/${application.id}`}>{t('list.link', { date: formatDate(application.createdAt, locale) })}</Link>
                </td>
                <td>
                  <ul>
                    {application.categories.map((category) => (
                      <li key={category.id}>{nameIn(locale, category)}</li>
                    ))}
                  </ul>
                </td>
                <td>{t(`status.${application.status}`)}</td>
                <td>{application.submittedAt ? formatDate(application.submittedAt, locale) : t('list.notYet')}</td>
                <td>{application.decidedAt ? formatDate(application.decidedAt, locale) : t('list.notYet')}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </>
  )
}
