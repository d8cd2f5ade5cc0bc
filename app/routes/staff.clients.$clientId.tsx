import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation, type ShouldRevalidateFunction } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { VoucherStatus } from '~/components/issuing/voucher-status'
import { Button } from '~/components/ui/button'
import { Table } from '~/components/ui/table'
import { isLocale } from '~/i18n'
import { pageTitle } from '~/i18n.server'
import { nameIn } from '~/modules/applications/labels'
import { clientForStaff, revealIdentityCode } from '~/modules/clients/service.server'
import { municipalityName } from '~/modules/organisations/municipality-name'
import { readFormData } from '~/utils/form-data.server'
import { formatDate, formatDateTime } from '~/utils/format'
import { titleFromLoader } from '~/utils/meta'
import { notFound, requirePermission } from '~/utils/session.server'

export const meta = titleFromLoader

/**
 * A client's page for staff: details with the identity code masked, and their vouchers. Opening the page is
 * recorded in the audit log (client.viewed), and so is showing the identity code (a separate POST). Unknown id: 404.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'client:view')
  const client = await clientForStaff({ id: user.id }, params.clientId ?? '')
  if (!client) notFound()
  return {
    title: await pageTitle(request, 'issuing:client.title', { name: `${client.firstName} ${client.lastName}` }),
    client,
  }
}

/** "Show" the identity code: recorded first, then returned in this response only (never in the address). */
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'client:view')
  const formData = await readFormData(request)
  if (formData.get('intent') !== 'reveal') return data({ identityCode: null }, { status: 400 })
  const identityCode = await revealIdentityCode({ id: user.id }, params.clientId ?? '')
  if (identityCode === null) notFound()
  return data({ identityCode })
}

/** Showing the code changes nothing on the page: no reload (which would record another view). */
export const shouldRevalidate: ShouldRevalidateFunction = ({ formData, defaultShouldRevalidate }) =>
  formData?.get('intent') === 'reveal' ? false : defaultShouldRevalidate

export default function StaffClient() {
  const { t, i18n } = useTranslation('issuing')
  const locale = isLocale(i18n.language) ? i18n.language : 'sv'
  const { client } = useLoaderData<typeof loader>()
  const revealed = useActionData<typeof action>()?.identityCode ?? null
  const revealing = useNavigation().formData?.get('intent') === 'reveal'
  return (
    <>
      <p className="mb-4">
        <Link to="/staff/clients">{t('client.back')}</Link>
      </p>
      <h1>
        {client.firstName} {client.lastName}
      </h1>
      <p className="mt-2 max-w-2xl text-sm text-slate-700">{t('client.auditNote')}</p>

      <section aria-labelledby="client-details" className="mt-6">
        <h2 id="client-details">{t('client.detailsTitle')}</h2>
        <dl className="mt-3 grid gap-x-6 gap-y-2 sm:grid-cols-[14rem_1fr]">
          <dt className="font-semibold">{t('fields.dateOfBirth')}</dt>
          <dd>{formatDate(client.dateOfBirth, locale)}</dd>
          <dt className="font-semibold">{t('fields.identityCode')}</dt>
          <dd>
            <span className="font-mono text-lg" aria-live="polite">
              {revealed ?? client.maskedIdentityCode}
            </span>
            {revealed ? (
              <span className="ml-3 text-sm text-slate-700">{t('client.revealedNote')}</span>
            ) : (
              <Form method="post" className="ml-3 inline">
                <input type="hidden" name="intent" value="reveal" />
                <Button variant="secondary" className="py-1" disabled={revealing} aria-describedby="reveal-hint">
                  {t('client.reveal')}
                </Button>
                <span id="reveal-hint" className="sr-only">
                  {t('client.revealHint')}
                </span>
              </Form>
            )}
          </dd>
          <dt className="font-semibold">{t('fields.preferredLanguage')}</dt>
          <dd>{t(`languages.${client.preferredLanguage}`)}</dd>
          <dt className="font-semibold">{t('fields.municipality')}</dt>
          <dd>{municipalityName(client.municipality, locale)}</dd>
          <dt className="font-semibold">{t('fields.address')}</dt>
          <dd>{[client.streetAddress, client.postalCode].filter(Boolean).join(', ') || t('client.none')}</dd>
          <dt className="font-semibold">{t('fields.phone')}</dt>
          <dd>{client.phone ?? t('client.none')}</dd>
          <dt className="font-semibold">{t('fields.email')}</dt>
          <dd>{client.email ? <a href={`mailto:${client.email}`}>{client.email}</a> : t('client.none')}</dd>
          <dt className="font-semibold">{t('client.createdAt')}</dt>
          <dd>{formatDateTime(client.createdAt, locale)}</dd>
        </dl>
      </section>

      <section aria-labelledby="client-vouchers" className="mt-10">
        <div className="flex flex-wrap items-center justify-between gap-4">
          <h2 id="client-vouchers">{t('client.vouchersTitle')}</h2>
          <Link to={`/staff/vouchers/new?clientId=${client.id}`} className="font-semibold">
            {t('client.issue')}
          </Link>
        </div>
        {client.vouchers.length === 0 ? (
          <p className="mt-2">{t('client.noVouchers')}</p>
        ) : (
          <div className="mt-3">
            <Table caption={t('client.vouchersCaption')} captionHidden>
              <thead>
                <tr>
                  <th scope="col">{t('vouchers.columns.code')}</th>
                  <th scope="col">{t('vouchers.columns.category')}</th>
                  <th scope="col">{t('vouchers.columns.status')}</th>
                  <th scope="col">{t('vouchers.columns.validity')}</th>
                  <th scope="col">{t('vouchers.columns.decision')}</th>
                </tr>
              </thead>
              <tbody>
                {client.vouchers.map((voucher) => (
                  <tr key={voucher.id}>
                    <td>
                      <Link to={`/staff/vouchers/${voucher.id}`} className="font-mono font-semibold">
                        {voucher.code}
                      </Link>
                    </td>
                    <td>{nameIn(locale, voucher.category)}</td>
                    <td>
                      <VoucherStatus status={voucher.status} />
                    </td>
                    <td>{t('validity', { from: formatDate(voucher.validFrom, locale), to: formatDate(voucher.validTo, locale) })}</td>
                    <td>{t('decisionOn', { number: voucher.decisionNumber, date: formatDate(voucher.decisionDate, locale) })}</td>
                  </tr>
                ))}
              </tbody>
            </Table>
          </div>
        )}
      </section>
    </>
  )
}
