import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import type { TFunction } from 'i18next'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { summaryErrors } from '~/components/form-errors'
import { IncomeCalculation } from '~/components/issuing/income-calculation'
import { VoucherStatus } from '~/components/issuing/voucher-status'
import { Alert } from '~/components/ui/alert'
import { Button } from '~/components/ui/button'
import { ErrorSummary } from '~/components/ui/error-summary'
import { Field } from '~/components/ui/field'
import { Table } from '~/components/ui/table'
import { TextareaField } from '~/components/ui/textarea-field'
import { isLocale, type AppLocale } from '~/i18n'
import { pageTitle } from '~/i18n.server'
import { nameIn } from '~/modules/applications/labels'
import { formatMonth } from '~/modules/delivery/months'
import { formatUnits } from '~/modules/delivery/units'
import { isoDate } from '~/modules/documents/dates'
import type { Prisma } from '~/generated/prisma/client'
import { offerTitle } from '~/modules/offers/texts'
import { municipalityName } from '~/modules/organisations/municipality-name'
import { cancelVoucher, extendVoucher, isOpenStatus } from '~/modules/vouchers/issuing-changes.server'
import { voucherForStaff, voucherValidity } from '~/modules/vouchers/issuing-read.server'
import { cancelVoucherSchema, extendVoucherSchema, voucherActionSchema, type VoucherStatusName } from '~/modules/vouchers/issuing-schema'
import { grantText, perUnitText } from '~/modules/vouchers/issuing-texts'
import { readFormData } from '~/utils/form-data.server'
import { formatCents, formatDate, formatDateTime } from '~/utils/format'
import { titleFromLoader } from '~/utils/meta'
import { notFound, requirePermission } from '~/utils/session.server'
import { redirectWithToast } from '~/utils/toast.server'

export const meta = titleFromLoader

/**
 * A voucher for staff: its facts, the client, producer choices, units used, the calculation behind its value and
 * its history; cancelling (with a reason) and extending while it is in use. Opening it is recorded as a view of
 * the client's data. Unknown id: 404.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'voucher:issue')
  const voucher = await voucherForStaff({ id: user.id }, params.voucherId ?? '')
  if (!voucher) notFound()
  return {
    title: await pageTitle(request, 'issuing:voucher.title', { code: voucher.code }),
    voucher,
    open: isOpenStatus(voucher.status),
  }
}

type ActionReply = {
  formId: 'cancel' | 'extend'
  result?: SubmissionResult<string[]>
  /** the voucher is no longer in use (cancelled, expired, exhausted meanwhile) */
  refused?: { status: VoucherStatusName }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'voucher:issue')
  const voucherId = params.voucherId ?? ''
  const validity = await voucherValidity(voucherId)
  if (!validity) notFound()
  const formData = await readFormData(request)
  const formId = formData.get('intent') === 'extend' ? 'extend' : 'cancel'
  const schema = voucherActionSchema({ validFrom: isoDate(validity.validFrom), validTo: isoDate(validity.validTo) })
  const submission = parseWithZod(formData, { schema })
  if (submission.status !== 'success') return data<ActionReply>({ formId, result: submission.reply() }, { status: 400 })
  const value = submission.value
  const actor = { id: user.id }
  const result =
    value.intent === 'cancel'
      ? await cancelVoucher(actor, { voucherId, reason: value.reason })
      : await extendVoucher(actor, { voucherId, validTo: value.validTo, note: value.note })
  if (result.ok) {
    return redirectWithToast(`/staff/vouchers/${voucherId}`, { kind: 'success', message: `issuing:toast.${value.intent}` })
  }
  switch (result.error) {
    case 'notFound':
      return notFound()
    case 'notAllowed':
      return data<ActionReply>({ formId, refused: { status: result.status } }, { status: 409 })
    case 'reasonRequired':
      return data<ActionReply>({ formId, result: submission.reply({ fieldErrors: { reason: ['issuing:errors.cancelReasonRequired'] } }) }, { status: 400 })
    case 'dateInvalid':
    case 'notLater':
    case 'tooLong': {
      const message = { dateInvalid: 'issuing:errors.dateInvalid', notLater: 'issuing:errors.extendNotLater', tooLong: 'issuing:errors.validityTooLong' }[result.error]
      return data<ActionReply>({ formId, result: submission.reply({ fieldErrors: { validTo: [message] } }) }, { status: 400 })
    }
  }
}

type Loaded = ReturnType<typeof useLoaderData<typeof loader>>
type Voucher = Loaded['voucher']

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <>
      <dt className="font-semibold">{term}</dt>
      <dd>{children}</dd>
    </>
  )
}

export default function StaffVoucher() {
  const { t, i18n } = useTranslation('issuing')
  const locale = isLocale(i18n.language) ? i18n.language : 'sv'
  const { voucher, open } = useLoaderData<typeof loader>()
  const reply = useActionData<typeof action>()
  const unit = voucher.category.unit
  return (
    <>
      <p className="mb-4">
        <Link to="/staff/vouchers">{t('voucher.back')}</Link>
      </p>
      <h1>{t('voucher.heading', { code: voucher.code })}</h1>
      <p className="mt-2 flex flex-wrap items-center gap-x-6 gap-y-2">
        <span>
          {t('voucher.status')}: <VoucherStatus status={voucher.status} />
        </span>
        <Link to={`/staff/vouchers/${voucher.id}/letter`} className="font-semibold">
          {t('voucher.letter')}
        </Link>
      </p>
      {reply?.refused ? (
        <div className="mt-4">
          <Alert kind="error">{t('errors.notInUse', { status: t(`status.${reply.refused.status}`) })}</Alert>
        </div>
      ) : null}

      <section aria-labelledby="voucher-facts" className="mt-6">
        <h2 id="voucher-facts">{t('voucher.factsTitle')}</h2>
        <dl className="mt-3 grid gap-x-6 gap-y-2 sm:grid-cols-[14rem_1fr]">
          <Fact term={t('voucher.client')}>
            <Link to={`/staff/clients/${voucher.client.id}`}>
              {voucher.client.firstName} {voucher.client.lastName}
            </Link>{' '}
            ({formatDate(voucher.client.dateOfBirth, locale)}, {municipalityName(voucher.client.municipality, locale)},{' '}
            {t(`languages.${voucher.client.preferredLanguage}`)})
          </Fact>
          <Fact term={t('voucher.category')}>{nameIn(locale, voucher.category)}</Fact>
          <Fact term={t('voucher.code')}>
            <span className="font-mono text-lg font-semibold">{voucher.code}</span>
          </Fact>
          <Fact term={t('voucher.decision')}>{t('decisionOn', { number: voucher.decisionNumber, date: formatDate(voucher.decisionDate, locale) })}</Fact>
          <Fact term={t('voucher.validity')}>{t('validity', { from: formatDate(voucher.validFrom, locale), to: formatDate(voucher.validTo, locale) })}</Fact>
          <Fact term={t('voucher.units')}>{grantText(t, voucher, unit)}</Fact>
          <Fact term={t('voucher.value')}>
            {perUnitText(t, voucher.valueCents, unit, locale)} · {t(`basis.${voucher.valueBasis}`)}
          </Fact>
          {voucher.householdSize !== null && voucher.grossMonthlyIncomeCents !== null ? (
            <Fact term={t('voucher.household')}>
              {t('voucher.householdValue', { count: voucher.householdSize, income: formatCents(voucher.grossMonthlyIncomeCents, locale) })}
            </Fact>
          ) : null}
          {voucher.overrideReason ? (
            <Fact term={t('voucher.overrideReason')}>
              <span className="whitespace-pre-line">{voucher.overrideReason}</span>
            </Fact>
          ) : null}
          <Fact term={t('voucher.issued')}>{t('voucher.issuedBy', { name: voucher.issuedBy.name, date: formatDateTime(voucher.createdAt, locale) })}</Fact>
          {voucher.cancelledReason ? (
            <Fact term={t('voucher.cancelledReason')}>
              <span className="whitespace-pre-line">{voucher.cancelledReason}</span>
            </Fact>
          ) : null}
        </dl>
        {voucher.calculation ? (
          <>
            <h3 className="mt-4 text-lg">{t(voucher.valueBasis === 'MANUAL_OVERRIDE' ? 'voucher.calculationReplaced' : 'voucher.calculationTitle')}</h3>
            <IncomeCalculation explanation={voucher.calculation} unit={unit} />
          </>
        ) : null}
      </section>

      <section aria-labelledby="voucher-use" className="mt-10">
        <h2 id="voucher-use">{t('voucher.useTitle')}</h2>
        <p className="mt-2">
          {voucher.unitsPerMonth !== null
            ? t('voucher.usedThisMonth', {
                month: formatMonth(voucher.month, locale),
                used: formatUnits(voucher.unitsUsed, locale),
                granted: t(`unitCount.${unit}`, { count: voucher.unitsPerMonth }),
              })
            : t('voucher.usedInTotal', {
                used: formatUnits(voucher.unitsUsed, locale),
                granted: t(`unitCount.${unit}`, { count: voucher.unitsTotal ?? 0 }),
              })}
        </p>
      </section>

      <Choices voucher={voucher} locale={locale} />

      {open ? (
        <section aria-labelledby="voucher-actions" className="mt-10 space-y-3">
          <h2 id="voucher-actions">{t('voucher.actionsTitle')}</h2>
          <ExtendForm voucher={voucher} reply={reply?.formId === 'extend' ? reply : undefined} />
          <CancelForm reply={reply?.formId === 'cancel' ? reply : undefined} />
        </section>
      ) : null}

      <History voucher={voucher} locale={locale} />
    </>
  )
}

function Choices({ voucher, locale }: { voucher: Voucher; locale: AppLocale }) {
  const { t } = useTranslation('issuing')
  return (
    <section aria-labelledby="voucher-choices" className="mt-10">
      <h2 id="voucher-choices">{t('voucher.choicesTitle')}</h2>
      {voucher.choices.length === 0 ? (
        <p className="mt-2">{t('voucher.noChoices')}</p>
      ) : (
        <div className="mt-3">
          <Table caption={t('voucher.choicesCaption')} captionHidden>
            <thead>
              <tr>
                <th scope="col">{t('voucher.choice.producer')}</th>
                <th scope="col">{t('voucher.choice.status')}</th>
                <th scope="col">{t('voucher.choice.price')}</th>
                <th scope="col">{t('voucher.choice.chosen')}</th>
                <th scope="col">{t('voucher.choice.period')}</th>
              </tr>
            </thead>
            <tbody>
              {voucher.choices.map((choice) => (
                <tr key={choice.id} className="align-top">
                  <td>
                    <span className="font-semibold">{choice.offer.organisation.name}</span>
                    <span className="block text-sm">{offerTitle(choice.offer, locale)?.text}</span>
                  </td>
                  <td>
                    {t(`choiceStatus.${choice.status}`)}
                    {choice.declineReason ? <span className="block text-sm whitespace-pre-line">{choice.declineReason}</span> : null}
                  </td>
                  <td>{perUnitText(t, choice.offer.priceCents, voucher.category.unit, locale)}</td>
                  <td>{formatDate(choice.createdAt, locale)}</td>
                  <td>
                    {choice.startDate ? t('voucher.choice.from', { date: formatDate(choice.startDate, locale) }) : null}
                    {choice.endDate ? <span className="block">{t('voucher.choice.to', { date: formatDate(choice.endDate, locale) })}</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </Table>
        </div>
      )}
    </section>
  )
}

function formOptions(formId: 'cancel' | 'extend', reply?: ActionReply) {
  return { id: formId, lastResult: reply?.result, shouldValidate: 'onSubmit' as const, shouldRevalidate: 'onInput' as const }
}

function ExtendForm({ voucher, reply }: { voucher: Voucher; reply?: ActionReply }) {
  const { t } = useTranslation('issuing')
  const schema = extendVoucherSchema({ validFrom: isoDate(voucher.validFrom), validTo: isoDate(voucher.validTo) })
  const [form, fields] = useForm({ ...formOptions('extend', reply), onValidate: ({ formData }) => parseWithZod(formData, { schema }) })
  return (
    <details open={Boolean(reply?.result)} className="rounded border border-slate-300 p-3">
      <summary className="cursor-pointer font-semibold text-brand-800">{t('voucher.extend.open')}</summary>
      <div className="mt-3">
        <p className="mb-4 max-w-2xl">{t('voucher.extend.effect')}</p>
        <ErrorSummary errors={summaryErrors(form, fields)} />
        <Form method="post" {...getFormProps(form)}>
          <input type="hidden" name="intent" value="extend" />
          <Field meta={fields.validTo} type="date" label={t('voucher.extend.validTo')} hint={t('voucher.extend.validToHint')} className="mb-5 max-w-64" />
          <TextareaField meta={fields.note} label={t('voucher.extend.note')} hint={t('fields.optional')} rows={3} />
          <Button>{t('voucher.extend.submit')}</Button>
        </Form>
      </div>
    </details>
  )
}

function CancelForm({ reply }: { reply?: ActionReply }) {
  const { t } = useTranslation('issuing')
  const [form, fields] = useForm({ ...formOptions('cancel', reply), onValidate: ({ formData }) => parseWithZod(formData, { schema: cancelVoucherSchema }) })
  return (
    <details open={Boolean(reply?.result)} className="rounded border border-slate-300 p-3">
      <summary className="cursor-pointer font-semibold text-brand-800">{t('voucher.cancel.open')}</summary>
      <div className="mt-3">
        <p className="mb-4 max-w-2xl">{t('voucher.cancel.effect')}</p>
        <ErrorSummary errors={summaryErrors(form, fields)} />
        <Form method="post" {...getFormProps(form)}>
          <input type="hidden" name="intent" value="cancel" />
          <TextareaField meta={fields.reason} label={t('voucher.cancel.reason')} hint={t('voucher.cancel.reasonHint')} rows={4} />
          <Button variant="danger">{t('voucher.cancel.submit')}</Button>
        </Form>
      </div>
    </details>
  )
}

const historyActions = [
  'voucher.issue',
  'voucher.cancel',
  'voucher.extend',
  'voucher.expire',
  'voucher.code-locked',
  'choice.create',
  'choice.accept',
  'choice.decline',
  'choice.cancel',
  'choice.end',
]

function field(value: Prisma.JsonValue, key: string): string | null {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const found = (value as Prisma.JsonObject)[key]
    return typeof found === 'string' ? found : null
  }
  return null
}

/** What an event changed, in words: the reason, the new last day, the note. */
function historyDetails(t: TFunction, event: Voucher['history'][number], locale: AppLocale): string[] {
  const details: string[] = []
  if (event.action === 'voucher.extend') {
    const from = field(event.before, 'validTo')
    const to = field(event.after, 'validTo')
    if (from && to) details.push(t('history.extended', { from: formatDate(from, locale), to: formatDate(to, locale) }))
  }
  for (const key of ['reason', 'note']) {
    const text = field(event.after, key)
    if (text) details.push(text)
  }
  return details
}

function History({ voucher, locale }: { voucher: Voucher; locale: AppLocale }) {
  const { t } = useTranslation('issuing')
  return (
    <section aria-labelledby="voucher-history" className="mt-10">
      <h2 id="voucher-history">{t('history.title')}</h2>
      {voucher.history.length === 0 ? (
        <p className="mt-2">{t('history.empty')}</p>
      ) : (
        <div className="mt-3">
          <Table caption={t('history.caption')} captionHidden>
            <thead>
              <tr>
                <th scope="col">{t('history.at')}</th>
                <th scope="col">{t('history.event')}</th>
                <th scope="col">{t('history.by')}</th>
                <th scope="col">{t('history.details')}</th>
              </tr>
            </thead>
            <tbody>
              {voucher.history.map((event) => (
                <tr key={event.id} className="align-top">
                  <td>{formatDateTime(event.at, locale)}</td>
                  <td>{historyActions.includes(event.action) ? t(`history.actions.${event.action.replace('.', '_')}`) : event.action}</td>
                  <td>{event.actor?.name ?? t('history.noActor')}</td>
                  <td>
                    {historyDetails(t, event, locale).map((line) => (
                      <span key={line} className="block whitespace-pre-line">
                        {line}
                      </span>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </Table>
        </div>
      )}
    </section>
  )
}
