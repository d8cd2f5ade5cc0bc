import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useVoucherT } from '~/components/my-voucher/display'
import { VoucherOfferCard, type CardAction } from '~/components/my-voucher/voucher-offer-card'
import { Alert } from '~/components/ui/alert'
import { Button } from '~/components/ui/button'
import { CheckboxField } from '~/components/ui/checkbox-field'
import { CheckboxGroup } from '~/components/ui/checkbox-group'
import { Field } from '~/components/ui/field'
import { Pagination } from '~/components/ui/pagination'
import { SelectField } from '~/components/ui/select-field'
import { getLocale, pageTitle } from '~/i18n.server'
import { nameIn } from '~/modules/applications/labels'
import { requireClientVoucher } from '~/modules/client-access/session.server'
import { chooseOffer } from '~/modules/choices/choose.server'
import { chooseSchema } from '~/modules/choices/schema'
import { choosableVoucherStatuses } from '~/modules/choices/state'
import { searchForVoucher, voucherForChoosing } from '~/modules/choices/voucher.server'
import { helsinkiToday, isoDate } from '~/modules/documents/dates'
import { capitalised, languageName } from '~/modules/offers/languages'
import { municipalityName, municipalityOptions } from '~/modules/organisations/municipality-name'
import { municipalities } from '~/modules/public-catalogue/details.server'
import { parseSearchParams, queryMaxLength } from '~/modules/public-catalogue/schema'
import { readFormData } from '~/utils/form-data.server'
import { titleFromLoader } from '~/utils/meta'
import { notFound } from '~/utils/session.server'
import { redirectWithToast } from '~/utils/toast.server'

export const meta = titleFromLoader

/** The orders that differ for the client (price order is their co-payment order). */
const clientSorts = ['copayment', 'distance', 'name'] as const
const boxLanguages = ['fi', 'sv', 'en']

/**
 * The producers the client may choose with their voucher: the public offers of the voucher's category, found with
 * the public catalogue's search and filters (municipality, language, free places, text, order), each with the
 * client's own co-payment. The municipality starts as the client's own. "Choose" posts here; a change of producer
 * goes to the confirmation page first.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const { voucherId } = await requireClientVoucher(request)
  const now = new Date()
  const [voucher, locale] = await Promise.all([voucherForChoosing(voucherId), getLocale(request)])
  if (!voucher) notFound()
  const params = new URL(request.url).searchParams
  const parsed = parseSearchParams(params)
  const filters = {
    ...parsed,
    municipality: params.has('municipality') ? parsed.municipality : voucher.client.municipalityCode,
    sort: (clientSorts as readonly string[]).includes(parsed.sort) ? parsed.sort : 'copayment',
  }
  const [result, municipalityRows] = await Promise.all([searchForVoucher(voucher, filters, locale, now), municipalities()])
  const open = voucher.choices[0] ?? null
  const canChoose = (choosableVoucherStatuses as readonly string[]).includes(voucher.status) && isoDate(voucher.validTo) >= helsinkiToday(now)
  return {
    title: await pageTitle(request, 'voucher:producers.title'),
    filters,
    category: nameIn(locale, voucher.category),
    unit: voucher.category.unit,
    valueCents: voucher.valueCents,
    unitsPerMonth: voucher.unitsPerMonth,
    current: open ? { offerId: open.offer.id, producer: open.offer.organisation.name, status: open.status } : null,
    canChoose,
    result:
      result.kind === 'results'
        ? { cards: result.cards, total: result.total, page: result.page, pageCount: result.pageCount, byDistance: result.sort === 'distance' }
        : { cards: [], total: 0, page: 1, pageCount: 1, byDistance: false },
    municipalities: municipalityRows,
    now: now.getTime(),
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const { voucherId } = await requireClientVoucher(request)
  const submission = parseWithZod(await readFormData(request), { schema: chooseSchema })
  if (submission.status !== 'success') return data({ error: 'voucher:errors.notAvailable' }, { status: 400 })
  const { offerId } = submission.value
  const result = await chooseOffer({ voucherId, offerId, change: false })
  if (result.ok) return redirectWithToast('/my-voucher', { kind: 'success', message: 'voucher:toast.chosen' })
  if (result.error === 'needsConfirmation') return redirect(`/my-voucher/producers/${encodeURIComponent(offerId)}`)
  if (result.error === 'sameOffer') return redirectWithToast('/my-voucher', { kind: 'info', message: 'voucher:toast.alreadyChosen' })
  return data({ error: `voucher:errors.${result.error}` }, { status: 409 })
}

export default function ChooseProducer() {
  const { t, locale } = useVoucherT()
  const { filters, category, unit, valueCents, unitsPerMonth, current, canChoose, result, municipalities: municipalityRows, now } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const origin = result.byDistance && filters.municipality ? (municipalityRows.find((row) => row.code === filters.municipality) ?? null) : null
  const cardAction = (offerId: string): CardAction => {
    if (!canChoose) return 'none'
    if (current?.offerId === offerId) return 'current'
    return current ? 'change' : 'choose'
  }
  return (
    <>
      <h1>{t('producers.title')}</h1>
      <p className="mt-2 max-w-3xl">{t('producers.intro', { category })}</p>
      {current ? (
        <p className="mt-2 max-w-3xl font-semibold">
          {t(current.status === 'PENDING' ? 'producers.currentPending' : 'producers.currentAccepted', { producer: current.producer })}
        </p>
      ) : null}
      {!canChoose ? <Alert kind="info">{t('producers.cannotChoose')}</Alert> : null}
      {actionData?.error ? (
        <div className="mt-4">
          <Alert kind="error">{t(actionData.error)}</Alert>
        </div>
      ) : null}

      <section aria-labelledby="producers-filters" className="mt-6 mb-8 rounded border border-slate-300 p-4">
        <h2 id="producers-filters">{t('producers.filtersTitle')}</h2>
        <Form method="get" className="mt-3">
          <div className="grid gap-x-6 md:grid-cols-2">
            <SelectField
              meta={{ id: 'producers-municipality', name: 'municipality', initialValue: filters.municipality ?? '' }}
              label={t('producers.municipality')}
              hint={t('producers.municipalityHint')}
              placeholder={t('producers.anyMunicipality')}
              options={municipalityOptions(municipalityRows, locale)}
            />
            <SelectField
              meta={{ id: 'producers-sort', name: 'sort', initialValue: filters.sort }}
              label={t('producers.sort')}
              options={clientSorts.map((key) => ({ value: key, label: t(`producers.sorts.${key}`) }))}
            />
          </div>
          <CheckboxGroup
            meta={{ id: 'producers-languages', name: 'lang', initialValue: filters.languages }}
            legend={t('producers.languages')}
            options={boxLanguages.map((code) => ({ value: code, label: capitalised(languageName(code, locale)) }))}
          />
          <CheckboxField meta={{ id: 'producers-free', name: 'free', initialValue: filters.freeNow ? 'on' : undefined }} label={t('producers.freeNow')} />
          <Field
            meta={{ id: 'producers-q', name: 'q', initialValue: filters.q ?? '' }}
            label={t('producers.q')}
            hint={t('producers.qHint')}
            type="search"
            maxLength={queryMaxLength}
          />
          <div className="flex flex-wrap items-center gap-4">
            <Button className="text-lg">{t('producers.submit')}</Button>
            <Link to="/my-voucher/producers">{t('producers.clear')}</Link>
          </div>
        </Form>
      </section>

      <section aria-labelledby="producers-results">
        <div role="status" aria-live="polite" aria-atomic="true">
          <h2 id="producers-results">{t('producers.resultsHeading', { count: result.total })}</h2>
        </div>
        {filters.sort === 'distance' && !result.byDistance ? <p className="mt-2">{t('producers.distanceNeedsMunicipality')}</p> : null}
        {origin ? <p className="mt-2">{t('producers.distanceFrom', { municipality: municipalityName(origin, locale) })}</p> : null}
        {result.cards.length === 0 ? (
          <p className="mt-4">{t('producers.noResults')}</p>
        ) : (
          <ol className="mt-4 space-y-4" aria-label={t('producers.resultsList')}>
            {result.cards.map((card) => (
              <li key={card.id}>
                <VoucherOfferCard
                  offer={card}
                  unit={unit}
                  valueCents={valueCents}
                  unitsPerMonth={unitsPerMonth}
                  municipalities={municipalityRows}
                  origin={origin}
                  now={now}
                  action={cardAction(card.id)}
                />
              </li>
            ))}
          </ol>
        )}
        <Pagination page={result.page} pageCount={result.pageCount} />
      </section>
    </>
  )
}
