import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { SettlementStatusBadge } from '~/components/settlements/status'
import { useLocale } from '~/components/settlements/use-locale'
import { Table } from '~/components/ui/table'
import { pageTitle } from '~/i18n.server'
import { formatMonth, formatUnits } from '~/modules/settlements/format'
import { providerMonths } from '~/modules/settlements/statement.server'
import { formatCents, formatDate } from '~/utils/format'
import { titleFromLoader } from '~/utils/meta'
import { requireOrganisationPermission } from '~/utils/session.server'

export const meta = titleFromLoader

/** The organisation's monthly statements, newest first: open months in progress, approved ones locked. Members only. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireOrganisationPermission(request, params.orgId ?? '', 'settlement:view-own')
  const months = await providerMonths(member.organisationId)
  return {
    title: await pageTitle(request, 'settlement:provider.title'),
    organisationId: member.organisationId,
    months: months.map(({ month, settlement, figures }) => ({
      month,
      status: settlement?.status ?? 'OPEN',
      approvedAt: settlement?.approvedAt ?? null,
      figures,
    })),
  }
}

const numeric = 'text-right tabular-nums whitespace-nowrap'

export default function ProviderSettlements() {
  const { t } = useTranslation('settlement')
  const locale = useLocale()
  const { organisationId, months } = useLoaderData<typeof loader>()
  return (
    <>
      <h1>{t('provider.title')}</h1>
      <p className="mt-2 mb-6 max-w-3xl">{t('provider.intro')}</p>
      {months.length === 0 ? (
        <p>{t('provider.empty')}</p>
      ) : (
        <Table caption={t('provider.caption')} captionHidden>
          <thead>
            <tr>
              <th scope="col">{t('provider.columns.month')}</th>
              <th scope="col">{t('provider.columns.status')}</th>
              <th scope="col" className="text-right">
                {t('provider.columns.records')}
              </th>
              <th scope="col" className="text-right">
                {t('provider.columns.units')}
              </th>
              <th scope="col" className="text-right">
                {t('provider.columns.voucherShare')}
              </th>
              <th scope="col" className="text-right">
                {t('provider.columns.copayment')}
              </th>
              <th scope="col" className="text-right">
                {t('provider.columns.extras')}
              </th>
            </tr>
          </thead>
          <tbody>
            {months.map(({ month, status, approvedAt, figures }) => (
              <tr key={month} className="align-top">
                <th scope="row" className="text-left font-normal">
                  <Link to={`/provider/${organisationId}/settlements/${month}`} className="font-semibold">
                    {formatMonth(`${month}-01`, locale)}
                  </Link>
                </th>
                <td>
                  <SettlementStatusBadge status={status} />
                  <span className="block text-sm">
                    {approvedAt ? t('provider.approvedOn', { date: formatDate(approvedAt, locale) }) : t('provider.inProgress')}
                  </span>
                </td>
                <td className={numeric}>{figures.records}</td>
                <td className={numeric}>{formatUnits(figures.unitsHundredths, locale)}</td>
                <td className={numeric}>{formatCents(figures.voucherShareCents, locale)}</td>
                <td className={numeric}>{formatCents(figures.copaymentCents, locale)}</td>
                <td className={numeric}>{formatCents(figures.extrasCents, locale)}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </>
  )
}
