import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { summaryErrors } from '~/components/form-errors'
import { Alert } from '~/components/ui/alert'
import { Button } from '~/components/ui/button'
import { ErrorSummary } from '~/components/ui/error-summary'
import { Field } from '~/components/ui/field'
import { ProblemSummary } from '~/components/ui/problem-summary'
import { RadioGroup } from '~/components/ui/radio-group'
import { Table } from '~/components/ui/table'
import { isLocale } from '~/i18n'
import { getLocale, pageTitle } from '~/i18n.server'
import { nameIn } from '~/modules/applications/labels'
import { formatCentsForInput } from '~/modules/catalogue/money'
import { helsinkiToday } from '~/modules/documents/dates'
import { capacityAgeDays, isCapacityStale } from '~/modules/offers/capacity'
import { languageList, splitLanguages } from '~/modules/offers/languages'
import {
  DefaultSubmit,
  ExtraServiceRows,
  LanguageFields,
  OfferTextFields,
  offerSummaryErrors,
  sharedFieldOrder,
  sharedFieldOrderAfterPrice,
  UnitChoice,
} from '~/components/offer-fields'
import { FreePlaces, StatusBadge } from '~/components/offer-status'
import { priceHistory } from '~/modules/offers/prices'
import {
  cancelPriceSchema,
  capacityChoices,
  capacitySchema,
  confirmCapacitySchema,
  offerEditSchema,
  priceChangeSchema,
  statusSchema,
} from '~/modules/offers/schema'
import {
  archiveOffer,
  cancelScheduledPrice,
  changePrice,
  confirmCapacity,
  getOffer,
  publishOffer,
  restoreOffer,
  setCapacity,
  unpublishOffer,
  updateOffer,
  type PublishProblem,
} from '~/modules/offers/service.server'
import { offerTitle } from '~/modules/offers/texts'
import { unitOptions } from '~/modules/offers/unit-options'
import { listUnitChoices } from '~/modules/service-units/service.server'
import { readFormData } from '~/utils/form-data.server'
import { formatCents, formatDate, formatDateTime } from '~/utils/format'
import { titleFromLoader } from '~/utils/meta'
import { can } from '~/utils/permissions'
import { forbidden, notFound, requireOrganisationPermission } from '~/utils/session.server'
import { redirectWithToast } from '~/utils/toast.server'

export const meta = titleFromLoader

/**
 * One service (offer): publishing, free places, price (a new price from a date, the public price history) and
 * its description, languages, units and extra services. Members only; another organisation's offer gives 404.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireOrganisationPermission(request, params.orgId ?? '', 'organisation:view')
  const now = new Date()
  const offer = await getOffer(member.organisationId, params.offerId ?? '', now)
  if (!offer) notFound()
  const [locale, units] = await Promise.all([getLocale(request), listUnitChoices(member.organisationId)])
  const today = helsinkiToday(now)
  const languages = splitLanguages(offer.languages)
  const title = offerTitle(offer, locale)
  return {
    title: title ? `${title.text} – ${await pageTitle(request, 'offers:title')}` : await pageTitle(request, 'offers:title'),
    organisationId: member.organisationId,
    canEdit: can(member.role, 'offer:edit'),
    today,
    /** remounts the forms after every load, so a saved form starts from the saved values */
    loadedAt: now.getTime(),
    offer: {
      id: offer.id,
      status: offer.status,
      title,
      category: nameIn(locale, offer.category),
      unit: offer.category.unit,
      priceCents: offer.priceCents,
      languageList: languageList(offer.languages, locale),
      freePlaces: offer.freePlaces,
      capacityAgeDays: capacityAgeDays(offer.capacityConfirmedAt, now),
      capacityStale: offer.status === 'PUBLISHED' && isCapacityStale(offer.capacityConfirmedAt, now),
      publishedAt: offer.publishedAt,
      archivedAt: offer.archivedAt,
      entry: offer.entry,
      prices: priceHistory(offer.prices, today).map((price) => ({
        id: price.id,
        priceCents: price.priceCents,
        effectiveFrom: price.effectiveFrom,
        state: price.state,
      })),
    },
    defaults: {
      titleFi: offer.titleFi ?? undefined,
      titleSv: offer.titleSv ?? undefined,
      titleEn: offer.titleEn ?? undefined,
      descriptionFi: offer.descriptionFi ?? undefined,
      descriptionSv: offer.descriptionSv ?? undefined,
      descriptionEn: offer.descriptionEn ?? undefined,
      languages: languages.checked,
      otherLanguages: languages.other || undefined,
      unitIds: offer.unitIds,
      extras: offer.extraServices.map((extra) => ({
        nameFi: extra.nameFi ?? undefined,
        nameSv: extra.nameSv ?? undefined,
        nameEn: extra.nameEn ?? undefined,
        price: formatCentsForInput(extra.priceCents),
      })),
    },
    units: unitOptions(units, locale),
  }
}

type FormName = 'edit' | 'price' | 'capacity' | 'status'
type ActionResult = {
  form: FormName
  result?: SubmissionResult<string[]>
  /** why publishing was refused, and the category they concern (in the reader's language) */
  problems?: PublishProblem[]
  category?: string
  /** a refusal as a translation key */
  error?: string
  /** the other offer of the category (restoring an archived offer) */
  otherOfferId?: string
}

function reply(body: ActionResult, status = 400) {
  return data(body, { status })
}

/** Access refusals from a service become 404 / 403; other refusals are shown on the page. */
function refused(error: string): void {
  if (error === 'notFound') notFound()
  if (error === 'forbidden') forbidden()
}

export async function action({ request, params }: ActionFunctionArgs) {
  const member = await requireOrganisationPermission(request, params.orgId ?? '', 'offer:edit')
  const offerId = params.offerId ?? ''
  const page = `/provider/${member.organisationId}/offers/${offerId}`
  const formData = await readFormData(request)
  const intent = formData.get('intent')
  const done = (message: string, hash = '') => redirectWithToast(`${page}${hash}`, { kind: 'success', message })

  if (intent === 'price') {
    const submission = parseWithZod(formData, { schema: priceChangeSchema(helsinkiToday()) })
    if (submission.status !== 'success') return reply({ form: 'price', result: submission.reply() })
    const result = await changePrice(member, offerId, { priceCents: submission.value.price, effectiveFrom: submission.value.effectiveFrom })
    if (!result.ok) {
      refused(result.error)
      const field = result.error === 'dateInPast' ? 'effectiveFrom' : 'price'
      return reply({ form: 'price', result: submission.reply({ fieldErrors: { [field]: [`offers:errors.${result.error}`] } }) })
    }
    return done(result.appliesNow ? 'offers:toast.priceChanged' : 'offers:toast.priceScheduled', '#price')
  }

  if (intent === 'cancel-price') {
    const submission = parseWithZod(formData, { schema: cancelPriceSchema })
    if (submission.status !== 'success') return reply({ form: 'price', error: 'offers:errors.priceNotCancellable' })
    const result = await cancelScheduledPrice(member, offerId, submission.value.priceId)
    if (!result.ok) {
      if (result.error === 'forbidden') forbidden()
      return reply({ form: 'price', error: 'offers:errors.priceNotCancellable' }, 409)
    }
    return done('offers:toast.priceCancelled', '#price')
  }

  if (intent === 'capacity' || intent === 'confirm-capacity') {
    let result
    if (intent === 'capacity') {
      const submission = parseWithZod(formData, { schema: capacitySchema })
      if (submission.status !== 'success') return reply({ form: 'capacity', result: submission.reply() })
      result = await setCapacity(member, offerId, submission.value.freePlaces)
    } else {
      const submission = parseWithZod(formData, { schema: confirmCapacitySchema })
      if (submission.status !== 'success' || submission.value.offerId !== offerId) return reply({ form: 'capacity', error: 'offers:errors.capacityNotStated' })
      result = await confirmCapacity(member, offerId)
    }
    if (!result.ok) {
      refused(result.error)
      return reply({ form: 'capacity', error: `offers:errors.${result.error}` }, 409)
    }
    return done(intent === 'capacity' ? 'offers:toast.capacitySaved' : 'offers:toast.capacityConfirmed', '#capacity')
  }

  if (intent === 'save') {
    const submission = parseWithZod(formData, { schema: offerEditSchema })
    // adding or removing an extra-service row without JavaScript comes here too: it is not an error
    if (submission.status !== 'success') return reply({ form: 'edit', result: submission.reply() }, submission.status === 'error' ? 400 : 200)
    const result = await updateOffer(member, offerId, submission.value)
    if (!result.ok) {
      refused(result.error)
      const errors = result.error === 'unitUnknown' ? { fieldErrors: { unitIds: ['offers:errors.unitUnknown'] } } : { formErrors: [`offers:errors.${result.error}`] }
      return reply({ form: 'edit', result: submission.reply(errors) })
    }
    return done(result.changed ? 'offers:toast.saved' : 'offers:toast.unchanged')
  }

  const submission = parseWithZod(formData, { schema: statusSchema })
  if (submission.status !== 'success') return reply({ form: 'status', error: 'offers:errors.notAllowed' })
  const change = { publish: publishOffer, unpublish: unpublishOffer, archive: archiveOffer, restore: restoreOffer }[submission.value.intent]
  const result = await change(member, offerId)
  if (!result.ok) {
    refused(result.error)
    if (result.error === 'notPublishable') {
      const locale = await getLocale(request)
      return reply({ form: 'status', problems: result.problems, category: nameIn(locale, result.category) }, 409)
    }
    if (result.error === 'offerExists') return reply({ form: 'status', error: 'offers:errors.offerExistsRestore', otherOfferId: result.offerId }, 409)
    return reply({ form: 'status', error: 'offers:errors.notAllowed' }, 409)
  }
  return done(`offers:toast.${submission.value.intent}`)
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>

const problemTarget: Record<PublishProblem, string> = {
  noEntry: 'register',
  noPrice: '#price',
  noTitle: '#details',
  noDescription: '#details',
  noLanguage: '#details',
  noUnit: '#details',
}

export default function OfferPage() {
  const { t, i18n } = useTranslation('offers')
  const locale = isLocale(i18n.language) ? i18n.language : 'sv'
  const { organisationId, canEdit, offer, loadedAt } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>() as ActionResult | undefined
  const base = `/provider/${organisationId}`
  const problems = (actionData?.problems ?? []).map((problem) => ({
    text: t(`problems.${problem}`, { category: actionData?.category ?? offer.category }),
    href: problemTarget[problem].startsWith('#') ? problemTarget[problem] : `${base}/${problemTarget[problem]}`,
  }))
  const archived = offer.status === 'ARCHIVED'
  return (
    <div className="max-w-3xl">
      <p className="mb-4">
        <Link to={`${base}/offers`}>{t('edit.back')}</Link>
      </p>
      <h1>{offer.title ? <span lang={offer.title.fallback ? offer.title.lang : undefined}>{offer.title.text}</span> : offer.category}</h1>
      {offer.title?.fallback ? <p className="text-sm text-amber-900">{t('list.missingInYourLanguage')}</p> : null}
      <p className="mt-2">
        {t('edit.categoryLine', { category: offer.category })} <StatusBadge status={offer.status} />
      </p>
      <p className="text-sm text-slate-700">
        {offer.status === 'PUBLISHED' && offer.publishedAt ? t('edit.publishedOn', { date: formatDateTime(offer.publishedAt, locale) }) : null}
        {archived && offer.archivedAt ? t('edit.archivedOn', { date: formatDateTime(offer.archivedAt, locale) }) : null}
      </p>
      <EntryNotice entry={offer.entry} status={offer.status} category={offer.category} registerHref={`${base}/register`} />

      {actionData?.form === 'status' && problems.length > 0 ? <ProblemSummary items={problems} title={t('problems.title')} /> : null}
      {actionData?.form === 'status' && actionData.error ? (
        <Alert kind="error">
          {t(actionData.error)}{' '}
          {actionData.otherOfferId ? <Link to={`${base}/offers/${actionData.otherOfferId}`}>{t('edit.openOther')}</Link> : null}
        </Alert>
      ) : null}

      {canEdit ? <StatusActions status={offer.status} /> : null}
      <CapacitySection key={`capacity-${loadedAt}`} offer={offer} canEdit={canEdit && !archived} actionData={actionData} />
      <PriceSection key={`price-${loadedAt}`} canEdit={canEdit && !archived} actionData={actionData} />
      <DetailsSection key={`details-${loadedAt}`} canEdit={canEdit} actionData={actionData} />
    </div>
  )
}

function EntryNotice({
  entry,
  status,
  category,
  registerHref,
}: {
  entry: LoaderData['offer']['entry']
  status: LoaderData['offer']['status']
  category: string
  registerHref: string
}) {
  const { t } = useTranslation('offers')
  if (status === 'ARCHIVED' || entry?.inForce) return null
  const key = !entry ? 'noEntry' : entry.status === 'REMOVED' ? 'entryRemoved' : 'entrySuspended'
  return (
    <Alert kind={status === 'PUBLISHED' ? 'error' : 'info'}>
      <p>
        {t(`edit.entry.${key}`, { category })} {status === 'PUBLISHED' ? t('edit.entry.hidden') : t('edit.entry.cannotPublish')}
      </p>
      <p className="mt-1">
        <Link to={registerHref}>{t('new.toRegister')}</Link>
      </p>
    </Alert>
  )
}

function StatusForm({ intent, label, hint, variant }: { intent: string; label: string; hint: string; variant?: 'primary' | 'secondary' | 'danger' }) {
  return (
    <Form method="post" className="flex flex-wrap items-center gap-3">
      <input type="hidden" name="intent" value={intent} />
      <Button variant={variant}>{label}</Button>
      <span className="text-sm text-slate-700">{hint}</span>
    </Form>
  )
}

function StatusActions({ status }: { status: LoaderData['offer']['status'] }) {
  const { t } = useTranslation('offers')
  return (
    <section aria-labelledby="offer-publishing" className="mt-8">
      <h2 id="offer-publishing">{t('actions.title')}</h2>
      <div className="mt-3 space-y-3">
        {status === 'DRAFT' ? <StatusForm intent="publish" label={t('actions.publish')} hint={t('actions.publishHint')} /> : null}
        {status === 'PUBLISHED' ? (
          <StatusForm intent="unpublish" label={t('actions.unpublish')} hint={t('actions.unpublishHint')} variant="secondary" />
        ) : null}
        {status !== 'ARCHIVED' ? (
          <StatusForm intent="archive" label={t('actions.archive')} hint={t('actions.archiveHint')} variant="secondary" />
        ) : (
          <StatusForm intent="restore" label={t('actions.restore')} hint={t('actions.restoreHint')} variant="secondary" />
        )}
      </div>
    </section>
  )
}

function CapacitySection({ offer, canEdit, actionData }: { offer: LoaderData['offer']; canEdit: boolean; actionData: ActionResult | undefined }) {
  const { t } = useTranslation('offers')
  const mine = actionData?.form === 'capacity' ? actionData : undefined
  const [form, fields] = useForm({
    id: 'offer-capacity',
    lastResult: mine?.result,
    defaultValue: {
      capacity: offer.freePlaces === null ? undefined : offer.freePlaces === 0 ? 'none' : 'some',
      freePlaces: offer.freePlaces ? String(offer.freePlaces) : undefined,
    },
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: capacitySchema }),
  })
  return (
    <section id="capacity" aria-labelledby="offer-capacity-title" className="mt-10">
      <h2 id="offer-capacity-title">{t('capacity.legend')}</h2>
      <p className="mt-2">
        <FreePlaces freePlaces={offer.freePlaces} ageDays={offer.capacityAgeDays} stale={offer.capacityStale} />
      </p>
      {mine?.error ? <Alert kind="error">{t(mine.error)}</Alert> : null}
      {canEdit && offer.freePlaces !== null ? (
        <Form method="post" className="mt-3">
          <input type="hidden" name="intent" value="confirm-capacity" />
          <input type="hidden" name="offerId" value={offer.id} />
          <Button variant="secondary">{t('capacity.confirmUnchanged')}</Button>
        </Form>
      ) : null}
      {canEdit ? (
        <>
          <p className="mt-4 mb-3 max-w-prose text-sm text-slate-700">{t('capacity.hint')}</p>
          <ErrorSummary errors={summaryErrors(form, fields)} />
          <Form method="post" {...getFormProps(form)}>
            <input type="hidden" name="intent" value="capacity" />
            <RadioGroup
              meta={fields.capacity}
              legend={t('capacity.question')}
              options={capacityChoices.map((value) => ({ value, label: t(`capacity.choices.${value}`) }))}
            />
            <Field meta={fields.freePlaces} type="number" min={0} label={t('capacity.number')} hint={t('capacity.numberHint')} className="mb-5 max-w-40" />
            <Button>{t('capacity.save')}</Button>
          </Form>
        </>
      ) : null}
    </section>
  )
}

function PriceSection({ canEdit, actionData }: { canEdit: boolean; actionData: ActionResult | undefined }) {
  const { t, i18n } = useTranslation('offers')
  const locale = isLocale(i18n.language) ? i18n.language : 'sv'
  const { offer, today } = useLoaderData<typeof loader>()
  const mine = actionData?.form === 'price' ? actionData : undefined
  const schema = priceChangeSchema(today)
  const [form, fields] = useForm({
    id: 'offer-price',
    lastResult: mine?.result,
    defaultValue: { effectiveFrom: today },
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  })
  const unit = t(`unitNames.${offer.unit}`)
  return (
    <section id="price" aria-labelledby="offer-price-title" className="mt-10">
      <h2 id="offer-price-title">{t('price.title')}</h2>
      <p className="mt-2 text-lg font-semibold">{t('list.pricePerUnit', { price: formatCents(offer.priceCents, locale), unit })}</p>
      {mine?.error ? <Alert kind="error">{t(mine.error)}</Alert> : null}
      {canEdit ? (
        <>
          <h3 className="mt-6 text-lg font-semibold">{t('price.formTitle')}</h3>
          <p className="mt-1 mb-3 max-w-prose text-sm text-slate-700">{t('price.intro')}</p>
          <ErrorSummary errors={summaryErrors(form, fields)} />
          <Form method="post" {...getFormProps(form)}>
            <input type="hidden" name="intent" value="price" />
            <Field
              meta={fields.price}
              label={t('price.newPrice', { unit })}
              hint={t('fields.euroHint')}
              inputMode="decimal"
              autoComplete="off"
              className="mb-5 max-w-56"
            />
            <Field meta={fields.effectiveFrom} type="date" min={today} label={t('price.effectiveFrom')} hint={t('price.effectiveFromHint')} className="mb-5 max-w-56" />
            <Button>{t('price.submit')}</Button>
          </Form>
        </>
      ) : null}
      <div className="mt-6">
        <Table caption={t('price.historyCaption')}>
          <thead>
            <tr>
              <th scope="col">{t('price.columns.from')}</th>
              <th scope="col">{t('price.columns.price')}</th>
              <th scope="col">{t('price.columns.state')}</th>
              {canEdit ? <th scope="col">{t('price.columns.actions')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {offer.prices.map((price) => (
              <tr key={price.id}>
                <td>{formatDate(price.effectiveFrom, locale)}</td>
                <td>{formatCents(price.priceCents, locale)}</td>
                <td>{t(`price.states.${price.state}`)}</td>
                {canEdit ? (
                  <td>
                    {price.state === 'scheduled' ? (
                      <Form method="post">
                        <input type="hidden" name="intent" value="cancel-price" />
                        <input type="hidden" name="priceId" value={price.id} />
                        <Button variant="secondary" className="px-3 py-1 text-sm">
                          {t('price.cancel')}
                          <span className="sr-only">: {t('price.cancelFor', { date: formatDate(price.effectiveFrom, locale) })}</span>
                        </Button>
                      </Form>
                    ) : null}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </Table>
        <p className="mt-2 text-sm text-slate-700">{t('price.public')}</p>
      </div>
    </section>
  )
}

function DetailsSection({ canEdit, actionData }: { canEdit: boolean; actionData: ActionResult | undefined }) {
  const { t, i18n } = useTranslation('offers')
  const locale = isLocale(i18n.language) ? i18n.language : 'sv'
  const { organisationId, offer, defaults, units } = useLoaderData<typeof loader>()
  const mine = actionData?.form === 'edit' ? actionData : undefined
  const [form, fields] = useForm({
    id: 'offer-details',
    lastResult: mine?.result,
    defaultValue: defaults,
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: offerEditSchema }),
  })
  const base = `/provider/${organisationId}`
  if (offer.status === 'ARCHIVED' || !canEdit) {
    return (
      <section id="details" aria-labelledby="offer-details-title" className="mt-10">
        <h2 id="offer-details-title">{t('edit.detailsTitle')}</h2>
        {offer.status === 'ARCHIVED' ? <p className="mt-2">{t('edit.archivedNote')}</p> : null}
        <p className="mt-2">{t('edit.languagesLine', { languages: offer.languageList })}</p>
      </section>
    )
  }
  return (
    <section id="details" aria-labelledby="offer-details-title" className="mt-10">
      <h2 id="offer-details-title">{t('edit.detailsTitle')}</h2>
      <p className="mt-2 mb-6 max-w-prose">{t(offer.status === 'PUBLISHED' ? 'edit.detailsIntroPublished' : 'edit.detailsIntro')}</p>
      <ErrorSummary
        errors={offerSummaryErrors(summaryErrors(form, fields), fields, [...sharedFieldOrder(fields), ...sharedFieldOrderAfterPrice(fields)])}
      />
      <Form method="post" {...getFormProps(form)}>
        <DefaultSubmit label={t('edit.submit')} />
        <input type="hidden" name="intent" value="save" />
        <OfferTextFields fields={fields} formErrors={form.errors} />
        <LanguageFields fields={fields} locale={locale} />
        <UnitChoice
          fields={fields}
          units={units.map((unit) => ({ value: unit.value, label: unit.label, hint: `${t(`units.kinds.${unit.kind}`)}: ${unit.where}` }))}
          addUnitHref={`${base}/units/new`}
        />
        <ExtraServiceRows
          fields={fields}
          buttons={{
            add: form.insert.getButtonProps({ name: fields.extras.name, defaultValue: {} }),
            remove: (index) => form.remove.getButtonProps({ name: fields.extras.name, index }),
          }}
        />
        <Button>{t('edit.submit')}</Button>
      </Form>
    </section>
  )
}
