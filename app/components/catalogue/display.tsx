import type { TFunction } from 'i18next'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { intlLocale, isLocale, type AppLocale } from '~/i18n'
import { capacityAgeDays } from '~/modules/offers/capacity'
import type { LocalisedText } from '~/modules/offers/texts'
import { municipalityName, type MunicipalityNames } from '~/modules/organisations/municipality-name'
import { formatCents } from '~/utils/format'
import { copaymentRange, type ReaderValue } from '~/modules/public-catalogue/voucher'
import { intlCollator, numberFormat } from '~/utils/intl'

/**
 * Presentational pieces shared by the catalogue pages (search, compare, profile, what would I pay). No data
 * fetching here; every text comes from the `catalogue` namespace.
 */
export type Unit = 'HOUR' | 'DAY' | 'VISIT' | 'MONTH'

export function useCatalogue() {
  const { t, i18n } = useTranslation('catalogue')
  const locale: AppLocale = isLocale(i18n.language) ? i18n.language : 'sv'
  return { t, locale }
}

/**
 * A stored text in the reader's language, or another language's marked with `lang` and followed by a note; never
 * blank. In a heading, pass `note={false}` and put `<FallbackNote>` after the heading (the note is not a title).
 */
export function ShownText({
  text,
  as: Tag = 'span',
  className,
  note = true,
}: {
  text: LocalisedText | null
  as?: 'span' | 'p' | 'div'
  className?: string
  note?: boolean
}) {
  const { t } = useCatalogue()
  if (!text) return <Tag className={className}>{t('text.missing')}</Tag>
  return (
    <>
      <Tag lang={text.fallback ? text.lang : undefined} className={`${className ?? ''} whitespace-pre-line`}>
        {text.text}
      </Tag>
      {note ? <FallbackNote text={text} /> : null}
    </>
  )
}

/** "Not available in your language." when the text shown is another language's. */
export function FallbackNote({ text }: { text: LocalisedText | null }) {
  const { t } = useCatalogue()
  return text?.fallback ? <span className="block text-sm font-normal text-slate-700">{t('text.notInYourLanguage')}</span> : null
}

/** "24,00 € / hour" */
export function perUnit(t: TFunction, cents: number, unit: Unit, locale: AppLocale): string {
  return t(`perUnit.${unit}`, { amount: formatCents(cents, locale) })
}

/** "24,00 €", or "12,00 € – 36,00 €" */
export function amountRange(min: number, max: number, locale: AppLocale): string {
  return min === max ? formatCents(min, locale) : `${formatCents(min, locale)} – ${formatCents(max, locale)}`
}

/** The voucher value per unit: fixed, a range (income-related), the reader's estimate, or not set. */
export function valueText(t: TFunction, value: ReaderValue, unit: Unit, locale: AppLocale): string {
  switch (value.kind) {
    case 'fixed':
      return perUnit(t, value.valueCents, unit, locale)
    case 'estimate':
      return t('value.estimate', { amount: perUnit(t, value.valueCents, unit, locale) })
    case 'range':
      return t('value.range', { range: t(`perUnit.${unit}`, { amount: amountRange(value.minValueCents, value.maxValueCents, locale) }) })
    case 'missing':
      return t('value.missing')
  }
}

/** The reader's co-payment per unit at a price ("from–to" for a range of values). */
export function copaymentText(t: TFunction, priceCents: number, value: ReaderValue, unit: Unit, locale: AppLocale): string {
  const range = copaymentRange(priceCents, value)
  if (!range) return t('copayment.unknown')
  return t(`perUnit.${unit}`, { amount: amountRange(range.min, range.max, locale) })
}

/** "about 40,00 € for 10 hours" */
export function monthlyText(t: TFunction, priceCents: number, value: ReaderValue, unit: Unit, units: number, locale: AppLocale): string {
  const range = copaymentRange(priceCents, value)
  if (!range) return t('copayment.unknown')
  return t('copayment.monthly', { amount: amountRange(range.min * units, range.max * units, locale), units: t(`unitCount.${unit}`, { count: units }) })
}

/** Free places and how old the figure is ("3 free places · confirmed 2 days ago"). */
export function FreePlaces({ freePlaces, confirmedAt, now }: { freePlaces: number | null; confirmedAt: Date | string | null; now: number }) {
  const { t } = useCatalogue()
  const amount = freePlaces === null ? t('capacity.notStated') : freePlaces === 0 ? t('capacity.none') : t('capacity.some', { count: freePlaces })
  const age = capacityAgeDays(confirmedAt, new Date(now))
  return (
    <>
      <span className="font-semibold">{amount}</span>
      <span className="block text-sm text-slate-700">
        {age === null ? t('capacity.never') : age === 0 ? t('capacity.today') : t('capacity.daysAgo', { count: age })}
      </span>
    </>
  )
}

/** Municipality codes → names in the reader's language, alphabetically. */
export function municipalityNames(codes: readonly string[], municipalities: readonly (MunicipalityNames & { code: string })[], locale: AppLocale): string[] {
  const collator = intlCollator(intlLocale[locale])
  const byCode = new Map(municipalities.map((municipality) => [municipality.code, municipality]))
  return codes
    .map((code) => {
      const municipality = byCode.get(code)
      return municipality ? municipalityName(municipality, locale) : code
    })
    .sort((a, b) => collator.compare(a, b))
}

/** "12,5" km: one decimal under 10 km, whole kilometres above. */
export function formatKm(km: number, locale: AppLocale): string {
  return numberFormat(intlLocale[locale], { maximumFractionDigits: km < 10 ? 1 : 0 }).format(km)
}

/** "2 %" */
export function formatRate(basisPoints: number, locale: AppLocale): string {
  return numberFormat(intlLocale[locale], { style: 'percent', maximumFractionDigits: 2 }).format(basisPoints / 10_000)
}

/** A term and its description in a facts list. */
export function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="py-1 sm:grid sm:grid-cols-[14rem_1fr] sm:gap-3">
      <dt className="font-semibold">{term}</dt>
      <dd>{children}</dd>
    </div>
  )
}

/** Accessibility of a location: the three features as yes/no, and the notes in the reader's language. */
export function AccessibilityFacts({
  unit,
  notes,
}: {
  unit: { stepFreeAccess: boolean; hearingLoop: boolean; parking: boolean }
  notes: LocalisedText | null
}) {
  const { t } = useCatalogue()
  const yesNo = (value: boolean) => (value ? t('accessibility.yes') : t('accessibility.no'))
  return (
    <ul className="list-none space-y-0.5">
      <li>
        {t('accessibility.stepFree')}: {yesNo(unit.stepFreeAccess)}
      </li>
      <li>
        {t('accessibility.hearingLoop')}: {yesNo(unit.hearingLoop)}
      </li>
      <li>
        {t('accessibility.parking')}: {yesNo(unit.parking)}
      </li>
      {notes ? (
        <li>
          <ShownText text={notes} />
        </li>
      ) : null}
    </ul>
  )
}
