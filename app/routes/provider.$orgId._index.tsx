import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Alert } from '~/components/ui/alert'
import { Button } from '~/components/ui/button'
import { getLocale, pageTitle } from '~/i18n.server'
import { municipalityName } from '~/modules/organisations/municipality-name'
import { descriptionField, descriptionLanguages } from '~/modules/organisations/schema'
import { getOrganisation, isOnlyOwner, leaveOrganisation } from '~/modules/organisations/service.server'
import { readFormData } from '~/utils/form-data.server'
import { titleFromLoader } from '~/utils/meta'
import { can } from '~/utils/permissions'
import { notFound, requireOrganisationPermission } from '~/utils/session.server'
import { redirectWithToast } from '~/utils/toast.server'

export const meta = titleFromLoader

export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireOrganisationPermission(request, params.orgId ?? '', 'organisation:view')
  const [organisation, onlyOwner, locale] = await Promise.all([getOrganisation(member), isOnlyOwner(member), getLocale(request)])
  if (!organisation) notFound()
  const { municipality, ...details } = organisation
  return {
    title: await pageTitle(request, 'organisation:overview.title', { organisation: organisation.name }),
    organisation: { ...details, municipalityName: municipalityName(municipality, locale) },
    role: member.role,
    onlyOwner,
  }
}

/** Every member may leave the organisation here, except its last owner. */
export async function action({ request, params }: ActionFunctionArgs) {
  const member = await requireOrganisationPermission(request, params.orgId ?? '', 'organisation:view')
  const form = await readFormData(request)
  if (form.get('intent') !== 'leave') return data({ error: 'organisation:errors.unknownAction' }, { status: 400 })
  const result = await leaveOrganisation(member)
  if (!result.ok) {
    if (result.error === 'notFound') notFound()
    return data({ error: 'organisation:errors.lastOwner' }, { status: 400 })
  }
  return redirectWithToast('/provider', { kind: 'success', message: 'organisation:toast.left' })
}

function Detail({ term, children }: { term: string; children: ReactNode }) {
  return (
    <>
      <dt className="font-semibold">{term}</dt>
      <dd className="mb-2 sm:mb-0">{children}</dd>
    </>
  )
}

export default function OrganisationOverview() {
  const { t } = useTranslation('organisation')
  const { organisation, role, onlyOwner } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const editLink = `/provider/${organisation.id}/edit`
  return (
    <>
      <h1>{organisation.name}</h1>
      {actionData?.error ? (
        <div className="mt-4">
          <Alert kind="error">{t(actionData.error)}</Alert>
        </div>
      ) : null}

      <section aria-labelledby="details-title" className="mt-6">
        <h2 id="details-title">{t('overview.detailsTitle')}</h2>
        <dl className="mt-3 grid max-w-2xl gap-x-6 sm:grid-cols-[auto_1fr] sm:gap-y-2">
          <Detail term={t('fields.businessId')}>{organisation.businessId}</Detail>
          <Detail term={t('fields.legalForm')}>{t(`legalForms.${organisation.legalForm}`)}</Detail>
          <Detail term={t('fields.sector')}>{t(`sectors.${organisation.sector}`)}</Detail>
          <Detail term={t('overview.employsStaff')}>{t(organisation.employsStaff ? 'overview.yes' : 'overview.no')}</Detail>
          <Detail term={t('fields.addressLegend')}>
            {organisation.streetAddress}, {organisation.postalCode} {organisation.postOffice}
          </Detail>
          <Detail term={t('fields.municipality')}>{organisation.municipalityName}</Detail>
          <Detail term={t('fields.phone')}>{organisation.phone}</Detail>
          <Detail term={t('fields.email')}>{organisation.email}</Detail>
          <Detail term={t('overview.website')}>
            {organisation.website ? (
              <a href={organisation.website} rel="noopener noreferrer">
                {organisation.website}
              </a>
            ) : (
              t('overview.notGiven')
            )}
          </Detail>
        </dl>
        {can(role, 'organisation:edit') ? (
          <p className="mt-4">
            <Link to={editLink}>{t('overview.edit')}</Link>
          </p>
        ) : null}
      </section>

      <section aria-labelledby="descriptions-title" className="mt-10 max-w-3xl">
        <h2 id="descriptions-title">{t('fields.descriptionsLegend')}</h2>
        {descriptionLanguages.map((language) => {
          const text = organisation[descriptionField[language]]
          return (
            <div key={language} className="mt-4">
              <h3 className="text-lg font-semibold">{t(`overview.descriptionIn.${language}`)}</h3>
              {text ? (
                <p lang={language} className="mt-1 whitespace-pre-line">
                  {text}
                </p>
              ) : (
                <p className="mt-1 rounded border-l-8 border-amber-600 bg-amber-50 p-3">
                  <strong>{t('overview.missing')}</strong> {t('overview.descriptionMissing')}{' '}
                  {can(role, 'organisation:edit') ? <Link to={editLink}>{t('overview.addDescription')}</Link> : null}
                </p>
              )}
            </div>
          )
        })}
      </section>

      <section aria-labelledby="leave-title" className="mt-10 max-w-2xl">
        <h2 id="leave-title">{t('overview.leaveTitle')}</h2>
        {onlyOwner ? (
          <p className="mt-2">{t('overview.leaveOnlyOwner')}</p>
        ) : (
          <>
            <p className="mt-2 mb-4">{t('overview.leaveIntro')}</p>
            <Form method="post">
              <input type="hidden" name="intent" value="leave" />
              <Button variant="danger">{t('overview.leaveButton')}</Button>
            </Form>
          </>
        )}
      </section>
    </>
  )
}
