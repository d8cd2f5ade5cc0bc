import { parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { FiguresSummary } from '~/components/settlements/figures-summary'
import { StatementTable } from '~/components/settlements/statement-table'
import { SettlementStatusBadge } from '~/components/settlements/status'
import { useLocale } from '~/components/settlements/use-locale'
import { Alert } from '~/components/ui/alert'
import { Button } from '~/components/ui/button'
import { getLocale, pageTitle } from '~/i18n.server'
import { formatMonth } from '~/modules/settlements/format'
import { approveSettlement, type ApprovalRefusal } from '~/modules/settlements/approve.server'
import { addMonths, hasMonthEnded, monthKey, parseMonth } from '~/modules/settlements/month'
import { approveSchema } from '~/modules/settlements/schema'
import { monthStatement } from '~/modules/settlements/statement.server'
import { prisma } from '~/utils/db.server'
import { readFormData } from '~/utils/form-data.server'
import { formatDate, formatDateTime } from '~/utils/format'
import { titleFromLoader } from '~/utils/meta'
import { notFound, requirePermission } from '~/utils/session.server'
import { redirectWithToast } from '~/utils/toast.server'

export const meta = titleFromLoader

/**
 * One provider's statement for one month, and its approval. Staff with settlement:approve only; an unknown
 * organisation or a malformed month gives 404. The form carries the settlement version the page showed.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, 'settlement:approve')
  const month = parseMonth(params.month)
  if (!month) notFound()
  const organisation = await prisma.organisation.findUnique({
    where: { id: params.organisationId ?? '' },
    select: { id: true, name: true, businessId: true },
  })
  if (!organisation) notFound()
  const [locale, statement] = await Promise.all([getLocale(request), monthStatement(organisation.id, month)])
  const monthName = formatMonth(month, locale)
  const settlement = statement.settlement
  return {
    title: await pageTitle(request, 'settlement:detail.title', { organisation: organisation.name, month: monthName }),
    organisation,
    month: monthKey(month),
    monthName,
    /** the first day the month can be approved */
    approvableFrom: addMonths(month, 1),
    ended: hasMonthEnded(month),
    status: settlement?.status ?? 'OPEN',
    version: settlement?.version ?? 0,
    approvedAt: settlement?.approvedAt ?? null,
    approvedBy: settlement?.approvedBy?.name ?? null,
    vouchers: statement.vouchers,
    figures: statement.figures,
  }
}

const refusalStatus: Record<ApprovalRefusal, number> = { notFound: 404, notEnded: 400, empty: 400, changed: 409, alreadyApproved: 409 }

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'settlement:approve')
  const month = parseMonth(params.month)
  if (!month) notFound()
  const organisationId = params.organisationId ?? ''
  const submission = parseWithZod(await readFormData(request), { schema: approveSchema })
  if (submission.status !== 'success') return data({ error: 'changed' as ApprovalRefusal }, { status: 400 })
  const result = await approveSettlement(user, { organisationId, month, seenVersion: submission.value.version })
  if (result.ok) {
    return redirectWithToast(`/staff/settlements/${organisationId}/${monthKey(month)}`, { kind: 'success', message: 'settlement:toast.approved' })
  }
  if (result.error === 'notFound') notFound()
  return data({ error: result.error }, { status: refusalStatus[result.error] })
}

export default function StaffSettlement() {
  const { t } = useTranslation('settlement')
  const locale = useLocale()
  const loaded = useLoaderData<typeof loader>()
  const { organisation, month, monthName, status, vouchers, figures } = loaded
  const reply = useActionData<typeof action>()
  return (
    <>
      <p className="mb-4">
        <Link to={`/staff/settlements?month=${month}`}>{t('detail.back')}</Link>
      </p>
      <h1>{t('detail.title', { organisation: organisation.name, month: monthName })}</h1>
      <p className="mt-2">{t('staff.businessId', { businessId: organisation.businessId })}</p>
      <p className="mt-2 mb-6">
        <SettlementStatusBadge status={status} />
        {loaded.approvedAt ? (
          <span className="ml-3">
            {loaded.approvedBy
              ? t('detail.approvedBy', { date: formatDateTime(loaded.approvedAt, locale), name: loaded.approvedBy })
              : t('detail.approvedAt', { date: formatDateTime(loaded.approvedAt, locale) })}
          </span>
        ) : null}
      </p>
      {reply?.error ? <Alert kind="error">{t(`errors.${reply.error}`)}</Alert> : null}

      <section aria-labelledby="statement-totals" className="mb-8">
        <h2 id="statement-totals">{t('detail.totalsTitle')}</h2>
        <div className="mt-3">
          <FiguresSummary figures={figures} />
        </div>
      </section>

      <section aria-labelledby="statement-approval" className="mb-8 rounded border border-slate-300 p-4">
        <h2 id="statement-approval" className="text-xl">
          {t('detail.approvalTitle')}
        </h2>
        {status === 'APPROVED' ? (
          <p className="mt-2 max-w-3xl">{t('detail.lockedNote')}</p>
        ) : !loaded.ended ? (
          <p className="mt-2 max-w-3xl">{t('detail.notEnded', { date: formatDate(loaded.approvableFrom, locale) })}</p>
        ) : figures.records === 0 ? (
          <p className="mt-2 max-w-3xl">{t('errors.empty')}</p>
        ) : (
          <>
            <p className="mt-2 mb-4 max-w-3xl">{t('detail.approveEffect')}</p>
            <Form method="post">
              <input type="hidden" name="version" value={loaded.version} />
              <Button>{t('detail.approveSubmit', { month: monthName })}</Button>
            </Form>
          </>
        )}
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
