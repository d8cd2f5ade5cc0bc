import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { summaryErrors } from '~/components/form-errors'
import { IncomeCalculation } from '~/components/issuing/income-calculation'
import { DefaultSubmit } from '~/components/offer-fields'
import { Button } from '~/components/ui/button'
import { CheckboxField } from '~/components/ui/checkbox-field'
import { ErrorSummary } from '~/components/ui/error-summary'
import { Field } from '~/components/ui/field'
import { RadioGroup } from '~/components/ui/radio-group'
import { TextareaField } from '~/components/ui/textarea-field'
import { isLocale, type AppLocale } from '~/i18n'
import { pageTitle } from '~/i18n.server'
import { nameIn } from '~/modules/applications/labels'
import { helsinkiToday } from '~/modules/documents/dates'
import type { IncomeExplanation } from '~/modules/public-catalogue/voucher'
import { activeCategory, issuePageData, issueVoucher, voucherValueFor } from '~/modules/vouchers/issue.server'
import {
  householdMax,
  householdMin,
  issueFormSchema,
  type issueVoucherSchema,
  maxUnitsPerMonth,
  unitsKinds,
  type VoucherTypeName,
} from '~/modules/vouchers/issuing-schema'
import { perUnitText } from '~/modules/vouchers/issuing-texts'
import { readFormData } from '~/utils/form-data.server'
import { titleFromLoader } from '~/utils/meta'
import { notFound, requirePermission } from '~/utils/session.server'
import { redirectWithToast } from '~/utils/toast.server'

export const meta = titleFromLoader

/**
 * Issuing a voucher decision to a client (`?clientId=`): first the service category, then the decision, validity,
 * units and value. "Calculate" shows the value the decision would grant (for an income-related category the
 * calculation step by step) without issuing; "Issue" issues. Without a client the page sends staff to find one.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'voucher:issue')
  const params = new URL(request.url).searchParams
  const clientId = params.get('clientId')
  if (!clientId) return redirect('/staff/clients')
  const page = await issuePageData(clientId)
  if (!page) notFound()
  const category = page.categories.find((item) => item.id === params.get('categoryId')) ?? null
  return {
    title: await pageTitle(request, 'issuing:issue.title'),
    today: helsinkiToday(),
    client: page.client,
    categories: page.categories,
    category,
  }
}

type Preview = { valueCents: number; basis: 'FIXED' | 'INCOME_RELATED' | 'MANUAL_OVERRIDE'; explanation: IncomeExplanation | null }

const problemField: Record<string, string> = {
  householdRequired: 'householdSize',
  incomeRequired: 'grossMonthlyIncome',
  overrideReasonRequired: 'overrideReason',
  overrideValueInvalid: 'overrideValue',
  unitsTooMany: 'units',
  validityInvalid: 'validTo',
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'voucher:issue')
  const formData = await readFormData(request)
  const categoryId = String(formData.get('categoryId') ?? '')
  const category = await activeCategory(categoryId)
  const context = { today: helsinkiToday(), voucherType: category?.voucherType ?? 'FIXED', unit: category?.unit ?? 'HOUR' } as const
  const submission = parseWithZod(formData, { schema: issueFormSchema(formData.get('intent'), context) })
  if (submission.status !== 'success') return data({ result: submission.reply(), preview: null }, { status: 400 })
  if (!category) return data({ result: submission.reply({ formErrors: ['issuing:errors.categoryUnavailable'] }), preview: null }, { status: 400 })
  const value = submission.value
  const question = {
    categoryId,
    decisionDate: value.decisionDate,
    householdSize: value.householdSize ?? null,
    incomeCents: value.grossMonthlyIncome ?? null,
    override: value.override ? { valueCents: value.overrideValue ?? 0, reason: value.overrideReason ?? '' } : null,
  }
  const result =
    value.intent === 'calculate'
      ? await voucherValueFor(question)
      : await issueVoucher(
          { id: user.id },
          {
            ...question,
            clientId: value.clientId,
            decisionNumber: value.decisionNumber,
            validFrom: value.validFrom,
            validTo: value.validTo,
            unitsKind: value.unitsKind,
            units: value.units,
          },
        )
  if (!result.ok) {
    if (result.error === 'clientNotFound') notFound()
    const field = problemField[result.error]
    const message = `issuing:errors.${result.error}`
    const reply = field ? submission.reply({ fieldErrors: { [field]: [message] } }) : submission.reply({ formErrors: [message] })
    return data({ result: reply, preview: null }, { status: 400 })
  }
  if ('voucherId' in result) {
    return redirectWithToast(`/staff/vouchers/${result.voucherId}`, { kind: 'success', message: 'issuing:toast.issued' })
  }
  const preview: Preview = {
    valueCents: result.value.valueCents,
    basis: result.value.basis,
    explanation: result.value.basis === 'FIXED' ? null : result.value.explanation,
  }
  return data({ result: submission.reply(), preview })
}

/** The issue form's fields (the calculate button sends the same form; its schema reads a part of it). */
type IssueFormFields = z.input<ReturnType<typeof issueVoucherSchema>>

type Loaded = ReturnType<typeof useLoaderData<typeof loader>>
type Category = Loaded['categories'][number]

/** "Fixed: 26,00 € / hour", "Income-related: 12,00 € – 36,00 € / hour", or that no value is in force. */
function valueToday(t: TFunction, category: Category, locale: AppLocale): string {
  const row = category.valueToday
  if (category.voucherType === 'FIXED') {
    return row?.valueCents != null ? t('issue.fixedValue', { value: perUnitText(t, row.valueCents, category.unit, locale) }) : t('issue.noValueToday')
  }
  if (row?.minValueCents == null || row.maxValueCents == null) return t('issue.noValueToday')
  return t('issue.incomeRange', {
    min: perUnitText(t, row.minValueCents, category.unit, locale),
    max: perUnitText(t, row.maxValueCents, category.unit, locale),
  })
}

export default function IssueVoucher() {
  const { t, i18n } = useTranslation('issuing')
  const locale = isLocale(i18n.language) ? i18n.language : 'sv'
  const { client, categories, category } = useLoaderData<typeof loader>()
  return (
    <div className="max-w-3xl">
      <p className="mb-4">
        <Link to={`/staff/clients/${client.id}`}>{t('issue.back', { name: `${client.firstName} ${client.lastName}` })}</Link>
      </p>
      <h1>{t('issue.title')}</h1>
      <p className="mt-2 mb-6">
        {t('issue.for', { name: `${client.firstName} ${client.lastName}`, language: t(`languages.${client.preferredLanguage}`) })}
      </p>
      {category ? (
        <IssueForm key={category.id} />
      ) : (
        <Form method="get">
          <input type="hidden" name="clientId" value={client.id} />
          <RadioGroup
            meta={{ id: 'categoryId', name: 'categoryId', required: true }}
            legend={<span className="text-xl font-bold">{t('issue.category')}</span>}
            hint={t('issue.categoryHint')}
            options={categories.map((item) => ({ value: item.id, label: nameIn(locale, item), hint: valueToday(t, item, locale) }))}
            className="mb-6"
          />
          <Button>{t('issue.continue')}</Button>
        </Form>
      )}
    </div>
  )
}

function IssueForm() {
  const { t, i18n } = useTranslation('issuing')
  const locale = isLocale(i18n.language) ? i18n.language : 'sv'
  const { client, category, today } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const voucherType: VoucherTypeName = category?.voucherType ?? 'FIXED'
  const unit = category?.unit ?? 'HOUR'
  const [form, fields] = useForm<IssueFormFields, unknown>({
    id: 'issue-voucher',
    lastResult: actionData?.result,
    defaultValue: { decisionDate: today, validFrom: today, unitsKind: 'perMonth' },
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: issueFormSchema(formData.get('intent'), { today, voucherType, unit }) }),
  })
  if (!category) return null
  const preview = actionData?.preview ?? null
  const incomeRelated = voucherType === 'INCOME_RELATED'
  return (
    <>
      <ErrorSummary errors={summaryErrors(form, fields)} />
      <Form method="post" {...getFormProps(form)}>
        <DefaultSubmit label={t('issue.submit')} name="intent" value="issue" />
        <input type="hidden" name="clientId" value={client.id} />
        <input type="hidden" name="categoryId" value={category.id} />
        <section aria-labelledby="issue-category" className="mb-8">
          <h2 id="issue-category" className="text-xl">
            {t('issue.category')}
          </h2>
          <p className="mt-2">
            <span className="font-semibold">{nameIn(locale, category)}</span> · {valueToday(t, category, locale)}{' '}
            <Link to={`/staff/vouchers/new?clientId=${client.id}`}>{t('issue.changeCategory')}</Link>
          </p>
        </section>

        <fieldset className="mb-8">
          <legend className="mb-3 text-xl font-bold">{t('issue.decisionLegend')}</legend>
          <Field meta={fields.decisionNumber} label={t('fields.decisionNumber')} hint={t('fields.decisionNumberHint')} autoComplete="off" className="mb-5 max-w-80" />
          <Field meta={fields.decisionDate} type="date" label={t('fields.decisionDate')} hint={t('fields.decisionDateHint')} className="mb-5 max-w-64" />
        </fieldset>

        <fieldset className="mb-8">
          <legend className="mb-3 text-xl font-bold">{t('issue.validityLegend')}</legend>
          <div className="grid gap-x-6 sm:grid-cols-2">
            <Field meta={fields.validFrom} type="date" label={t('fields.validFrom')} />
            <Field meta={fields.validTo} type="date" label={t('fields.validTo')} hint={t('fields.validToHint')} />
          </div>
        </fieldset>

        <fieldset className="mb-8">
          <legend className="mb-3 text-xl font-bold">{t('issue.unitsLegend')}</legend>
          <RadioGroup
            meta={fields.unitsKind}
            legend={t('fields.unitsKind')}
            options={unitsKinds.map((kind) => ({ value: kind, label: t(`fields.unitsKinds.${kind}`) }))}
          />
          <Field
            meta={fields.units}
            type="number"
            min={1}
            step={1}
            inputMode="numeric"
            label={t('fields.units', { unit: t(`unitNames.${category.unit}`) })}
            hint={t('fields.unitsHint', { max: maxUnitsPerMonth[category.unit] })}
            className="mb-5 max-w-48"
          />
        </fieldset>

        <fieldset className="mb-8">
          <legend className="mb-1 text-xl font-bold">{t('issue.valueLegend')}</legend>
          <p className="mb-4 max-w-2xl text-sm text-slate-700">{t(incomeRelated ? 'issue.valueIncomeRelated' : 'issue.valueFixed')}</p>
          {incomeRelated ? (
            <div className="grid gap-x-6 sm:grid-cols-2">
              <Field
                meta={fields.householdSize}
                type="number"
                min={householdMin}
                max={householdMax}
                step={1}
                inputMode="numeric"
                label={t('fields.householdSize')}
                hint={t('fields.householdSizeHint', { max: householdMax })}
              />
              <Field meta={fields.grossMonthlyIncome} inputMode="decimal" autoComplete="off" label={t('fields.grossMonthlyIncome')} hint={t('fields.euroHint')} />
            </div>
          ) : null}
          <Button variant="secondary" name="intent" value="calculate" formNoValidate>
            {t('issue.calculate')}
          </Button>
          <div aria-live="polite" className="mt-4">
            {preview ? (
              <div className="rounded border-l-8 border-brand-600 bg-brand-50 p-4">
                <h3 className="text-lg">{t('issue.previewTitle')}</h3>
                <p className="mt-1 text-xl font-semibold">
                  {perUnitText(t, preview.valueCents, category.unit, locale)} · {t(`basis.${preview.basis}`)}
                </p>
                {preview.explanation ? <IncomeCalculation explanation={preview.explanation} unit={category.unit} /> : null}
              </div>
            ) : null}
          </div>
        </fieldset>

        <fieldset className="mb-8">
          <legend className="mb-1 text-xl font-bold">{t('issue.overrideLegend')}</legend>
          <p className="mb-4 max-w-2xl text-sm text-slate-700">{t('issue.overrideHint')}</p>
          <CheckboxField meta={fields.override} label={t('fields.override')} />
          <Field meta={fields.overrideValue} inputMode="decimal" autoComplete="off" label={t('fields.overrideValue')} hint={t('fields.euroHint')} className="mb-5 max-w-64" />
          <TextareaField meta={fields.overrideReason} label={t('fields.overrideReason')} hint={t('fields.overrideReasonHint')} rows={3} />
        </fieldset>

        <div className="flex flex-wrap items-center gap-4">
          <Button name="intent" value="issue">
            {t('issue.submit')}
          </Button>
          <Link to={`/staff/clients/${client.id}`}>{t('issue.cancel')}</Link>
        </div>
      </Form>
    </>
  )
}
