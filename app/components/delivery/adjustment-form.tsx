import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { Form, Link, useLocation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { summaryErrors } from '~/components/form-errors'
import { Alert } from '~/components/ui/alert'
import { Button } from '~/components/ui/button'
import { ErrorSummary } from '~/components/ui/error-summary'
import { Field } from '~/components/ui/field'
import { TextareaField } from '~/components/ui/textarea-field'
import type { AppLocale } from '~/i18n'
import { formatMonth } from '~/modules/delivery/months'
import type { CorrectionView } from '~/modules/delivery/views'
import { adjustmentSchema, noteMaxLength } from '~/modules/delivery/schema'
import type { UnitOfMeasure } from '~/modules/delivery/units'
import { formatDate } from '~/utils/format'
import type { DeliveryActionResult } from './action-result'
import { useUnitText } from './use-unit-text'

type AdjustmentFormProps = {
  correction: CorrectionView
  unit: UnitOfMeasure
  actionData: DeliveryActionResult | undefined
  locale: AppLocale
}

/**
 * Correcting a record of an approved (locked) month: the units to add or take away and why. The correction is a new
 * row in the next month that is not approved; the locked month stays as it was.
 */
export function AdjustmentForm({ correction, unit, actionData, locale }: AdjustmentFormProps) {
  const { t } = useTranslation('delivery')
  const unitText = useUnitText()
  const location = useLocation()
  const mine = actionData?.form === 'adjust' ? actionData : undefined
  const [form, fields] = useForm({
    id: 'correct-record',
    lastResult: mine?.result,
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: adjustmentSchema }),
  })
  const params = new URLSearchParams(location.search)
  params.delete('correct')
  const query = params.toString()
  const date = formatDate(correction.serviceDate, locale)
  return (
    <div id="correct" className="mt-6 max-w-2xl rounded border-2 border-brand-600 p-4">
      <h3 className="text-lg font-semibold">{t('correction.title', { date })}</h3>
      <p className="mt-1 mb-3 max-w-prose text-sm">
        {t('correction.intro', {
          units: unitText(correction.unitsHundredths, unit),
          corrected: unitText(correction.correctedUnits, unit),
          month: formatMonth(correction.month, locale),
        })}
      </p>
      {mine?.message ? <Alert kind="error">{mine.message}</Alert> : null}
      <ErrorSummary errors={summaryErrors(form, fields)} />
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="adjust" />
        <input type="hidden" name="recordId" value={correction.id} />
        <Field
          meta={fields.units}
          label={t(`correction.unitsLabel.${unit}`)}
          hint={t('correction.unitsHint')}
          inputMode="decimal"
          autoComplete="off"
          className="mb-5 max-w-40"
        />
        <TextareaField meta={fields.reason} rows={2} maxLength={noteMaxLength} label={t('correction.reason')} hint={t('correction.reasonHint')} />
        <div className="flex flex-wrap items-center gap-4">
          <Button>{t('correction.submit')}</Button>
          <Link to={`${location.pathname}${query ? `?${query}` : ''}#records`}>{t('correction.cancel')}</Link>
        </div>
      </Form>
    </div>
  )
}
