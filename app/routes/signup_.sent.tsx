import type { LoaderFunctionArgs } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { pageTitle } from '~/i18n.server'
import { titleFromLoader } from '~/utils/meta'

export const meta = titleFromLoader

export async function loader({ request }: LoaderFunctionArgs) {
  const email = new URL(request.url).searchParams.get('email')?.slice(0, 254) ?? ''
  return { title: await pageTitle(request, 'auth:signupSent.title'), email }
}

export default function SignupSent() {
  const { t } = useTranslation('auth')
  const { email } = useLoaderData<typeof loader>()
  return (
    <div className="max-w-xl">
      <h1>{t('signupSent.title')}</h1>
      <p className="mt-4">{email ? t('signupSent.bodyWithEmail', { email }) : t('signupSent.body')}</p>
      <p className="mt-4">{t('signupSent.notReceived')}</p>
    </div>
  )
}
