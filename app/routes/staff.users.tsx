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
import { SelectField } from '~/components/ui/select-field'
import { Table } from '~/components/ui/table'
import { pageTitle } from '~/i18n.server'
import { setStaffRoleSchema, staffRoles, staffUserIdSchema, staffUserSchema } from '~/modules/accounts/schema'
import {
  createStaffUser,
  deactivateStaffUser,
  listStaffUsers,
  reactivateStaffUser,
  resetStaffSecondFactor,
  setStaffRole,
  type StaffUserChangeResult,
} from '~/modules/accounts/service.server'
import { readFormData } from '~/utils/form-data.server'
import { titleFromLoader } from '~/utils/meta'
import { forbidden, requirePermission } from '~/utils/session.server'
import { redirectWithToast } from '~/utils/toast.server'

export const meta = titleFromLoader

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requirePermission(request, 'staff-user:manage')
  return { title: await pageTitle(request, 'staffUsers.title'), users: await listStaffUsers(), currentUserId: admin.id }
}

const back = '/staff/users'

/** A refused change of a staff account, as a message above the list (an ex-admin acting gets 403). */
function refused(result: Extract<StaffUserChangeResult, { ok: false }>) {
  if (result.error === 'forbidden') forbidden()
  const message = {
    self: 'admin:errors.self',
    lastAdmin: 'admin:errors.lastAdmin',
    notFound: 'admin:errors.staffUserNotFound',
    alreadyDeactivated: 'admin:errors.alreadyDeactivated',
    notDeactivated: 'admin:errors.notDeactivated',
  }[result.error]
  return data({ error: message }, { status: 400 })
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requirePermission(request, 'staff-user:manage')
  const formData = await readFormData(request)
  const intent = formData.get('intent')

  if (intent === 'set-role') {
    const parsed = setStaffRoleSchema.safeParse(Object.fromEntries(formData))
    if (!parsed.success) return data({ error: 'admin:errors.chooseRole' }, { status: 400 })
    const result = await setStaffRole(admin.id, parsed.data.userId, parsed.data.role)
    if (!result.ok) return refused(result)
    return redirectWithToast(back, { kind: 'success', message: result.changed ? 'admin:toast.roleChanged' : 'admin:toast.noChanges' })
  }

  if (intent === 'deactivate' || intent === 'reactivate') {
    const parsed = staffUserIdSchema.safeParse(Object.fromEntries(formData))
    if (!parsed.success) return data({ error: 'admin:errors.staffUserNotFound' }, { status: 400 })
    const result =
      intent === 'deactivate'
        ? await deactivateStaffUser(admin.id, parsed.data.userId)
        : await reactivateStaffUser(admin.id, parsed.data.userId)
    if (!result.ok) return refused(result)
    return redirectWithToast(back, { kind: 'success', message: intent === 'deactivate' ? 'admin:toast.deactivated' : 'admin:toast.reactivated' })
  }

  if (intent === 'reset-second-factor') {
    const parsed = staffUserIdSchema.safeParse(Object.fromEntries(formData))
    if (!parsed.success) return data({ error: 'admin:errors.staffUserNotFound' }, { status: 400 })
    const result = await resetStaffSecondFactor(admin.id, parsed.data.userId)
    if (!result.ok) return refused(result)
    return redirectWithToast(back, { kind: 'success', message: 'admin:toast.secondFactorReset' })
  }

  const submission = parseWithZod(formData, { schema: staffUserSchema })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  const result = await createStaffUser(admin.id, submission.value)
  if (!result.ok) {
    return data({ result: submission.reply({ fieldErrors: { email: ['errors.emailTaken'] } }) }, { status: 400 })
  }
  return redirectWithToast(back, { kind: 'success', message: 'toast.staffUserCreated' })
}

type StaffUser = Awaited<ReturnType<typeof loader>>['users'][number]

function UserActions({ user }: { user: StaffUser }) {
  const { t } = useTranslation()
  const roleId = `role-${user.id}`
  return (
    <div className="flex flex-wrap items-end gap-3">
      <Form method="post" className="flex flex-wrap items-end gap-2">
        <input type="hidden" name="intent" value="set-role" />
        <input type="hidden" name="userId" value={user.id} />
        <div>
          <label htmlFor={roleId} className="block text-sm font-semibold">
            {t('admin:users.roleOf', { name: user.name })}
          </label>
          <select
            id={roleId}
            name="role"
            defaultValue={user.staffRole ?? 'REVIEWER'}
            className="mt-1 rounded border-2 border-slate-600 bg-white px-2 py-1"
          >
            {staffRoles.map((role) => (
              <option key={role} value={role}>
                {t(role === 'ADMIN' ? 'roles.staff_admin' : 'roles.staff_reviewer')}
              </option>
            ))}
          </select>
        </div>
        <Button variant="secondary">
          {t('admin:users.changeRole')}
          <span className="sr-only">: {user.name}</span>
        </Button>
      </Form>
      <Form method="post">
        <input type="hidden" name="intent" value={user.deactivatedAt ? 'reactivate' : 'deactivate'} />
        <input type="hidden" name="userId" value={user.id} />
        <Button variant={user.deactivatedAt ? 'secondary' : 'danger'}>
          {t(user.deactivatedAt ? 'admin:users.reactivate' : 'admin:users.deactivate')}
          <span className="sr-only">: {user.name}</span>
        </Button>
      </Form>
      <Form method="post">
        <input type="hidden" name="intent" value="reset-second-factor" />
        <input type="hidden" name="userId" value={user.id} />
        <Button variant="secondary">
          {t('admin:users.resetSecondFactor')}
          <span className="sr-only">: {user.name}</span>
        </Button>
      </Form>
    </div>
  )
}

export default function StaffUsers() {
  const { t } = useTranslation()
  const { users, currentUserId } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [form, fields] = useForm({
    id: 'staff-user',
    lastResult: actionData && 'result' in actionData ? actionData.result : undefined,
    defaultValue: { role: 'REVIEWER', locale: 'sv' },
    constraint: getZodConstraint(staffUserSchema),
    shouldValidate: 'onBlur',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: staffUserSchema }),
  })
  const error = actionData && 'error' in actionData ? actionData.error : undefined
  return (
    <>
      <h1>{t('staffUsers.title')}</h1>
      <p className="mt-2 max-w-3xl">{t('admin:users.intro')}</p>
      {error ? (
        <div className="mt-4">
          <Alert kind="error">{t(error)}</Alert>
        </div>
      ) : null}
      <div className="mt-6">
        <Table caption={t('staffUsers.listCaption')}>
          <thead>
            <tr>
              <th scope="col">{t('account.name')}</th>
              <th scope="col">{t('account.email')}</th>
              <th scope="col">{t('account.role')}</th>
              <th scope="col">{t('staffUsers.status')}</th>
              <th scope="col">{t('admin:users.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {users.map((user) => (
              <tr key={user.id}>
                <td>{user.name}</td>
                <td>{user.email}</td>
                <td>{t(user.staffRole === 'ADMIN' ? 'roles.staff_admin' : 'roles.staff_reviewer')}</td>
                <td>
                  {t(user.deactivatedAt ? 'staffUsers.deactivated' : user.emailVerifiedAt ? 'staffUsers.active' : 'staffUsers.invited')}
                </td>
                <td>{user.id === currentUserId ? t('admin:users.you') : <UserActions user={user} />}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      </div>
      <section aria-labelledby="new-staff-user" className="mt-10 max-w-xl">
        <h2 id="new-staff-user">{t('staffUsers.createTitle')}</h2>
        <p className="mt-2 mb-6">{t('staffUsers.createIntro')}</p>
        <ErrorSummary errors={summaryErrors(form, fields)} />
        <Form method="post" {...getFormProps(form)}>
          <input type="hidden" name="intent" value="create" />
          <Field meta={fields.name} label={t('account.name')} autoComplete="off" />
          <Field meta={fields.email} type="email" label={t('account.email')} autoComplete="off" />
          <SelectField
            meta={fields.role}
            label={t('account.role')}
            options={staffRoles.map((role) => ({ value: role, label: t(role === 'ADMIN' ? 'roles.staff_admin' : 'roles.staff_reviewer') }))}
          />
          <SelectField
            meta={fields.locale}
            label={t('staffUsers.language')}
            options={[
              { value: 'sv', label: 'Svenska' },
              { value: 'fi', label: 'Suomi' },
              { value: 'en', label: 'English' },
            ]}
          />
          <Button>{t('staffUsers.create')}</Button>
        </Form>
      </section>
    </>
  )
}
