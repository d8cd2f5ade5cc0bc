import type { LoaderFunctionArgs } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { Fragment, type ReactNode } from 'react'
import { Trans, useTranslation } from 'react-i18next'
import { pageTitle } from '~/i18n.server'
import { env } from '~/utils/env.server'
import { titleFromLoader } from '~/utils/meta'

export const meta = titleFromLoader

export async function loader({ request }: LoaderFunctionArgs) {
  return {
    title: await pageTitle(request, 'pages:accessibility.title'),
    serviceUrl: env().APP_ORIGIN,
  }
}

/** Contact details are the same in every language; their labels and postal addresses come from the locale files. */
const feedback = {
  email: 'saavutettavuus@pohjanmaanhyvinvointi.example',
  phone: '+358 6 218 1111',
  phoneHref: 'tel:+35862181111',
}
const authority = {
  email: 'saavutettavuus@avi.fi',
  phone: '0295 016 000',
  phoneHref: 'tel:+358295016000',
}
const statementDate = '2026-11-23'

const shortcomings = ['documents', 'charts', 'distances', 'providerTexts'] as const
const methods = ['axe', 'keyboard', 'screenReader'] as const

export default function AccessibilityStatement() {
  const { t } = useTranslation('pages')
  const { serviceUrl } = useLoaderData<typeof loader>()
  const s = (key: string) => t(`accessibility.sections.${key}`)
  const label = (key: string) => t(`accessibility.contact.${key}`)

  return (
    <>
      <h1>{t('accessibility.title')}</h1>
      <p className="mt-4 max-w-3xl text-lg">{t('accessibility.lead')}</p>

      <Section id="a11y-scope" title={s('scope.title')}>
        <p className="mt-3">{s('scope.p1')}</p>
        <ContactList
          rows={[
            [label('provider'), t('app.organiser', { ns: 'common' })],
            [label('address'), <a href={serviceUrl}>{serviceUrl}</a>],
          ]}
        />
        <p className="mt-3">{s('scope.p2')}</p>
      </Section>

      <Section id="a11y-status" title={s('status.title')}>
        <p className="mt-3 font-semibold">{s('status.p1')}</p>
        <p className="mt-3">{s('status.p2')}</p>
      </Section>

      <Section id="a11y-shortcomings" title={s('shortcomings.title')}>
        <p className="mt-3">{s('shortcomings.intro')}</p>
        {shortcomings.map((key) => (
          <Fragment key={key}>
            <h3 className="mt-5">{s(`shortcomings.${key}.title`)}</h3>
            <p className="mt-2">{s(`shortcomings.${key}.body`)}</p>
          </Fragment>
        ))}
        <p className="mt-5">{s('shortcomings.outro')}</p>
      </Section>

      <Section id="a11y-assessment" title={s('assessment.title')}>
        <p className="mt-3">
          <Trans
            t={t}
            i18nKey="accessibility.sections.assessment.date"
            components={{ date: <time dateTime={statementDate} /> }}
          />
        </p>
        <p className="mt-3">{s('assessment.p1')}</p>
        <ul className="mt-3 list-disc space-y-1 pl-6">
          {methods.map((key) => (
            <li key={key}>{s(`assessment.methods.${key}`)}</li>
          ))}
        </ul>
        <p className="mt-3">{s('assessment.p2')}</p>
      </Section>

      <Section id="a11y-feedback" title={s('feedback.title')}>
        <p className="mt-3">{s('feedback.p1')}</p>
        <p className="mt-3">{s('feedback.p2')}</p>
        <ContactList
          rows={[
            [label('email'), <a href={`mailto:${feedback.email}`}>{feedback.email}</a>],
            [label('phone'), <a href={feedback.phoneHref}>{feedback.phone}</a>],
            [label('post'), s('feedback.postalAddress')],
          ]}
        />
        <p className="mt-3 font-semibold">{s('feedback.responseTime')}</p>
      </Section>

      <Section id="a11y-supervision" title={s('supervision.title')}>
        <p className="mt-3">{s('supervision.p1')}</p>
        <p className="mt-3">{s('supervision.p2')}</p>
        <h3 className="mt-5">{s('supervision.contactTitle')}</h3>
        <p className="mt-2">{s('supervision.authority')}</p>
        <ContactList
          rows={[
            [label('website'), <a href={`https://${s('supervision.website')}`}>{s('supervision.website')}</a>],
            [label('email'), <a href={`mailto:${authority.email}`}>{authority.email}</a>],
            [label('switchboard'), <a href={authority.phoneHref}>{authority.phone}</a>],
          ]}
        />
      </Section>
    </>
  )
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="mt-10 max-w-3xl">
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  )
}

/** Label–value pairs; stacked on narrow screens, two columns from `sm` up. */
function ContactList({ rows }: { rows: [label: string, value: ReactNode][] }) {
  return (
    <dl className="mt-3 grid gap-x-6 sm:grid-cols-[auto_1fr] sm:gap-y-1">
      {rows.map(([term, value]) => (
        <Fragment key={term}>
          <dt className="font-semibold">{term}</dt>
          <dd className="mb-2 [overflow-wrap:anywhere] sm:mb-0">{value}</dd>
        </Fragment>
      ))}
    </dl>
  )
}
