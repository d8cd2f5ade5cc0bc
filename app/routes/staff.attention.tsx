import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Table } from '~/components/ui/table'
import { isLocale } from '~/i18n'
import { pageTitle } from '~/i18n.server'
import { nameIn } from '~/modules/applications/labels'
import { needsAttention } from '~/modules/document-watch/attention.server'
import { municipalityName } from '~/modules/organisations/municipality-name'
import { isEntryInForce } from '~/modules/register/public-offers'
import { formatDate } from '~/utils/format'
import { titleFromLoader } from '~/utils/meta'
import { requirePermission } from '~/utils/session.server'

export const meta = titleFromLoader

/** Entries flagged by the document watch, documents about to expire and applications waiting too long. Staff only. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'register:manage')
  const now = new Date()
  const attention = await needsAttention(now)
  return {
    title: await pageTitle(request, 'register:attention.title'),
    ...attention,
    lapsedEntries: attention.lapsedEntries.map((entry) => ({
      ...entry,
      /** suspended from a later day: still in force until then */
      scheduled: entry.status === 'SUSPENDED' && isEntryInForce(entry, now),
    })),
  }
}

const statusStyles = {
  ACTIVE: 'text-green-800',
  SUSPENDED: 'text-red-700',
  REMOVED: 'text-slate-700',
} as const

export default function NeedsAttention() {
  const { t, i18n } = useTranslation('register')
  const locale = isLocale(i18n.language) ? i18n.language : 'sv'
  const { lapsedEntries, expiringDocuments, waitingApplications } = useLoaderData<typeof loader>()
  const sections = [
    { id: 'lapsed', title: t('attention.lapsedTitle'), count: lapsedEntries.length },
    { id: 'expiring', title: t('attention.expiringTitle'), count: expiringDocuments.length },
    { id: 'waiting', title: t('attention.waitingTitle'), count: waitingApplications.length },
  ]
  const organisationLink = (organisation: { id: string; name: string }) => (
    <Link to={`/staff/register/${organisation.id}`} className="font-semibold">
      {organisation.name}
    </Link>
  )
  return (
    <>
      <h1>{t('attention.title')}</h1>
      <p className="mt-2 mb-6 max-w-2xl">{t('attention.intro')}</p>

      <nav aria-labelledby="attention-summary" className="mb-8">
        <h2 id="attention-summary" className="text-lg font-semibold">
          {t('attention.summaryTitle')}
        </h2>
        <ul className="mt-2 space-y-1">
          {sections.map((section) => (
            <li key={section.id}>
              <a href={`#${section.id}`}>
                {section.title}: <span className="font-bold">{section.count}</span>
              </a>
            </li>
          ))}
        </ul>
      </nav>

      <section aria-labelledby="lapsed" className="mb-10">
        <h2 id="lapsed" tabIndex={-1}>
          {t('attention.lapsedTitle')} ({lapsedEntries.length})
        </h2>
        {lapsedEntries.length === 0 ? (
          <p className="mt-2">{t('attention.lapsedEmpty')}</p>
        ) : (
          <div className="mt-3">
            <Table caption={t('attention.lapsedTitle')} captionHidden>
              <thead>
                <tr>
                  <th scope="col">{t('attention.columns.organisation')}</th>
                  <th scope="col">{t('attention.columns.service')}</th>
                  <th scope="col">{t('attention.columns.status')}</th>
                  <th scope="col">{t('attention.columns.flagged')}</th>
                  <th scope="col">{t('attention.columns.documents')}</th>
                </tr>
              </thead>
              <tbody>
                {lapsedEntries.map((entry) => (
                  <tr key={entry.id} className="align-top">
                    <td>{organisationLink(entry.organisation)}</td>
                    <td>{nameIn(locale, entry.category)}</td>
                    <td>
                      <span className={`font-semibold ${entry.scheduled ? statusStyles.ACTIVE : statusStyles[entry.status]}`}>
                        {entry.scheduled ? t('scheduled', { date: formatDate(entry.statusChangedAt, locale) }) : t(`status.${entry.status}`)}
                      </span>
                      <span className="block font-semibold text-red-700">
                        <span aria-hidden="true">⚠ </span>
                        {t('lapsed.flag')}
                      </span>
                    </td>
                    <td>{formatDate(entry.lapsedAt, locale)}</td>
                    <td>
                      {entry.documents.length === 0 ? (
                        t('attention.documentsFixed')
                      ) : (
                        <ul className="list-disc pl-5">
                          {entry.documents.map((document) => (
                            <li key={document.code}>
                              {nameIn(locale, document.name)}:{' '}
                              {document.validity === 'expired' && document.expiresOn
                                ? t('validity.expiredOn', { date: formatDate(document.expiresOn, locale) })
                                : t(`validity.${document.validity}`)}
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </Table>
          </div>
        )}
      </section>

      <section aria-labelledby="expiring" className="mb-10">
        <h2 id="expiring" tabIndex={-1}>
          {t('attention.expiringTitle')} ({expiringDocuments.length})
        </h2>
        {expiringDocuments.length === 0 ? (
          <p className="mt-2">{t('attention.expiringEmpty')}</p>
        ) : (
          <div className="mt-3">
            <Table caption={t('attention.expiringTitle')} captionHidden>
              <thead>
                <tr>
                  <th scope="col">{t('attention.columns.organisation')}</th>
                  <th scope="col">{t('attention.columns.document')}</th>
                  <th scope="col">{t('attention.columns.lastDay')}</th>
                  <th scope="col">{t('attention.columns.daysLeft')}</th>
                  <th scope="col">{t('attention.columns.reminders')}</th>
                </tr>
              </thead>
              <tbody>
                {expiringDocuments.map((document) => (
                  <tr key={document.id} className="align-top">
                    <td>{organisationLink(document.organisation)}</td>
                    <td>{nameIn(locale, document.type)}</td>
                    <td>{formatDate(document.expiresOn, locale)}</td>
                    <td className={document.daysLeft <= 7 ? 'font-semibold text-red-700' : undefined}>
                      {document.daysLeft === 0 ? t('attention.lastDayToday') : t('attention.days', { count: document.daysLeft })}
                    </td>
                    <td>
                      {document.remindedAt.length === 0
                        ? t('attention.noReminders')
                        : document.remindedAt.map((days) => t('attention.reminderDays', { days })).join(', ')}
                    </td>
                  </tr>
                ))}
              </tbody>
            </Table>
          </div>
        )}
      </section>

      <section aria-labelledby="waiting" className="mb-10">
        <h2 id="waiting" tabIndex={-1}>
          {t('attention.waitingTitle')} ({waitingApplications.length})
        </h2>
        {waitingApplications.length === 0 ? (
          <p className="mt-2">{t('attention.waitingEmpty')}</p>
        ) : (
          <div className="mt-3">
            <Table caption={t('attention.waitingTitle')} captionHidden>
              <thead>
                <tr>
                  <th scope="col">{t('attention.columns.organisation')}</th>
                  <th scope="col">{t('attention.columns.municipality')}</th>
                  <th scope="col">{t('attention.columns.services')}</th>
                  <th scope="col">{t('attention.columns.submitted')}</th>
                  <th scope="col">{t('attention.columns.waiting')}</th>
                </tr>
              </thead>
              <tbody>
                {waitingApplications.map((application) => (
                  <tr key={application.id} className="align-top">
                    <td>{organisationLink(application.organisation)}</td>
                    <td>{municipalityName(application.organisation.municipality, locale)}</td>
                    <td>{application.categories.map((category) => nameIn(locale, category)).join(', ')}</td>
                    <td>{formatDate(application.submittedAt, locale)}</td>
                    <td>{t('attention.days', { count: application.daysWaiting })}</td>
                  </tr>
                ))}
              </tbody>
            </Table>
          </div>
        )}
      </section>
    </>
  )
}
