import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Alert } from '~/components/ui/alert'
import { pageTitle } from '~/i18n.server'
import { verifyEmail } from '~/modules/accounts/service.server'
import { titleFromLoader } from '~/utils/meta'
import { redirectWithToast } from '~/utils/toast.server'

export const meta = titleFromLoader

/**
 * Opening the emailed link verifies the address. Using a token is a state change on GET, which is acceptable here:
 * the token is single-use, random and unguessable, and repeating the request changes nothing.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get('token') ?? ''
  const userId = token ? await verifyEmail(token) : null
  if (userId) return redirectWithToast('/login', { kind: 'success', message: 'toast.emailVerified' })
  return { title: await pageTitle(request, 'auth:verify.failedTitle') }
}

export default function VerifyEmail() {
  const { t } = useTranslation('auth')
  useLoaderData<typeof loader>()
  return (
    <div className="max-w-xl">
      <h1>{t('verify.failedTitle')}</h1>
      <Alert kind="error">{t('verify.failedBody')}</Alert>
      <p>
        <Link to="/login">{t('verify.toLogin')}</Link>
      </p>
    </div>
  )
}
