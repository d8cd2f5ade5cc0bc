import type { LoaderFunctionArgs } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { CurrentTable, EndedTable, PendingTable } from '~/components/delivery/choice-tables'
import { Pagination } from '~/components/ui/pagination'
import { isLocale } from '~/i18n'
import { getLocale, pageTitle } from '~/i18n.server'
import { listChoices } from '~/modules/delivery/choices.server'
import { pageParam } from '~/modules/delivery/schema'
import { choiceListView } from '~/modules/delivery/view.server'
import { titleFromLoader } from '~/utils/meta'
import { requireOrganisationPermission } from '~/utils/session.server'

export const meta = titleFromLoader

/**
 * The organisation's voucher clients: new choices waiting for a decision, current clients, and ended ones (a page at
 * a time). Members only; other organisations' ids give 404.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireOrganisationPermission(request, params.orgId ?? '', 'choice:decide')
  const endedPage = pageParam(new URL(request.url).searchParams.get('page'))
  const [locale, lists] = await Promise.all([getLocale(request), listChoices(member.organisationId, { endedPage })])
  return {
    title: await pageTitle(request, 'delivery:list.title'),
    organisationId: member.organisationId,
    pending: lists.pending.map((row) => choiceListView(row, locale)),
    current: lists.current.map((row) => choiceListView(row, locale)),
    ended: lists.ended.map((row) => choiceListView(row, locale)),
    endedPage: lists.endedPage,
    endedPageCount: lists.endedPageCount,
  }
}

export default function Clients() {
  const { t, i18n } = useTranslation('delivery')
  const locale = isLocale(i18n.language) ? i18n.language : 'sv'
  const { organisationId, pending, current, ended, endedPage, endedPageCount } = useLoaderData<typeof loader>()
  const base = `/provider/${organisationId}/clients`
  return (
    <>
      <h1>{t('list.title')}</h1>
      <p className="mt-2 mb-6 max-w-2xl">{t('list.intro')}</p>

      <section aria-labelledby="pending-title" className="mt-8">
        <h2 id="pending-title">{t('list.pendingTitle', { count: pending.length })}</h2>
        {pending.length === 0 ? <p className="mt-2">{t('list.pendingEmpty')}</p> : <PendingTable rows={pending} base={base} locale={locale} />}
      </section>

      <section aria-labelledby="current-title" className="mt-10">
        <h2 id="current-title">{t('list.currentTitle')}</h2>
        {current.length === 0 ? <p className="mt-2">{t('list.currentEmpty')}</p> : <CurrentTable rows={current} base={base} locale={locale} />}
      </section>

      <section aria-labelledby="ended-title" className="mt-10">
        <h2 id="ended-title">{t('list.endedTitle')}</h2>
        {ended.length === 0 ? <p className="mt-2">{t('list.endedEmpty')}</p> : <EndedTable rows={ended} base={base} locale={locale} />}
        <Pagination page={endedPage} pageCount={endedPageCount} />
      </section>
    </>
  )
}
