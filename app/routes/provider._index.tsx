import type { LoaderFunctionArgs } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { pageTitle } from '~/i18n.server'
import { listOwnOrganisations } from '~/modules/organisations/membership.server'
import { titleFromLoader } from '~/utils/meta'
import { requireUser } from '~/utils/session.server'

export const meta = titleFromLoader

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  return {
    title: await pageTitle(request, 'provider.title'),
    organisations: await listOwnOrganisations(user.id),
  }
}

export default function ProviderHome() {
  const { t } = useTranslation()
  const { organisations } = useLoaderData<typeof loader>()
  return (
    <>
      <h1>{t('provider.title')}</h1>
      {organisations.length === 0 ? (
        <p className="mt-4">{t('provider.noOrganisation')}</p>
      ) : (
        <ul className="mt-4 list-disc pl-6">
          {organisations.map((membership) => (
            <li key={membership.organisation.id}>
              {membership.organisation.name} ({membership.organisation.businessId}) – {t(`memberRoles.${membership.role}`)}
            </li>
          ))}
        </ul>
      )}
    </>
  )
}
