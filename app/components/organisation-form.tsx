import type { FieldMetadata, FormMetadata } from '@conform-to/react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { summaryErrors } from '~/components/form-errors'
import { CheckboxField } from '~/components/ui/checkbox-field'
import { Field } from '~/components/ui/field'
import { RadioGroup } from '~/components/ui/radio-group'
import { SelectField } from '~/components/ui/select-field'
import { TextareaField } from '~/components/ui/textarea-field'
import { descriptionField, descriptionLanguages, descriptionOneRequired, legalForms, sectors } from '~/modules/organisations/schema'

/**
 * The organisation's details as form controls, shared by the "register an organisation" and "edit details" pages
 * (the business ID field, which only the first has, is passed in as `businessIdSlot`). No data fetching here.
 */
type Meta = FieldMetadata<string | undefined, Record<string, unknown>, string[]>

export type OrganisationDetailFields = {
  name: Meta
  legalForm: Meta
  sector: Meta
  employsStaff: { id: string; name: string; initialValue?: string; required?: boolean; errors?: string[] }
  streetAddress: Meta
  postalCode: Meta
  postOffice: Meta
  municipalityCode: Meta
  phone: Meta
  email: Meta
  website: Meta
  descriptionFi: Meta
  descriptionSv: Meta
  descriptionEn: Meta
}

/** The order of the organisation form's fields on the page (the error summary follows it). */
const fieldOrder = [
  'name',
  'businessId',
  'legalForm',
  'sector',
  'employsStaff',
  'streetAddress',
  'postalCode',
  'postOffice',
  'municipalityCode',
  'phone',
  'email',
  'website',
  'descriptionFi',
  'descriptionSv',
  'descriptionEn',
]

/**
 * The error summary's entries in the order of the page; the "at least one description" error (form-level in the
 * schema) links to the first description box.
 */
export function organisationSummaryErrors<T extends Record<string, unknown>>(
  form: FormMetadata<T, string[]>,
  fields: { [K in keyof T]: FieldMetadata<T[K], T, string[]> },
): Record<string, string[] | undefined> {
  const errors = summaryErrors(form, fields)
  const byName = fields as Record<string, { id: string } | undefined>
  const formErrors = errors[''] ?? []
  const descriptionFiId = byName.descriptionFi?.id
  if (descriptionFiId && formErrors.includes(descriptionOneRequired)) {
    errors[''] = formErrors.filter((error) => error !== descriptionOneRequired)
    errors[descriptionFiId] = [...(errors[descriptionFiId] ?? []), descriptionOneRequired]
  }
  const ordered = fieldOrder.map((name) => byName[name]?.id).filter((id): id is string => Boolean(id && errors[id]?.length))
  const others = Object.keys(errors).filter((id) => id !== '' && !ordered.includes(id))
  return Object.fromEntries([['', errors['']], ...[...ordered, ...others].map((id) => [id, errors[id]])])
}

function Section({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <fieldset className="mb-8">
      <legend className="mb-3 text-xl font-bold">{legend}</legend>
      {children}
    </fieldset>
  )
}

export function OrganisationFields({
  fields,
  formErrors,
  municipalities,
  businessIdSlot,
}: {
  fields: OrganisationDetailFields
  /** the form-level errors (form.errors) */
  formErrors: string[] | undefined
  municipalities: { value: string; label: string }[]
  businessIdSlot: ReactNode
}) {
  const { t } = useTranslation('organisation')
  const descriptionsError = formErrors?.includes(descriptionOneRequired) ? 'descriptions-error' : undefined
  return (
    <>
      <Section legend={t('form.basicLegend')}>
        <Field meta={fields.name} label={t('fields.name')} hint={t('fields.nameHint')} autoComplete="organization" />
        {businessIdSlot}
        <RadioGroup
          meta={fields.legalForm}
          legend={t('fields.legalForm')}
          options={legalForms.map((value) => ({ value, label: t(`legalForms.${value}`) }))}
        />
        <RadioGroup
          meta={fields.sector}
          legend={t('fields.sector')}
          options={sectors.map((value) => ({ value, label: t(`sectors.${value}`), hint: t(`sectorHints.${value}`) }))}
        />
        <CheckboxField meta={fields.employsStaff} label={t('fields.employsStaff')} hint={t('fields.employsStaffHint')} />
      </Section>
      <Section legend={t('fields.addressLegend')}>
        <Field meta={fields.streetAddress} label={t('fields.streetAddress')} autoComplete="street-address" />
        <Field
          meta={fields.postalCode}
          label={t('fields.postalCode')}
          autoComplete="postal-code"
          inputMode="numeric"
          className="mb-5 max-w-40"
        />
        <Field meta={fields.postOffice} label={t('fields.postOffice')} autoComplete="address-level2" />
        <SelectField
          meta={fields.municipalityCode}
          label={t('fields.municipality')}
          hint={t('fields.municipalityHint')}
          placeholder={t('fields.chooseMunicipality')}
          options={municipalities}
        />
      </Section>
      <Section legend={t('fields.contactLegend')}>
        <Field meta={fields.phone} type="tel" label={t('fields.phone')} hint={t('fields.phoneHint')} autoComplete="tel" />
        <Field meta={fields.email} type="email" label={t('fields.email')} autoComplete="email" />
        <Field
          meta={fields.website}
          label={t('fields.website')}
          hint={t('fields.websiteHint')}
          autoComplete="url"
          inputMode="url"
          spellCheck={false}
        />
      </Section>
      <fieldset className="mb-8" aria-describedby={['descriptions-hint', descriptionsError].filter(Boolean).join(' ')}>
        <legend className="mb-1 text-xl font-bold">{t('fields.descriptionsLegend')}</legend>
        <p id="descriptions-hint" className="mb-3 text-sm text-slate-700">
          {t('fields.descriptionsHint')}
        </p>
        {descriptionsError ? (
          <p id={descriptionsError} className="mb-3 font-semibold text-red-700">
            {t(descriptionOneRequired)}
          </p>
        ) : null}
        {descriptionLanguages.map((language) => (
          <TextareaField
            key={language}
            meta={fields[descriptionField[language]]}
            label={t(`fields.description.${language}`)}
            lang={language}
            describedBy={descriptionsError}
            aria-invalid={descriptionsError ? true : undefined}
          />
        ))}
      </fieldset>
    </>
  )
}
