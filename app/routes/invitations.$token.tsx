import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Alert } from '~/components/ui/alert'
import { Button } from '~/components/ui/button'
import { getLocale, pageTitle } from '~/i18n.server'
import { acceptInvitation, describeInvitation } from '~/modules/organisations/service.server'
import { formatDate } from '~/utils/format'
import { titleFromLoader } from '~/utils/meta'
import { forbidden, requireUser } from '~/utils/session.server'
import { redirectWithToast } from '~/utils/toast.server'

export const meta = titleFromLoader

/**
 * The link in an invitation email. Anonymous visitors log in first (and come back here); the signed-in user sees
 * the invitation only when it was sent to their own address.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const [invitation, locale] = await Promise.all([describeInvitation(user.id, params.token ?? ''), getLocale(request)])
  return {
    title: await pageTitle(request, 'organisation:invitation.title'),
    invitation,
    email: user.email,
    locale,
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const denial = { actorId: user.id, route: '/invitations/:token', reason: 'staff cannot join an organisation' }
  if (user.staffRole) forbidden(denial)
  const result = await acceptInvitation(user.id, { token: params.token ?? '' })
  if (!result.ok) {
    if (result.error === 'staffCannotJoin') forbidden(denial)
    const error = result.error === 'wrongUser' ? 'organisation:errors.invitationWrongUser' : 'organisation:errors.invitationInvalid'
    return data({ error }, { status: 400 })
  }
  return redirectWithToast(`/provider/${result.organisationId}`, {
    kind: 'success',
    message: result.alreadyMember ? 'organisation:toast.alreadyMember' : 'organisation:toast.joined',
  })
}

export default function Invitation() {
  const { t } = useTranslation('organisation')
  const { invitation, email, locale } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  return (
    <div className="max-w-2xl">
      <h1>{t('invitation.title')}</h1>
      {actionData?.error ? (
        <div className="mt-4">
          <Alert kind="error">{t(actionData.error)}</Alert>
        </div>
      ) : null}
      {invitation.state === 'open' ? (
        <>
          <p className="mt-4">
            {t('invitation.open', {
              inviter: invitation.inviterName,
              organisation: invitation.organisationName,
              role: t(`common:memberRoles.${invitation.role}`),
            })}
          </p>
          <p className="mt-2">{t(`roleHints.${invitation.role}`)}</p>
          <p className="mt-2">{t('home.validUntil', { date: formatDate(invitation.expiresAt, locale) })}</p>
          <Form method="post" className="mt-6">
            <Button>{t('home.accept')}</Button>
          </Form>
        </>
      ) : invitation.state === 'alreadyMember' ? (
        <>
          <p className="mt-4">{t('invitation.alreadyMember', { organisation: invitation.organisationName })}</p>
          <p className="mt-4">
            <Link to={`/provider/${invitation.organisationId}`}>{t('invitation.toOrganisation')}</Link>
          </p>
        </>
      ) : invitation.state === 'wrongUser' ? (
        <>
          <p className="mt-4">{t('invitation.wrongUser', { email })}</p>
          <Form method="post" action="/logout" className="mt-4">
            <Button variant="secondary">{t('invitation.logOut')}</Button>
          </Form>
        </>
      ) : invitation.state === 'staff' ? (
        <p className="mt-4">{t('errors.staffCannotJoin')}</p>
      ) : (
        <>
          <p className="mt-4">{t('errors.invitationInvalid')}</p>
          <p className="mt-4">
            <Link to="/provider">{t('invitation.toProvider')}</Link>
          </p>
        </>
      )}
    </div>
  )
}
