import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Table } from '~/components/ui/table'
import { isLocale } from '~/i18n'
import { pageTitle } from '~/i18n.server'
import { nameIn } from '~/modules/applications/labels'
import { requireClientVoucher } from '~/modules/client-access/session.server'
import { clientOwnData } from '~/modules/clients/own-data.server'
import { municipalityName } from '~/modules/organisations/municipality-name'
import { formatDate, formatDateTime } from '~/utils/format'
import { titleFromLoader } from '~/utils/meta'
import { notFound } from '~/utils/session.server'

export const meta = titleFromLoader

/**
 * "Your data and who has viewed it": the data stored about the client of the session's voucher (identity code
 * masked) and every recorded staff view of it, as the Client Data Act requires. Only through the client's session.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const { voucherId } = await requireClientVoucher(request)
  const data = await clientOwnData(voucherId)
  if (!data) notFound()
  return { title: await pageTitle(request, 'privacy:data.title'), ...data }
}

export default function MyData() {
  const { t, i18n } = useTranslation('privacy')
  const locale = isLocale(i18n.language) ? i18n.language : 'sv'
  const { client, vouchers, views, viewCount } = useLoaderData<typeof loader>()
  const none = t('data.none')
  return (
    <>
      <h1>{t('data.title')}</h1>
      <p className="mt-2 max-w-3xl">{t('data.intro')}</p>

      <section aria-labelledby="data-stored" className="mt-8">
        <h2 id="data-stored">{t('data.storedTitle')}</h2>
        <dl className="mt-3 grid gap-x-6 gap-y-2 sm:grid-cols-[14rem_1fr]">
          <dt className="font-semibold">{t('data.fields.name')}</dt>
          <dd>
            {client.firstName} {client.lastName}
          </dd>
          <dt className="font-semibold">{t('data.fields.dateOfBirth')}</dt>
          <dd>{formatDate(client.dateOfBirth, locale)}</dd>
          <dt className="font-semibold">{t('data.fields.identityCode')}</dt>
          <dd>
            <span className="font-mono">{client.maskedIdentityCode ?? none}</span>
            <span className="ml-2 text-base text-slate-700">{t('data.identityCodeNote')}</span>
          </dd>
          <dt className="font-semibold">{t('data.fields.municipality')}</dt>
          <dd>{municipalityName(client.municipality, locale)}</dd>
          <dt className="font-semibold">{t('data.fields.language')}</dt>
          <dd>{t(`data.languages.${client.preferredLanguage}`)}</dd>
          <dt className="font-semibold">{t('data.fields.address')}</dt>
          <dd>{[client.streetAddress, client.postalCode].filter(Boolean).join(', ') || none}</dd>
          <dt className="font-semibold">{t('data.fields.phone')}</dt>
          <dd>{client.phone ?? none}</dd>
          <dt className="font-semibold">{t('data.fields.email')}</dt>
          <dd className="[overflow-wrap:anywhere]">{client.email ?? none}</dd>
          <dt className="font-semibold">{t('data.fields.createdAt')}</dt>
          <dd>{formatDate(client.createdAt, locale)}</dd>
        </dl>
        <p className="mt-4 max-w-3xl">{t('data.correction')}</p>
      </section>

      <section aria-labelledby="data-vouchers" className="mt-10">
        <h2 id="data-vouchers">{t('data.vouchersTitle')}</h2>
        <div className="mt-3">
          <Table caption={t('data.vouchersTitle')} captionHidden>
            <thead>
              <tr>
                <th scope="col">{t('data.voucherColumns.code')}</th>
                <th scope="col">{t('data.voucherColumns.service')}</th>
                <th scope="col">{t('data.voucherColumns.status')}</th>
                <th scope="col">{t('data.voucherColumns.validity')}</th>
                <th scope="col">{t('data.voucherColumns.decision')}</th>
              </tr>
            </thead>
            <tbody>
              {vouchers.map((voucher) => (
                <tr key={voucher.id}>
                  <td className="font-mono">{voucher.code}</td>
                  <td>{nameIn(locale, voucher.category)}</td>
                  <td>{t(`data.voucherStatus.${voucher.status}`)}</td>
                  <td>{t('data.validity', { from: formatDate(voucher.validFrom, locale), to: formatDate(voucher.validTo, locale) })}</td>
                  <td>{t('data.decision', { number: voucher.decisionNumber, date: formatDate(voucher.decisionDate, locale) })}</td>
                </tr>
              ))}
            </tbody>
          </Table>
        </div>
      </section>

      <section aria-labelledby="data-views" className="mt-10">
        <h2 id="data-views">{t('data.viewsTitle')}</h2>
        <p className="mt-2 max-w-3xl">{t('data.viewsIntro')}</p>
        {views.length === 0 ? (
          <p className="mt-4">{t('data.noViews')}</p>
        ) : (
          <div className="mt-3">
            <Table caption={t('data.viewsCaption', { count: viewCount })}>
              <thead>
                <tr>
                  <th scope="col">{t('data.viewColumns.when')}</th>
                  <th scope="col">{t('data.viewColumns.who')}</th>
                  <th scope="col">{t('data.viewColumns.what')}</th>
                </tr>
              </thead>
              <tbody>
                {views.map((view, index) => (
                  <tr key={`${String(view.at)}-${index}`}>
                    <td className="whitespace-nowrap">{formatDateTime(view.at, locale)}</td>
                    <td>
                      {view.staffName ?? t('data.unknownStaff')}
                      {view.staffRole ? <span className="block text-base text-slate-700">{t(`data.roles.${view.staffRole}`)}</span> : null}
                    </td>
                    <td>
                      {t(`data.viewKinds.${view.kind}`)}
                      {view.voucherCode ? <span className="block font-mono text-base">{view.voucherCode}</span> : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </Table>
            {viewCount > views.length ? <p className="mt-2">{t('data.moreViews', { shown: views.length, count: viewCount })}</p> : null}
          </div>
        )}
        <p className="mt-4 max-w-3xl">
          {t('data.moreInfo')} <Link to="/privacy">{t('data.privacyLink')}</Link>
        </p>
      </section>
    </>
  )
}
