import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { summaryErrors } from '~/components/form-errors'
import { Fact } from '~/components/catalogue/display'
import { perUnit, unitAmount, useVoucherT } from '~/components/my-voucher/display'
import { Alert } from '~/components/ui/alert'
import { Button } from '~/components/ui/button'
import { ErrorSummary } from '~/components/ui/error-summary'
import { Field } from '~/components/ui/field'
import { getLocale, pageTitle } from '~/i18n.server'
import { requireClientVoucher } from '~/modules/client-access/session.server'
import { chooseOffer, type ChooseError } from '~/modules/choices/choose.server'
import { confirmChoiceSchema } from '~/modules/choices/schema'
import { choosableVoucherStatuses } from '~/modules/choices/state'
import { offerToChoose, voucherForChoosing, type VoucherForChoosing } from '~/modules/choices/voucher.server'
import { helsinkiToday, isoDate } from '~/modules/documents/dates'
import { languageList } from '~/modules/offers/languages'
import { offerTitle } from '~/modules/offers/texts'
import { copaymentCents } from '~/modules/vouchers/voucher-value'
import { readFormData } from '~/utils/form-data.server'
import { formatCents } from '~/utils/format'
import { titleFromLoader } from '~/utils/meta'
import { notFound } from '~/utils/session.server'
import { redirectWithToast } from '~/utils/toast.server'

export const meta = titleFromLoader

/**
 * The confirmation of a choice: what happens to the current producer (a pending choice is withdrawn; an accepted
 * one ends on the last day the client picks) and to the new one. Only offers the voucher may choose (public, of its
 * category) are found; any other id is 404.
 */
function confirmation(voucher: VoucherForChoosing, today: string) {
  const current = voucher.choices[0] ?? null
  const validTo = isoDate(voucher.validTo)
  return {
    current,
    validTo,
    canChoose: (choosableVoucherStatuses as readonly string[]).includes(voucher.status) && validTo >= today,
    schema: confirmChoiceSchema({ today, validTo, askEndDate: current?.status === 'ACCEPTED' }),
  }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { voucherId } = await requireClientVoucher(request)
  const now = new Date()
  const today = helsinkiToday(now)
  const [voucher, locale] = await Promise.all([voucherForChoosing(voucherId), getLocale(request)])
  if (!voucher) notFound()
  const offer = await offerToChoose(voucher, params.offerId ?? '', now)
  if (!offer) notFound()
  const { current, validTo, canChoose } = confirmation(voucher, today)
  if (current?.offer.id === offer.id) throw redirect('/my-voucher')
  return {
    title: await pageTitle(request, 'voucher:confirm.title', { producer: offer.organisation.name }),
    offer: {
      producer: offer.organisation.name,
      title: offerTitle(offer, locale),
      languages: languageList(offer.languages, locale),
      priceCents: offer.priceCents,
      copaymentCents: copaymentCents(offer.priceCents, voucher.valueCents),
    },
    unit: voucher.category.unit,
    unitsPerMonth: voucher.unitsPerMonth,
    current: current ? { producer: current.offer.organisation.name, status: current.status } : null,
    canChoose,
    today,
    validTo,
  }
}

const endDateErrors: ChooseError[] = ['endDateRequired', 'endDatePast', 'endDateAfterValidity']

export async function action({ request, params }: ActionFunctionArgs) {
  const { voucherId } = await requireClientVoucher(request)
  const voucher = await voucherForChoosing(voucherId)
  if (!voucher) notFound()
  const { current, schema } = confirmation(voucher, helsinkiToday())
  const submission = parseWithZod(await readFormData(request), { schema })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  const result = await chooseOffer({ voucherId, offerId: params.offerId ?? '', change: true, endDate: submission.value.endDate })
  if (result.ok) return redirectWithToast('/my-voucher', { kind: 'success', message: current ? 'voucher:toast.changed' : 'voucher:toast.chosen' })
  if (result.error === 'notAvailable') notFound()
  if (result.error === 'sameOffer') return redirectWithToast('/my-voucher', { kind: 'info', message: 'voucher:toast.alreadyChosen' })
  const error = `voucher:errors.${result.error}`
  const reply = endDateErrors.includes(result.error) ? submission.reply({ fieldErrors: { endDate: [error] } }) : submission.reply({ formErrors: [error] })
  return data({ result: reply }, { status: 409 })
}

export default function ConfirmChoice() {
  const { t, locale } = useVoucherT()
  const { offer, unit, unitsPerMonth, current, canChoose, today, validTo } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const schema = confirmChoiceSchema({ today, validTo, askEndDate: current?.status === 'ACCEPTED' })
  const [form, fields] = useForm({
    id: 'confirm-choice',
    lastResult: actionData?.result,
    defaultValue: { endDate: today },
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  })
  const producer = offer.producer
  const steps =
    current?.status === 'ACCEPTED'
      ? [t('confirm.steps.endAccepted', { current: current.producer }), t('confirm.steps.tellNew', { producer }), t('confirm.steps.gap', { producer })]
      : current
        ? [t('confirm.steps.withdrawPending', { current: current.producer }), t('confirm.steps.tellNew', { producer }), t('confirm.steps.seeOnPage', { producer })]
        : [t('confirm.steps.tellNew', { producer }), t('confirm.steps.seeOnPage', { producer })]
  return (
    <div className="max-w-3xl">
      <p className="mb-4">
        <Link to="/my-voucher/producers">{t('confirm.back')}</Link>
      </p>
      <h1>{current ? t('confirm.changeTitle', { producer }) : t('confirm.title', { producer })}</h1>
      {offer.title ? (
        <p className="mt-2" lang={offer.title.fallback ? offer.title.lang : undefined}>
          {offer.title.text}
        </p>
      ) : null}
      <dl className="mt-4">
        <Fact term={t('card.youPay')}>
          <span className="text-xl font-bold">{perUnit(t, offer.copaymentCents, unit, locale)}</span>
        </Fact>
        {unitsPerMonth !== null ? (
          <Fact term={t('card.youPayMonthly')}>
            {t('card.monthly', { amount: formatCents(offer.copaymentCents * unitsPerMonth, locale), units: unitAmount(t, unit, unitsPerMonth * 100, locale) })}
          </Fact>
        ) : null}
        <Fact term={t('card.price')}>{perUnit(t, offer.priceCents, unit, locale)}</Fact>
        <Fact term={t('card.languages')}>{offer.languages || t('card.noLanguages')}</Fact>
      </dl>

      {canChoose ? (
        <section aria-labelledby="confirm-next" className="mt-8">
          <h2 id="confirm-next">{t('confirm.whatHappens')}</h2>
          <ol className="mt-3 list-decimal space-y-2 pl-6">
            {steps.map((step) => (
              <li key={step}>{step}</li>
            ))}
          </ol>
          <div className="mt-6">
            <ErrorSummary errors={summaryErrors(form, fields)} />
            <Form method="post" {...getFormProps(form)}>
              {current?.status === 'ACCEPTED' ? (
                <Field
                  meta={fields.endDate}
                  type="date"
                  min={today}
                  max={validTo}
                  label={t('confirm.endDate', { current: current.producer })}
                  hint={t('confirm.endDateHint')}
                  className="mb-6 max-w-xs"
                />
              ) : null}
              <div className="flex flex-wrap items-center gap-6">
                <Button className="text-lg">{current ? t('confirm.submitChange', { producer }) : t('confirm.submit', { producer })}</Button>
                <Link to="/my-voucher/producers">{t('confirm.cancel')}</Link>
              </div>
            </Form>
          </div>
        </section>
      ) : (
        <div className="mt-6">
          <Alert kind="info">{t('producers.cannotChoose')}</Alert>
        </div>
      )}
    </div>
  )
}
