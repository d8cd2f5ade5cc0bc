import { getFormProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { summaryErrors } from '~/components/form-errors'
import { Alert } from '~/components/ui/alert'
import { Button } from '~/components/ui/button'
import { ErrorSummary } from '~/components/ui/error-summary'
import { Field } from '~/components/ui/field'
import { RadioGroup } from '~/components/ui/radio-group'
import { Table } from '~/components/ui/table'
import { getLocale, pageTitle } from '~/i18n.server'
import { rateLimitReached } from '~/modules/organisations/invite-limit.server'
import { changeRoleSchema, invitationSchema, invitationValidDays, memberRoles } from '~/modules/organisations/schema'
import {
  cancelInvitation,
  changeRole,
  inviteMember,
  listMembers,
  removeMember,
} from '~/modules/organisations/service.server'
import { readFormData } from '~/utils/form-data.server'
import { formatDate } from '~/utils/format'
import { titleFromLoader } from '~/utils/meta'
import { forbidden, notFound, requireOrganisationPermission } from '~/utils/session.server'
import { redirectWithToast } from '~/utils/toast.server'

export const meta = titleFromLoader

export async function loader({ request, params }: LoaderFunctionArgs) {
  const owner = await requireOrganisationPermission(request, params.orgId ?? '', 'organisation:manage-members')
  const [{ members, invitations }, locale] = await Promise.all([listMembers(owner), getLocale(request)])
  return {
    title: await pageTitle(request, 'organisation:members.title'),
    locale,
    members: members.map((member) => ({
      id: member.id,
      role: member.role,
      name: member.user.name,
      email: member.user.email,
      isYou: member.user.id === owner.id,
    })),
    invitations: invitations.map((invitation) => ({
      id: invitation.id,
      email: invitation.email,
      role: invitation.role,
      expiresAt: invitation.expiresAt,
      invitedBy: invitation.invitedBy.name,
    })),
  }
}

type MemberChangeError = 'notOwner' | 'notFound' | 'lastOwner'

/** Turns a refused member change into a response: another organisation's ids are simply not found. */
function refused(error: MemberChangeError) {
  if (error === 'notOwner') forbidden()
  if (error === 'notFound') notFound()
  return data({ error: 'organisation:errors.lastOwner' }, { status: 400 })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const owner = await requireOrganisationPermission(request, params.orgId ?? '', 'organisation:manage-members')
  const formData = await readFormData(request)
  const intent = formData.get('intent')
  const back = `/provider/${owner.organisationId}/members`

  if (intent === 'invite') {
    const submission = parseWithZod(formData, { schema: invitationSchema })
    if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
    if (await rateLimitReached(owner.organisationId)) {
      return data({ result: submission.reply({ formErrors: ['errors.tooManyAttempts'] }) }, { status: 429 })
    }
    const result = await inviteMember(owner, submission.value, await getLocale(request))
    if (!result.ok) {
      if (result.error === 'notOwner') forbidden()
      return data({ result: submission.reply({ fieldErrors: { email: ['organisation:errors.alreadyMember'] } }) }, { status: 400 })
    }
    return redirectWithToast(back, { kind: 'success', message: 'organisation:toast.invited' })
  }

  if (intent === 'change-role') {
    const parsed = changeRoleSchema.safeParse(Object.fromEntries(formData))
    if (!parsed.success) return data({ error: 'organisation:errors.chooseRole' }, { status: 400 })
    const result = await changeRole(owner, parsed.data.membershipId, parsed.data.role)
    if (!result.ok) return refused(result.error)
    return redirectWithToast(back, { kind: 'success', message: 'organisation:toast.roleChanged' })
  }

  if (intent === 'remove') {
    const result = await removeMember(owner, String(formData.get('membershipId') ?? ''))
    if (!result.ok) return refused(result.error)
    return redirectWithToast(back, { kind: 'success', message: 'organisation:toast.memberRemoved' })
  }

  if (intent === 'cancel-invitation') {
    const result = await cancelInvitation(owner, String(formData.get('invitationId') ?? ''))
    if (!result.ok) return refused(result.error)
    return redirectWithToast(back, { kind: 'success', message: 'organisation:toast.invitationCancelled' })
  }

  return data({ error: 'organisation:errors.unknownAction' }, { status: 400 })
}

export default function Members() {
  const { t } = useTranslation('organisation')
  const { members, invitations, locale } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [form, fields] = useForm({
    id: 'invite',
    lastResult: actionData && 'result' in actionData ? actionData.result : undefined,
    defaultValue: { role: 'EDITOR' },
    constraint: getZodConstraint(invitationSchema),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: invitationSchema }),
  })
  const error = actionData && 'error' in actionData ? actionData.error : undefined
  return (
    <>
      <h1>{t('members.title')}</h1>
      <p className="mt-2 max-w-3xl">{t('members.intro')}</p>
      {error ? (
        <div className="mt-4">
          <Alert kind="error">{t(error)}</Alert>
        </div>
      ) : null}

      <div className="mt-6">
        <Table caption={t('members.listCaption')}>
          <thead>
            <tr>
              <th scope="col">{t('members.name')}</th>
              <th scope="col">{t('members.email')}</th>
              <th scope="col">{t('members.role')}</th>
              <th scope="col">{t('members.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {members.map((member) => (
              <tr key={member.id}>
                <td>
                  {member.name} {member.isYou ? t('members.you') : null}
                </td>
                <td>{member.email}</td>
                <td>{t(`roles.${member.role}`)}</td>
                <td>
                  {member.isYou ? (
                    <span>{t('members.leaveOnOverview')}</span>
                  ) : (
                    <div className="flex flex-wrap items-end gap-3">
                      <Form method="post" className="flex flex-wrap items-end gap-2">
                        <input type="hidden" name="intent" value="change-role" />
                        <input type="hidden" name="membershipId" value={member.id} />
                        <div>
                          <label htmlFor={`role-${member.id}`} className="block text-sm font-semibold">
                            {t('members.roleOf', { name: member.name })}
                          </label>
                          <select
                            id={`role-${member.id}`}
                            name="role"
                            defaultValue={member.role}
                            className="mt-1 rounded border-2 border-slate-600 bg-white px-2 py-1"
                          >
                            {memberRoles.map((role) => (
                              <option key={role} value={role}>
                                {t(`roles.${role}`)}
                              </option>
                            ))}
                          </select>
                        </div>
                        <Button variant="secondary">
                          {t('members.changeRole')}
                          <span className="sr-only">: {member.name}</span>
                        </Button>
                      </Form>
                      <Form method="post">
                        <input type="hidden" name="intent" value="remove" />
                        <input type="hidden" name="membershipId" value={member.id} />
                        <Button variant="danger">
                          {t('members.remove')}
                          <span className="sr-only">: {member.name}</span>
                        </Button>
                      </Form>
                    </div>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      </div>

      <section aria-labelledby="invitations-title" className="mt-10">
        <h2 id="invitations-title">{t('members.invitationsTitle')}</h2>
        {invitations.length === 0 ? (
          <p className="mt-2">{t('members.noInvitations')}</p>
        ) : (
          <div className="mt-3">
            <Table caption={t('members.invitationsTitle')} captionHidden>
              <thead>
                <tr>
                  <th scope="col">{t('members.email')}</th>
                  <th scope="col">{t('members.role')}</th>
                  <th scope="col">{t('members.validUntil')}</th>
                  <th scope="col">{t('members.invitedBy')}</th>
                  <th scope="col">{t('members.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {invitations.map((invitation) => (
                  <tr key={invitation.id}>
                    <td>{invitation.email}</td>
                    <td>{t(`roles.${invitation.role}`)}</td>
                    <td>{formatDate(invitation.expiresAt, locale)}</td>
                    <td>{invitation.invitedBy}</td>
                    <td>
                      <Form method="post">
                        <input type="hidden" name="intent" value="cancel-invitation" />
                        <input type="hidden" name="invitationId" value={invitation.id} />
                        <Button variant="secondary">
                          {t('members.cancelInvitation')}
                          <span className="sr-only">: {invitation.email}</span>
                        </Button>
                      </Form>
                    </td>
                  </tr>
                ))}
              </tbody>
            </Table>
          </div>
        )}
      </section>

      <section aria-labelledby="invite-title" className="mt-10 max-w-xl">
        <h2 id="invite-title">{t('members.inviteTitle')}</h2>
        <p className="mt-2 mb-6">{t('members.inviteIntro', { days: invitationValidDays })}</p>
        <ErrorSummary errors={summaryErrors(form, fields)} />
        <Form method="post" {...getFormProps(form)}>
          <input type="hidden" name="intent" value="invite" />
          <Field meta={fields.email} type="email" label={t('members.inviteEmail')} autoComplete="off" spellCheck={false} />
          <RadioGroup
            meta={fields.role}
            legend={t('members.role')}
            options={memberRoles.map((role) => ({ value: role, label: t(`roles.${role}`), hint: t(`roleHints.${role}`) }))}
          />
          <Button>{t('members.invite')}</Button>
        </Form>
      </section>
    </>
  )
}
