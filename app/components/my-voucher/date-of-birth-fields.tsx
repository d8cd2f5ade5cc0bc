import { useTranslation } from 'react-i18next'
import { controlBorder } from '~/components/ui/field-frame'

type Part = { name: string; initialValue?: string }

type DateOfBirthFieldsProps = {
  /** the group's Conform field: its id goes to the day box (the error summary links there), its errors to the legend */
  meta: { id: string; errors?: string[] }
  parts: { day: Part; month: Part; year: Part }
}

/**
 * The date of birth as three numeric boxes (day, month, year) in one fieldset: nothing to scroll back eighty years
 * in a calendar, and it works the same with or without JavaScript. One message for the whole date.
 */
export function DateOfBirthFields({ meta, parts }: DateOfBirthFieldsProps) {
  const { t } = useTranslation('voucher')
  const hintId = `${meta.id}-hint`
  const errorId = meta.errors?.length ? `${meta.id}-error` : undefined
  const invalid = Boolean(errorId)
  const boxes = [
    { key: 'day', part: parts.day, id: meta.id, label: t('login.day'), autoComplete: 'bday-day', maxLength: 2, width: 'w-20' },
    { key: 'month', part: parts.month, id: `${meta.id}-month`, label: t('login.month'), autoComplete: 'bday-month', maxLength: 2, width: 'w-20' },
    { key: 'year', part: parts.year, id: `${meta.id}-year`, label: t('login.year'), autoComplete: 'bday-year', maxLength: 4, width: 'w-28' },
  ]
  return (
    <fieldset className="mb-6" aria-describedby={[hintId, errorId].filter(Boolean).join(' ')}>
      <legend className="text-xl font-semibold">{t('login.dateOfBirth')}</legend>
      <p id={hintId} className="text-slate-700">
        {t('login.dateOfBirthHint')}
      </p>
      {errorId ? (
        <p id={errorId} className="mt-1 font-semibold text-red-700">
          {meta.errors?.map((error) => t(error)).join(' ')}
        </p>
      ) : null}
      <div className={`mt-2 flex flex-wrap gap-4 ${invalid ? 'border-l-4 border-red-700 pl-3' : ''}`}>
        {boxes.map((box) => (
          <div key={box.key}>
            <label htmlFor={box.id} className="block font-semibold">
              {box.label}
            </label>
            <input
              id={box.id}
              name={box.part.name}
              defaultValue={box.part.initialValue ?? ''}
              inputMode="numeric"
              pattern="[0-9]*"
              autoComplete={box.autoComplete}
              maxLength={box.maxLength}
              required
              aria-invalid={invalid ? true : undefined}
              className={`mt-1 block ${box.width} rounded border-2 px-3 py-2 text-xl ${controlBorder(invalid)}`}
            />
          </div>
        ))}
      </div>
    </fieldset>
  )
}
