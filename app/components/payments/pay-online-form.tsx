import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Button } from '~/components/ui/button'

/**
 * "Pay online" for one co-payment: posts to the payments page, which answers with a redirect to Stripe Checkout.
 * A full page load (reloadDocument), so the browser follows the redirect to Stripe with or without JavaScript.
 * `forWhat` names the month and amount for screen readers when several buttons share a page.
 */
export function PayOnlineForm({ paymentId, forWhat }: { paymentId: string; forWhat: string }) {
  const { t } = useTranslation('payment')
  return (
    <Form method="post" action="/my-voucher/payments?index" reloadDocument>
      <input type="hidden" name="paymentId" value={paymentId} />
      <Button className="px-3 py-1 text-sm">
        {t('pay.button')}
        <span className="sr-only">: {forWhat}</span>
      </Button>
    </Form>
  )
}
