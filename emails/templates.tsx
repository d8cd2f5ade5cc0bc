import type { ReactElement } from 'react'
import { AccountExistsEmail, type AccountExistsProps } from './account-exists'
import { LinkEmail, type LinkEmailProps } from './link-email'
import { NoticeEmail, type NoticeEmailProps } from './notice-email'

/** Translates a key of the email namespace in the recipient's language. */
export type EmailT = (key: string, options?: Record<string, unknown>) => string

/** Emails whose point is one link; the value is their key prefix in the email namespace. */
const linkEmails = {
  'verify-email': 'verifyEmail',
  'reset-password': 'resetPassword',
  'staff-invitation': 'staffInvitation',
} as const

/** State-change notices (subject, preview, body and action texts under the key prefix). */
const noticeEmails = {
  'organisation-invitation': 'organisationInvitation',
  'application-submitted': 'applicationSubmitted',
  'application-returned': 'applicationReturned',
  'application-approved': 'applicationApproved',
  'application-rejected': 'applicationRejected',
  'document-expiring': 'documentExpiring',
  'register-entry-suspended': 'registerEntrySuspended',
  'register-entry-reinstated': 'registerEntryReinstated',
  'register-entry-removed': 'registerEntryRemoved',
  'capacity-reminder': 'capacityReminder',
  'choice-received': 'choiceReceived',
  'choice-ended': 'choiceEnded',
  'choice-accepted': 'choiceAccepted',
  'choice-declined': 'choiceDeclined',
  'settlement-approved': 'settlementApproved',
  'voucher-cancelled': 'voucherCancelled',
} as const

export type EmailProps = { [K in keyof typeof linkEmails]: LinkEmailProps } & {
  [K in keyof typeof noticeEmails]: NoticeEmailProps
} & { 'account-exists': AccountExistsProps }
export type EmailTemplate = keyof EmailProps

type TemplateEntry<P> = { subjectKey: string; build: (t: EmailT, lang: string, props: P) => ReactElement }

/** Each template: its subject key and how to build it. Props in, JSX out; sending lives in app/modules/email. */
export const templates = {
  ...(Object.fromEntries(
    Object.entries(linkEmails).map(([name, kind]) => [
      name,
      { subjectKey: `${kind}.subject`, build: (t, lang, props) => <LinkEmail t={t} lang={lang} kind={kind} {...props} /> },
    ]),
  ) as { [K in keyof typeof linkEmails]: TemplateEntry<LinkEmailProps> }),
  ...(Object.fromEntries(
    Object.entries(noticeEmails).map(([name, kind]) => [
      name,
      { subjectKey: `${kind}.subject`, build: (t, lang, props) => <NoticeEmail t={t} lang={lang} kind={kind} {...props} /> },
    ]),
  ) as { [K in keyof typeof noticeEmails]: TemplateEntry<NoticeEmailProps> }),
  'account-exists': {
    subjectKey: 'accountExists.subject',
    build: (t, lang, props) => <AccountExistsEmail t={t} lang={lang} {...props} />,
  } satisfies TemplateEntry<AccountExistsProps>,
}

export function isEmailTemplate(name: string): name is EmailTemplate {
  return Object.hasOwn(templates, name)
}
