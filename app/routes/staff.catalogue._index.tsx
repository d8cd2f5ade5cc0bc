import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Table } from '~/components/ui/table'
import { getLocale, pageTitle } from '~/i18n.server'
import { nameIn } from '~/modules/applications/labels'
import { formatVoucherValue, valueFitsType } from '~/modules/catalogue/format'
import { listCategories } from '~/modules/catalogue/service.server'
import { formatDate } from '~/utils/format'
import { titleFromLoader } from '~/utils/meta'
import { requirePermission } from '~/utils/session.server'

export const meta = titleFromLoader

/** The service categories with the voucher value in force today (staff admins). */
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'catalogue:manage')
  const [categories, locale] = await Promise.all([listCategories(), getLocale(request)])
  return {
    title: await pageTitle(request, 'admin:catalogue.title'),
    locale,
    categories: categories.map((category) => ({
      id: category.id,
      code: category.code,
      name: nameIn(locale, category),
      unit: category.unit,
      voucherType: category.voucherType,
      reviewMode: category.reviewMode,
      active: category.active,
      valueInForce: category.valueInForce ? formatVoucherValue(category.valueInForce, locale) : null,
      valueFits: category.valueInForce ? valueFitsType(category.valueInForce, category.voucherType) : true,
      nextValue: category.nextValue
        ? { value: formatVoucherValue(category.nextValue, locale), from: formatDate(category.nextValue.effectiveFrom, locale) }
        : null,
    })),
  }
}

export default function Catalogue() {
  const { t } = useTranslation('admin')
  const { categories } = useLoaderData<typeof loader>()
  return (
    <>
      <h1>{t('catalogue.title')}</h1>
      <p className="mt-2 max-w-3xl">{t('catalogue.intro')}</p>
      <div className="mt-6">
        <Table caption={t('catalogue.listCaption')}>
          <thead>
            <tr>
              <th scope="col">{t('catalogue.name')}</th>
              <th scope="col">{t('catalogue.unit')}</th>
              <th scope="col">{t('catalogue.voucherType')}</th>
              <th scope="col">{t('catalogue.reviewMode')}</th>
              <th scope="col">{t('catalogue.active')}</th>
              <th scope="col">{t('catalogue.valueToday')}</th>
            </tr>
          </thead>
          <tbody>
            {categories.map((category) => (
              <tr key={category.id}>
                <th scope="row" className="border-b! border-slate-300! font-normal">
                  <Link to={`/staff/catalogue/${category.id}`}>{category.name}</Link>
                  <span className="block text-sm text-slate-700">{category.code}</span>
                </th>
                <td>{t(`units.${category.unit}`)}</td>
                <td>{t(`voucherTypes.${category.voucherType}`)}</td>
                <td>{t(`reviewModes.${category.reviewMode}`)}</td>
                <td>{category.active ? t('catalogue.yes') : t('catalogue.no')}</td>
                <td>
                  {category.valueInForce ?? t('catalogue.noValue')}
                  {category.valueFits ? null : <span className="block text-sm font-semibold text-red-700">{t('catalogue.valueWrongKind')}</span>}
                  {category.nextValue ? (
                    <span className="block text-sm text-slate-700">
                      {t('catalogue.nextValue', { value: category.nextValue.value, date: category.nextValue.from })}
                    </span>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      </div>
    </>
  )
}
