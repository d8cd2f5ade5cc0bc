import { getFormProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { summaryErrors } from '~/components/form-errors'
import { Button } from '~/components/ui/button'
import { ErrorSummary } from '~/components/ui/error-summary'
import { Field } from '~/components/ui/field'
import { Table } from '~/components/ui/table'
import { TextareaField } from '~/components/ui/textarea-field'
import { getLocale, pageTitle } from '~/i18n.server'
import { helsinkiToday } from '~/modules/documents/dates'
import { paragraphs, rulebookSchema, type RulebookFormInput } from '~/modules/rulebook/schema'
import { createRulebookVersion, listRulebooks } from '~/modules/rulebook/service.server'
import { readFormData } from '~/utils/form-data.server'
import { formatDate, formatDateTime } from '~/utils/format'
import { titleFromLoader } from '~/utils/meta'
import { requirePermission } from '~/utils/session.server'
import { redirectWithToast } from '~/utils/toast.server'

export const meta = titleFromLoader

const languages = ['fi', 'sv', 'en'] as const
type Language = (typeof languages)[number]
const suffix = { fi: 'Fi', sv: 'Sv', en: 'En' } as const

/** The rulebook's versions, the one in force today marked, and the form for a new version (staff admins). */
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'rulebook:manage')
  const [versions, locale] = await Promise.all([listRulebooks(), getLocale(request)])
  const newest = versions[0]
  return {
    title: await pageTitle(request, 'admin:rulebook.title'),
    today: helsinkiToday(),
    versions: versions.map((version) => ({
      id: version.id,
      version: version.version,
      effectiveFrom: formatDate(version.effectiveFrom, locale),
      publishedAt: formatDateTime(version.publishedAt, locale),
      inForce: version.inForce,
      upcoming: version.upcoming,
      acceptedIn: version.acceptedIn,
      title: locale === 'fi' ? version.titleFi : locale === 'sv' ? version.titleSv : version.titleEn,
      texts: languages.map((language) => ({
        language,
        title: version[`title${suffix[language]}`],
        paragraphs: paragraphs(version[`body${suffix[language]}`]),
      })),
    })),
    // the form starts from the newest version's texts: a new version usually changes a paragraph or two
    draft: newest
      ? {
          titleFi: newest.titleFi,
          titleSv: newest.titleSv,
          titleEn: newest.titleEn,
          bodyFi: newest.bodyFi,
          bodySv: newest.bodySv,
          bodyEn: newest.bodyEn,
        }
      : undefined,
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requirePermission(request, 'rulebook:manage')
  const submission = parseWithZod(await readFormData(request), { schema: rulebookSchema })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  const result = await createRulebookVersion(admin.id, submission.value)
  if (!result.ok) {
    const fieldErrors: Record<string, string[]> =
      result.error === 'versionTaken'
        ? { version: ['admin:errors.versionTaken'] }
        : { effectiveFrom: [result.error === 'effectiveFromPast' ? 'admin:errors.effectiveFromPast' : 'admin:errors.dateInvalid'] }
    return data({ result: submission.reply({ fieldErrors }) }, { status: 400 })
  }
  return redirectWithToast('/staff/rulebook', { kind: 'success', message: 'admin:toast.rulebookPublished' })
}

function status(version: { inForce: boolean; upcoming: boolean }): 'inForce' | 'upcoming' | 'earlier' {
  return version.inForce ? 'inForce' : version.upcoming ? 'upcoming' : 'earlier'
}

function NewVersionForm() {
  const { t } = useTranslation('admin')
  const { today, draft } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [form, fields] = useForm<RulebookFormInput>({
    id: 'rulebook',
    lastResult: actionData?.result,
    defaultValue: draft,
    constraint: getZodConstraint(rulebookSchema),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: rulebookSchema }),
  })
  const titleField = { fi: fields.titleFi, sv: fields.titleSv, en: fields.titleEn }
  const bodyField = { fi: fields.bodyFi, sv: fields.bodySv, en: fields.bodyEn }
  return (
    <section aria-labelledby="new-version" className="mt-10 max-w-3xl">
      <h2 id="new-version">{t('rulebook.newTitle')}</h2>
      <p className="mt-2 mb-6">{t('rulebook.newIntro')}</p>
      <ErrorSummary errors={summaryErrors(form, fields)} />
      <Form method="post" {...getFormProps(form)}>
        <Field meta={fields.version} label={t('rulebook.version')} hint={t('rulebook.versionHint')} autoComplete="off" />
        <Field meta={fields.effectiveFrom} type="date" min={today} label={t('rulebook.effectiveFrom')} hint={t('rulebook.effectiveFromHint')} />
        {languages.map((language: Language) => (
          <fieldset key={language} className="mb-6">
            <legend className="text-lg font-semibold">{t(`rulebook.textLegend.${language}`)}</legend>
            <Field meta={titleField[language]} label={t(`rulebook.titleIn.${language}`)} lang={language} autoComplete="off" />
            <TextareaField
              meta={bodyField[language]}
              label={t(`rulebook.bodyIn.${language}`)}
              hint={t('rulebook.bodyHint')}
              lang={language}
              rows={14}
            />
          </fieldset>
        ))}
        <Button>{t('rulebook.publish')}</Button>
      </Form>
    </section>
  )
}

export default function RulebookPage() {
  const { t } = useTranslation('admin')
  const { versions } = useLoaderData<typeof loader>()
  // after publishing, the page's data changes: a new key gives the form fresh initial values
  const formKey = versions.map((version) => version.id).join()
  return (
    <>
      <h1>{t('rulebook.title')}</h1>
      <p className="mt-2 max-w-3xl">{t('rulebook.intro')}</p>
      {versions.length === 0 ? (
        <p className="mt-6">{t('rulebook.none')}</p>
      ) : (
        <div className="mt-6">
          <Table caption={t('rulebook.listCaption')}>
            <thead>
              <tr>
                <th scope="col">{t('rulebook.version')}</th>
                <th scope="col">{t('rulebook.versionTitle')}</th>
                <th scope="col">{t('rulebook.effectiveFrom')}</th>
                <th scope="col">{t('rulebook.published')}</th>
                <th scope="col">{t('rulebook.status')}</th>
                <th scope="col">{t('rulebook.acceptedIn')}</th>
              </tr>
            </thead>
            <tbody>
              {versions.map((version) => (
                <tr key={version.id} className={version.inForce ? 'bg-brand-50' : undefined}>
                  <th scope="row" className="border-b! border-slate-300!">{version.version}</th>
                  <td>{version.title}</td>
                  <td>{version.effectiveFrom}</td>
                  <td>{version.publishedAt}</td>
                  <td className={version.inForce ? 'font-bold' : undefined}>{t(`rulebook.statuses.${status(version)}`)}</td>
                  <td>{t('rulebook.applications', { count: version.acceptedIn })}</td>
                </tr>
              ))}
            </tbody>
          </Table>
        </div>
      )}

      {versions.length > 0 ? (
        <section aria-labelledby="version-texts" className="mt-8 max-w-3xl">
          <h2 id="version-texts">{t('rulebook.textsTitle')}</h2>
          {versions.map((version) => (
            <details key={version.id} className="mt-3 rounded border-2 border-slate-300 p-3" open={version.inForce}>
              <summary className="cursor-pointer font-semibold">
                {t('rulebook.readVersion', { version: version.version })}
                {version.inForce ? ` (${t('rulebook.statuses.inForce')})` : null}
              </summary>
              {version.texts.map((text) => (
                <article key={text.language} lang={text.language} className="mt-4">
                  <h3 className="text-lg font-semibold">{text.title}</h3>
                  {text.paragraphs.map((paragraph, index) => (
                    <p key={index} className="mt-2 whitespace-pre-line">
                      {paragraph}
                    </p>
                  ))}
                </article>
              ))}
            </details>
          ))}
        </section>
      ) : null}

      <NewVersionForm key={formKey} />
    </>
  )
}
