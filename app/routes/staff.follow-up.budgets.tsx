import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { summaryErrors } from '~/components/form-errors'
import { Button } from '~/components/ui/button'
import { ErrorSummary } from '~/components/ui/error-summary'
import { Field } from '~/components/ui/field'
import { SelectField } from '~/components/ui/select-field'
import { getLocale, pageTitle } from '~/i18n.server'
import { nameIn } from '~/modules/applications/labels'
import { formatCentsForInput } from '~/modules/catalogue/money'
import { helsinkiToday } from '~/modules/documents/dates'
import { budgetsOf, saveBudgets } from '~/modules/follow-up/budgets.server'
import { referenceData } from '~/modules/follow-up/filters.server'
import { budgetFormSchema, budgetYearSchema } from '~/modules/follow-up/schema'
import { readFormData } from '~/utils/form-data.server'
import { titleFromLoader } from '~/utils/meta'
import { requirePermission } from '~/utils/session.server'
import { redirectWithToast } from '~/utils/toast.server'

export const meta = titleFromLoader

/** The years offered: two back, this one and the next. */
function yearChoices(now = new Date()): number[] {
  const year = Number(helsinkiToday(now).slice(0, 4))
  return [year - 2, year - 1, year, year + 1]
}

/**
 * Budgets per service category and year, and the welfare area's own-production unit cost beside them (staff
 * admins). The follow-up compares the year's voucher spend and its forecast with the budget, and the voucher cost per
 * unit with the own-production cost.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'catalogue:manage')
  const requested = budgetYearSchema.safeParse(new URL(request.url).searchParams.get('year') ?? undefined)
  const year = requested.success ? requested.data : Number(helsinkiToday().slice(0, 4))
  const [{ categories }, budgets, locale] = await Promise.all([referenceData(), budgetsOf(year), getLocale(request)])
  return {
    title: await pageTitle(request, 'followup:budgets.title'),
    year,
    years: [...new Set([...yearChoices(), year])].sort(),
    categories: categories
      .filter((category) => category.active || budgets.has(category.id))
      .map((category) => ({ id: category.id, name: nameIn(locale, category), unit: category.unit })),
    defaults: {
      year: String(year),
      rows: categories
        .filter((category) => category.active || budgets.has(category.id))
        .map((category) => {
          const budget = budgets.get(category.id)
          return {
            categoryId: category.id,
            budget: budget ? formatCentsForInput(budget.budgetCents, locale === 'en' ? '.' : ',') : '',
            unitCost: budget?.unitCostCents ? formatCentsForInput(budget.unitCostCents, locale === 'en' ? '.' : ',') : '',
          }
        }),
    },
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requirePermission(request, 'catalogue:manage')
  const submission = parseWithZod(await readFormData(request), { schema: budgetFormSchema })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  const result = await saveBudgets(admin.id, submission.value)
  if (!result.ok) return data({ result: submission.reply({ formErrors: ['followup:errors.category'] }) }, { status: 400 })
  return redirectWithToast(`/staff/follow-up/budgets?year=${submission.value.year}`, {
    kind: 'success',
    message: result.changed > 0 ? 'followup:budgets.saved' : 'followup:budgets.unchanged',
  })
}

export default function Budgets() {
  const { t } = useTranslation('followup')
  const { year, years, categories, defaults } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [form, fields] = useForm({
    id: `budgets-${year}`,
    lastResult: actionData?.result,
    defaultValue: defaults,
    constraint: getZodConstraint(budgetFormSchema),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: budgetFormSchema }),
  })
  const rows = fields.rows.getFieldList()
  return (
    <div className="max-w-4xl">
      <h1>{t('budgets.title')}</h1>
      <p className="mt-2">{t('budgets.intro')}</p>
      <p className="mt-2">
        <Link to="/staff/follow-up">{t('budgets.back')}</Link>
      </p>

      <Form method="get" className="mt-6 flex flex-wrap items-end gap-4">
        <SelectField
          meta={{ id: 'budget-year', name: 'year', initialValue: String(year) }}
          label={t('budgets.year')}
          options={years.map((choice) => ({ value: String(choice), label: String(choice) }))}
          className="mb-0"
        />
        <Button variant="secondary">{t('budgets.showYear')}</Button>
      </Form>

      <h2 className="mt-8">{t('budgets.yearHeading', { year })}</h2>
      <ErrorSummary errors={summaryErrors(form, fields)} />
      <Form method="post" {...getFormProps(form)} className="mt-4">
        <input {...getInputProps(fields.year, { type: 'hidden' })} />
        <ul className="grid gap-4 md:grid-cols-2">
          {rows.map((row, index) => {
            const row_ = row.getFieldset()
            const category = categories[index]
            if (!category) return null
            return (
              <li key={row.key ?? category.id}>
                <fieldset className="rounded border-2 border-slate-300 p-4">
                  <legend className="px-1 font-semibold">{category.name}</legend>
                  <input {...getInputProps(row_.categoryId, { type: 'hidden' })} />
                  <Field meta={row_.budget} label={t('budgets.budget', { year })} hint={t('budgets.euroHint')} inputMode="decimal" className="max-w-60" />
                  <Field
                    meta={row_.unitCost}
                    label={t('budgets.unitCost', { unit: t(`units.${category.unit}`) })}
                    hint={t('budgets.unitCostHint')}
                    inputMode="decimal"
                    className="max-w-60"
                  />
                </fieldset>
              </li>
            )
          })}
        </ul>
        <Button className="mt-6">{t('budgets.save', { year })}</Button>
      </Form>
    </div>
  )
}
