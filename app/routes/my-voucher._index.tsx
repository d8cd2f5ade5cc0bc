import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { Fact } from '~/components/catalogue/display'
import { ChoiceStateText, perUnit, unitAmount, useVoucherT } from '~/components/my-voucher/display'
import { Table } from '~/components/ui/table'
import { getLocale, pageTitle } from '~/i18n.server'
import { nameIn } from '~/modules/applications/labels'
import { requireClientVoucher } from '~/modules/client-access/session.server'
import { choiceState, choosableVoucherStatuses, leadingChoice } from '~/modules/choices/state'
import { clientVoucher } from '~/modules/choices/voucher.server'
import { isoDate } from '~/modules/documents/dates'
import { offerTitle } from '~/modules/offers/texts'
import { copaymentCents } from '~/modules/vouchers/voucher-value'
import { formatDate } from '~/utils/format'
import { titleFromLoader } from '~/utils/meta'
import { notFound } from '~/utils/session.server'

export const meta = titleFromLoader

/**
 * The client's voucher: what it grants and until when, what is left this month, the producer and what has become of
 * the choice, and earlier choices. Only the voucher of the client's own session.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const { voucherId } = await requireClientVoucher(request)
  const [voucher, locale] = await Promise.all([clientVoucher(voucherId), getLocale(request)])
  if (!voucher) notFound()
  const { today } = voucher
  const lead = leadingChoice(voucher.choices)
  const choices = voucher.choices.map((choice) => ({
    id: choice.id,
    producer: choice.offer.organisation,
    title: offerTitle(choice.offer, locale),
    chosenOn: choice.createdAt,
    state: choiceState(choice, today),
    copaymentCents: copaymentCents(choice.offer.priceCents, voucher.valueCents),
  }))
  return {
    title: await pageTitle(request, 'voucher:overview.title'),
    voucher: {
      code: voucher.code,
      holder: `${voucher.client.firstName} ${voucher.client.lastName}`,
      status: voucher.status,
      category: nameIn(locale, voucher.category),
      unit: voucher.category.unit,
      valueCents: voucher.valueCents,
      validFrom: voucher.validFrom,
      validTo: voucher.validTo,
      unitsPerMonth: voucher.unitsPerMonth,
      unitsTotal: voucher.unitsTotal,
      unitsLeft: voucher.unitsLeft,
      canChoose: (choosableVoucherStatuses as readonly string[]).includes(voucher.status) && isoDate(voucher.validTo) >= today,
    },
    lead: choices.find((choice) => choice.id === lead?.id) ?? null,
    earlier: choices.filter((choice) => choice.id !== lead?.id),
  }
}

export default function MyVoucher() {
  const { t, locale } = useVoucherT()
  const { voucher, lead, earlier } = useLoaderData<typeof loader>()
  const open = lead !== null && lead.state.kind !== 'declined'
  return (
    <>
      <h1>{t('overview.title')}</h1>
      <p className="mt-2">{t('overview.holder', { name: voucher.holder, code: voucher.code })}</p>
      <p className="mt-4 rounded border-l-8 border-brand-600 bg-brand-50 p-4 text-xl font-semibold" role="status">
        {t(`status.${voucher.status}`)}
      </p>

      <section aria-labelledby="voucher-producer" className="mt-8">
        <h2 id="voucher-producer">{t('overview.producerTitle')}</h2>
        {lead ? (
          <>
            <p className="mt-3 text-xl">
              <ChoiceStateText state={lead.state} producer={lead.producer.name} />
            </p>
            {lead.title ? (
              <p className="mt-1">
                {t('overview.service')}: <span lang={lead.title.fallback ? lead.title.lang : undefined}>{lead.title.text}</span>
              </p>
            ) : null}
            {open ? (
              <p className="mt-1">
                {t('overview.yourCopayment', { amount: perUnit(t, lead.copaymentCents, voucher.unit, locale) })}
              </p>
            ) : null}
            {lead.state.kind === 'waiting' ? <p className="mt-2">{t('overview.waitingHelp')}</p> : null}
          </>
        ) : (
          <p className="mt-3 text-xl">{t('overview.noProducer')}</p>
        )}
        {voucher.canChoose ? (
          <p className="mt-4">
            <Link to="/my-voucher/producers" className="inline-block rounded bg-brand-700 px-4 py-2 text-lg font-semibold text-white no-underline hover:bg-brand-800">
              {open ? t('overview.changeProducer') : t('overview.chooseProducer')}
            </Link>
          </p>
        ) : null}
      </section>

      <section aria-labelledby="voucher-facts" className="mt-8">
        <h2 id="voucher-facts">{t('overview.factsTitle')}</h2>
        <dl className="mt-3">
          <Fact term={t('overview.category')}>{voucher.category}</Fact>
          <Fact term={t('overview.value')}>{perUnit(t, voucher.valueCents, voucher.unit, locale)}</Fact>
          <Fact term={t('overview.validity')}>
            {t('overview.validityRange', { from: formatDate(voucher.validFrom, locale), to: formatDate(voucher.validTo, locale) })}
          </Fact>
          {voucher.unitsPerMonth !== null ? (
            <>
              <Fact term={t('overview.granted')}>{t('overview.perMonth', { amount: unitAmount(t, voucher.unit, voucher.unitsPerMonth * 100, locale) })}</Fact>
              <Fact term={t('overview.leftThisMonth')}>{unitAmount(t, voucher.unit, voucher.unitsLeft, locale)}</Fact>
            </>
          ) : (
            <>
              <Fact term={t('overview.granted')}>{t('overview.inTotal', { amount: unitAmount(t, voucher.unit, (voucher.unitsTotal ?? 0) * 100, locale) })}</Fact>
              <Fact term={t('overview.leftInTotal')}>{unitAmount(t, voucher.unit, voucher.unitsLeft, locale)}</Fact>
            </>
          )}
          <Fact term={t('overview.code')}>{voucher.code}</Fact>
        </dl>
        <p className="mt-3 text-base text-slate-700">{t('overview.copaymentExplained')}</p>
      </section>

      {earlier.length > 0 ? (
        <section aria-labelledby="voucher-earlier" className="mt-8">
          <h2 id="voucher-earlier" className="mb-3">
            {t('overview.earlierTitle')}
          </h2>
          <Table caption={t('overview.earlierCaption')} captionHidden>
            <thead>
              <tr>
                <th scope="col">{t('overview.columns.producer')}</th>
                <th scope="col">{t('overview.columns.chosenOn')}</th>
                <th scope="col">{t('overview.columns.state')}</th>
              </tr>
            </thead>
            <tbody>
              {earlier.map((choice) => (
                <tr key={choice.id}>
                  <td>{choice.producer.name}</td>
                  <td>{formatDate(choice.chosenOn, locale)}</td>
                  <td>
                    <ChoiceStateText state={choice.state} producer={choice.producer.name} />
                  </td>
                </tr>
              ))}
            </tbody>
          </Table>
        </section>
      ) : null}
    </>
  )
}
