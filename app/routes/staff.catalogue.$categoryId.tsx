import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { summaryErrors } from '~/components/form-errors'
import { Alert } from '~/components/ui/alert'
import { Button } from '~/components/ui/button'
import { CheckboxField } from '~/components/ui/checkbox-field'
import { CheckboxGroup } from '~/components/ui/checkbox-group'
import { ErrorSummary } from '~/components/ui/error-summary'
import { Field } from '~/components/ui/field'
import { RadioGroup } from '~/components/ui/radio-group'
import { SelectField } from '~/components/ui/select-field'
import { Table } from '~/components/ui/table'
import type { AppLocale } from '~/i18n'
import { getLocale, pageTitle } from '~/i18n.server'
import { nameIn } from '~/modules/applications/labels'
import { formatVoucherValue, valueFitsType } from '~/modules/catalogue/format'
import { categorySchema, reviewModes, units, voucherTypes, voucherValueSchema, type VoucherTypeName, type VoucherValueFormValue } from '~/modules/catalogue/schema'
import {
  addVoucherValue,
  getCategory,
  listDocumentTypes,
  updateCategory,
  withdrawScheduledValue,
} from '~/modules/catalogue/service.server'
import { helsinkiToday } from '~/modules/documents/dates'
import { readFormData } from '~/utils/form-data.server'
import { formatDate, formatDateTime } from '~/utils/format'
import { titleFromLoader } from '~/utils/meta'
import { notFound, requirePermission } from '~/utils/session.server'
import { redirectWithToast } from '~/utils/toast.server'

export const meta = titleFromLoader

/** One service category: its details, required documents and voucher values by date (staff admins; unknown ids 404). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, 'catalogue:manage')
  const [category, documentTypes, locale] = await Promise.all([
    getCategory(params.categoryId ?? ''),
    listDocumentTypes(),
    getLocale(request),
  ])
  if (!category) notFound()
  const name = nameIn(locale, category)
  return {
    title: await pageTitle(request, 'admin:category.title', { name }),
    locale,
    today: helsinkiToday(),
    name,
    category: {
      id: category.id,
      code: category.code,
      nameFi: category.nameFi,
      nameSv: category.nameSv,
      nameEn: category.nameEn,
      unit: category.unit,
      voucherType: category.voucherType,
      reviewMode: category.reviewMode,
      requiresSoteri: category.requiresSoteri,
      active: category.active,
      documentTypes: category.documentTypes,
    },
    values: category.values.map((value) => ({
      id: value.id,
      effectiveFrom: formatDate(value.effectiveFrom, locale),
      amount: formatVoucherValue(value, locale),
      fits: valueFitsType(value, category.voucherType),
      inForce: value.inForce,
      scheduled: value.scheduled,
      createdAt: formatDateTime(value.createdAt, locale),
    })),
    documentTypes: documentTypes.map((type) => ({
      code: type.code,
      name: nameIn(locale, type),
      registration: type.hasRegistrationNumber,
    })),
  }
}

type ActionResult =
  | { form: 'category' | 'value'; result: SubmissionResult<string[]> }
  | { form: 'withdraw'; error: string }

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requirePermission(request, 'catalogue:manage')
  const category = await getCategory(params.categoryId ?? '')
  if (!category) notFound()
  const back = `/staff/catalogue/${category.id}`
  const formData = await readFormData(request)
  const intent = formData.get('intent')

  if (intent === 'update') {
    const submission = parseWithZod(formData, { schema: categorySchema })
    if (submission.status !== 'success') return data<ActionResult>({ form: 'category', result: submission.reply() }, { status: 400 })
    const result = await updateCategory(admin.id, category.id, submission.value)
    if (!result.ok) {
      if (result.error === 'notFound') notFound()
      const reply = submission.reply({ fieldErrors: { documentTypes: ['admin:errors.unknownDocumentType'] } })
      return data<ActionResult>({ form: 'category', result: reply }, { status: 400 })
    }
    return redirectWithToast(back, { kind: 'success', message: result.changed ? 'admin:toast.categorySaved' : 'admin:toast.noChanges' })
  }

  if (intent === 'add-value') {
    const submission = parseWithZod(formData, { schema: voucherValueSchema(category.voucherType) })
    if (submission.status !== 'success') return data<ActionResult>({ form: 'value', result: submission.reply() }, { status: 400 })
    const value = submission.value
    const result = await addVoucherValue(admin.id, category.id, {
      effectiveFrom: value.effectiveFrom,
      ...('value' in value ? { valueCents: value.value } : { minValueCents: value.minValue, maxValueCents: value.maxValue }),
    })
    if (!result.ok) {
      if (result.error === 'notFound') notFound()
      const reply =
        result.error === 'wrongValueKind'
          ? submission.reply({ formErrors: ['admin:errors.valueKindChanged'] })
          : submission.reply({
              fieldErrors: {
                effectiveFrom: [
                  result.error === 'effectiveFromPast'
                    ? 'admin:errors.effectiveFromPast'
                    : result.error === 'valueInForceExists'
                      ? 'admin:errors.valueInForceExists'
                      : 'admin:errors.dateInvalid',
                ],
              },
            })
      return data<ActionResult>({ form: 'value', result: reply }, { status: 400 })
    }
    return redirectWithToast(back, { kind: 'success', message: result.corrected ? 'admin:toast.valueCorrected' : 'admin:toast.valueAdded' })
  }

  if (intent === 'withdraw-value') {
    const result = await withdrawScheduledValue(admin.id, category.id, String(formData.get('valueId') ?? ''))
    if (!result.ok) return data<ActionResult>({ form: 'withdraw', error: 'admin:errors.valueNotScheduled' }, { status: 400 })
    return redirectWithToast(back, { kind: 'success', message: 'admin:toast.valueWithdrawn' })
  }

  return data<ActionResult>({ form: 'withdraw', error: 'admin:errors.unknownAction' }, { status: 400 })
}

const languageNames = { fi: 'suomi', sv: 'svenska', en: 'English' } as const

function CategoryForm() {
  const { t } = useTranslation('admin')
  const { category, documentTypes } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [form, fields] = useForm({
    id: 'category',
    lastResult: actionData?.form === 'category' ? actionData.result : undefined,
    defaultValue: category,
    constraint: getZodConstraint(categorySchema),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: categorySchema }),
  })
  return (
    <section aria-labelledby="category-details" className="mt-8 max-w-3xl">
      <h2 id="category-details">{t('category.detailsTitle')}</h2>
      <ErrorSummary errors={summaryErrors(form, fields)} />
      <Form method="post" {...getFormProps(form)} className="mt-4">
        <input type="hidden" name="intent" value="update" />
        <fieldset className="mb-5">
          <legend className="text-lg font-semibold">{t('category.namesLegend')}</legend>
          <Field meta={fields.nameFi} label={t('category.nameFi')} lang="fi" autoComplete="off" />
          <Field meta={fields.nameSv} label={t('category.nameSv')} lang="sv" autoComplete="off" />
          <Field meta={fields.nameEn} label={t('category.nameEn')} lang="en" autoComplete="off" />
        </fieldset>
        <SelectField
          meta={fields.unit}
          label={t('catalogue.unit')}
          hint={t('category.unitHint')}
          options={units.map((unit) => ({ value: unit, label: t(`units.${unit}`) }))}
        />
        <RadioGroup
          meta={fields.voucherType}
          legend={t('catalogue.voucherType')}
          hint={t('category.voucherTypeHint')}
          options={voucherTypes.map((type) => ({ value: type, label: t(`voucherTypes.${type}`), hint: t(`voucherTypeHints.${type}`) }))}
        />
        <RadioGroup
          meta={fields.reviewMode}
          legend={t('catalogue.reviewMode')}
          options={reviewModes.map((mode) => ({ value: mode, label: t(`reviewModes.${mode}`), hint: t(`reviewModeHints.${mode}`) }))}
        />
        <CheckboxField meta={fields.requiresSoteri} label={t('category.requiresSoteri')} hint={t('category.requiresSoteriHint')} />
        <CheckboxField meta={fields.active} label={t('category.active')} hint={t('category.activeHint')} />
        <CheckboxGroup
          meta={fields.documentTypes}
          legend={t('category.documentTypes')}
          hint={t('category.documentTypesHint')}
          options={documentTypes.map((type) => ({ value: type.code, label: type.name }))}
        />
        <Button>{t('category.save')}</Button>
      </Form>
    </section>
  )
}

type ValueFormShape = { effectiveFrom: string; value: string; minValue: string; maxValue: string }

function ValueForm({ voucherType, unit, today }: { voucherType: VoucherTypeName; unit: string; today: string }) {
  const { t } = useTranslation('admin')
  const actionData = useActionData<typeof action>()
  const schema = voucherValueSchema(voucherType)
  const [form, fields] = useForm<ValueFormShape, VoucherValueFormValue>({
    id: 'voucher-value',
    lastResult: actionData?.form === 'value' ? actionData.result : undefined,
    constraint: getZodConstraint(schema),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  })
  const moneyHint = t('values.moneyHint')
  return (
    <section aria-labelledby="add-value" className="mt-8 max-w-3xl">
      <h3 id="add-value">{t('values.addTitle')}</h3>
      <p className="mt-2 mb-4">{t('values.addIntro')}</p>
      <ErrorSummary errors={summaryErrors(form, fields)} />
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="add-value" />
        <Field meta={fields.effectiveFrom} type="date" min={today} label={t('values.effectiveFrom')} hint={t('values.effectiveFromHint')} />
        {voucherType === 'FIXED' ? (
          <Field meta={fields.value} label={t('values.value', { unit })} hint={moneyHint} inputMode="decimal" autoComplete="off" />
        ) : (
          <>
            <Field meta={fields.minValue} label={t('values.minValue', { unit })} hint={moneyHint} inputMode="decimal" autoComplete="off" />
            <Field meta={fields.maxValue} label={t('values.maxValue', { unit })} hint={moneyHint} inputMode="decimal" autoComplete="off" />
          </>
        )}
        <Button>{t('values.add')}</Button>
      </Form>
    </section>
  )
}

function valueStatus(value: { inForce: boolean; scheduled: boolean }): 'inForce' | 'scheduled' | 'earlier' {
  return value.inForce ? 'inForce' : value.scheduled ? 'scheduled' : 'earlier'
}

export default function CategoryPage() {
  const { t } = useTranslation('admin')
  const { category, values, name, today, locale } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const withdrawError = actionData?.form === 'withdraw' ? actionData.error : undefined
  const inForce = values.find((value) => value.inForce)
  const anyScheduled = values.some((value) => value.scheduled)
  const unit = t(`unitsPer.${category.unit}`)
  // A saved change reloads the page's data: new keys give the forms fresh initial values.
  const categoryKey = JSON.stringify(category)
  const valuesKey = values.map((value) => `${value.id}:${value.amount}`).join()
  return (
    <>
      <p>
        <Link to="/staff/catalogue">{t('category.back')}</Link>
      </p>
      <h1 className="mt-2">{name}</h1>
      <p className="mt-1 text-slate-700">
        {t('category.code')}: <code>{category.code}</code>
        {(['fi', 'sv', 'en'] as AppLocale[])
          .filter((language) => language !== locale)
          .map((language) => (
            <span key={language}>
              {' · '}
              <span lang={language}>
                {languageNames[language]}: {language === 'fi' ? category.nameFi : language === 'sv' ? category.nameSv : category.nameEn}
              </span>
            </span>
          ))}
      </p>

      <section aria-labelledby="voucher-values" className="mt-8">
        <h2 id="voucher-values">{t('values.title')}</h2>
        <p className="mt-2 max-w-3xl">{t('values.intro')}</p>
        {withdrawError ? (
          <div className="mt-4">
            <Alert kind="error">{t(withdrawError)}</Alert>
          </div>
        ) : null}
        {inForce && !inForce.fits ? (
          <div className="mt-4">
            <Alert kind="error">{t('values.wrongKindInForce', { type: t(`voucherTypes.${category.voucherType}`) })}</Alert>
          </div>
        ) : null}
        {values.length === 0 ? (
          <p className="mt-4">{t('values.none')}</p>
        ) : (
          <div className="mt-4">
            <Table caption={t('values.historyCaption')}>
              <thead>
                <tr>
                  <th scope="col">{t('values.effectiveFrom')}</th>
                  <th scope="col">{t('values.amount', { unit })}</th>
                  <th scope="col">{t('values.status')}</th>
                  <th scope="col">{t('values.createdAt')}</th>
                  {anyScheduled ? <th scope="col">{t('values.actions')}</th> : null}
                </tr>
              </thead>
              <tbody>
                {values.map((value) => (
                  <tr key={value.id}>
                    <td>{value.effectiveFrom}</td>
                    <td>{value.amount ?? '–'}</td>
                    <td className={value.inForce ? 'font-bold' : undefined}>{t(`values.statuses.${valueStatus(value)}`)}</td>
                    <td>{value.createdAt}</td>
                    {anyScheduled ? (
                      <td>
                        {value.scheduled ? (
                          <Form method="post">
                            <input type="hidden" name="intent" value="withdraw-value" />
                            <input type="hidden" name="valueId" value={value.id} />
                            <Button variant="secondary">
                              {t('values.withdraw')}
                              <span className="sr-only">: {value.effectiveFrom}</span>
                            </Button>
                          </Form>
                        ) : null}
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </Table>
          </div>
        )}
        <ValueForm key={`value-${valuesKey}`} voucherType={category.voucherType} unit={unit} today={today} />
      </section>

      <CategoryForm key={categoryKey} />

      <p className="mt-10">
        <Link to={`/staff/audit?${new URLSearchParams({ entityType: 'ServiceCategory', entityId: category.id })}`}>
          {t('category.auditLink')}
        </Link>
      </p>
    </>
  )
}
