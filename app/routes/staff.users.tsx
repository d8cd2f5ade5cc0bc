import { getFormProps, getSelectProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { summaryErrors } from '~/components/form-errors'
import { Button } from '~/components/ui/button'
import { ErrorSummary } from '~/components/ui/error-summary'
import { Field } from '~/components/ui/field'
import { Table } from '~/components/ui/table'
import { pageTitle } from '~/i18n.server'
import { staffUserSchema } from '~/modules/accounts/schema'
import { createStaffUser, listStaffUsers } from '~/modules/accounts/service.server'
import { titleFromLoader } from '~/utils/meta'
import { requirePermission } from '~/utils/session.server'
import { redirectWithToast } from '~/utils/toast.server'

export const meta = titleFromLoader

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'staff-user:manage')
  return { title: await pageTitle(request, 'staffUsers.title'), users: await listStaffUsers() }
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requirePermission(request, 'staff-user:manage')
  const submission = parseWithZod(await request.formData(), { schema: staffUserSchema })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  const result = await createStaffUser(admin.id, submission.value)
  if (!result.ok) {
    return data({ result: submission.reply({ fieldErrors: { email: ['errors.emailTaken'] } }) }, { status: 400 })
  }
  return redirectWithToast('/staff/users', { kind: 'success', message: 'toast.staffUserCreated' })
}

function SelectField({ id, name, label, errors, options, defaultValue }: {
  id: string
  name: string
  label: string
  errors?: string[]
  options: { value: string; label: string }[]
  defaultValue?: string
}) {
  const { t } = useTranslation()
  const errorId = errors?.length ? `${id}-error` : undefined
  return (
    <div className="mb-5">
      <label htmlFor={id} className="block font-semibold">
        {label}
      </label>
      {errorId ? (
        <p id={errorId} className="mt-1 font-semibold text-red-700">
          {errors?.map((error) => t(error)).join(' ')}
        </p>
      ) : null}
      <select
        id={id}
        name={name}
        defaultValue={defaultValue}
        aria-describedby={errorId}
        aria-invalid={errorId ? true : undefined}
        className="mt-1 block rounded border-2 border-slate-600 px-3 py-2"
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  )
}

export default function StaffUsers() {
  const { t } = useTranslation()
  const { users } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [form, fields] = useForm({
    id: 'staff-user',
    lastResult: actionData?.result,
    constraint: getZodConstraint(staffUserSchema),
    shouldValidate: 'onBlur',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: staffUserSchema }),
  })
  const roleProps = getSelectProps(fields.role)
  const localeProps = getSelectProps(fields.locale)
  return (
    <>
      <h1>{t('staffUsers.title')}</h1>
      <div className="mt-6">
        <Table caption={t('staffUsers.listCaption')}>
          <thead>
            <tr>
              <th scope="col">{t('account.name')}</th>
              <th scope="col">{t('account.email')}</th>
              <th scope="col">{t('account.role')}</th>
              <th scope="col">{t('staffUsers.status')}</th>
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
          <Field meta={fields.name} label={t('account.name')} autoComplete="off" />
          <Field meta={fields.email} type="email" label={t('account.email')} autoComplete="off" />
          <SelectField
            id={roleProps.id}
            name={fields.role.name}
            label={t('account.role')}
            errors={fields.role.errors}
            defaultValue={fields.role.initialValue ?? 'REVIEWER'}
            options={[
              { value: 'REVIEWER', label: t('roles.staff_reviewer') },
              { value: 'ADMIN', label: t('roles.staff_admin') },
            ]}
          />
          <SelectField
            id={localeProps.id}
            name={fields.locale.name}
            label={t('staffUsers.language')}
            errors={fields.locale.errors}
            defaultValue={fields.locale.initialValue ?? 'sv'}
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
