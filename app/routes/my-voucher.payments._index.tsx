import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { PayOnlineForm } from '~/components/payments/pay-online-form'
import { PaymentStatusBadge } from '~/components/payments/payment-status'
import { Alert } from '~/components/ui/alert'
import { Table } from '~/components/ui/table'
import { isLocale } from '~/i18n'
import { getLocale, pageTitle } from '~/i18n.server'
import { requireClientVoucher } from '~/modules/client-access/session.server'
import { startCheckout } from '~/modules/payments/checkout.server'
import { listClientPayments } from '~/modules/payments/client-payments.server'
import { isOnlinePaymentEnabled } from '~/modules/payments/config.server'
import { monthName } from '~/modules/payments/month'
import { paySchema } from '~/modules/payments/schema'
import { isPayable } from '~/modules/payments/status'
import { readFormData } from '~/utils/form-data.server'
import { formatCents, formatDate } from '~/utils/format'
import { titleFromLoader } from '~/utils/meta'
import { notFound } from '~/utils/session.server'

export const meta = titleFromLoader

/**
 * The client's co-payments: one row per approved month with a co-payment. With Stripe configured, "Pay online"
 * starts a Stripe Checkout Session; without it the producer bills the co-payment. Client session only.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const { voucherId } = await requireClientVoucher(request)
  const onlinePayment = isOnlinePaymentEnabled()
  const payments = (await listClientPayments(voucherId)).map((payment) => ({ ...payment, canPay: onlinePayment && isPayable(payment.status) }))
  return { title: await pageTitle(request, 'payment:list.title'), onlinePayment, payments }
}

type ActionResult = { error: string }

export async function action({ request }: ActionFunctionArgs) {
  const { voucherId } = await requireClientVoucher(request)
  if (!isOnlinePaymentEnabled()) notFound()
  const submission = parseWithZod(await readFormData(request), { schema: paySchema })
  if (submission.status !== 'success') notFound()
  const result = await startCheckout({ voucherId, paymentId: submission.value.paymentId, locale: await getLocale(request) })
  if (result.ok) return redirect(result.url, 303)
  if (result.error === 'notFound' || result.error === 'disabled') notFound()
  return data<ActionResult>({ error: `payment:errors.${result.error}` }, { status: result.error === 'stripeFailed' ? 503 : 409 })
}

export default function PaymentsPage() {
  const { t, i18n } = useTranslation('payment')
  const locale = isLocale(i18n.language) ? i18n.language : 'sv'
  const { onlinePayment, payments } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  return (
    <div className="max-w-4xl">
      <h1>{t('list.title')}</h1>
      <p className="mt-2 mb-6 max-w-prose">{onlinePayment ? t('list.introOnline') : t('list.billedByProducer')}</p>
      {actionData?.error ? <Alert kind="error">{t(actionData.error)}</Alert> : null}
      {payments.length === 0 ? (
        <p>{t('list.empty')}</p>
      ) : (
        <Table caption={t('list.caption')}>
          <thead>
            <tr>
              <th scope="col">{t('columns.month')}</th>
              <th scope="col">{t('columns.producer')}</th>
              <th scope="col">{t('columns.amount')}</th>
              <th scope="col">{t('columns.status')}</th>
              {onlinePayment ? <th scope="col">{t('columns.actions')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {payments.map((payment) => {
              const month = monthName(payment.month, locale)
              const amount = formatCents(payment.amountCents, locale)
              return (
                <tr key={payment.id} className="align-top">
                  <td>
                    <Link to={`/my-voucher/payments/${payment.id}`}>{month}</Link>
                  </td>
                  <td>{payment.producer}</td>
                  <td className="whitespace-nowrap">{amount}</td>
                  <td>
                    <PaymentStatusBadge status={payment.status} />
                    {payment.paidAt ? <span className="block text-sm text-slate-700">{t('list.paidOn', { date: formatDate(payment.paidAt, locale) })}</span> : null}
                  </td>
                  {onlinePayment ? (
                    <td>
                      {payment.canPay ? <PayOnlineForm paymentId={payment.id} forWhat={t('pay.for', { month, amount })} /> : null}
                    </td>
                  ) : null}
                </tr>
              )
            })}
          </tbody>
        </Table>
      )}
    </div>
  )
}
