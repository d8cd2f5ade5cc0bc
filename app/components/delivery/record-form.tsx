import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { summaryErrors } from '~/components/form-errors'
import { Alert } from '~/components/ui/alert'
import { Button } from '~/components/ui/button'
import { ErrorSummary } from '~/components/ui/error-summary'
import { Field } from '~/components/ui/field'
import { SelectField } from '~/components/ui/select-field'
import { TextareaField } from '~/components/ui/textarea-field'
import type { AppLocale } from '~/i18n'
import { maxExtraQuantity, noteMaxLength, recordSchema } from '~/modules/delivery/schema'
import type { UnitOfMeasure } from '~/modules/delivery/units'
import type { ClientChoiceView } from '~/modules/delivery/views'
import { formatCents, formatDate } from '~/utils/format'
import type { DeliveryActionResult } from './action-result'
import { UsageText } from './grant'

type RecordFormProps = {
  actionData: DeliveryActionResult | undefined
  today: string
  /** the days service may be recorded on; null: the client is not in service (a cancelled voucher) */
  window: { min: string; max: string } | null
  voucher: ClientChoiceView['voucher']
  extras: ClientChoiceView['offer']['extras']
  locale: AppLocale
}

/**
 * Recording delivered service: the day, the units (hours, days or visits, to hundredths), an optional extra service
 * billed to the client and a note. The day starts at the latest day allowed (today, usually).
 */
export function RecordForm({ actionData, today, window, voucher, extras, locale }: RecordFormProps) {
  const { t } = useTranslation('delivery')
  const mine = actionData?.form === 'record' ? actionData : undefined
  const schema = recordSchema(today)
  const [form, fields] = useForm({
    id: 'record-service',
    lastResult: mine?.result,
    defaultValue: { serviceDate: window?.max, extraQuantity: '1' },
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  })
  if (!window) return <p className="mt-3 max-w-prose">{t('records.cannotRecord')}</p>
  if (window.min > window.max) return <p className="mt-3 max-w-prose">{t('records.notYet', { date: formatDate(window.min, locale) })}</p>
  const unit: UnitOfMeasure = voucher.unit
  return (
    <div className="mt-4 max-w-2xl rounded border-2 border-slate-300 p-4">
      <h3 className="text-lg font-semibold">{t('records.formTitle')}</h3>
      <p className="mt-1 mb-3 text-sm text-slate-700">
        <UsageText {...voucher} />
      </p>
      {mine?.message ? <Alert kind="error">{mine.message}</Alert> : null}
      <ErrorSummary errors={summaryErrors(form, fields)} />
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="record" />
        <Field meta={fields.serviceDate} type="date" min={window.min} max={window.max} label={t('records.serviceDate')} className="mb-5 max-w-56" />
        <Field
          meta={fields.units}
          label={t(`records.unitsLabel.${unit}`)}
          hint={t('records.unitsHint')}
          inputMode="decimal"
          autoComplete="off"
          className="mb-5 max-w-40"
        />
        {extras.length > 0 ? (
          <fieldset className="mb-5">
            <legend className="font-semibold">{t('records.extrasLegend')}</legend>
            <p className="mb-2 text-sm text-slate-700">{t('records.extrasHint')}</p>
            <SelectField
              meta={fields.extraServiceId}
              label={t('records.extraService')}
              placeholder={t('records.noExtra')}
              options={extras.map((extra) => ({
                value: extra.id,
                label: `${extra.name?.text ?? t('records.unnamedExtra')} (${formatCents(extra.priceCents, locale)})`,
              }))}
            />
            <Field meta={fields.extraQuantity} type="number" min={1} max={maxExtraQuantity} label={t('records.extraQuantity')} className="max-w-40" />
          </fieldset>
        ) : null}
        <TextareaField meta={fields.note} rows={2} maxLength={noteMaxLength} label={t('records.note')} hint={t('records.noteHint')} />
        <Button>{t('records.submit')}</Button>
      </Form>
    </div>
  )
}
