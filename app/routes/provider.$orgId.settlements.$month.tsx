import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { FiguresSummary } from '~/components/settlements/figures-summary'
import { StatementTable } from '~/components/settlements/statement-table'
import { SettlementStatusBadge } from '~/components/settlements/status'
import { useLocale } from '~/components/settlements/use-locale'
import { Alert } from '~/components/ui/alert'
import { getLocale, pageTitle } from '~/i18n.server'
import { formatMonth } from '~/modules/settlements/format'
import { isOnlinePaymentEnabled } from '~/modules/payments/config.server'
import { monthKey, parseMonth } from '~/modules/settlements/month'
import { monthStatement } from '~/modules/settlements/statement.server'
import { formatDate } from '~/utils/format'
import { titleFromLoader } from '~/utils/meta'
import { notFound, requireOrganisationPermission } from '~/utils/session.server'

export const meta = titleFromLoader

/**
 * The organisation's own statement for a month: only its own records (the organisation is in the query). A month
 * it has neither records nor a settlement for, or a malformed month, gives 404. Members only.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireOrganisationPermission(request, params.orgId ?? '', 'settlement:view-own')
  const month = parseMonth(params.month)
  if (!month) notFound()
  const statement = await monthStatement(member.organisationId, month)
  if (!statement.settlement && statement.vouchers.length === 0) notFound()
  const monthName = formatMonth(month, await getLocale(request))
  return {
    title: await pageTitle(request, 'settlement:provider.monthTitle', { month: monthName }),
    organisationId: member.organisationId,
    month: monthKey(month),
    monthName,
    status: statement.settlement?.status ?? 'OPEN',
    approvedAt: statement.settlement?.approvedAt ?? null,
    onlinePayment: isOnlinePaymentEnabled(),
    vouchers: statement.vouchers,
    figures: statement.figures,
  }
}

export default function ProviderSettlement() {
  const { t } = useTranslation('settlement')
  const locale = useLocale()
  const { organisationId, monthName, status, approvedAt, onlinePayment, vouchers, figures } = useLoaderData<typeof loader>()
  return (
    <>
      <p className="mb-4">
        <Link to={`/provider/${organisationId}/settlements`}>{t('provider.back')}</Link>
      </p>
      <h1>{t('provider.monthTitle', { month: monthName })}</h1>
      <p className="mt-2 mb-6">
        <SettlementStatusBadge status={status} />
      </p>
      {approvedAt ? (
        <Alert kind="success">{t('provider.approvedNote', { date: formatDate(approvedAt, locale) })}</Alert>
      ) : (
        <Alert kind="info">{t('provider.openNote')}</Alert>
      )}

      <section aria-labelledby="statement-totals" className="mb-8">
        <h2 id="statement-totals">{t('detail.totalsTitle')}</h2>
        <div className="mt-3">
          <FiguresSummary figures={figures} />
        </div>
        <p className="mt-4 max-w-3xl">{t(onlinePayment ? 'provider.billingOnline' : 'provider.billingProducer')}</p>
      </section>

      <section aria-labelledby="statement-lines">
        <h2 id="statement-lines">{t('detail.linesTitle')}</h2>
        {vouchers.length === 0 ? (
          <p className="mt-2">{t('detail.empty')}</p>
        ) : (
          <div className="mt-3">
            <StatementTable vouchers={vouchers} figures={figures} caption={t('table.caption', { month: monthName })} />
          </div>
        )}
      </section>
    </>
  )
}
