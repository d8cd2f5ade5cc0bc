import type { LoaderFunctionArgs } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { isLocale } from '~/i18n'
import { pageTitle } from '~/i18n.server'
import { listStoredEmails } from '~/modules/email/transport.server'
import { env } from '~/utils/env.server'
import { formatDateTime } from '~/utils/format'
import { titleFromLoader } from '~/utils/meta'
import { notFound } from '~/utils/session.server'

export const meta = titleFromLoader

/** Development mailbox: exists only while no SMTP server is configured, so a newcomer can click the links. */
export async function loader({ request }: LoaderFunctionArgs) {
  if (env().SMTP_URL) notFound()
  const messages = await listStoredEmails()
  return {
    title: await pageTitle(request, 'devMail.title'),
    messages: messages.slice(0, 50).map(({ id, to, subject, text, sentAt }) => ({ id, to, subject, text, sentAt })),
  }
}

export default function DevMail() {
  const { t, i18n } = useTranslation()
  const { messages } = useLoaderData<typeof loader>()
  const locale = isLocale(i18n.language) ? i18n.language : 'sv'
  return (
    <>
      <h1>{t('devMail.title')}</h1>
      <p className="mt-2">{t('devMail.intro')}</p>
      {messages.length === 0 ? <p className="mt-6">{t('devMail.empty')}</p> : null}
      <ol className="mt-6 space-y-6">
        {messages.map((message) => (
          <li key={message.id} className="rounded border border-slate-300 p-4">
            <h2 className="text-lg">{message.subject}</h2>
            <p className="text-sm">
              {t('devMail.to')}: {message.to} · <time dateTime={message.sentAt}>{formatDateTime(message.sentAt, locale)}</time>
            </p>
            <pre className="mt-3 whitespace-pre-wrap font-sans">
              <LinkifiedText text={message.text} />
            </pre>
          </li>
        ))}
      </ol>
    </>
  )
}

function LinkifiedText({ text }: { text: string }) {
  const parts = text.split(/(https?:\/\/[^\s)\]]+)/g)
  return (
    <>
      {parts.map((part, index) => (/^https?:\/\//.test(part) ? <a key={index} href={part}>{part}</a> : part))}
    </>
  )
}
