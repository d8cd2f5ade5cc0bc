import type { ReactElement } from 'react'
import { AccountExistsEmail, type AccountExistsProps } from './account-exists'
import { LinkEmail, type LinkEmailProps } from './link-email'
import { NoticeEmail, type NoticeEmailProps } from './notice-email'

/** Translates a key of the email namespace in the recipient's language. */
export type EmailT = (key: string, options?: Record<string, unknown>) => string

export type EmailProps = {
  'verify-email': LinkEmailProps
  'reset-password': LinkEmailProps
  'staff-invitation': LinkEmailProps
  'account-exists': AccountExistsProps
  'organisation-invitation': NoticeEmailProps
  'application-submitted': NoticeEmailProps
  'application-returned': NoticeEmailProps
  'application-approved': NoticeEmailProps
  'application-rejected': NoticeEmailProps
  'document-expiring': NoticeEmailProps
  'register-entry-suspended': NoticeEmailProps
  'register-entry-reinstated': NoticeEmailProps
  'register-entry-removed': NoticeEmailProps
}
export type EmailTemplate = keyof EmailProps

type Builder<T extends EmailTemplate> = (t: EmailT, lang: string, props: EmailProps[T]) => ReactElement

/** Each template: its subject key and how to build it. Props in, JSX out; sending lives in app/modules/email. */
export const templates: { [T in EmailTemplate]: { subjectKey: string; build: Builder<T> } } = {
  'verify-email': {
    subjectKey: 'verifyEmail.subject',
    build: (t, lang, props) => <LinkEmail t={t} lang={lang} kind="verifyEmail" {...props} />,
  },
  'reset-password': {
    subjectKey: 'resetPassword.subject',
    build: (t, lang, props) => <LinkEmail t={t} lang={lang} kind="resetPassword" {...props} />,
  },
  'staff-invitation': {
    subjectKey: 'staffInvitation.subject',
    build: (t, lang, props) => <LinkEmail t={t} lang={lang} kind="staffInvitation" {...props} />,
  },
  'account-exists': {
    subjectKey: 'accountExists.subject',
    build: (t, lang, props) => <AccountExistsEmail t={t} lang={lang} {...props} />,
  },
  'organisation-invitation': {
    subjectKey: 'organisationInvitation.subject',
    build: (t, lang, props) => <NoticeEmail t={t} lang={lang} kind="organisationInvitation" {...props} />,
  },
  'application-submitted': {
    subjectKey: 'applicationSubmitted.subject',
    build: (t, lang, props) => <NoticeEmail t={t} lang={lang} kind="applicationSubmitted" {...props} />,
  },
  'application-returned': {
    subjectKey: 'applicationReturned.subject',
    build: (t, lang, props) => <NoticeEmail t={t} lang={lang} kind="applicationReturned" {...props} />,
  },
  'application-approved': {
    subjectKey: 'applicationApproved.subject',
    build: (t, lang, props) => <NoticeEmail t={t} lang={lang} kind="applicationApproved" {...props} />,
  },
  'application-rejected': {
    subjectKey: 'applicationRejected.subject',
    build: (t, lang, props) => <NoticeEmail t={t} lang={lang} kind="applicationRejected" {...props} />,
  },
  'document-expiring': {
    subjectKey: 'documentExpiring.subject',
    build: (t, lang, props) => <NoticeEmail t={t} lang={lang} kind="documentExpiring" {...props} />,
  },
}

export function isEmailTemplate(name: string): name is EmailTemplate {
  return Object.hasOwn(templates, name)
  'register-entry-suspended': {
    subjectKey: 'registerEntrySuspended.subject',
    build: (t, lang, props) => <NoticeEmail t={t} lang={lang} kind="registerEntrySuspended" {...props} />,
  },
  'register-entry-reinstated': {
    subjectKey: 'registerEntryReinstated.subject',
    build: (t, lang, props) => <NoticeEmail t={t} lang={lang} kind="registerEntryReinstated" {...props} />,
  },
  'register-entry-removed': {
    subjectKey: 'registerEntryRemoved.subject',
    build: (t, lang, props) => <NoticeEmail t={t} lang={lang} kind="registerEntryRemoved" {...props} />,
  },
}
