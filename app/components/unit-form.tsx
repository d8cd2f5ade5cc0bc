import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { Form, Link } from '@remix-run/react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { summaryErrors } from '~/components/form-errors'
import { Button } from '~/components/ui/button'
import { CheckboxField } from '~/components/ui/checkbox-field'
import { CheckboxGroup } from '~/components/ui/checkbox-group'
import { ErrorSummary } from '~/components/ui/error-summary'
import { Field } from '~/components/ui/field'
import { SelectField } from '~/components/ui/select-field'
import { TextareaField } from '~/components/ui/textarea-field'
import { accessibilityField, accessibilityLanguages, areaUnitSchema, locationUnitSchema } from '~/modules/service-units/schema'

/**
 * The service-unit forms, shared by the "new unit" and "edit unit" pages: one for a place, one for a home-visit
 * area. Each posts its kind in a hidden field. No data fetching here.
 */
type Option = { value: string; label: string }

export type LocationDefaults = {
  name?: string
  streetAddress?: string
  postalCode?: string
  municipalityCode?: string
  /** empty when the stored point is the municipality's centre */
  latitude?: string
  longitude?: string
  stepFreeAccess?: boolean
  hearingLoop?: boolean
  parking?: boolean
  accessibilityFi?: string
  accessibilitySv?: string
  accessibilityEn?: string
  phone?: string
}

type FormProps<D> = {
  id: string
  defaultValue?: D
  lastResult: SubmissionResult<string[]> | null | undefined
  municipalities: Option[]
  submitLabel: string
  cancelHref: string
  /** hidden inputs (the intent) */
  children?: ReactNode
}

function Section({ legend, hint, children }: { legend: string; hint?: string; children: ReactNode }) {
  return (
    <fieldset className="mb-8">
      <legend className="mb-1 text-xl font-bold">{legend}</legend>
      {hint ? <p className="mb-3 text-sm text-slate-700">{hint}</p> : <div className="mb-3" />}
      {children}
    </fieldset>
  )
}

function Buttons({ submitLabel, cancelHref }: { submitLabel: string; cancelHref: string }) {
  const { t } = useTranslation('offers')
  return (
    <div className="flex flex-wrap items-center gap-4">
      <Button>{submitLabel}</Button>
      <Link to={cancelHref}>{t('units.cancel')}</Link>
    </div>
  )
}

export function LocationUnitForm({ id, defaultValue, lastResult, municipalities, submitLabel, cancelHref, children }: FormProps<LocationDefaults>) {
  const { t } = useTranslation('offers')
  const [form, fields] = useForm({
    id,
    lastResult,
    defaultValue,
    constraint: getZodConstraint(locationUnitSchema),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: locationUnitSchema }),
  })
  return (
    <>
      <ErrorSummary errors={summaryErrors(form, fields)} />
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="kind" value="LOCATION" />
        {children}
        <Section legend={t('units.fields.basicLegend')}>
          <Field meta={fields.name} label={t('units.fields.name')} hint={t('units.fields.nameHint')} />
          <Field meta={fields.streetAddress} label={t('units.fields.streetAddress')} autoComplete="street-address" />
          <Field
            meta={fields.postalCode}
            label={t('units.fields.postalCode')}
            autoComplete="postal-code"
            inputMode="numeric"
            className="mb-5 max-w-40"
          />
          <SelectField
            meta={fields.municipalityCode}
            label={t('units.fields.municipality')}
            placeholder={t('units.fields.chooseMunicipality')}
            options={municipalities}
          />
          <Field
            meta={fields.phone}
            type="tel"
            label={t('units.fields.phone')}
            hint={t('units.fields.phoneHint')}
            autoComplete="tel"
          />
        </Section>
        <Section legend={t('units.fields.coordinatesLegend')} hint={t('units.fields.coordinatesHint')}>
          <div className="flex flex-wrap gap-x-6">
            <Field
              meta={fields.latitude}
              label={t('units.fields.latitude')}
              hint={t('units.fields.latitudeHint')}
              inputMode="decimal"
              spellCheck={false}
              className="mb-5 w-56"
            />
            <Field
              meta={fields.longitude}
              label={t('units.fields.longitude')}
              hint={t('units.fields.longitudeHint')}
              inputMode="decimal"
              spellCheck={false}
              className="mb-5 w-56"
            />
          </div>
        </Section>
        <Section legend={t('units.fields.accessibilityLegend')} hint={t('units.fields.accessibilityHint')}>
          <CheckboxField meta={fields.stepFreeAccess} label={t('units.accessibility.stepFreeAccess')} />
          <CheckboxField meta={fields.hearingLoop} label={t('units.accessibility.hearingLoop')} />
          <CheckboxField meta={fields.parking} label={t('units.accessibility.parking')} />
          {accessibilityLanguages.map((language) => (
            <TextareaField
              key={language}
              meta={fields[accessibilityField[language]]}
              label={t(`units.fields.accessibilityNotes.${language}`)}
              lang={language}
              rows={3}
            />
          ))}
        </Section>
        <Buttons submitLabel={submitLabel} cancelHref={cancelHref} />
      </Form>
    </>
  )
}

export type AreaDefaults = { name?: string; municipalityCodes?: string[] }

export function AreaUnitForm({ id, defaultValue, lastResult, municipalities, submitLabel, cancelHref, children }: FormProps<AreaDefaults>) {
  const { t } = useTranslation('offers')
  const [form, fields] = useForm({
    id,
    lastResult,
    defaultValue,
    constraint: getZodConstraint(areaUnitSchema),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: areaUnitSchema }),
  })
  return (
    <>
      <ErrorSummary errors={summaryErrors(form, fields)} />
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="kind" value="HOME_VISIT_AREA" />
        {children}
        <Field meta={fields.name} label={t('units.fields.name')} hint={t('units.fields.areaNameHint')} />
        <CheckboxGroup
          meta={fields.municipalityCodes}
          legend={t('units.fields.municipalities')}
          hint={t('units.fields.municipalitiesHint')}
          options={municipalities}
          className="mb-8"
        />
        <Buttons submitLabel={submitLabel} cancelHref={cancelHref} />
      </Form>
    </>
  )
}
