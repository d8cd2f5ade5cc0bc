import { Link } from '@remix-run/react'
import type { ButtonHTMLAttributes, ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Button } from '~/components/ui/button'
import { CheckboxGroup } from '~/components/ui/checkbox-group'
import { Field } from '~/components/ui/field'
import { TextareaField } from '~/components/ui/textarea-field'
import type { AppLocale } from '~/i18n'
import { capitalised, checkboxLanguages, languageName, languageOptions, parseLanguageCodes } from '~/modules/offers/languages'
import { descriptionField, descriptionOneRequired, extraNameField, textLanguages, titleField, titleOneRequired } from '~/modules/offers/schema'

/**
 * The parts of the offer form that the "new service" and "edit service" pages share: titles and descriptions in
 * three languages, service languages, units and extra services. Form controls only; no data fetching here.
 */
type ValueMeta = { id: string; name: string; initialValue?: string; value?: string; required?: boolean; errors?: string[] }
type ListMeta = { id: string; name: string; initialValue?: string | readonly (string | undefined)[] | null; errors?: string[] }
type ExtraRowMeta = {
  key?: string
  getFieldset: () => { nameFi: ValueMeta; nameSv: ValueMeta; nameEn: ValueMeta; price: ValueMeta }
}

export type OfferFieldMetas = {
  titleFi: ValueMeta
  titleSv: ValueMeta
  titleEn: ValueMeta
  descriptionFi: ValueMeta
  descriptionSv: ValueMeta
  descriptionEn: ValueMeta
  languages: ListMeta
  otherLanguages: ValueMeta
  unitIds: ListMeta
  extras: { id: string; name: string; errors?: string[]; getFieldList: () => ExtraRowMeta[] }
}

/** Conform's list buttons (submit buttons: they work without JavaScript too, through the server). */
export type ListButtons = {
  add: ButtonHTMLAttributes<HTMLButtonElement>
  remove: (index: number) => ButtonHTMLAttributes<HTMLButtonElement>
}

export type UnitOption = { value: string; label: string; hint?: ReactNode }

const groupIds = { titles: 'offer-titles-error', descriptions: 'offer-descriptions-error' }

/**
 * The error summary's entries in the order of the page (`order`: the field ids as they come on the page; an id
 * also places the ids that start with it, the extra-service rows after `extras`, say). The "at least one language"
 * errors (form-level in the schema) link to the first box of their group.
 */
export function offerSummaryErrors(
  errors: Record<string, string[] | undefined>,
  fields: Pick<OfferFieldMetas, 'titleFi' | 'descriptionFi'>,
  order: readonly string[] = [],
): Record<string, string[] | undefined> {
  const formErrors = errors[''] ?? []
  const byId: Record<string, string[] | undefined> = { ...errors }
  delete byId['']
  if (formErrors.includes(titleOneRequired)) byId[fields.titleFi.id] = [...(byId[fields.titleFi.id] ?? []), titleOneRequired]
  if (formErrors.includes(descriptionOneRequired)) {
    byId[fields.descriptionFi.id] = [...(byId[fields.descriptionFi.id] ?? []), descriptionOneRequired]
  }
  const position = (id: string) => {
    const exact = order.indexOf(id)
    if (exact >= 0) return exact
    const prefix = order.findIndex((candidate) => id.startsWith(candidate))
    return prefix >= 0 ? prefix : order.length
  }
  const ids = Object.keys(byId).sort((a, b) => position(a) - position(b))
  return Object.fromEntries([
    ['', formErrors.filter((error) => error !== titleOneRequired && error !== descriptionOneRequired)],
    ...ids.map((id) => [id, byId[id]]),
  ])
}

/** The ids of the shared fields in the order of the page, for `offerSummaryErrors`. */
export function sharedFieldOrder(fields: OfferFieldMetas): string[] {
  return [
    fields.titleFi.id,
    fields.titleSv.id,
    fields.titleEn.id,
    fields.descriptionFi.id,
    fields.descriptionSv.id,
    fields.descriptionEn.id,
  ]
}

/** …and the ones after the price. */
export function sharedFieldOrderAfterPrice(fields: OfferFieldMetas): string[] {
  return [fields.languages.id, fields.otherLanguages.id, fields.unitIds.id, fields.extras.id]
}

function GroupError({ id, message }: { id: string; message: string | null }) {
  if (!message) return null
  return (
    <p id={id} className="mb-3 font-semibold text-red-700">
      {message}
    </p>
  )
}

/** Titles (one line each) and descriptions in Finnish, Swedish and English, each group needing one language. */
export function OfferTextFields({ fields, formErrors }: { fields: OfferFieldMetas; formErrors: string[] | undefined }) {
  const { t } = useTranslation('offers')
  const titleError = formErrors?.includes(titleOneRequired) ? t(titleOneRequired) : null
  const descriptionError = formErrors?.includes(descriptionOneRequired) ? t(descriptionOneRequired) : null
  return (
    <>
      <fieldset className="mb-8" aria-describedby={['offer-titles-hint', titleError ? groupIds.titles : null].filter(Boolean).join(' ')}>
        <legend className="mb-1 text-xl font-bold">{t('fields.titlesLegend')}</legend>
        <p id="offer-titles-hint" className="mb-3 text-sm text-slate-700">
          {t('fields.titlesHint')}
        </p>
        <GroupError id={groupIds.titles} message={titleError} />
        {textLanguages.map((language) => (
          <Field
            key={language}
            meta={fields[titleField[language]]}
            label={t(`fields.title.${language}`)}
            lang={language}
            {...(titleError ? { 'aria-invalid': true as const } : {})}
          />
        ))}
      </fieldset>
      <fieldset
        className="mb-8"
        aria-describedby={['offer-descriptions-hint', descriptionError ? groupIds.descriptions : null].filter(Boolean).join(' ')}
      >
        <legend className="mb-1 text-xl font-bold">{t('fields.descriptionsLegend')}</legend>
        <p id="offer-descriptions-hint" className="mb-3 text-sm text-slate-700">
          {t('fields.descriptionsHint')}
        </p>
        <GroupError id={groupIds.descriptions} message={descriptionError} />
        {textLanguages.map((language) => (
          <TextareaField
            key={language}
            meta={fields[descriptionField[language]]}
            label={t(`fields.description.${language}`)}
            lang={language}
            describedBy={descriptionError ? groupIds.descriptions : undefined}
            {...(descriptionError ? { 'aria-invalid': true as const } : {})}
          />
        ))}
      </fieldset>
    </>
  )
}

/** Finnish, Swedish, English and the two sign languages as boxes; any other language as ISO 639-1 codes. */
export function LanguageFields({ fields, locale }: { fields: OfferFieldMetas; locale: AppLocale }) {
  const { t } = useTranslation('offers')
  // a tampered form may send the field twice (an array): only a text is named back
  const typed: unknown = fields.otherLanguages.value ?? fields.otherLanguages.initialValue
  const parsed = fields.otherLanguages.errors?.length && typeof typed === 'string' ? parseLanguageCodes(typed) : null
  return (
    <fieldset className="mb-8">
      <legend className="mb-1 text-xl font-bold">{t('fields.languagesLegend')}</legend>
      <p className="mb-3 text-sm text-slate-700">{t('fields.languagesHint')}</p>
      <CheckboxGroup
        meta={fields.languages}
        legend={t('fields.mainLanguages')}
        options={checkboxLanguages.map((code) => ({ value: code, label: capitalised(languageName(code, locale)) }))}
      />
      <Field
        meta={fields.otherLanguages}
        label={t('fields.otherLanguages')}
        hint={
          <>
            {t('fields.otherLanguagesHint')}
            {parsed && !parsed.ok ? (
              <>
                {' '}
                <strong>{t('fields.notRecognised', { codes: parsed.invalid.join(', ') })}</strong>
              </>
            ) : null}
          </>
        }
        spellCheck={false}
        autoCapitalize="none"
      />
      <details className="mb-5 max-w-xl rounded border-2 border-slate-300 p-3">
        <summary className="cursor-pointer">{t('fields.languageCodes')}</summary>
        <dl className="mt-2 grid grid-cols-[4rem_1fr] gap-x-3 gap-y-1 text-sm">
          {languageOptions(locale).map((option) => (
            <div key={option.code} className="contents">
              <dt className="font-mono">{option.code}</dt>
              <dd>{option.name}</dd>
            </div>
          ))}
        </dl>
      </details>
    </fieldset>
  )
}

/** The organisation's units and areas where the service is given (at least one). */
export function UnitChoice({ fields, units, addUnitHref }: { fields: OfferFieldMetas; units: UnitOption[]; addUnitHref: string }) {
  const { t } = useTranslation('offers')
  if (units.length === 0) {
    return (
      <fieldset className="mb-8">
        <legend className="mb-1 text-xl font-bold">{t('fields.unitsLegend')}</legend>
        {fields.unitIds.errors?.length ? (
          <p id={fields.unitIds.id} className="font-semibold text-red-700" tabIndex={-1}>
            {fields.unitIds.errors.map((error) => t(error)).join(' ')}
          </p>
        ) : null}
        <p className="mb-2">{t('fields.noUnits')}</p>
        <Link to={addUnitHref}>{t('fields.addUnit')}</Link>
      </fieldset>
    )
  }
  return (
    <CheckboxGroup
      meta={fields.unitIds}
      legend={<span className="text-xl font-bold">{t('fields.unitsLegend')}</span>}
      hint={
        <>
          {t('fields.unitsHint')} <Link to={addUnitHref}>{t('fields.addUnit')}</Link>
        </>
      }
      options={units}
      className="mb-8"
    />
  )
}

/** Extra services (not covered by the voucher): name in one language at least, and a price. */
export function ExtraServiceRows({ fields, buttons }: { fields: OfferFieldMetas; buttons: ListButtons }) {
  const { t } = useTranslation('offers')
  const rows = fields.extras.getFieldList()
  return (
    <fieldset className="mb-8">
      <legend className="mb-1 text-xl font-bold">{t('fields.extrasLegend')}</legend>
      <p className="mb-3 text-sm text-slate-700">{t('fields.extrasHint')}</p>
      {rows.length === 0 ? <p className="mb-3">{t('fields.noExtras')}</p> : null}
      <ol className="space-y-4">
        {rows.map((row, index) => {
          const extra = row.getFieldset()
          const number = index + 1
          return (
            <li key={row.key ?? index}>
              <fieldset className="rounded border-2 border-slate-300 p-4">
                <legend className="px-1 font-semibold">{t('fields.extra', { number })}</legend>
                {textLanguages.map((language) => (
                  <Field key={language} meta={extra[extraNameField[language]]} label={t(`fields.extraName.${language}`)} lang={language} />
                ))}
                <Field
                  meta={extra.price}
                  label={t('fields.extraPrice')}
                  hint={t('fields.euroHint')}
                  inputMode="decimal"
                  className="mb-5 max-w-48"
                />
                <Button variant="secondary" {...buttons.remove(index)}>
                  {t('fields.removeExtra', { number })}
                </Button>
              </fieldset>
            </li>
          )
        })}
      </ol>
      <Button variant="secondary" className="mt-4" {...buttons.add}>
        {t('fields.addExtra')}
      </Button>
    </fieldset>
  )
}

/**
 * The first submit button of a form is what Enter in a text field presses. The list buttons (add, remove) come
 * before the form's own button, so this invisible copy of the form's button goes first.
 */
export function DefaultSubmit({ label, name, value }: { label: string; name?: string; value?: string }) {
  return (
    <button type="submit" name={name} value={value} className="sr-only" tabIndex={-1} aria-hidden="true">
      {label}
    </button>
  )
}
