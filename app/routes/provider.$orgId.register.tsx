import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Table } from '~/components/ui/table'
import { isLocale } from '~/i18n'
import { pageTitle } from '~/i18n.server'
import { nameIn } from '~/modules/applications/labels'
import { listRegisterEntries } from '~/modules/register/service.server'
import { formatDate } from '~/utils/format'
import { titleFromLoader } from '~/utils/meta'
import { requireOrganisationPermission } from '~/utils/session.server'

export const meta = titleFromLoader

export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireOrganisationPermission(request, params.orgId ?? '', 'organisation:view')
  return {
    title: await pageTitle(request, 'applications:register.title'),
    organisationId: member.organisationId,
    entries: await listRegisterEntries(member.organisationId),
  }
}

const statusStyles = {
  ACTIVE: 'text-green-800',
  SUSPENDED: 'text-red-700',
  REMOVED: 'text-slate-700',
}

export default function RegisterEntries() {
  const { t, i18n } = useTranslation('applications')
  const locale = isLocale(i18n.language) ? i18n.language : 'sv'
  const { organisationId, entries } = useLoaderData<typeof loader>()
  return (
    <>
      <h1>{t('register.title')}</h1>
      <p className="mt-2 mb-6 max-w-2xl">{t('register.intro')}</p>
      {entries.length === 0 ? (
        <>
          <p>{t('register.empty')}</p>
          <p className="mt-4">
            <Link to={`/provider/${organisationId}/applications`}>{t('register.toApplications')}</Link>
          </p>
        </>
      ) : (
        <Table caption={t('register.caption')}>
          <thead>
            <tr>
              <th scope="col">{t('register.columns.category')}</th>
              <th scope="col">{t('register.columns.since')}</th>
              <th scope="col">{t('register.columns.status')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.id}>
                <td>{nameIn(locale, entry.category)}</td>
                <td>{formatDate(entry.validFrom, locale)}</td>
                <td>
                  <span className={`font-semibold ${statusStyles[entry.status]}`}>{t(`register.status.${entry.status}`)}</span>
                  {entry.status !== 'ACTIVE' ? <> {t('register.changedOn', { date: formatDate(entry.statusChangedAt, locale) })}</> : null}
                  {entry.statusReason && entry.status !== 'ACTIVE' ? (
                    <p className="text-sm">{t('register.reason', { reason: entry.statusReason })}</p>
                  ) : null}
                  {entry.lapsedAt && entry.status !== 'REMOVED' ? (
                    <p className="text-sm font-semibold text-red-700">
                      {t('register.lapsed', { date: formatDate(entry.lapsedAt, locale) })}{' '}
                      <Link to={`/provider/${organisationId}/documents`}>{t('documents.upload')}</Link>
                    </p>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </>
  )
}
