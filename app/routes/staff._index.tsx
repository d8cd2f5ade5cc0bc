import type { LoaderFunctionArgs } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { pageTitle } from '~/i18n.server'
import { titleFromLoader } from '~/utils/meta'
import { requirePermission } from '~/utils/session.server'

export const meta = titleFromLoader

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'staff:access')
  return { title: await pageTitle(request, 'staff.title'), role: user.role }
}

export default function StaffHome() {
  const { t } = useTranslation()
  const { role } = useLoaderData<typeof loader>()
  return (
    <>
      <h1>{t('staff.title')}</h1>
      <p className="mt-4">{t('staff.intro', { role: t(`roles.${role}`) })}</p>
    </>
  )
}
