import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { isLocale, type AppLocale } from '~/i18n'
import { pageTitle } from '~/i18n.server'
import { staffOverview } from '~/modules/review/service.server'
import { formatDate } from '~/utils/format'
import { titleFromLoader } from '~/utils/meta'
import { can } from '~/utils/permissions'
import { requirePermission } from '~/utils/session.server'

export const meta = titleFromLoader

/** The staff front page: where the applications stand, the user's own queue, and links onward. A few small queries. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'staff:access')
  const reviews = can(user.role, 'application:review')
  return {
    title: await pageTitle(request, 'staff.title'),
    role: user.role,
    isAdmin: user.role === 'staff_admin',
    overview: reviews ? await staffOverview({ id: user.id, role: user.role }) : null,
  }
}

const openStates = ['SUBMITTED', 'IN_REVIEW', 'RETURNED'] as const

export default function StaffHome() {
  const { t, i18n } = useTranslation()
  const locale: AppLocale = isLocale(i18n.language) ? i18n.language : 'sv'
  const { role, overview, isAdmin } = useLoaderData<typeof loader>()
  return (
    <>
      <h1>{t('staff.title')}</h1>
      <p className="mt-4">{t('staff.intro', { role: t(`roles.${role}`) })}</p>

      {overview ? (
        <>
          <section aria-labelledby="applications-heading" className="mt-8">
            <h2 id="applications-heading">{t('review:overview.applicationsHeading')}</h2>
            <ul className="mt-3 grid gap-3 sm:grid-cols-3">
              {openStates.map((state) => (
                <li key={state}>
                  <Link
                    to={`/staff/applications?state=${state}`}
                    className="block rounded border-2 border-slate-400 p-4 no-underline hover:border-brand-700"
                  >
                    <span className="block text-3xl font-bold">{overview.counts[state]}</span>
                    <span className="block underline">{t(`applications:status.${state}`)}</span>
                  </Link>
                </li>
              ))}
            </ul>
            {overview.oldestSubmittedAt ? (
              <p className="mt-3">{t('review:overview.oldestWaiting', { date: formatDate(overview.oldestSubmittedAt, locale) })}</p>
            ) : null}
            <p className="mt-3">
              <Link to="/staff/applications">{t('review:overview.toQueue')}</Link>
            </p>
          </section>

          <section aria-labelledby="mine-heading" className="mt-8">
            <h2 id="mine-heading">{t('review:overview.mineHeading')}</h2>
            {overview.mine.length === 0 ? (
              <p className="mt-2">{t('review:overview.mineEmpty')}</p>
            ) : (
              <>
                <ul className="mt-2 list-disc pl-6">
                  {overview.mine.map((application) => (
                    <li key={application.id}>
                      <Link to={`/staff/applications/${application.id}`}>{application.organisation.name}</Link>
                      {application.submittedAt
                        ? ` – ${t('review:overview.submitted', { date: formatDate(application.submittedAt, locale) })}`
                        : null}
                    </li>
                  ))}
                </ul>
                <p className="mt-2">
                  <Link to="/staff/applications?state=IN_REVIEW&mine=on">{t('review:overview.mineAll', { count: overview.mineTotal })}</Link>
                </p>
              </>
            )}
          </section>

          {overview.awaitingConfirmation > 0 ? (
            <section aria-labelledby="proposals-heading" className="mt-8">
              <h2 id="proposals-heading">{t('review:overview.proposalsHeading')}</h2>
              <p className="mt-2">
                {t(isAdmin ? 'review:overview.proposalsAdmin' : 'review:overview.proposals', { count: overview.awaitingConfirmation })}
              </p>
              <p className="mt-2">
                <Link to="/staff/applications?state=IN_REVIEW&proposed=on">{t('review:overview.proposalsLink')}</Link>
              </p>
            </section>
          ) : null}
        </>
      ) : null}
    </>
  )
}
