import type { LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { Button } from '~/components/ui/button'
import { Field } from '~/components/ui/field'
import { SelectField } from '~/components/ui/select-field'
import { Table } from '~/components/ui/table'
import { getLocale, pageTitle } from '~/i18n.server'
import { nameIn } from '~/modules/applications/labels'
import { offerTitle } from '~/modules/offers/texts'
import { whatWouldIPay } from '~/modules/public-catalogue/calculator.server'
import { copaymentText, formatRate, perUnit, ShownText, useCatalogue, valueText } from '~/components/catalogue/display'
import { calculatorListSize, householdMax, parseCalculatorParams, searchQuery } from '~/modules/public-catalogue/schema'
import { categoryAndMunicipalityOptions } from '~/modules/public-catalogue/search.server'
import type { IncomeExplanation } from '~/modules/public-catalogue/voucher'
import { formatCents } from '~/utils/format'
import { titleFromLoader } from '~/utils/meta'
import { limitPublicPage } from '~/utils/rate-limit.server'

export const meta = titleFromLoader

/**
 * "What would I pay" (anonymous; nothing is stored, the form is GET): the voucher value of a category — for an
 * income-related one the reader's estimate from household size and gross monthly income, with the calculation in
 * plain words — and the co-payment per unit at each public producer of the category.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  await limitPublicPage(request)
  const params = parseCalculatorParams(new URL(request.url).searchParams)
  const locale = await getLocale(request)
  const now = new Date()
  const [options, result] = await Promise.all([categoryAndMunicipalityOptions(), whatWouldIPay(params, locale, now)])
  return { title: await pageTitle(request, 'catalogue:calculator.title'), params, categories: options.categories, result }
}

function Explanation({ explanation, unit }: { explanation: IncomeExplanation; unit: 'HOUR' | 'DAY' | 'VISIT' | 'MONTH' }) {
  const { t, locale } = useCatalogue()
  const money = (cents: number) => formatCents(cents, locale)
  const limit =
    explanation.extraPersons > 0
      ? t('calculator.explain.limitExtra', {
          count: explanation.householdSize,
          limit: money(explanation.limitCents),
          base: money(explanation.limitCents - explanation.extraPersons * explanation.extraPerPersonCents),
          largest: explanation.largestListedSize,
          extra: money(explanation.extraPerPersonCents),
        })
      : t('calculator.explain.limit', { count: explanation.householdSize, limit: money(explanation.limitCents) })
  const belowLimit = explanation.incomeCents <= explanation.limitCents
  return (
    <ol className="mt-3 list-decimal space-y-2 pl-6">
      <li>{t('calculator.explain.max', { max: perUnit(t, explanation.maxValueCents, unit, locale), min: perUnit(t, explanation.minValueCents, unit, locale) })}</li>
      <li>{limit}</li>
      {belowLimit ? (
        <li>{t('calculator.explain.belowLimit', { income: money(explanation.incomeCents), max: money(explanation.maxValueCents) })}</li>
      ) : (
        <>
          <li>
            {t('calculator.explain.reduction', { rate: formatRate(explanation.reductionRateBasisPoints, locale) })}
            <span className="mt-1 block font-mono text-lg">
              {money(explanation.maxValueCents)} − ({money(explanation.incomeCents)} − {money(explanation.limitCents)}) ×{' '}
              {formatRate(explanation.reductionRateBasisPoints, locale)} = {money(explanation.unclampedCents)}
            </span>
          </li>
          <li>
            {explanation.clamped === 'min'
              ? t('calculator.explain.clampedMin', { value: money(explanation.unclampedCents), min: money(explanation.minValueCents) })
              : t('calculator.explain.result', { value: money(explanation.valueCents) })}
          </li>
        </>
      )}
    </ol>
  )
}

export default function WhatWouldIPay() {
  const { t, locale } = useCatalogue()
  const { params, categories, result } = useLoaderData<typeof loader>()
  const category = result.kind === 'results' ? result.category : null
  const searchLink =
    result.kind === 'results'
      ? `/services${searchQuery({
          category: result.category.code,
          sort: 'copayment',
          ...(result.value.kind === 'estimate' ? { household: result.value.householdSize, incomeCents: result.value.incomeCents } : {}),
        })}`
      : '/services'
  const estimateAsked = params.household !== undefined && params.incomeCents !== undefined

  return (
    <>
      <h1>{t('calculator.title')}</h1>
      <p className="mt-2 max-w-3xl">{t('calculator.intro')}</p>
      <p className="mt-2 mb-6 max-w-3xl font-semibold">{t('calculator.anonymous')}</p>

      <section aria-labelledby="calculator-form-title" className="mb-8 rounded border border-slate-300 p-4">
        <h2 id="calculator-form-title">{t('calculator.formTitle')}</h2>
        <Form method="get" className="mt-3">
          <SelectField
            meta={{ id: 'calculator-category', name: 'category', initialValue: params.category ?? '' }}
            label={t('search.category')}
            placeholder={t('search.categoryPlaceholder')}
            options={categories.map((item) => ({
              value: item.code,
              label: item.voucherType === 'INCOME_RELATED' ? t('calculator.incomeRelatedOption', { name: nameIn(locale, item) }) : nameIn(locale, item),
            }))}
          />
          <fieldset className="mb-4">
            <legend className="mb-1 text-lg font-semibold">{t('calculator.householdLegend')}</legend>
            <p className="mb-3 max-w-2xl text-sm text-slate-700">{t('calculator.householdHint')}</p>
            <div className="grid gap-x-6 md:grid-cols-2">
              <Field
                meta={{
                  id: 'calculator-household',
                  name: 'household',
                  initialValue: params.householdText,
                  errors: params.errors.household ? [`catalogue:calculator.errors.${params.errors.household}`] : undefined,
                }}
                label={t('calculator.household')}
                hint={t('calculator.householdRange', { max: householdMax })}
                type="number"
                inputMode="numeric"
                min={1}
                max={householdMax}
                step={1}
              />
              <Field
                meta={{
                  id: 'calculator-income',
                  name: 'income',
                  initialValue: params.incomeText,
                  errors: params.errors.income ? [`catalogue:calculator.errors.${params.errors.income}`] : undefined,
                }}
                label={t('calculator.income')}
                hint={t('calculator.incomeHint')}
                inputMode="decimal"
                autoComplete="off"
              />
            </div>
          </fieldset>
          <Button>{t('calculator.submit')}</Button>
        </Form>
      </section>

      {result.kind === 'noCategory' ? (
        result.unknownCategory ? (
          <p role="status">{t('search.unknownCategory')}</p>
        ) : null
      ) : category ? (
        <>
          <section aria-labelledby="calculator-value-title" className="mb-8">
            <div role="status" aria-live="polite" aria-atomic="true">
              <h2 id="calculator-value-title">{t('calculator.valueTitle', { category: nameIn(locale, category) })}</h2>
              <p className="mt-2 text-xl font-semibold">{valueText(t, result.value, category.unit, locale)}</p>
            </div>
            {result.value.kind === 'fixed' ? <p className="mt-2 max-w-3xl">{t('calculator.fixedExplained')}</p> : null}
            {result.value.kind === 'range' ? (
              <p className="mt-2 max-w-3xl">{estimateAsked ? t('calculator.noRule') : t('calculator.rangeExplained')}</p>
            ) : null}
            {result.value.kind === 'missing' ? <p className="mt-2 max-w-3xl">{t('calculator.missingExplained')}</p> : null}
            {result.explanation ? (
              <>
                <h3 className="mt-4">{t('calculator.howTitle')}</h3>
                <Explanation explanation={result.explanation} unit={category.unit} />
              </>
            ) : null}
            <p className="mt-4 max-w-3xl text-sm text-slate-700">{t('calculator.copaymentExplained')}</p>
          </section>

          <section aria-labelledby="calculator-producers-title">
            <h2 id="calculator-producers-title">{t('calculator.producersTitle')}</h2>
            {result.cards.length === 0 ? (
              <p className="mt-2">{t('calculator.noProducers')}</p>
            ) : (
              <div className="mt-3">
                <Table caption={t('calculator.producersCaption', { category: nameIn(locale, category) })}>
                  <thead>
                    <tr>
                      <th scope="col">{t('calculator.columns.producer')}</th>
                      <th scope="col">{t('calculator.columns.service')}</th>
                      <th scope="col">{t('calculator.columns.price')}</th>
                      <th scope="col">{t('calculator.columns.copayment')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {result.cards.map((card) => (
                      <tr key={card.id}>
                        <td>
                          <Link to={`/producers/${card.organisation.id}`}>{card.organisation.name}</Link>
                        </td>
                        <td>
                          <ShownText text={offerTitle(card, locale)} />
                        </td>
                        <td>{perUnit(t, card.priceCents, category.unit, locale)}</td>
                        <td className="font-semibold">{copaymentText(t, card.priceCents, result.value, category.unit, locale)}</td>
                      </tr>
                    ))}
                  </tbody>
                </Table>
              </div>
            )}
            {result.total > result.cards.length ? (
              <p className="mt-2">{t('calculator.moreProducers', { shown: calculatorListSize, count: result.total })}</p>
            ) : null}
            <p className="mt-4">
              <Link to={searchLink} className="font-semibold">
                {result.value.kind === 'estimate' ? t('calculator.searchWithEstimate') : t('calculator.search')}
              </Link>
            </p>
          </section>
        </>
      ) : null}
    </>
  )
}
