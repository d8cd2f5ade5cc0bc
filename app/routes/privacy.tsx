import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { Fragment, type ReactNode } from 'react'
import { Trans, useTranslation } from 'react-i18next'
import { pageTitle } from '~/i18n.server'
import { env } from '~/utils/env.server'
import { titleFromLoader } from '~/utils/meta'

export const meta = titleFromLoader

/**
 * The privacy notice (GDPR Art. 13 and 14) in the `privacy` namespace: what is stored and why, legal bases, who sees
 * what, retention (the configured RETENTION_YEARS), the log of views, security, rights and contacts.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  return { title: await pageTitle(request, 'privacy:title'), retentionYears: env().RETENTION_YEARS }
}

/** Contact details are the same in every language; their labels and the postal address come from the locale files. */
const switchboard = { text: '+358 6 218 1111', href: 'tel:+35862181111' }
/**
 * PLACEHOLDER: the welfare area's data protection officer's address is not given in the design; `.example` is a
 * reserved domain that never delivers. Replace it with the real address before production (docs/personal-data.md).
 */
const dpoEmail = 'tietosuoja@pohjanmaanhyvinvointi.example'

const purposes = ['register', 'vouchers', 'delivery', 'settlements', 'security', 'followUp'] as const
const legalBases = ['publicTask', 'legalObligation', 'special'] as const
const laws = ['vouchers', 'organisation', 'clientData'] as const
const dataGroups = {
  users: ['name', 'password', 'sessions'],
  organisations: ['contact', 'services', 'documents', 'applications'],
  clients: ['name', 'identityCode', 'municipality', 'contact', 'vouchers', 'producer', 'delivered'],
} as const
const recipients = ['staff', 'provider', 'finance', 'public'] as const
const retention = ['documents', 'clients', 'basis', 'log'] as const
const rights = ['access', 'rectification', 'restriction', 'objection'] as const
/** The cookie names as the browser shows them (see session.server, i18n.server and toast.server). */
const cookies = [
  ['session', '__session'],
  ['voucher', '__voucher'],
  ['lang', 'lang'],
  ['toast', 'toast'],
] as const

export default function PrivacyNotice() {
  const { t } = useTranslation('privacy')
  const { retentionYears } = useLoaderData<typeof loader>()
  const s = (key: string) => t(`notice.sections.${key}`, { years: retentionYears })
  const label = (key: string) => t(`notice.contact.${key}`)

  return (
    <>
      <h1>{t('title')}</h1>
      <p className="mt-4 max-w-3xl text-lg">{t('notice.lead')}</p>

      <Section id="privacy-controller" title={s('controller.title')}>
        <p className="mt-3">{s('controller.p1')}</p>
        <ContactList
          rows={[
            [label('post'), s('controller.postalAddress')],
            [label('switchboard'), <a href={switchboard.href}>{switchboard.text}</a>],
          ]}
        />
      </Section>

      <Section id="privacy-dpo" title={s('dpo.title')}>
        <p className="mt-3">{s('dpo.p1')}</p>
        <ContactList rows={[[label('email'), <a href={`mailto:${dpoEmail}`}>{dpoEmail}</a>]]} />
      </Section>

      <Section id="privacy-purposes" title={s('purposes.title')}>
        <p className="mt-3">{s('purposes.intro')}</p>
        <KeyList keys={purposes.map((key) => `notice.sections.purposes.items.${key}`)} />
      </Section>

      <Section id="privacy-legal-basis" title={s('legalBasis.title')}>
        <p className="mt-3">{s('legalBasis.p1')}</p>
        <KeyList keys={legalBases.map((key) => `notice.sections.legalBasis.items.${key}`)} />
        <p className="mt-3">{s('legalBasis.p2')}</p>
        <KeyList keys={laws.map((key) => `notice.sections.legalBasis.laws.${key}`)} />
      </Section>

      <Section id="privacy-data" title={s('data.title')}>
        <h3 className="mt-5">{s('data.users.title')}</h3>
        <KeyList keys={dataGroups.users.map((key) => `notice.sections.data.users.items.${key}`)} />
        <h3 className="mt-5">{s('data.organisations.title')}</h3>
        <KeyList keys={dataGroups.organisations.map((key) => `notice.sections.data.organisations.items.${key}`)} />
        <p className="mt-3">{s('data.organisations.note')}</p>
        <h3 className="mt-5">{s('data.clients.title')}</h3>
        <KeyList keys={dataGroups.clients.map((key) => `notice.sections.data.clients.items.${key}`)} />
        <p className="mt-3">{s('data.clients.special')}</p>
      </Section>

      <Section id="privacy-sources" title={s('sources.title')}>
        <p className="mt-3">{s('sources.p1')}</p>
      </Section>

      <Section id="privacy-recipients" title={s('recipients.title')}>
        <KeyList keys={recipients.map((key) => `notice.sections.recipients.items.${key}`)} />
      </Section>

      <Section id="privacy-transfers" title={s('transfers.title')}>
        <p className="mt-3">{s('transfers.p1')}</p>
      </Section>

      <Section id="privacy-retention" title={s('retention.title')}>
        <KeyList keys={retention.map((key) => `notice.sections.retention.items.${key}`)} values={{ years: retentionYears }} />
      </Section>

      <Section id="privacy-log" title={s('log.title')}>
        <p className="mt-3">{s('log.p1')}</p>
        <p className="mt-3">
          {s('log.p2')} <Link to="/my-voucher/data">{t('menu.data')}</Link>
        </p>
      </Section>

      <Section id="privacy-security" title={s('security.title')}>
        <p className="mt-3">{s('security.p1')}</p>
      </Section>

      <Section id="privacy-rights" title={s('rights.title')}>
        <p className="mt-3">{s('rights.intro')}</p>
        <KeyList keys={rights.map((key) => `notice.sections.rights.items.${key}`)} />
        <p className="mt-3">{s('rights.erasure')}</p>
        <p className="mt-3">{s('rights.howTo')}</p>
        <p className="mt-3">
          <Trans
            t={t}
            i18nKey="notice.sections.rights.complaint"
            components={{ site: <a href={s('rights.complaintUrl')} /> }}
          />
        </p>
      </Section>

      <Section id="privacy-cookies" title={s('cookies.title')}>
        <p className="mt-3">{s('cookies.p1')}</p>
        <ul className="mt-3 list-disc space-y-1 pl-6">
          {cookies.map(([key, name]) => (
            <li key={key}>
              <code className="rounded bg-slate-100 px-1">{name}</code>: {s(`cookies.items.${key}`)}
            </li>
          ))}
        </ul>
        <p className="mt-3">{s('cookies.p2')}</p>
      </Section>

      <Section id="privacy-automated" title={s('automated.title')}>
        <p className="mt-3">{s('automated.p1')}</p>
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

function KeyList({ keys, values }: { keys: readonly string[]; values?: Record<string, unknown> }) {
  const { t } = useTranslation('privacy')
  return (
    <ul className="mt-3 list-disc space-y-1 pl-6">
      {keys.map((key) => (
        <li key={key}>{t(key, values)}</li>
      ))}
    </ul>
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
