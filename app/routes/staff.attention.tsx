import type { LoaderFunctionArgs } from '@remix-run/node'
import type { ReactNode } from 'react'
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

      <AttentionSection
        id="lapsed"
        title={t('attention.lapsedTitle')}
        count={lapsedEntries.length}
        empty={t('attention.lapsedEmpty')}
        columns={[t('attention.columns.organisation'), t('attention.columns.service'), t('attention.columns.status'), t('attention.columns.flagged'), t('attention.columns.documents')]}
      >
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
        
      </AttentionSection>

      <AttentionSection
        id="expiring"
        title={t('attention.expiringTitle')}
        count={expiringDocuments.length}
        empty={t('attention.expiringEmpty')}
        columns={[t('attention.columns.organisation'), t('attention.columns.document'), t('attention.columns.lastDay'), t('attention.columns.daysLeft'), t('attention.columns.reminders')]}
      >
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
        
      </AttentionSection>

      <AttentionSection
        id="waiting"
        title={t('attention.waitingTitle')}
        count={waitingApplications.length}
        empty={t('attention.waitingEmpty')}
        columns={[t('attention.columns.organisation'), t('attention.columns.municipality'), t('attention.columns.services'), t('attention.columns.submitted'), t('attention.columns.waiting')]}
      >
        {waitingApplications.map((application) => (
          <tr key={application.id} className="align-top">
            <td>{organisationLink(application.organisation)}</td>
            <td>{municipalityName(application.organisation.municipality, locale)}</td>
            <td>{application.categories.map((category) => nameIn(locale, category)).join(', ')}</td>
            <td>{formatDate(application.submittedAt, locale)}</td>
            <td>{t('attention.days', { count: application.daysWaiting })}</td>
          </tr>
        ))}
        
      </AttentionSection>
    </>
  )
}

/** One list on the page: a heading with its count, a sentence when it is empty, otherwise a table. */
function AttentionSection(props: { id: string; title: string; count: number; empty: string; columns: string[]; children: ReactNode }) {
  return (
    <section aria-labelledby={props.id} className="mb-10">
      <h2 id={props.id} tabIndex={-1}>
        {props.title} ({props.count})
      </h2>
      {props.count === 0 ? (
        <p className="mt-2">{props.empty}</p>
      ) : (
        <div className="mt-3">
          <Table caption={props.title} captionHidden>
            <thead>
              <tr>
                {props.columns.map((column) => (
                  <th key={column} scope="col">
                    {column}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>{props.children}</tbody>
          </Table>
        </div>
      )}
    </section>
  )
}
