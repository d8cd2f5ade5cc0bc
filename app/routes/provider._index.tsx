import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Alert } from '~/components/ui/alert'
import { Button } from '~/components/ui/button'
import { getLocale, pageTitle } from '~/i18n.server'
import { listOwnOrganisations } from '~/modules/organisations/membership.server'
import { acceptInvitation, listPendingInvitations } from '~/modules/organisations/service.server'
import { readFormData } from '~/utils/form-data.server'
import { formatDate } from '~/utils/format'
import { titleFromLoader } from '~/utils/meta'
import { forbidden, requireUser } from '~/utils/session.server'
import { redirectWithToast } from '~/utils/toast.server'

export const meta = titleFromLoader

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const isStaff = Boolean(user.staffRole)
  const [organisations, invitations, locale] = await Promise.all([
    listOwnOrganisations(user.id),
    isStaff ? [] : listPendingInvitations(user),
    getLocale(request),
  ])
  return {
    title: await pageTitle(request, 'provider.title'),
    locale,
    isStaff,
    organisations,
    invitations: invitations.map((invitation) => ({
      id: invitation.id,
      role: invitation.role,
      expiresAt: invitation.expiresAt,
      organisation: invitation.organisation.name,
      inviter: invitation.invitedBy.name,
    })),
  }
}

/** Accepts one of the invitations listed here (sent to the signed-in user's own address). */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request)
  if (user.staffRole) forbidden()
  const form = await readFormData(request)
  const invitationId = form.get('invitationId')
  if (form.get('intent') !== 'accept-invitation' || typeof invitationId !== 'string' || !invitationId) {
    return data({ error: 'organisation:errors.unknownAction' }, { status: 400 })
  }
  const result = await acceptInvitation(user.id, { invitationId })
  if (!result.ok) {
    if (result.error === 'staffCannotJoin') forbidden()
    return data({ error: 'organisation:errors.invitationInvalid' }, { status: 400 })
  }
  return redirectWithToast(`/provider/${result.organisationId}`, { kind: 'success', message: 'organisation:toast.joined' })
}

export default function ProviderHome() {
  const { t } = useTranslation('organisation')
  const { organisations, invitations, isStaff, locale } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  return (
    <>
      <h1>{t('common:provider.title')}</h1>
      <p className="mt-2 max-w-3xl">{t('home.intro')}</p>
      {actionData?.error ? (
        <div className="mt-4">
          <Alert kind="error">{t(actionData.error)}</Alert>
        </div>
      ) : null}

      {invitations.length > 0 ? (
        <section aria-labelledby="invitations-title" className="mt-8 max-w-3xl">
          <h2 id="invitations-title">{t('home.invitationsTitle')}</h2>
          <ul className="mt-3 space-y-4">
            {invitations.map((invitation) => (
              <li key={invitation.id} className="rounded border-2 border-brand-600 p-4">
                <p>
                  {t('home.invitation', {
                    inviter: invitation.inviter,
                    organisation: invitation.organisation,
                    role: t(`common:memberRoles.${invitation.role}`),
                  })}{' '}
                  {t('home.validUntil', { date: formatDate(invitation.expiresAt, locale) })}
                </p>
                <Form method="post" className="mt-3">
                  <input type="hidden" name="intent" value="accept-invitation" />
                  <input type="hidden" name="invitationId" value={invitation.id} />
                  <Button>
                    {t('home.accept')}
                    <span className="sr-only">: {invitation.organisation}</span>
                  </Button>
                </Form>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="organisations-title" className="mt-8 max-w-3xl">
        <h2 id="organisations-title">{t('home.organisationsTitle')}</h2>
        {organisations.length === 0 ? (
          <p className="mt-2">{t('common:provider.noOrganisation')}</p>
        ) : (
          <ul className="mt-3 space-y-2">
            {organisations.map((membership) => (
              <li key={membership.organisation.id}>
                <Link to={`/provider/${membership.organisation.id}`} className="font-semibold">
                  {membership.organisation.name}
                </Link>
                <span className="block text-sm text-slate-700 sm:ml-2 sm:inline">
                  {t('home.businessId', { businessId: membership.organisation.businessId })} ·{' '}
                  {t(`roles.${membership.role}`)}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="create-title" className="mt-8 max-w-3xl">
        <h2 id="create-title">{t('home.createTitle')}</h2>
        {isStaff ? (
          <p className="mt-2">{t('home.staffCannotCreate')}</p>
        ) : (
          <>
            <p className="mt-2">{t('home.createIntro')}</p>
            <p className="mt-2">{t('home.alreadyRegistered')}</p>
            <p className="mt-4">
              <Link to="/provider/organisations/new" className="font-semibold">
                {t('home.create')}
              </Link>
            </p>
          </>
        )}
      </section>
    </>
  )
}
