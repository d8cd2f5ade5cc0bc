import type { LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { VoucherStatus } from '~/components/issuing/voucher-status'
import { Button } from '~/components/ui/button'
import { Field } from '~/components/ui/field'
import { Pagination } from '~/components/ui/pagination'
import { SelectField } from '~/components/ui/select-field'
import { Table } from '~/components/ui/table'
import { isLocale } from '~/i18n'
import { pageTitle } from '~/i18n.server'
import { nameIn } from '~/modules/applications/labels'
import { listVouchers, voucherCategoryOptions } from '~/modules/vouchers/issuing-read.server'
import { parseVoucherListFilters, voucherStatuses } from '~/modules/vouchers/issuing-schema'
import { formatDate } from '~/utils/format'
import { titleFromLoader } from '~/utils/meta'
import { requirePermission } from '~/utils/session.server'

export const meta = titleFromLoader

/** Every voucher, newest decision first, filtered by status, category, or a code or client name (GET, in the address). */
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'voucher:issue')
  const filters = parseVoucherListFilters(new URL(request.url).searchParams)
  const [list, categories] = await Promise.all([listVouchers(filters), voucherCategoryOptions()])
  return { title: await pageTitle(request, 'issuing:vouchers.title'), filters, categories, ...list }
}

export default function StaffVouchers() {
  const { t, i18n } = useTranslation('issuing')
  const locale = isLocale(i18n.language) ? i18n.language : 'sv'
  const { filters, categories, vouchers, total, page, pageCount } = useLoaderData<typeof loader>()
  const filtered = Boolean(filters.status || filters.category || filters.q)
  return (
    <>
      <h1>{t('vouchers.title')}</h1>
      <p className="mt-2 mb-6 max-w-2xl">
        {t('vouchers.intro')} <Link to="/staff/clients">{t('vouchers.toClients')}</Link>
      </p>

      <section aria-labelledby="voucher-filters" className="mb-6 rounded border border-slate-300 p-4">
        <h2 id="voucher-filters" className="text-lg font-semibold">
          {t('vouchers.filtersTitle')}
        </h2>
        <Form method="get" className="mt-3 grid gap-x-6 md:grid-cols-3">
          <Field meta={{ id: 'filter-q', name: 'q', initialValue: filters.q ?? '' }} type="search" label={t('vouchers.q')} hint={t('vouchers.qHint')} />
          <SelectField
            meta={{ id: 'filter-status', name: 'status', initialValue: filters.status ?? '' }}
            label={t('vouchers.status')}
            placeholder={t('vouchers.allStatuses')}
            options={voucherStatuses.map((status) => ({ value: status, label: t(`status.${status}`) }))}
          />
          <SelectField
            meta={{ id: 'filter-category', name: 'category', initialValue: filters.category ?? '' }}
            label={t('vouchers.category')}
            placeholder={t('vouchers.allCategories')}
            options={categories.map((category) => ({ value: category.id, label: nameIn(locale, category) }))}
          />
          <div className="flex flex-wrap items-center gap-4 md:col-span-3">
            <Button>{t('vouchers.filter')}</Button>
            {filtered ? <Link to="/staff/vouchers">{t('vouchers.clear')}</Link> : null}
          </div>
        </Form>
      </section>

      <p role="status" className="mb-3">
        {t('vouchers.count', { count: total })}
      </p>
      {vouchers.length > 0 ? (
        <Table caption={t('vouchers.caption')} captionHidden>
          <thead>
            <tr>
              <th scope="col">{t('vouchers.columns.code')}</th>
              <th scope="col">{t('vouchers.columns.client')}</th>
              <th scope="col">{t('vouchers.columns.category')}</th>
              <th scope="col">{t('vouchers.columns.status')}</th>
              <th scope="col">{t('vouchers.columns.validity')}</th>
              <th scope="col">{t('vouchers.columns.decision')}</th>
            </tr>
          </thead>
          <tbody>
            {vouchers.map((voucher) => (
              <tr key={voucher.id} className="align-top">
                <td>
                  <Link to={`/staff/vouchers/${voucher.id}`} className="font-mono font-semibold">
                    {voucher.code}
                  </Link>
                </td>
                <td>
                  <Link to={`/staff/clients/${voucher.client.id}`}>
                    {voucher.client.lastName}, {voucher.client.firstName}
                  </Link>
                </td>
                <td>{nameIn(locale, voucher.category)}</td>
                <td>
                  <VoucherStatus status={voucher.status} />
                </td>
                <td>{t('validity', { from: formatDate(voucher.validFrom, locale), to: formatDate(voucher.validTo, locale) })}</td>
                <td>{t('decisionOn', { number: voucher.decisionNumber, date: formatDate(voucher.decisionDate, locale) })}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      ) : null}
      <Pagination page={page} pageCount={pageCount} />
    </>
  )
}
