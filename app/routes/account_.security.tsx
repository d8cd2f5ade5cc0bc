import { parseWithZod } from '@conform-to/zod/v4'
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Button } from '~/components/ui/button'
import { getLocale, pageTitle } from '~/i18n.server'
import { accountSecuritySchema } from '~/modules/accounts/schema'
import { recoveryCodesLeft, resetSecondFactor } from '~/modules/accounts/second-factor.server'
import { endOtherSessions, endSession, listActiveSessions } from '~/modules/accounts/sessions.server'
import { readFormData } from '~/utils/form-data.server'
import { formatDateTime } from '~/utils/format'
import { titleFromLoader } from '~/utils/meta'
import { destroySession, forbidden, notFound, requireUser } from '~/utils/session.server'
import { redirectWithToast } from '~/utils/toast.server'

export const meta = titleFromLoader

/** Sign-in security: the user's active sessions (each can be ended) and, for staff, their authenticator. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const [sessions, locale, codesLeft] = await Promise.all([
    listActiveSessions(user.id, user.sessionId),
    getLocale(request),
    user.staffRole ? recoveryCodesLeft(user.id) : Promise.resolve(null),
  ])
  return {
    title: await pageTitle(request, 'security:title'),
    sessions: sessions.map((session) => ({
      id: session.id,
      current: session.current,
      userAgent: session.userAgent,
      createdAt: formatDateTime(session.createdAt, locale),
      lastSeenAt: formatDateTime(session.lastSeenAt, locale),
    })),
    codesLeft,
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const submission = parseWithZod(await readFormData(request), { schema: accountSecuritySchema })
  if (submission.status !== 'success') throw new Response('Bad Request', { status: 400 })
  const input = submission.value
  if (input.intent === 'endSession') {
    if (input.sessionId === user.sessionId) {
      return redirectWithToast('/', { kind: 'info', message: 'toast.loggedOut' }, { 'Set-Cookie': await destroySession(request) })
    }
    if (!(await endSession(user.id, input.sessionId))) notFound()
    return redirectWithToast('/account/security', { kind: 'success', message: 'security:toast.sessionEnded' })
  }
  if (input.intent === 'endOtherSessions') {
    await endOtherSessions(user.id, user.sessionId)
    return redirectWithToast('/account/security', { kind: 'success', message: 'security:toast.otherSessionsEnded' })
  }
  if (!user.staffRole) forbidden({ actorId: user.id, route: '/account/security', reason: 'second factor reset by a non-staff user' })
  await resetSecondFactor(user.id, user.id, user.sessionId)
  throw redirect('/login/second-factor-setup')
}

export default function AccountSecurity() {
  const { t } = useTranslation('security')
  const { sessions, codesLeft } = useLoaderData<typeof loader>()
  const others = sessions.filter((session) => !session.current).length
  return (
    <>
      <h1>{t('title')}</h1>
      <p className="mt-2">
        <Link to="/account">{t('common:account.title')}</Link>
      </p>
      <h2 className="mt-8">{t('sessions.title')}</h2>
      <p className="mt-2">{t('sessions.intro')}</p>
      <ul className="mt-4 max-w-3xl space-y-4">
        {sessions.map((session) => (
          <li key={session.id} className="rounded border-2 border-slate-300 p-4">
            <p className="font-semibold">
              {session.userAgent ?? t('sessions.unknownBrowser')}
              {session.current ? ` (${t('sessions.current')})` : ''}
            </p>
            <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4">
              <dt>{t('sessions.created')}</dt>
              <dd>{session.createdAt}</dd>
              <dt>{t('sessions.lastSeen')}</dt>
              <dd>{session.lastSeenAt}</dd>
            </dl>
            {session.current ? null : (
              <Form method="post" className="mt-3">
                <input type="hidden" name="intent" value="endSession" />
                <input type="hidden" name="sessionId" value={session.id} />
                <Button variant="secondary" aria-label={t('sessions.endNamed', { browser: session.userAgent ?? t('sessions.unknownBrowser'), lastSeen: session.lastSeenAt })}>
                  {t('sessions.end')}
                </Button>
              </Form>
            )}
          </li>
        ))}
      </ul>
      {others > 0 ? (
        <Form method="post" className="mt-6">
          <input type="hidden" name="intent" value="endOtherSessions" />
          <Button variant="danger">{t('sessions.endOthers')}</Button>
        </Form>
      ) : null}
      {codesLeft !== null ? (
        <>
          <h2 className="mt-10">{t('authenticator.title')}</h2>
          <p className="mt-2">{t('authenticator.inUse')}</p>
          <p className="mt-2">{t('authenticator.codesLeft', { count: codesLeft })}</p>
          <p className="mt-2">{t('authenticator.resetHint')}</p>
          <Form method="post" className="mt-4">
            <input type="hidden" name="intent" value="resetSecondFactor" />
            <Button variant="secondary">{t('authenticator.reset')}</Button>
          </Form>
        </>
      ) : null}
    </>
  )
}
