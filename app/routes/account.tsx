import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { pageTitle } from '~/i18n.server'
import { titleFromLoader } from '~/utils/meta'
import { staffRole } from '~/utils/permissions'
import { requireUser } from '~/utils/session.server'

export const meta = titleFromLoader

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  return {
    title: await pageTitle(request, 'account.title'),
    user: { name: user.name, email: user.email, role: staffRole(user.staffRole) },
  }
}

export default function Account() {
  const { t } = useTranslation()
  const { user } = useLoaderData<typeof loader>()
  return (
    <>
      <h1>{t('account.title')}</h1>
      <dl className="mt-6 grid max-w-xl grid-cols-[auto_1fr] gap-x-6 gap-y-2">
        <dt className="font-semibold">{t('account.name')}</dt>
        <dd>{user.name}</dd>
        <dt className="font-semibold">{t('account.email')}</dt>
        <dd>{user.email}</dd>
        <dt className="font-semibold">{t('account.role')}</dt>
        <dd>{t(`roles.${user.role ?? 'provider'}`)}</dd>
      </dl>
      <p className="mt-6">
        <Link to="/account/security">{t('security:title')}</Link>
      </p>
    </>
  )
}
