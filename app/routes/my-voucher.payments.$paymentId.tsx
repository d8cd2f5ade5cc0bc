import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { PayOnlineForm } from '~/components/payments/pay-online-form'
import { PaymentStatusBadge } from '~/components/payments/payment-status'
import { Alert } from '~/components/ui/alert'
import { isLocale } from '~/i18n'
import { pageTitle } from '~/i18n.server'
import { requireClientVoucher } from '~/modules/client-access/session.server'
import { getClientPayment } from '~/modules/payments/client-payments.server'
import { isOnlinePaymentEnabled } from '~/modules/payments/config.server'
import { monthName } from '~/modules/payments/month'
import { checkoutResultSchema } from '~/modules/payments/schema'
import { isPayable } from '~/modules/payments/status'
import { formatCents, formatDateTime } from '~/utils/format'
import { titleFromLoader } from '~/utils/meta'
import { notFound } from '~/utils/session.server'

export const meta = titleFromLoader

/**
 * One co-payment, and the page Stripe Checkout returns to (`?result=success|cancelled`). The status is the
 * database's: "paid" only once Stripe's webhook has marked it; until then a successful return says the payment is
 * being confirmed. Client session only; another voucher's payment gives 404.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { voucherId } = await requireClientVoucher(request)
  const payment = await getClientPayment(voucherId, params.paymentId ?? '')
  if (!payment) notFound()
  const url = new URL(request.url)
  const result = checkoutResultSchema.parse(url.searchParams.get('result'))
  // back from a successful checkout but not confirmed yet: no second "Pay online" while the webhook is on its way
  const confirming = result === 'success' && payment.status === 'PENDING'
  return {
    title: await pageTitle(request, 'payment:return.title'),
    payment: { ...payment, canPay: isOnlinePaymentEnabled() && isPayable(payment.status) && !confirming },
    result,
    /** "check again" reloads this very address */
    here: `${url.pathname}${url.search}`,
  }
}

export default function PaymentPage() {
  const { t, i18n } = useTranslation('payment')
  const locale = isLocale(i18n.language) ? i18n.language : 'sv'
  const { payment, result, here } = useLoaderData<typeof loader>()
  const month = monthName(payment.month, locale)
  const amount = formatCents(payment.amountCents, locale)
  return (
    <div className="max-w-3xl">
      <p className="mb-4">
        <Link to="/my-voucher/payments">{t('return.back')}</Link>
      </p>
      <h1>{t('return.heading', { month })}</h1>
      <div className="mt-4">
        <Outcome status={payment.status} result={result} amount={amount} paidAt={payment.paidAt} here={here} />
      </div>
      <dl className="grid max-w-xl grid-cols-[auto_1fr] gap-x-6 gap-y-2">
        <dt className="font-semibold">{t('columns.month')}</dt>
        <dd>{month}</dd>
        <dt className="font-semibold">{t('columns.producer')}</dt>
        <dd>{payment.producer}</dd>
        <dt className="font-semibold">{t('columns.amount')}</dt>
        <dd>{amount}</dd>
        <dt className="font-semibold">{t('columns.status')}</dt>
        <dd>
          <PaymentStatusBadge status={payment.status} />
        </dd>
      </dl>
      {payment.canPay ? (
        <div className="mt-6">
          <PayOnlineForm paymentId={payment.id} forWhat={t('pay.for', { month, amount })} />
        </div>
      ) : null}
    </div>
  )
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>

function Outcome({
  status,
  result,
  amount,
  paidAt,
  here,
}: {
  status: LoaderData['payment']['status']
  result: LoaderData['result']
  amount: string
  paidAt: LoaderData['payment']['paidAt']
  here: string
}) {
  const { t, i18n } = useTranslation('payment')
  const locale = isLocale(i18n.language) ? i18n.language : 'sv'
  if (status === 'PAID') {
    return <Alert kind="success">{t('return.paid', { amount, date: paidAt ? formatDateTime(paidAt, locale) : '' })}</Alert>
  }
  if (status === 'CANCELLED') return <Alert kind="info">{t('return.paymentCancelled')}</Alert>
  if (result === 'success') {
    return (
      <Alert kind="info">
        <p>{t('return.confirming')}</p>
        <p className="mt-2">
          <Link to={here} reloadDocument>
            {t('return.checkAgain')}
          </Link>
        </p>
      </Alert>
    )
  }
  if (result === 'cancelled') return <Alert kind="info">{t('return.checkoutCancelled')}</Alert>
  if (status === 'FAILED') return <Alert kind="error">{t('return.failed')}</Alert>
  return null
}
