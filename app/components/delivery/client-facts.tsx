import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { AppLocale } from '~/i18n'
import type { ClientChoiceView } from '~/modules/delivery/views'
import { capitalised } from '~/modules/offers/languages'
import { formatCents, formatDate, formatDateTime } from '~/utils/format'
import { GrantText, UsageText } from './grant'

function Facts({ items }: { items: { term: string; value: ReactNode }[] }) {
  return (
    <dl className="mt-3 grid max-w-3xl gap-x-6 gap-y-2 sm:grid-cols-[16rem_1fr]">
      {items.map((item) => (
        <div key={item.term} className="contents">
          <dt className="font-semibold">{item.term}</dt>
          <dd>{item.value}</dd>
        </div>
      ))}
    </dl>
  )
}

/**
 * What the provider needs to know of a voucher client: contact details, municipality and language, and what the
 * voucher grants (units, validity, value) beside the provider's price and the client's co-payment per unit.
 */
export function ClientFacts({ view, locale }: { view: Pick<ClientChoiceView, 'choice' | 'client' | 'voucher' | 'offer'>; locale: AppLocale }) {
  const { t } = useTranslation('delivery')
  const { choice, client, voucher, offer } = view
  const notGiven = <span className="text-slate-700">{t('client.notGiven')}</span>
  const address = [client.streetAddress, client.postalCode].filter(Boolean).join(', ')
  return (
    <>
      <section aria-labelledby="client-facts-title" className="mt-8">
        <h2 id="client-facts-title">{t('client.contactTitle')}</h2>
        <Facts
          items={[
            { term: t('client.phone'), value: client.phone ?? notGiven },
            { term: t('client.email'), value: client.email ?? notGiven },
            { term: t('client.address'), value: address || notGiven },
            { term: t('client.municipality'), value: client.municipality },
            { term: t('client.language'), value: capitalised(t(`languages.${client.language}`)) },
          ]}
        />
      </section>
      <section aria-labelledby="voucher-facts-title" className="mt-8">
        <h2 id="voucher-facts-title">{t('client.voucherTitle')}</h2>
        <Facts
          items={[
            {
              term: t('client.service'),
              value: (
                <>
                  {voucher.category}
                  {offer.title ? (
                    <span className="block text-sm text-slate-700" lang={offer.title.fallback ? offer.title.lang : undefined}>
                      {offer.title.text}
                    </span>
                  ) : null}
                </>
              ),
            },
            { term: t('client.granted'), value: <GrantText {...voucher} /> },
            ...(choice.status === 'ACCEPTED' || choice.status === 'ENDED' ? [{ term: t('client.usage'), value: <UsageText {...voucher} /> }] : []),
            {
              term: t('client.validity'),
              value: t('client.validityRange', { from: formatDate(voucher.validFrom, locale), to: formatDate(voucher.validTo, locale) }),
            },
            { term: t('client.voucherValue'), value: formatCents(voucher.valueCents, locale) },
            { term: t('client.price'), value: formatCents(offer.priceCents, locale) },
            { term: t('client.copayment'), value: formatCents(offer.copaymentCents, locale) },
            { term: t('client.chosenAt'), value: formatDateTime(choice.chosenAt, locale) },
            ...(choice.startDate ? [{ term: t('client.startDate'), value: formatDate(choice.startDate, locale) }] : []),
            ...(choice.endDate ? [{ term: t('client.endDate'), value: formatDate(choice.endDate, locale) }] : []),
          ]}
        />
        {voucher.status === 'CANCELLED' ? <p className="mt-3 font-semibold text-red-700">{t('client.voucherCancelled')}</p> : null}
      </section>
    </>
  )
}
