import { useTranslation } from 'react-i18next'
import { Table } from '~/components/ui/table'
import { isLocale } from '~/i18n'
import { formatDateTime } from '~/utils/format'

type ApplicationStatus = 'DRAFT' | 'SUBMITTED' | 'IN_REVIEW' | 'RETURNED' | 'APPROVED' | 'REJECTED' | 'WITHDRAWN'

export type HistoryEvent = {
  id: string
  fromStatus: ApplicationStatus | null
  toStatus: ApplicationStatus
  createdAt: Date | string
  note: string | null
}

/** The event's name in the applications namespace: a resubmission reads differently from the first submission. */
function eventKey(event: HistoryEvent): string {
  if (!event.fromStatus) return 'DRAFT'
  if (event.fromStatus === 'RETURNED' && event.toStatus === 'SUBMITTED') return 'RESUBMITTED'
  return event.toStatus
}

/** An application's history table, shared by the applicant's and the reviewer's pages; `who` names the actor. */
export function ApplicationHistory<E extends HistoryEvent>({ history, who }: { history: E[]; who: (event: E) => string }) {
  const { t, i18n } = useTranslation('applications')
  const locale = isLocale(i18n.language) ? i18n.language : 'sv'
  return (
    <section aria-labelledby="history-heading" className="mt-10">
      <h2 id="history-heading">{t('history.heading')}</h2>
      <div className="mt-3">
        <Table caption={t('history.caption')} captionHidden>
          <thead>
            <tr>
              <th scope="col">{t('history.columns.event')}</th>
              <th scope="col">{t('history.columns.date')}</th>
              <th scope="col">{t('history.columns.who')}</th>
              <th scope="col">{t('history.columns.note')}</th>
            </tr>
          </thead>
          <tbody>
            {history.map((event) => (
              <tr key={event.id}>
                <td>{t(`history.events.${eventKey(event)}`)}</td>
                <td>{formatDateTime(event.createdAt, locale)}</td>
                <td>{who(event)}</td>
                <td>{event.note ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      </div>
    </section>
  )
}
