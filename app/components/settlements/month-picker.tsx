import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Button } from '~/components/ui/button'
import { SelectField } from '~/components/ui/select-field'
import { formatMonth } from '~/modules/settlements/format'
import { useLocale } from './use-locale'

/** Choosing the month: a GET form (the month stays in the address), works without JavaScript. */
export function MonthPicker({ months, selected }: { months: string[]; selected: string }) {
  const { t } = useTranslation('settlement')
  const locale = useLocale()
  return (
    <Form method="get" className="flex flex-wrap items-end gap-4">
      <SelectField
        meta={{ id: 'settlement-month', name: 'month', initialValue: selected }}
        label={t('picker.label')}
        options={months.map((month) => ({ value: month, label: formatMonth(`${month}-01`, locale) }))}
        className="mb-0"
      />
      <Button variant="secondary">
        {t('picker.submit')}
      </Button>
    </Form>
  )
}
