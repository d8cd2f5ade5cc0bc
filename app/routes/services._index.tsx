import type { LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { Button } from '~/components/ui/button'
import { CheckboxField } from '~/components/ui/checkbox-field'
import { CheckboxGroup } from '~/components/ui/checkbox-group'
import { Field } from '~/components/ui/field'
import { Pagination } from '~/components/ui/pagination'
import { RadioGroup } from '~/components/ui/radio-group'
import { SelectField } from '~/components/ui/select-field'
import { getLocale, pageTitle } from '~/i18n.server'
import { nameIn } from '~/modules/applications/labels'
import { formatCentsForInput } from '~/modules/catalogue/money'
import { capitalised, languageName, sortLanguages } from '~/modules/offers/languages'
import { municipalityName, municipalityOptions } from '~/modules/organisations/municipality-name'
import { useCatalogue, valueText } from '~/components/catalogue/display'
import { OfferCard } from '~/components/catalogue/offer-card'
import { defaultUnitsPerMonth, householdMax, maxCompared, parseSearchParams, providerTypes, searchQuery, sortKeys, unitsMax } from '~/modules/public-catalogue/schema'
import { categoryCounts, searchFormOptions, searchOffers } from '~/modules/public-catalogue/search.server'
import { titleFromLoader } from '~/utils/meta'
import { limitPublicPage } from '~/utils/rate-limit.server'

export const meta = titleFromLoader

/** National languages with a box of their own; any other language present in public offers is in a list. */
const boxLanguages = ['fi', 'sv', 'en']

/**
 * The public search (no login): a GET form, so every search is a shareable address and works without JavaScript.
 * Without a category the page lists the categories (with how many services match the other filters).
 */
export async function loader({ request }: LoaderFunctionArgs) {
  await limitPublicPage(request)
  const filters = parseSearchParams(new URL(request.url).searchParams)
  const locale = await getLocale(request)
  const now = new Date()
  const [options, result] = await Promise.all([searchFormOptions(filters.category, now), searchOffers(filters, locale, { now })])
  const counts = result.kind === 'noCategory' ? Object.fromEntries(await categoryCounts(filters, locale, now)) : null
  return { title: await pageTitle(request, 'catalogue:title'), filters, options, result, counts, now: now.getTime() }
}

export default function Services() {
  const { t, locale } = useCatalogue()
  const { filters, options, result, counts, now } = useLoaderData<typeof loader>()
  const category = result.kind === 'results' ? result.category : null
  const unit = category?.unit ?? null
  const units = filters.units ?? (unit ? defaultUnitsPerMonth[unit] : 10)
  const origin = filters.municipality ? (options.municipalities.find((municipality) => municipality.code === filters.municipality) ?? null) : null

  const otherLanguages = sortLanguages(
    [...options.languages, ...filters.languages].filter((code) => !boxLanguages.includes(code)),
    locale,
  )
  const otherChosen = filters.languages.find((code) => !boxLanguages.includes(code)) ?? ''
  const incomeRelated = category?.voucherType === 'INCOME_RELATED'
  const estimateQuery = searchQuery({ category: filters.category, household: filters.household, incomeCents: filters.incomeCents })

  return (
    <>
      <h1>{t('title')}</h1>
      <p className="mt-2 mb-6 max-w-3xl">{t('search.intro')}</p>
      {result.kind === 'results' && result.total > 0 ? (
        <p className="mb-4">
          <a href="#results-title">{t('search.skipToResults', { count: result.total })}</a>
        </p>
      ) : null}

      <section aria-labelledby="search-form-title" className="mb-8 rounded border border-slate-300 p-4">
        <h2 id="search-form-title">{t('search.formTitle')}</h2>
        <Form method="get" className="mt-3">
          <fieldset className="mb-4">
            <legend className="mb-2 text-lg font-semibold">{t('search.whatWhere')}</legend>
            <div className="grid gap-x-6 md:grid-cols-2">
              <SelectField
                meta={{ id: 'search-category', name: 'category', initialValue: filters.category ?? '' }}
                label={t('search.category')}
                hint={t('search.categoryHint')}
                placeholder={t('search.categoryPlaceholder')}
                options={options.categories.map((item) => ({ value: item.code, label: nameIn(locale, item) }))}
              />
              <SelectField
                meta={{ id: 'search-municipality', name: 'municipality', initialValue: filters.municipality ?? '' }}
                label={t('search.municipality')}
                hint={t('search.municipalityHint')}
                placeholder={t('search.municipalityPlaceholder')}
                options={municipalityOptions(options.municipalities, locale)}
              />
            </div>
            <CheckboxField
              meta={{ id: 'search-elsewhere', name: 'elsewhere', initialValue: filters.elsewhere ? 'on' : undefined }}
              label={t('search.elsewhere')}
              hint={t('search.elsewhereHint')}
            />
          </fieldset>

          <div className="grid gap-x-6 md:grid-cols-2">
            <div className="mb-4">
              <CheckboxGroup
                meta={{ id: 'search-languages', name: 'lang', initialValue: filters.languages }}
                legend={t('search.languages')}
                hint={t('search.languagesHint')}
                options={boxLanguages.map((code) => ({ value: code, label: capitalised(languageName(code, locale)) }))}
              />
              <SelectField
                meta={{ id: 'search-other-language', name: 'lang', initialValue: otherChosen }}
                label={t('search.otherLanguage')}
                placeholder={t('search.otherLanguagePlaceholder')}
                options={otherLanguages.map((code) => ({ value: code, label: capitalised(languageName(code, locale)) }))}
              />
            </div>
            <RadioGroup
              meta={{ id: 'search-type', name: 'type', initialValue: filters.providerType ?? '' }}
              legend={t('search.providerType')}
              options={[
                { value: '', label: t('search.providerTypes.any') },
                ...providerTypes.map((type) => ({ value: type, label: t(`search.providerTypes.${type}`), hint: t(`search.providerTypes.${type}Hint`) })),
              ]}
            />
          </div>

          <fieldset className="mb-4">
            <legend className="mb-2 text-lg font-semibold">{t('search.conditionsLegend')}</legend>
            <CheckboxField
              meta={{ id: 'search-free', name: 'free', initialValue: filters.freeNow ? 'on' : undefined }}
              label={t('search.freeNow')}
            />
            <CheckboxField
              meta={{ id: 'search-nocopay', name: 'nocopay', initialValue: filters.noCopay ? 'on' : undefined }}
              label={t('search.noCopay')}
              hint={t('search.noCopayHint')}
            />
          </fieldset>

          <Field
            meta={{ id: 'search-q', name: 'q', initialValue: filters.q ?? '' }}
            label={t('search.q')}
            hint={t('search.qHint')}
            type="search"
            maxLength={100}
          />

          {incomeRelated ? (
            <fieldset className="mb-4">
              <legend className="mb-2 text-lg font-semibold">{t('search.estimateLegend')}</legend>
              <p className="mb-3 max-w-2xl text-sm text-slate-700">
                {t('search.estimateHint')} <Link to={`/services/what-would-i-pay${estimateQuery}`}>{t('search.estimateLink')}</Link>
              </p>
              <div className="grid gap-x-6 md:grid-cols-2">
                <SelectField
                  meta={{ id: 'search-household', name: 'household', initialValue: filters.household ? String(filters.household) : '' }}
                  label={t('calculator.household')}
                  placeholder={t('search.householdPlaceholder')}
                  options={Array.from({ length: householdMax }, (_, index) => ({ value: String(index + 1), label: String(index + 1) }))}
                />
                <Field
                  meta={{ id: 'search-income', name: 'income', initialValue: filters.incomeCents !== undefined ? formatCentsForInput(filters.incomeCents) : '' }}
                  label={t('calculator.income')}
                  hint={t('calculator.incomeHint')}
                  inputMode="decimal"
                  autoComplete="off"
                />
              </div>
            </fieldset>
          ) : null}

          <fieldset className="mb-4">
            <legend className="mb-2 text-lg font-semibold">{t('search.orderLegend')}</legend>
            <div className="grid gap-x-6 md:grid-cols-2">
              <SelectField
                meta={{ id: 'search-sort', name: 'sort', initialValue: filters.sort }}
                label={t('search.sort')}
                hint={t('search.sortHint')}
                options={sortKeys.map((key) => ({ value: key, label: t(`search.sorts.${key}`) }))}
              />
              <Field
                meta={{ id: 'search-units', name: 'units', initialValue: String(units) }}
                label={t(`unitsPerMonth.${unit ?? 'ANY'}`)}
                hint={t('search.unitsHint')}
                type="number"
                inputMode="numeric"
                min={1}
                max={unitsMax}
                step={1}
              />
            </div>
          </fieldset>

          <div className="flex flex-wrap items-center gap-4">
            <Button>{t('search.submit')}</Button>
            <Link to="/services">{t('search.clear')}</Link>
          </div>
        </Form>
      </section>

      {result.kind === 'noCategory' ? (
        <section aria-labelledby="categories-title">
          <h2 id="categories-title">{t('search.chooseCategory')}</h2>
          {result.unknownCategory ? (
            <p role="status" className="mt-2 font-semibold">
              {t('search.unknownCategory')}
            </p>
          ) : null}
          <ul className="mt-4 space-y-2">
            {options.categories.map((item) => (
              <li key={item.id}>
                <Link to={`/services${searchQuery({ ...filters, category: item.code, page: 1 })}`} className="text-lg">
                  {nameIn(locale, item)}
                </Link>{' '}
                <span className="text-slate-700">({t('search.categoryCount', { count: counts?.[item.id] ?? 0 })})</span>
              </li>
            ))}
          </ul>
        </section>
      ) : (
        <section aria-labelledby="results-title">
          <div role="status" aria-live="polite" aria-atomic="true">
            <h2 id="results-title" tabIndex={-1}>
              {t('search.resultsHeading', { count: result.total, category: nameIn(locale, result.category) })}
            </h2>
          </div>
          <p className="mt-2">
            {t('search.valueToday', { category: nameIn(locale, result.category), value: valueText(t, result.value, result.category.unit, locale) })}
          </p>
          {filters.sort === 'distance' && result.sort !== 'distance' ? <p className="mt-2 font-semibold">{t('search.distanceNeedsMunicipality')}</p> : null}
          {origin && result.sort === 'distance' ? (
            <p className="mt-2">{t('search.distanceFrom', { municipality: municipalityName(origin, locale) })}</p>
          ) : null}

          {result.cards.length === 0 ? (
            <p className="mt-4">{t('search.noResults')}</p>
          ) : (
            <Form method="get" action="/services/compare" className="mt-4">
              <input type="hidden" name="category" value={result.category.code} />
              <input type="hidden" name="units" value={units} />
              {filters.household !== undefined && filters.incomeCents !== undefined ? (
                <>
                  <input type="hidden" name="household" value={filters.household} />
                  <input type="hidden" name="income" value={formatCentsForInput(filters.incomeCents)} />
                </>
              ) : null}
              <p className="mb-3 max-w-3xl">{t('search.compareHint', { max: maxCompared })}</p>
              <ol className="space-y-4" aria-label={t('search.resultsList')}>
                {result.cards.map((card) => (
                  <li key={card.id}>
                    <OfferCard
                      offer={card}
                      unit={result.category.unit}
                      value={result.value}
                      units={units}
                      municipalities={options.municipalities}
                      origin={result.sort === 'distance' ? origin : null}
                      now={now}
                    />
                  </li>
                ))}
              </ol>
              <p className="mt-4">
                <Button>{t('search.compareSubmit')}</Button>
              </p>
            </Form>
          )}
          <Pagination page={result.page} pageCount={result.pageCount} />
        </section>
      )}
    </>
  )
}
